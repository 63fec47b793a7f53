import CourseModel

/// Where outputs may go: never inside the course sources, where a package or a published badge
/// folder would be read back as course files (and a course file could be overwritten).
enum OutputPlacement {
    /// Throws when `folder` (absolute) lies inside the workspace's `Courses/` or `Badges/`.
    static func refuseInsideSources(
        _ folder: String, workspaceRoot: String, layout: WorkspaceLayout = .standard
    ) throws(CommandFailure) {
        for sources in [layout.coursesFolder, layout.badgesFolder] {
            let path = WorkspaceLayout.absolute(sources, root: workspaceRoot)
            if folder == path || folder.hasPrefix(path + "/") {
                throw CommandFailure.io(
                    "the output folder \(folder) is inside \(sources)/; write outputs elsewhere, such as build/")
            }
        }
    }
}
