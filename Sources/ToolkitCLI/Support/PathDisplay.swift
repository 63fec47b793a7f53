import CourseModel
import Foundation

/// Shows workspace paths relative to where the user ran the command, so editors can open them.
struct PathDisplay {
    /// The workspace root, absolute.
    let workspaceRoot: String
    /// The current folder, absolute.
    let currentDirectory: String

    /// `relativePath` (relative to the workspace root) as seen from the current folder.
    func display(_ relativePath: String) -> String {
        display(absolutePath: URL(fileURLWithPath: workspaceRoot).appendingPathComponent(relativePath).path)
    }

    /// An absolute path as seen from the current folder.
    func display(absolutePath: String) -> String {
        let target = URL(fileURLWithPath: absolutePath).standardizedFileURL.pathComponents
        let base = URL(fileURLWithPath: currentDirectory).standardizedFileURL.pathComponents
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        if common <= 1 && base.count > 1 { return "/" + target.dropFirst().joined(separator: "/") }
        let ups = Array(repeating: "..", count: base.count - common)
        return (ups + target[common...]).joined(separator: "/")
    }

    /// The findings with their files shown from the current folder.
    func rebase(_ findings: [Finding]) -> [Finding] {
        findings.map { finding in
            var copy = finding
            copy.location.file = display(finding.location.file)
            return copy
        }
    }
}
