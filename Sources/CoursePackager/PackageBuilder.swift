import CourseMarkdown
import CourseMedia
import CourseModel
import CourseXML
import FileAccess
import ToolkitSupport

/// Builds SCORM 1.2, SCORM 2004, cmi5, Common Cartridge and HTML packages from a course, as a list of
/// named steps (`steps(for:)`) run over one `PackageAssembly`.
public struct PackageBuilder: Sendable {
    /// Told about each step as it starts.
    public var onStep: @Sendable (StepProgress) -> Void
    /// Where this build's steps start in a longer job's numbering (1 on their own).
    public var firstStepNumber = 1
    /// How many steps the whole job has (nil: this build's own).
    public var jobStepCount: Int?

    /// Creates a builder.
    public init(onStep: @escaping @Sendable (StepProgress) -> Void = { _ in }) {
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

    /// Builds the package: into the request's output folder (written atomically), or into memory.
    public func build(_ request: PackageRequest) throws(PackageError) -> PackageResult {
        var assembly = PackageAssembly(request: request)
        do {
            try StepRunner(onStep: onStep).run(
                Self.steps(for: request.format), on: &assembly, first: firstStepNumber, total: jobStepCount)
        } catch {
            // Every step throws its own `PackageError` (see `steps(for:)`).
            guard let error = error.underlying as? PackageError else { preconditionFailure("\(error)") }
            throw error
        }
        return assembly.result!
    }

    /// The steps of a build in `format`, in the order of `PackageStep.steps(for:)`; anything a step
    /// throws becomes that step's `PackageError`.
    static func steps(for format: PackageFormat) -> [Step<PackageAssembly>] {
        PackageStep.steps(for: format).map { step in
            Step(step.name) { assembly in
                do {
                    try step.perform(&assembly)
                } catch {
                    throw PackageError(error, in: step)
                }
            }
        }
    }
}

extension PackageError {
    /// `error` as a failure of `step`: itself when it is one already; an I/O failure (exit 2) when a
    /// file could not be read or written; else its description, about `path`.
    init(_ error: any Error, in step: PackageStep, path: String? = nil) {
        switch error {
        case let error as PackageError: self = error
        case let error as FileSystemError:
            self.init(step: step, path: error.path, message: error.reason, isIOFailure: true)
        default: self.init(step: step, path: path, message: "\(error)")
        }
    }
}

/// What a package build has made so far: each step adds to it.
struct PackageAssembly: Sendable {
    let request: PackageRequest
    var things: [Thing] = []
    var theme: Theme?
    var renderer: PageRenderer?
    var files = PackageFileSet()
    var images: [String: BadgeImage] = [:]
    var media: MediaPlan?
    var manifest: (path: String, bytes: [UInt8], problems: [String])?
    var schemaValidated = false
    var result: PackageResult?

    init(request: PackageRequest) { self.request = request }

    var workspace: WorkspaceFiles { WorkspaceFiles(root: request.workspaceRoot, fileSystem: request.fileSystem) }

