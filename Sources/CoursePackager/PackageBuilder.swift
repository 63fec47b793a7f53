import CourseModel
import CourseXML
import Foundation
import OutputFiles

/// Builds SCORM 1.2, SCORM 2004 and HTML packages from a course, as a list of named steps.
public struct PackageBuilder: Sendable {
    /// Told about each step as it starts.
    public var onStep: @Sendable (BuildStep) -> Void

    /// Creates a builder.
    public init(onStep: @escaping @Sendable (BuildStep) -> Void = { _ in }) {
        self.onStep = onStep
    }

    /// The Things a request packages, in course order.
    public static func selectThings(_ request: PackageRequest) throws(PackageError) -> [Thing] {
        let ordered = request.course.orderedThings
        if let number = request.thingNumber {
            guard let thing = ordered.first(where: { $0.number == number }) else {
                throw PackageError(step: "Select Things", path: nil, message: "course `\(request.course.id)` has no Thing \(number)")
            }
            if thing.status == .draft, !request.includeDrafts {
                throw PackageError(
                    step: "Select Things", path: thing.file,
                    message: "Thing \(number) is a draft; pass --include-drafts to package it anyway")
            }
            return [thing]
        }
        let selected = ordered.filter { $0.status == .published || request.includeDrafts }
        guard !selected.isEmpty else {
            throw PackageError(
                step: "Select Things", path: nil,
                message: "course `\(request.course.id)` has no published Thing; pass --include-drafts to package drafts")
        }
        return selected
    }

