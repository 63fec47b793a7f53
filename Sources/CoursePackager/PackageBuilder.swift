import CourseModel
import CourseXML
import FileAccess

/// Builds SCORM 1.2, SCORM 2004, cmi5, Common Cartridge and HTML packages from a course, as a list of
/// named steps.
public struct PackageBuilder: Sendable {
    /// Told about each step as it starts.
    public var onStep: @Sendable (BuildStep) -> Void

    /// Creates a builder.
    public init(onStep: @escaping @Sendable (BuildStep) -> Void = { _ in }) {
        self.onStep = onStep
    }

    /// The Things a request packages, in course order.
    public static func selectThings(_ request: PackageRequest) throws(PackageError) -> [Thing] {
        if let refusal = request.lms.refusal(of: request.format) {
            throw PackageError(step: .selectThings, path: nil, message: refusal + "; choose another --scorm-version or --lms")
        }
        let ordered = request.course.orderedThings
        if let number = request.thingNumber {
            guard let thing = ordered.first(where: { $0.number == number }) else {
                throw PackageError(
                    step: .selectThings, path: nil, message: "course `\(request.course.id)` has no Thing \(number)")
            }
            if thing.status == .draft, !request.includeDrafts {
                throw PackageError(
                    step: .selectThings, path: thing.file,
                    message: "Thing \(number) is a draft; pass --include-drafts to package it anyway")
            }
            return [thing]
        }
        let selected = ordered.filter { $0.status == .published || request.includeDrafts }
        guard !selected.isEmpty else {
            throw PackageError(
                step: .selectThings, path: nil,
                message: "course `\(request.course.id)` has no published Thing; pass --include-drafts to package drafts")
        }
        return selected
    }

