import CourseLoader
import FileAccess
import Foundation
import Synchronization
import ToolkitCLI

/// Runs the toolkit in-process with captured output.
struct CommandRunner {
    /// What one run produced.
    struct Outcome {
        var exitCode: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The package root, found from this file.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs `arguments` with `currentDirectory` as the current folder, on the disk, with this process's environment.
    static func run(_ arguments: [String], in currentDirectory: URL = packageRoot) -> Outcome {
        run(arguments, fileSystem: DiskFileSystem(), in: currentDirectory.path, variables: ProcessInfo.processInfo.environment)
    }

    /// Runs `arguments` against `fileSystem` (an in-memory workspace, say) from `currentDirectory`,
    /// with only `variables` as environment variables.
    static func run(
        _ arguments: [String], fileSystem: any FileSystem, in currentDirectory: String, variables: [String: String] = [:]
    ) -> Outcome {
        let output = Mutex("")
        let error = Mutex("")
        let environment = CommandEnvironment(
            currentDirectory: currentDirectory,
            standardOutput: { text in output.withLock { $0 += text } },
            standardError: { text in error.withLock { $0 += text } },
            outputIsTerminal: false, fileSystem: fileSystem, variables: variables)
        let code = ToolkitMain.run(arguments, environment: environment)
        return Outcome(
            exitCode: code, standardOutput: output.withLock { $0 }, standardError: error.withLock { $0 })
    }
}

/// A temporary copy of the bundled workspace (Courses/ and Badges/), removed when the test ends.
final class WorkspaceCopy {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("toolkit-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["Courses", "Badges"] {
            try FileManager.default.copyItem(
                at: CommandRunner.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Replaces `old` with `new` in `file`; `↓` in `new` marks an expected finding and is removed.
    /// Returns the `file:line:col` the marker stood at, if there was one.
    @discardableResult
    func replace(_ old: String, with new: String, in file: String) throws -> String? {
        let url = root.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let range = text.range(of: old) else { throw CocoaError(.fileReadCorruptFile) }
        let edited = text.replacingCharacters(in: range, with: new)
        var location: String?
        if let marker = edited.firstIndex(of: "↓") {
            let before = edited[..<marker]
            let line = before.filter { $0 == "\n" }.count + 1
            let column =
                before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            location = "\(file):\(line):\(column)"
        }
        try edited.replacingOccurrences(of: "↓", with: "").write(to: url, atomically: true, encoding: .utf8)
        return location
    }
}
