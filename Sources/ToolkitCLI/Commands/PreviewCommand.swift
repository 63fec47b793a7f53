import ArgumentParser
import CourseLoader
import CourseModel
import CoursePackager
import CoursePreview
import Foundation
import ToolkitSupport

/// `toolkit preview`: the course served on 127.0.0.1, rebuilt on every edit.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve the course on 127.0.0.1 and rebuild it on every edit; errors show over the page.",
        discussion: """
            The course is validated and packaged exactly as `toolkit package --html` does, in memory (nothing \
            is written to build/). Courses/, Badges/ and the theme folders are watched; a burst of saves is one \
            rebuild, and open pages reload by themselves. With errors, the page keeps the last version that \
            built and lists the errors over it, as `toolkit validate` prints them. With --runtime scorm12 or \
            scorm2004 each Thing runs inside the LMS inspector: a strict SCORM run-time and a panel showing \
            every API call, the data model, interactions and the suspend data against its limit. Ctrl-C stops.
            """)

    @OptionGroup var courses: CourseSelectionOptions

    @Option(help: "The port to listen on (default: a free port).")
    var port: Int = 0

    @Flag(help: "Open the preview in the default browser.")
    var open = false

    @Option(help: "What the pages run in: html (the site), scorm12 or scorm2004 (inside the LMS inspector).")
    var runtime: PreviewRuntime = .html

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 (any free port) to 65535.") }
    }

    func run() throws {
        let environment = CommandEnvironment.current
        let selection = try courses.selection(in: environment)
        // A long-running process frees each workspace it loads.
        ProcessLifetime.stopKeeping()
        let layout = WorkspaceLayout.standard
        let watched = [layout.coursesFolder, layout.badgesFolder].map { WorkspaceLayout.absolute($0, root: selection.root) }
        let builder = PreviewBuilder(
            workspaceRoot: selection.root, courseFolders: selection.courseFolders, format: runtime.format,
            fileSystem: environment.fileSystem)
        let display = PathDisplay(workspaceRoot: selection.root, currentDirectory: environment.currentDirectory)
        let server = PreviewServer(builder: builder, watchedFolders: watched) { snapshot, changed in
            let milliseconds = Int((snapshot.buildSeconds * 1000).rounded())
            if snapshot.problems.isEmpty {
                let after = changed.isEmpty ? "" : " after \(Plural.counted(changed.count, "changed file"))"
                let verb = snapshot.generation == 1 ? "built" : "rebuilt"
                environment.standardOutput(
                    "\(verb) \(TerminalText.escaped(snapshot.courseID ?? "the course"))\(after) in \(milliseconds) ms\n")
            } else {
                let lines = snapshot.problems.map { $0.text(showingFileAs: display.display($0.file)) }
                environment.standardError(
                    lines.joined(separator: "\n")
                        + "\n\(Plural.counted(lines.count, "error")); the preview shows the last version that built\n"
                )
            }
        }
        let openBrowser = open
        let finished = DispatchSemaphore(value: 0)
        let outcome = LockedValue<Error?>(nil)
        Task {
            do {
                // Ctrl-C always stops: a stop still unfinished five seconds on ends the process.
                try await server.run(port: port, shutdownDeadline: 5, onDeadline: { Foundation.exit(130) }) { port in
                    let url = "http://127.0.0.1:\(port)/"
                    environment.standardOutput("Previewing at \(url) (Ctrl-C stops)\n")
                    if openBrowser { Self.openInBrowser(url) }
                }
            } catch {
                outcome.withLock { $0 = error }
            }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.withLock({ $0 }) {
            throw CommandFailure.io("the preview server stopped: \(error)")
        }
    }

    private static func openInBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        #if os(macOS)
            process.arguments = ["open", url]
        #else
            process.arguments = ["xdg-open", url]
        #endif
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}

/// `--runtime` values.
enum PreviewRuntime: String, ExpressibleByArgument, CaseIterable {
    case html, scorm12, scorm2004

    /// The package format the preview builds.
    var format: PackageFormat {
        switch self {
        case .html: .html
        case .scorm12: .scorm12
        case .scorm2004: .scorm2004
        }
    }
}