    /// Builds the package and writes it atomically into the request's output folder.
    public func build(_ request: PackageRequest) throws(PackageError) -> PackageResult {
        let steps = PackageStep.steps(for: request.format)
        var position = 0
        /// Announces the next step, which must be `expected` (so the list and the work cannot drift).
        func start(_ expected: PackageStep) {
            precondition(steps[position] == expected, "step \(expected) out of order")
            position += 1
            onStep(BuildStep(number: position, total: steps.count, step: expected))
        }
        /// Runs `body` as `step`, turning anything it throws into that step's error about `path`.
        func run<Value>(_ step: PackageStep, path: String?, _ body: () throws -> Value) throws(PackageError) -> Value {
            do {
                return try body()
            } catch let error as PackageError {
                throw error
            } catch let error as FileSystemError {
                throw PackageError(step: step, path: error.path, message: error.reason, isIOFailure: true)
            } catch {
                throw PackageError(step: step, path: path, message: "\(error)")
            }
        }
        let course = request.course
        let layout = request.packageLayout
        let workspace = WorkspaceFiles(root: request.workspaceRoot, fileSystem: request.fileSystem)

        start(.selectThings)
        let things = try Self.selectThings(request)

        start(.loadTheme)
        let themeFolder = request.workspaceLayout.themeFolder(inCourseFolder: course.folder)
        let (theme, renderer) = try run(.loadTheme, path: themeFolder) {
            let theme = try Theme.load(courseThemeFolder: themeFolder, files: workspace)
            return (theme, try PageRenderer(theme: theme))
        }

        start(.layOutPages)
        var files = PackageFileSet()
        // A cartridge's pages stand alone: no theme files, no badge pictures (the badge is named).
        let images = request.format.carriesTheme ? try badgeImages(for: things, request: request, workspace: workspace) : [:]
        let media = try MediaPlan.make(
            things: things, course: course, includingCourseCover: request.format == .html,
            includingCourseLogo: request.format.carriesTheme, workspace: workspace, layout: layout)
        var pageBuilder = ThingPageBuilder(
            course: course, badges: request.badges, format: request.format, includedThingIDs: Set(things.map(\.id)),
            imagePaths: images.mapValues(\.packagePath), layout: layout, media: media, lms: request.lms,
            siteURL: request.siteURL)
        pageBuilder.orderedThingIDs = things.map(\.id)
        let pages = pageBuilder
        let cartridge = request.format == .commonCartridge
        // Pages are rendered while the package is written, a batch at a time across the cores.
        let renderStep = steps.last!
        files.addDeferred(things.map { layout.thingPage(id: $0.id) }) { index in
            do {
                let view = try pages.thingPage(things[index])
                return Array((cartridge ? try renderer.renderCartridgePage(view) : try renderer.render(view)).utf8)
            } catch {
                throw PackageError(step: renderStep, path: things[index].file, message: "\(error)")
            }
        }
        if request.format == .html {
            try run(renderStep, path: layout.indexPage) {
                files.add(layout.indexPage, text: try renderer.render(pages.indexPage(things: things)))
            }
        }

        start(.copyAssets)
        if request.format.carriesTheme {
            for name in Theme.assetNames {
                files.add(layout.asset(name), theme.files[name] ?? [])
            }
        }
        for image in images.values.sorted(by: { $0.packagePath < $1.packagePath }) {
            let bytes = try run(.copyAssets, path: image.workspacePath) { try workspace.read(image.workspacePath) }
            files.add(image.packagePath, bytes)
        }
        for entry in media.entries.values.sorted(by: { $0.workspacePath < $1.workspacePath }) {
            files.addCopy(entry.packagePath, of: workspace.absolute(entry.workspacePath), in: request.fileSystem)
        }

        var schemaValidated = false
        if request.format.isArchive {
            let manifestPath: String
            let manifest: [UInt8]
            var problems: [String]
            switch request.format {
            case .cmi5:
                start(.writeCourseStructure)
                manifestPath = layout.courseStructure
                let builder = CourseStructureBuilder(
                    course: course, things: things, layout: layout,
                    publisherIRI: request.publisherIRI ?? CourseStructureBuilder.defaultPublisherIRI(course: course))
                let structure = builder.courseStructure()
                manifest = try run(.writeCourseStructure, path: manifestPath) { try XMLSerializer.serialize(structure) }
                files.add(manifestPath, manifest)
                start(.checkManifest)
                problems = CourseStructureBuilder.check(structure, packageFiles: Set(files.sortedPaths))
            case .commonCartridge:
                start(.writeManifest)
                manifestPath = layout.manifest
                manifest = try cartridgeManifest(things: things, media: media, request: request, files: &files)
                start(.checkManifest)
                problems = CartridgeManifestBuilder.check(manifest: manifest, packageFiles: Set(files.sortedPaths))
            default:
                start(.writeManifest)
                manifestPath = layout.manifest
                manifest = try scormManifest(things: things, media: media, request: request, files: &files)
                start(.checkManifest)
                problems = ManifestChecker.check(
                    manifest: manifest, format: request.format, packageFiles: Set(files.sortedPaths), layout: layout)
            }
            if let schemas = request.schemas {
                problems += try run(.checkManifest, path: schemas.folder) {
                    try schemas.validate(manifest: manifest, format: request.format)
                }
                schemaValidated = true
            }
            guard problems.isEmpty else {
                throw PackageError(step: .checkManifest, path: manifestPath, message: problems.joined(separator: "\n"))
            }
        }

        start(renderStep)
        let thingID = request.thingNumber != nil ? things.first?.id : nil
        let output = joinPath(request.outputFolder, request.outputName(thingID: thingID))
        let fileSystem = request.fileSystem
        try run(renderStep, path: output) {
            try AtomicOutput(fileSystem: fileSystem).produce(output) { temporary in
                if request.format.isArchive {
                    try DeterministicZipWriter.write(files, to: temporary, in: fileSystem)
                } else {
                    try files.writeFolder(to: temporary, in: fileSystem)
                }
            }
        }
        var warnings: [String] = []
        if request.format.isArchive, let size = fileSystem.fileSize(at: output), let warning = request.lms.sizeWarning(size) {
            warnings.append(warning)
        }
        return PackageResult(
            output: output, files: files.sortedPaths, thingIDs: things.map(\.id), schemaValidated: schemaValidated,
            warnings: warnings)
    }

    /// A manifest's title: the Thing's label for a one-Thing package, the course title otherwise.
    private static func title(of things: [Thing], request: PackageRequest) -> String {
        things.count == 1 && request.thingNumber != nil ? ThingPageBuilder.label(of: things[0]) : request.course.title
    }

    /// A manifest's identifier, stable for a course: `<kind>-<course>[-<thing>]`.
    private static func identifier(_ kind: String, of things: [Thing], request: PackageRequest) -> String {
        ([kind, request.course.id] + (request.thingNumber != nil ? things.first.map { [$0.id] } ?? [] : []))
            .joined(separator: "-")
    }