    /// A badge image the pages show: where it is in the workspace and where it goes in the package.
    struct BadgeImage: Sendable {
        let workspacePath: String
        let packagePath: String
    }
}

extension PackageStep {
    /// Does this step's work on `assembly`.
    fileprivate func perform(_ assembly: inout PackageAssembly) throws {
        let request = assembly.request
        let layout = request.packageLayout
        switch self {
        case .selectThings:
            assembly.things = try PackageBuilder.selectThings(request)
        case .loadTheme:
            let themeFolder = request.workspaceLayout.themeFolder(inCourseFolder: request.course.folder)
            let theme = try Theme.load(courseThemeFolder: themeFolder, files: assembly.workspace)
            assembly.theme = theme
            assembly.renderer = try PageRenderer(theme: theme)
        case .layOutPages:
            try PackageBuilder.layOutPages(&assembly)
        case .copyAssets:
            if request.format.carriesTheme {
                for name in Theme.assetNames { assembly.files.add(layout.asset(name), assembly.theme?.files[name] ?? []) }
            }
            for image in assembly.images.values.sorted(by: { $0.packagePath < $1.packagePath }) {
                do {
                    assembly.files.add(image.packagePath, try assembly.workspace.read(image.workspacePath))
                } catch {
                    throw PackageError(step: .copyAssets, path: image.workspacePath, message: error.description)
                }
            }
            for entry in assembly.media!.entries.values.sorted(by: { $0.workspacePath < $1.workspacePath }) {
                assembly.files.addCopy(
                    entry.packagePath, of: assembly.workspace.absolute(entry.workspacePath), in: request.fileSystem,
                    size: entry.file.size)
            }
        case .writeCourseStructure:
            let path = layout.courseStructure
            let builder = CourseStructureBuilder(
                course: request.course, things: assembly.things, layout: layout,
                publisherIRI: request.publisherIRI ?? CourseStructureBuilder.defaultPublisherIRI(course: request.course))
            let structure = builder.courseStructure()
            let bytes: [UInt8]
            do {
                bytes = try XMLSerializer.serialize(structure)
            } catch {
                throw PackageError(step: self, path: path, message: error.description)
            }
            assembly.files.add(path, bytes)
            assembly.manifest = (
                path, bytes, CourseStructureBuilder.check(structure, packageFiles: Set(assembly.files.sortedPaths))
            )
        case .writeManifest:
            if request.format == .commonCartridge {
                let bytes = try PackageBuilder.cartridgeManifest(&assembly)
                assembly.manifest = (
                    layout.manifest, bytes,
                    CartridgeManifestBuilder.check(manifest: bytes, packageFiles: Set(assembly.files.sortedPaths))
                )
            } else {
                let bytes = try PackageBuilder.scormManifest(&assembly)
                assembly.manifest = (
                    layout.manifest, bytes,
                    ManifestChecker.check(
                        manifest: bytes, format: request.format, packageFiles: Set(assembly.files.sortedPaths), layout: layout)
                )
            }
        case .checkManifest:
            guard let manifest = assembly.manifest else { return }
            var problems = manifest.problems
            if let schemas = request.schemas {
                do {
                    problems += try schemas.validate(manifest: manifest.bytes, format: request.format)
                } catch {
                    throw PackageError(step: self, path: schemas.folder, message: "\(error)")
                }
                assembly.schemaValidated = true
            }
            guard problems.isEmpty else {
                throw PackageError(step: self, path: manifest.path, message: problems.joined(separator: "\n"))
            }
        case .writeZip, .writeSite:
            assembly.result = try PackageBuilder.write(assembly, as: self)
        default:
            preconditionFailure("step \(self) has no work")
        }
    }
}

extension PackageBuilder {
    /// Decides every page's path and prepares their views; the pages are rendered while the package is
    /// written, a batch at a time across the cores.
    fileprivate static func layOutPages(_ assembly: inout PackageAssembly) throws {
        let request = assembly.request
        let things = assembly.things
        let layout = request.packageLayout
        // A cartridge's pages stand alone: no theme files, no badge pictures (the badge is named).
        let images =
            request.format.carriesTheme ? try badgeImages(for: things, request: request, workspace: assembly.workspace) : [:]
        assembly.images = images
        let media = try MediaPlan.make(
            things: things, course: request.course, includingCourseCover: request.format == .html,
            includingCourseLogo: request.format.carriesTheme, media: request.media ?? MediaFiles(workspace: assembly.workspace),
            markdown: request.markdown ?? ParsedMarkdownCache(), layout: layout)
        assembly.media = media
        var pageBuilder = ThingPageBuilder(
            course: request.course, badges: request.badges, format: request.format,
            includedThingIDs: Set(things.map(\.id)), imagePaths: images.mapValues(\.packagePath), layout: layout, media: media,
            lms: request.lms, siteURL: request.siteURL)
        pageBuilder.orderedThingIDs = things.map(\.id)
        if request.format == .html {
            let workspace = assembly.workspace
            pageBuilder.inlineCaptions = { entry in try? workspace.read(entry.workspacePath) }
        }
        let pages = pageBuilder
        let renderer = assembly.renderer!
        let cartridge = request.format == .commonCartridge
        let renderStep: PackageStep = request.format.isArchive ? .writeZip : .writeSite
        // A preview keeps the pages of its earlier builds: only those whose inputs changed are rendered.
        let kept = request.renderedPages
        kept?.beginBuild()
        let workspace = assembly.workspace
        let context =
            kept.map { _ in
                RenderedPages.contextKey(
                    request: request, things: things, media: media, images: images.mapValues(\.packagePath),
                    workspace: workspace)
            } ?? 0
        let thingKeys = kept.map { _ in things.map { RenderedPages.thingKey(context: context, thing: $0) } }
        assembly.files.addDeferred(things.map { layout.thingPage(id: $0.id) }) { index in
            do {
                let render = {
                    let view = try pages.thingPage(things[index])
                    return Array((cartridge ? try renderer.renderCartridgePage(view) : try renderer.render(view)).utf8)
                }
                guard let kept, let thingKeys else { return try render() }
                return try kept.page(layout.thingPage(id: things[index].id), key: thingKeys[index], render: render)
            } catch {
                throw PackageError(step: renderStep, path: things[index].file, message: "\(error)")
            }
        }
        if request.format == .html {
            do {
                // The home lists every Thing's aim and time: any Thing's change renders it again.
                var hasher = Hasher()
                hasher.combine(context)
                hasher.combine(thingKeys)
                let render = { Array(try renderer.render(pages.indexPage(things: things)).utf8) }
                let bytes = try kept.map { try $0.page(layout.indexPage, key: hasher.finalize(), render: render) } ?? render()
                assembly.files.add(layout.indexPage, bytes)
            } catch {
                throw PackageError(step: renderStep, path: layout.indexPage, message: "\(error)")
            }
        }
    }

