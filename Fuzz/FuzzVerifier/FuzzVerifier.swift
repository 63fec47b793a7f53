// libFuzzer target: arbitrary bytes presented to the badge verifier (unbaking, strict JSON, JWS and
// credential parsing), then, when they are a JSON object, through JSON-LD to RDF (plain and strict)
// and RDF canonicalisation with the pinned contexts (from COURSE_TOOLKIT_SCHEMAS when set). Besides
// crashes and hangs (a blank-node clique, quadratic arrays, an overflow), it stops when the strict
// parser accepts JSON that Foundation's parser refuses, or when canonicalisation depends on the order
// the statements came in: independent second opinions.
import CourseModel
import FileAccess
import Foundation
import FuzzDriver
import LinkedData
import OpenBadges
import ToolkitSupport

/// The pinned contexts, when the schemas folder is given.
private let pinned: PinnedContexts? = ProcessInfo.processInfo.environment["COURSE_TOOLKIT_SCHEMAS"].flatMap { schemas in
    try? PinnedContexts(read: { url in
        JSONLDContextsLayout.standard.file(of: url, in: schemas + "/openbadges/v3").flatMap {
            try? DiskFileSystem().readFile($0)
        }
    })
}

/// The pinned contexts, or a loader that refuses every remote context.
private var contexts: any ContextLoader { pinned ?? NoRemoteContexts() as any ContextLoader }

private struct NoRemoteContexts: ContextLoader {
    func document(at url: String) throws(LinkedDataError) -> JSONValue { throw LinkedDataError("no remote contexts") }
}

private let folder = BadgeFolder(
    path: "/published", urls: try! BadgeURLs(base: "https://badges.example.org"), fileSystem: InMemoryFileSystem())

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVerifier(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = BadgeVerifier(folder: folder, contexts: pinned).verify(bytes, email: "ann@example.org")
    guard let document = try? JSONValue.parse(bytes, limits: .untrusted) else { return 0 }
    if (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) == nil {
        fatalError("the strict parser accepted JSON Foundation refuses: \(String(decoding: bytes.prefix(300), as: UTF8.self))")
    }
    guard case .object = document else { return 0 }
    let converter = JSONLDToRDF(loader: contexts)
    _ = try? converter.quads(of: document, strict: true)
    guard let quads = try? converter.quads(of: document) else { return 0 }
    let canonicalizer = RDFCanonicalizer()
    guard let forward = try? canonicalizer.canonicalNQuads(quads) else { return 0 }
    guard let backward = try? canonicalizer.canonicalNQuads(quads.reversed()), forward == backward else {
        fatalError("canonicalisation depends on the statements' order: \(String(decoding: bytes.prefix(300), as: UTF8.self))")
    }
    return 0
}

@_cdecl("FuzzVerifier_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzzVerifier(data, size) }
}
