import CourseLoader
import CourseModel
import FileAccess
import ThemeTemplates

/// A course's theme overrides are checked before any package meets them: regular files inside the
/// workspace (never a link to a file elsewhere on the build machine), of a sane size, and templates
/// that parse.
public struct ThemeOverrideRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "theme-override", name: "Theme override",
        summary:
            "A file in a course's `theme/` folder that replaces a theme file (\(WorkspaceLayout.themeFileNames.map { "`\($0)`" }.joined(separator: ", "))) is a regular file inside the workspace, at most \(WorkspaceLoader.maximumFileSize / 1024 / 1024) MB, and a template that parses.",
        triggeringExamples: [
            RuleExample.writing("<p>{{#things}}unclosed</p>\n", to: RuleFixture.inThemeFolder("thing.mustache"))
                .expecting(RuleFixture.inThemeFolder("thing.mustache"))
        ],
        nonTriggeringExamples: [
            RuleExample.writing("body { color: #111; }\n", to: RuleFixture.inThemeFolder("course.css")),
            RuleExample.writing("notes", to: RuleFixture.inThemeFolder("README.txt")),
        ])

    /// Checks every override of every course.
    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for course in context.workspace.courses {
            let folder = context.layout.themeFolder(inCourseFolder: course.folder)
            guard context.fileSystem.isDirectory(context.absolutePath(folder)),
                let names = try? context.fileSystem.contentsOfDirectory(context.absolutePath(folder))
            else { continue }
            for name in names where WorkspaceLayout.themeFileNames.contains(name) {
                let path = folder + "/" + name
                if let refusal = context.files.check(path) {
                    findings.append(finding("theme file: \(refusal.message)", at: SourceLocation(file: path), hint: refusal.hint))
                    continue
                }
                if let size = context.fileSystem.fileSize(at: context.absolutePath(path)), size > WorkspaceLoader.maximumFileSize
                {
                    findings.append(
                        finding(
                            "theme file `\(path)` is larger than \(WorkspaceLoader.maximumFileSize / 1024 / 1024) MB",
                            at: SourceLocation(file: path)))
                    continue
                }
                guard name.hasSuffix(".mustache"), let bytes = try? context.files.read(path) else { continue }
                do {
                    _ = try TemplateLibrary(sources: [
                        String(name.dropLast(".mustache".count)): String(decoding: bytes, as: UTF8.self)
                    ])
                } catch {
                    findings.append(
                        finding(
                            "template \(error.message)", at: SourceLocation(file: path, line: error.line, column: 1),
                            hint: "the default theme's file is a working example to start from"))
                }
            }
        }
        return findings
    }
}