    /// Writes the package to its target and says what was made.
    fileprivate static func write(_ assembly: PackageAssembly, as step: PackageStep) throws -> PackageResult {
        let request = assembly.request
        let files = assembly.files
        let things = assembly.things
        var result = PackageResult(
            output: "", files: files.sortedPaths, thingIDs: things.map(\.id), schemaValidated: assembly.schemaValidated)
        if request.target == .memory {
            result.memoryFiles = try files.inMemory()
            return result
        }
        let thingID = request.thingNumber != nil ? things.first?.id : nil
        let output = joinPath(request.outputFolder, request.outputName(thingID: thingID))
        let fileSystem = request.fileSystem
        do {
            try AtomicOutput(fileSystem: fileSystem).produce(output) { temporary in
                if request.format.isArchive {
                    try DeterministicZipWriter.write(files, to: temporary, in: fileSystem)
                } else {
                    try files.writeFolder(to: temporary, in: fileSystem)
                }
            }
        } catch {
            throw PackageError(error, in: step, path: output)
        }
        result.output = output
        if request.format.isArchive, let size = fileSystem.fileSize(at: output), let warning = request.lms.sizeWarning(size) {
            result.warnings.append(warning)
        }
        return result
    }

    /// A manifest's title: the Thing's label for a one-Thing package, the course title otherwise.
    fileprivate static func title(of things: [Thing], request: PackageRequest) -> String {
        things.count == 1 && request.thingNumber != nil ? things[0].label : request.course.title
    }

    /// A manifest's identifier, stable for a course: `<kind>-<course>[-<thing>]`.
    private static func identifier(_ kind: String, of things: [Thing], request: PackageRequest) -> String {
        ([kind, request.course.id] + (request.thingNumber != nil ? things.first.map { [$0.id] } ?? [] : []))
            .joined(separator: "-")
    }

