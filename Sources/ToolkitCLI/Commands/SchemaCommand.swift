import ArgumentParser
import CourseLoader
import CourseModel
import FileAccess

/// `toolkit schema`: JSON Schemas of the course and badge files, for editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write JSON Schemas (draft 2020-12) of course.yaml, Thing front matter, badge and issuer files.",
        discussion: """
            The schemas come from the same field table the loader reads by: every key, its type, its allowed \
            values and what it means. Point the YAML language server at them (VS Code's YAML extension, \
            Neovim, Helix) for completion, descriptions and checks as you type; `toolkit validate` remains the \
            full check (references, numbering, media, badge art).
            """)

    @Option(help: "The folder to write the schemas to (default: build/schemas in the workspace).")
    var output: String?

    func run() throws {
        let environment = CommandEnvironment.current
        let layout = WorkspaceLayout.standard
        let root =
            (try? WorkspaceLocator.locate(
                nil, currentDirectory: environment.currentDirectory, fileSystem: environment.fileSystem))?.root
            ?? environment.currentDirectory
        let folder: String
        if let output {
            folder = environment.absolutePath(output)
        } else {
            folder = OutputLayout.standard.schemasFolder(outputFolder: OutputLayout.standard.defaultFolder(workspaceRoot: root))
        }
        try OutputPlacement.refuseInsideSources(folder, workspaceRoot: root)
        let files = JSONSchemaDocument.files(layout: layout)
        // The copy a course repository's editor settings name is refreshed too, when there is one.
        let editorFolder = WorkspaceLayout.absolute(layout.editorSchemasFolder, root: root)
        let folders = [folder] + (output == nil && environment.fileSystem.isDirectory(editorFolder) ? [editorFolder] : [])
        for target in folders {
            do {
                try environment.fileSystem.createDirectory(target)
                let atomic = AtomicOutput(fileSystem: environment.fileSystem)
                for file in files {
                    try atomic.writeFile(JSONSchemaDocument.bytes(of: file), to: joinPath(target, file.name))
                }
            } catch {
                throw CommandFailure.io("cannot write the schemas to \(target): \(error)")
            }
        }
        let shown = PathDisplay(workspaceRoot: root, currentDirectory: environment.currentDirectory)
            .display(absolutePath: folder)
        // A course file's modeline names the schema relative to the course folder.
        let fromCourseFolder = PathDisplay(
            workspaceRoot: root, currentDirectory: WorkspaceLayout.absolute(layout.courseFolder(named: "course"), root: root)
        ).display(absolutePath: joinPath(folder, files[0].name))
        var lines = [
            "Wrote \(files.count) JSON Schemas to \(shown)/\(folders.count > 1 ? " and \(layout.editorSchemasFolder)/" : ""):"
        ]
        for file in files {
            lines.append("  \(file.name)  \(file.describes)")
        }
        lines.append("")
        lines.append("Editors with the YAML language server take a first line such as")
        lines.append("  # yaml-language-server: $schema=\(fromCourseFolder)")
        lines.append("(relative to the YAML file), or `yaml.schemas` in their settings. Thing front matter sits inside")
        lines.append("Markdown, which the YAML language server does not read: use an editor extension for front matter.")
        environment.standardOutput(lines.joined(separator: "\n") + "\n")
    }
}
