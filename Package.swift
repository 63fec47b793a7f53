// swift-tools-version:6.0
import Foundation
import PackageDescription

/// Course Toolkit: course content written once as plain text, shipped to LMSs and badge platforms.
let package = Package(
    name: "CourseToolkit",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "toolkit", targets: ["toolkit"]),
        .library(name: "ToolkitCLI", targets: ["ToolkitCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
    ],
    targets: [
        // C libraries from the system, reached through pkg-config.
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(
            name: "CCmarkGFM", path: "Sources/CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(
            name: "CRSVG", path: "Sources/CRSVG", pkgConfig: "librsvg-2.0", providers: [.apt(["librsvg2-dev"])]),

        // The only Swift code that touches libxml2.
        .target(name: "CourseXML", dependencies: ["CLibXML2", "ToolkitSupport"]),
        // The only Swift code that touches cmark-gfm.
        .target(name: "CourseMarkdown", dependencies: ["CCmarkGFM", "ToolkitSupport"]),
        // The only Swift code that touches librsvg: SVG badge art drawn as PNG.
        .target(name: "SVGRaster", dependencies: ["CRSVG"]),
        // The only Swift code that touches libyaml (which Yams builds; its Swift layer is not used).
        .target(name: "CourseYAML", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Parallel maps, the one locked-value helper, and keeping models until exit.
        .target(name: "ToolkitSupport"),
        // Value types of a course, its badges, findings, and the layout of every path; no I/O.
        .target(name: "CourseModel", dependencies: ["ToolkitSupport"]),
        // All I/O: the file system boundary (disk or memory), atomic outputs, the safe path resolver.
        .target(name: "FileAccess", dependencies: ["ToolkitSupport"]),
        // Media: what a Thing's pictures, video, audio and files are (sniffed, measured, SVGs checked for
        // active content), where its references lead, and the players it may embed.
        .target(
            name: "CourseMedia",
            dependencies: [
                "CourseModel", "CourseMarkdown", "CourseXML", "FileAccess", "ToolkitSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // Files on disk to the model, with source locations.
        .target(
            name: "CourseLoader",
            dependencies: ["CourseModel", "CourseYAML", "FileAccess", "ToolkitSupport"]),
        // Rules, findings and reporters.
        .target(
            name: "CourseValidator",
            dependencies: [
                "CourseModel", "CourseLoader", "CourseMarkdown", "CourseMedia", "FileAccess", "ThemeTemplates", "ToolkitSupport",
            ]),
        // Mustache templates rendered over typed values (the theme's page templates).
        .target(name: "ThemeTemplates"),
        // SCORM 1.2, SCORM 2004 and HTML packages: pages, activities, manifests, zips.
        .target(
            name: "CoursePackager",
            dependencies: [
                "CourseModel", "CourseMarkdown", "CourseMedia", "CourseXML", "FileAccess", "ThemeTemplates",
                "ToolkitSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Theme")]),
        // JSON-LD to RDF and RDF Dataset Canonicalization (RDFC-1.0), offline with pinned contexts.
        .target(
            name: "LinkedData",
            dependencies: ["ToolkitSupport", .product(name: "Crypto", package: "swift-crypto")]),
        // Open Badges 2.0 and 3.0: issuer, badge classes and achievements, assertions and credentials,
        // baking, signing, verification, administration.
        .target(
            name: "OpenBadges",
            dependencies: [
                "CourseMedia", "CourseModel", "CourseXML", "FileAccess", "LinkedData", "SVGRaster", "ToolkitSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // The jobs between the exporters and the front ends: the workspace checked once per run
        // (`CheckedWorkspace`: the model, the findings, parsed Markdown, inspected media) and each job
        // (package, badges) as a list of named steps over it.
        .target(
            name: "CourseBuild",
            dependencies: [
                "CourseModel", "CourseLoader", "CourseValidator", "CourseMarkdown", "CourseMedia", "CoursePackager",
                "OpenBadges", "LinkedData", "FileAccess", "ToolkitSupport",
            ]),
        // `toolkit import wordpress`: a WordPress export (WXR) planned as draft Things, badges and media.
        .target(
            name: "WordPressImport",
            dependencies: [
                "CourseXML", "CourseModel", "CourseMedia", "ToolkitSupport", .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // Watching folders for changes (inotify on Linux), in batches.
        .target(name: "FileWatch", dependencies: ["ToolkitSupport"]),
        // `toolkit preview`: the course served from memory on 127.0.0.1, rebuilt on every edit, with the
        // errors over the page and a SCORM inspector.
        .target(
            name: "CoursePreview",
            dependencies: [
                "CourseBuild", "CourseMarkdown", "CourseModel", "CourseLoader", "CoursePackager", "CourseValidator", "FileAccess",
                "FileWatch",
                "ToolkitSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Client")]),
        // The commands, as a testable library.
        .target(
            name: "ToolkitCLI",
            dependencies: [
                "CourseBuild", "CourseModel", "CourseLoader", "CourseMedia", "CourseValidator", "CoursePackager", "CoursePreview",
                "FileAccess", "OpenBadges", "ToolkitSupport", "WordPressImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "toolkit", dependencies: ["ToolkitCLI", "ToolkitSupport"]),

        // Helpers the test targets share (golden files); built only with the tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CourseXMLTests", dependencies: ["CourseXML"]),
        .testTarget(name: "WordPressImportTests", dependencies: ["WordPressImport", "CourseModel"]),
        .testTarget(
            name: "CourseBuildTests",
            dependencies: [
                "CourseBuild", "CourseLoader", "CourseModel", "CoursePackager", "OpenBadges", "LinkedData", "FileAccess",
                "ToolkitSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(name: "FileAccessTests", dependencies: ["FileAccess"]),
        .testTarget(name: "CourseMediaTests", dependencies: ["CourseMedia"]),
        .testTarget(name: "CourseMarkdownTests", dependencies: ["CourseMarkdown"]),
        .testTarget(name: "SVGRasterTests", dependencies: ["SVGRaster", "CRSVG"]),
        .testTarget(
            name: "CoursePreviewTests",
            dependencies: [
                "CoursePreview", "CourseModel", "CoursePackager", "FileAccess", "FileWatch", "ToolkitSupport",
            ]),
        // swift-mustache is the reference our renderer is compared with, output for output.
        .testTarget(
            name: "ThemeTemplatesTests",
            dependencies: ["ThemeTemplates", "TestSupport", .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "CourseLoaderTests", dependencies: ["CourseLoader", "CourseModel", "FileAccess"]),
        .testTarget(name: "ToolkitSupportTests", dependencies: ["ToolkitSupport", "TestSupport"]),
        .testTarget(
            name: "CourseValidatorTests",
            dependencies: ["CourseValidator", "CourseLoader", "CourseModel", "FileAccess", "TestSupport"],
            exclude: ["Snapshots"]),
        .testTarget(
            name: "CoursePackagerTests",
            dependencies: [
                "CoursePackager", "CourseLoader", "CourseModel", "CourseXML", "FileAccess", "TestSupport", "ToolkitSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Snapshots", "Scripts"]),
        .testTarget(
            name: "LinkedDataTests",
            dependencies: ["LinkedData", "ToolkitSupport", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "OpenBadgesTests",
            dependencies: [
                "OpenBadges", "CourseLoader", "CourseModel", "LinkedData", "CourseMedia", "CourseXML", "FileAccess",
                "TestSupport",
                "ToolkitSupport",
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            exclude: ["Snapshots"]),
        .testTarget(
            name: "ToolkitCLITests",
            dependencies: [
                "ToolkitCLI", "CourseValidator", "CourseLoader", "CourseMedia", "CourseModel", "CoursePackager", "FileAccess",
                "OpenBadges", "ToolkitSupport",
            ]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets exist only for Scripts/fuzz, which sets COURSE_TOOLKIT_FUZZ and builds them with
// -sanitize=fuzzer,address (libFuzzer supplies `main`, so an ordinary build could not link them).
if ProcessInfo.processInfo.environment["COURSE_TOOLKIT_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"),
        .executableTarget(
            name: "FuzzThingFile", dependencies: ["CourseLoader", "CourseValidator", "FileAccess", "FuzzDriver"],
            path: "Fuzz/FuzzThingFile",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(
            name: "FuzzSanitizer", dependencies: ["CoursePackager", "FuzzDriver"], path: "Fuzz/FuzzSanitizer",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(
            name: "FuzzYAMLFile", dependencies: ["CourseLoader", "FileAccess", "FuzzDriver"], path: "Fuzz/FuzzYAMLFile",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(
            name: "FuzzTemplate", dependencies: ["ThemeTemplates", "FuzzDriver"], path: "Fuzz/FuzzTemplate",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(
            name: "FuzzSVG", dependencies: ["CourseMedia", "FuzzDriver"], path: "Fuzz/FuzzSVG",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(
            name: "FuzzVerifier",
            dependencies: ["OpenBadges", "LinkedData", "FileAccess", "ToolkitSupport", "CourseModel", "FuzzDriver"],
            path: "Fuzz/FuzzVerifier", swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ]
}