    /// Writes the SCORM manifest (and the XSDs shipped beside it) into `files`; returns the manifest.
    fileprivate static func scormManifest(_ assembly: inout PackageAssembly) throws(PackageError) -> [UInt8] {
        let request = assembly.request
        let things = assembly.things
        let media = assembly.media!
        let course = request.course
        let layout = request.packageLayout
        let title = Self.title(of: things, request: request)
        let builder = ManifestBuilder(
            course: course, format: request.format, identifier: Self.identifier("manifest", of: things, request: request),
            organizationTitle: title,
            scos: things.map {
                ManifestBuilder.SCO(
                    thing: $0, title: $0.label, page: layout.thingPage(id: $0.id),
                    media: media.filesByThing[$0.id] ?? [])
            },
            // The logo is on every page: it is listed with the assets every SCO shares.
            sharedFiles: assembly.files.sortedPaths.filter { layout.isAsset($0) || $0 == media.courseLogo?.packagePath })
        if request.format == .scorm12, let long = ([title] + things.map(\.label)).first(where: { $0.count > 200 }) {
            throw PackageError(
                step: .writeManifest, path: nil, message: "SCORM 1.2 titles hold at most 200 characters: “\(long)”")
        }
        let manifest: [UInt8]
        do {
            manifest = try XMLSerializer.serialize(builder.manifest())
        } catch {
            throw PackageError(step: .writeManifest, path: layout.manifest, message: error.description)
        }
        assembly.files.add(layout.manifest, manifest)
        if let schemas = request.schemas {
            for (path, source) in schemas.schemaFiles(for: request.format) {
                do {
                    assembly.files.add(path, try schemas.fileSystem.readFile(source))
                } catch {
                    throw PackageError(step: .writeManifest, path: source, message: error.reason, isIOFailure: true)
                }
            }
        }
        return manifest
    }

    /// Writes the cartridge manifest and a web link file per resource with a URL into `files`;
    /// returns the manifest.
    fileprivate static func cartridgeManifest(_ assembly: inout PackageAssembly) throws(PackageError) -> [UInt8] {
        let request = assembly.request
        let things = assembly.things
        let media = assembly.media!
        let course = request.course
        let layout = request.packageLayout
        do {
            let units = try things.map { thing in
                let links = try thing.resources.compactMap { resource -> (resource: Resource, file: String)? in
                    guard let url = resource.url,
                        HTMLSanitizer.scheme(of: url) == "https" || HTMLSanitizer.scheme(of: url) == "http"
                    else { return nil }
                    let file = layout.webLink(thing: thing.id, resource: resource.id)
                    assembly.files.add(file, try XMLSerializer.serialize(CartridgeManifestBuilder.webLink(resource, url: url)))
                    return (resource, file)
                }
                return CartridgeManifestBuilder.Unit(
                    thing: thing, title: thing.label, page: layout.thingPage(id: thing.id),
                    media: media.filesByThing[thing.id] ?? [], webLinks: links)
            }
            let builder = CartridgeManifestBuilder(
                course: course, identifier: Self.identifier("cartridge", of: things, request: request),
                title: Self.title(of: things, request: request), units: units)
            let manifest = try XMLSerializer.serialize(builder.manifest())
            assembly.files.add(layout.manifest, manifest)
            return manifest
        } catch {
            throw PackageError(step: .writeManifest, path: layout.manifest, message: "\(error)")
        }
    }

    /// The badge images the pages show, by the image as the badge file names it, each resolved by the
    /// workspace's safe path rules (validation has already refused any that break them).
    fileprivate static func badgeImages(
        for things: [Thing], request: PackageRequest, workspace: WorkspaceFiles
    ) throws(PackageError) -> [String: PackageAssembly.BadgeImage] {
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
        var resolved: [String: PackageAssembly.BadgeImage] = [:]
        for image in images where resolved[image] == nil {
            switch workspace.resolve(image, under: badgesFolder) {
            case .success(let path):
                let underBadges = String(path.dropFirst(badgesFolder.count + 1))
                resolved[image] = PackageAssembly.BadgeImage(
                    workspacePath: path, packagePath: request.packageLayout.badgeImage(underBadges))
            case .failure(let refusal):
                throw PackageError(step: .layOutPages, path: image, message: "badge image: \(refusal.message)")
            }
        }
        return resolved
    }
}
