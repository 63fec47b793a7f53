import CourseModel
import FileAccess
import Foundation

/// Which workspace and which of its courses a command works on.
public struct WorkspaceSelection: Hashable, Sendable {
    /// The workspace folder (holding `Courses/` and `Badges/`), absolute.
    public var root: String
    /// The course folder names under `Courses/`, or nil for every course.
    public var courseFolders: [String]?

    /// Creates a selection.
    public init(root: String, courseFolders: [String]?) {
        self.root = root
        self.courseFolders = courseFolders
    }

    /// How many courses are selected (the folders under `Courses/` when every course is).
    public func courseCount(in fileSystem: any FileSystem, layout: WorkspaceLayout = .standard) -> Int {
        if let courseFolders { return courseFolders.count }
        let courses = joinPath(root, layout.coursesFolder)
        return ((try? fileSystem.contentsOfDirectory(courses)) ?? []).filter {
            !$0.hasPrefix(".") && fileSystem.isDirectory(joinPath(courses, $0))
        }.count
    }
}

/// Finds the workspace from a path given on the command line, or from the current folder.
public enum WorkspaceLocator {
    /// Resolves `path`: a course folder selects that course, a workspace folder selects all its courses,
    /// no path selects every course of the nearest workspace at or above `currentDirectory`.
    public static func locate(
        _ path: String?, currentDirectory: String = FileManager.default.currentDirectoryPath,
        fileSystem: any FileSystem = DiskFileSystem(), layout: WorkspaceLayout = .standard
    ) throws(FileSystemError) -> WorkspaceSelection {
        guard let path else {
            var folder = URL(fileURLWithPath: currentDirectory).standardizedFileURL
            while true {
                if fileSystem.isDirectory(folder.appendingPathComponent(layout.coursesFolder).path) {
                    return WorkspaceSelection(root: folder.path, courseFolders: nil)
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
            throw FileSystemError(
                path: currentDirectory,
                reason: "no workspace here or above: no folder holds `\(layout.coursesFolder)/`; pass a course folder")
        }
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: currentDirectory, isDirectory: true))
            .standardizedFileURL
        guard fileSystem.isDirectory(url.path) else {
            throw FileSystemError(path: path, reason: fileSystem.isFile(url.path) ? "is a file, not a folder" : "no such folder")
        }
        if fileSystem.isDirectory(url.appendingPathComponent(layout.coursesFolder).path) {
            return WorkspaceSelection(root: url.path, courseFolders: nil)
        }
        let parent = url.deletingLastPathComponent()
        if fileSystem.isFile(url.appendingPathComponent(layout.courseFileName).path),
            parent.lastPathComponent == layout.coursesFolder
        {
            return WorkspaceSelection(root: parent.deletingLastPathComponent().path, courseFolders: [url.lastPathComponent])
        }
        throw FileSystemError(
            path: path,
            reason:
                "is neither a course folder (`\(layout.coursesFolder)/<id>/\(layout.courseFileName)`) nor a workspace (holding `\(layout.coursesFolder)/`)"
        )
    }
}