    /// Writes the SCORM manifest (and the XSDs shipped beside it) into `files`; returns the manifest.
    private func scormManifest(
        things: [Thing], media: MediaPlan, request: PackageRequest, files: inout PackageFileSet
    ) throws(PackageError) -> [UInt8] {
        let course = request.course
        let layout = request.packageLayout
        let title = Self.title(of: things, request: request)
        let builder = ManifestBuilder(
            course: course, format: request.format, identifier: Self.identifier("manifest", of: things, request: request),
            organizationTitle: title,
            scos: things.map {
                ManifestBuilder.SCO(
                    thing: $0, title: ThingPageBuilder.label(of: $0), page: layout.thingPage(id: $0.id),
                    media: media.filesByThing[$0.id] ?? [])
            },
            // The logo is on every page: it is listed with the assets every SCO shares.
            sharedFiles: files.sortedPaths.filter { layout.isAsset($0) || $0 == media.courseLogo?.packagePath })
        if request.format == .scorm12, let long = ([title] + things.map(ThingPageBuilder.label)).first(where: { $0.count > 200 })
        {
            throw PackageError(
                step: .writeManifest, path: nil, message: "SCORM 1.2 titles hold at most 200 characters: “\(long)”")
        }
        let manifest: [UInt8]
        do {
            manifest = try XMLSerializer.serialize(builder.manifest())
        } catch {
            throw PackageError(step: .writeManifest, path: layout.manifest, message: error.description)
        }
        files.add(layout.manifest, manifest)
        if let schemas = request.schemas {
            for (path, source) in schemas.schemaFiles(for: request.format) {
                do {
                    files.add(path, try schemas.fileSystem.readFile(source))
                } catch {
                    throw PackageError(step: .writeManifest, path: source, message: error.reason, isIOFailure: true)
                }
            }
        }
        return manifest
    }

    /// Writes the cartridge manifest and a web link file per resource with a URL into `files`;
    /// returns the manifest.
    private func cartridgeManifest(
        things: [Thing], media: MediaPlan, request: PackageRequest, files: inout PackageFileSet
    ) throws(PackageError) -> [UInt8] {
        let course = request.course
        let layout = request.packageLayout
        do {
            let units = try things.map { thing in
                let links = try thing.resources.compactMap { resource -> (resource: Resource, file: String)? in
                    guard let url = resource.url,
                        HTMLSanitizer.scheme(of: url) == "https" || HTMLSanitizer.scheme(of: url) == "http"
                    else { return nil }
                    let file = layout.webLink(thing: thing.id, resource: resource.id)
                    files.add(file, try XMLSerializer.serialize(CartridgeManifestBuilder.webLink(resource, url: url)))
                    return (resource, file)
                }
                return CartridgeManifestBuilder.Unit(
                    thing: thing, title: ThingPageBuilder.label(of: thing), page: layout.thingPage(id: thing.id),
                    media: media.filesByThing[thing.id] ?? [], webLinks: links)
            }
            let builder = CartridgeManifestBuilder(
                course: course, identifier: Self.identifier("cartridge", of: things, request: request),
                title: Self.title(of: things, request: request), units: units)
            let manifest = try XMLSerializer.serialize(builder.manifest())
            files.add(layout.manifest, manifest)
            return manifest
        } catch {
            throw PackageError(step: .writeManifest, path: layout.manifest, message: "\(error)")
        }
    }

    /// A badge image the pages show: where it is in the workspace and where it goes in the package.
    private struct BadgeImage {
        let workspacePath: String
        let packagePath: String
    }

    /// The badge images the pages show, by the image as the badge file names it, each resolved by the
    /// workspace's safe path rules (validation has already refused any that break them).
    private func badgeImages(
        for things: [Thing], request: PackageRequest, workspace: WorkspaceFiles
    ) throws(PackageError) -> [String: BadgeImage] {
        let badges = request.badges
        var images: [String] = []
        for thing in things {
            if let image = thing.badge.flatMap({ badges.badge(id: $0.id) })?.image { images.append(image) }
            for reference in thing.countsTowards {
                if let image = request.course.collection(id: reference.id)?.badge.flatMap({ badges.badge(id: $0.id) })?.image {
                    images.append(image)
                }
            }
        }
        if request.format == .html {
            let included = Set(things.map(\.id))
            for collection in request.course.collections where collection.members.contains(where: { included.contains($0.id) }) {
                if let image = collection.badge.flatMap({ badges.badge(id: $0.id) })?.image { images.append(image) }
            }
        }
        let badgesFolder = request.workspaceLayout.badgesFolder
        var resolved: [String: BadgeImage] = [:]
        for image in images where resolved[image] == nil {
            switch workspace.resolve(image, under: badgesFolder) {
            case .success(let path):
                let underBadges = String(path.dropFirst(badgesFolder.count + 1))
                resolved[image] = BadgeImage(workspacePath: path, packagePath: request.packageLayout.badgeImage(underBadges))
            case .failure(let refusal):
                throw PackageError(step: .layOutPages, path: image, message: "badge image: \(refusal.message)")
            }
        }
        return resolved
    }
}