    /// Builds the package and writes it atomically into the request's output folder.
    public func build(_ request: PackageRequest) throws(PackageError) -> PackageResult {
        let names = ["Select Things", "Load theme", "Lay out pages", "Copy badge images and assets"]
            + (request.format.isSCORM ? ["Write imsmanifest.xml", "Check manifest"] : [])
            + [request.format.isSCORM ? "Render pages and write zip" : "Render pages and write site"]
        var stepIndex = 0
        func step(_ name: String) {
            stepIndex += 1
            onStep(BuildStep(number: stepIndex, total: names.count, name: name))
        }

        step(names[0])
        let things = try Self.selectThings(request)
        let course = request.course

        step("Load theme")
        let themeFolder = "\(request.workspaceRoot)/\(course.folder)/theme"
        let theme: Theme
        let renderer: PageRenderer
        do {
            theme = try Theme.load(courseThemeFolder: themeFolder)
            renderer = try PageRenderer(theme: theme)
        } catch {
            throw PackageError(step: "Load theme", path: themeFolder, message: error.description)
        }

        step("Lay out pages")
        var files = PackageFileSet()
        let imagePaths = badgeImagePaths(for: things, request: request)
        let pages = ThingPageBuilder(
            course: course, badges: request.badges, format: request.format, includedThingIDs: Set(things.map(\.id)),
            imagePaths: imagePaths)
        // Pages are rendered while the package is written, a batch at a time across the cores.
        files.addDeferred(things.map { ThingPageBuilder.pagePath(of: $0.id) }) { index in
            do {
                return Array(try renderer.render(try pages.thingPage(things[index])).utf8)
            } catch {
                throw PackageError(step: "Render pages", path: things[index].file, message: "\(error)")
            }
        }
        if request.format == .html {
            do {
                files.add("index.html", text: try renderer.render(pages.indexPage(things: things)))
            } catch {
                throw PackageError(step: "Render pages", path: "index.html", message: "\(error)")
            }
        }

        step("Copy badge images and assets")
        for name in Theme.assetNames {
            files.add("assets/\(name)", theme.files[name] ?? [])
        }
        for (source, destination) in imagePaths.sorted(by: { $0.key < $1.key }) {
            let path = "\(request.workspaceRoot)/Badges/\(source)"
            guard let data = FileManager.default.contents(atPath: path) else {
                throw PackageError(step: "Copy badge images and assets", path: path, message: "cannot read the badge image")
            }
            files.add(destination, Array(data))
        }

        var schemaValidated = false
        if request.format.isSCORM {
            step("Write imsmanifest.xml")
            let title = things.count == 1 && request.thingNumber != nil ? ThingPageBuilder.label(of: things[0]) : course.title
            let builder = ManifestBuilder(
                course: course, format: request.format,
                identifier: "manifest-" + [course.id, request.thingNumber != nil ? things.first?.id : nil].compactMap { $0 }.joined(separator: "-"),
                organizationTitle: title,
                scos: things.map {
                    ManifestBuilder.SCO(thing: $0, title: ThingPageBuilder.label(of: $0), page: ThingPageBuilder.pagePath(of: $0.id))
                },
                sharedFiles: files.sortedPaths.filter { $0.hasPrefix("assets/") })
            if request.format == .scorm12,
                let long = ([title] + things.map(ThingPageBuilder.label)).first(where: { $0.count > 200 })
            {
                throw PackageError(
                    step: "Write imsmanifest.xml", path: nil, message: "SCORM 1.2 titles hold at most 200 characters: “\(long)”")
            }
            let manifest: [UInt8]
            do {
                manifest = try XMLSerializer.serialize(builder.manifest())
            } catch {
                throw PackageError(step: "Write imsmanifest.xml", path: "imsmanifest.xml", message: error.description)
            }
            files.add("imsmanifest.xml", manifest)
            if let schemas = request.schemas {
                for (path, source) in schemas.schemaFiles(for: request.format) {
                    guard let data = FileManager.default.contents(atPath: source) else {
                        throw PackageError(step: "Write imsmanifest.xml", path: source, message: "cannot read the schema file")
                    }
                    files.add(path, Array(data))
                }
            }

            step("Check manifest")
            var problems = ManifestChecker.check(manifest: manifest, format: request.format, packageFiles: Set(files.sortedPaths))
            if let schemas = request.schemas {
                do {
                    problems += try schemas.validate(manifest: manifest, format: request.format)
                    schemaValidated = true
                } catch {
                    throw PackageError(step: "Check manifest", path: schemas.folder, message: "cannot load the schemas: \(error)")
                }
            }
            guard problems.isEmpty else {
                throw PackageError(step: "Check manifest", path: "imsmanifest.xml", message: problems.joined(separator: "\n"))
            }
        }

        step(names.last!)
        let thingID = request.thingNumber != nil ? things.first?.id : nil
        let output = request.outputDirectory.appendingPathComponent(request.outputName(thingID: thingID))
        do {
            try AtomicOutput.produce(output) { temporary in
                if request.format.isSCORM {
                    try DeterministicZipWriter.write(files, to: temporary)
                } else {
                    try files.writeFolder(to: temporary)
                }
            }
        } catch let error as PackageError {
            throw error
        } catch {
            throw PackageError(step: names.last!, path: output.path, message: "\(error)")
        }
        return PackageResult(
            output: output, files: files.sortedPaths, thingIDs: things.map(\.id), schemaValidated: schemaValidated)
    }

    /// Where each badge image the pages show goes in the package, by its path under `Badges/`.
    private func badgeImagePaths(for things: [Thing], request: PackageRequest) -> [String: String] {
        var images: [String] = []
        for thing in things {
            if let badge = thing.badge.flatMap({ request.badges.badge(id: $0.id) }), let image = badge.image {
                images.append(image)
            }
            for reference in thing.countsTowards {
                if let collection = request.course.collection(id: reference.id),
                    let image = collection.badge.flatMap({ request.badges.badge(id: $0.id) })?.image
                {
                    images.append(image)
                }
            }
        }
        if request.format == .html {
            let included = Set(things.map(\.id))
            for collection in request.course.collections where collection.members.contains(where: { included.contains($0.id) }) {
                if let image = collection.badge.flatMap({ request.badges.badge(id: $0.id) })?.image { images.append(image) }
            }
        }
        var paths: [String: String] = [:]
        for image in images {
            let normalised = image.split(separator: "/").filter { $0 != "." && $0 != ".." }.joined(separator: "/")
            paths[image] = "assets/badges/\(normalised)"
        }
        return paths
    }
}
