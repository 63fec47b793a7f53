// libFuzzer target: arbitrary bytes as a Thing file (front matter + Markdown), loaded and validated
// in a small in-memory workspace. Build with Scripts/fuzz; any crash or hang is a bug.
import CourseLoader
import CourseValidator
import FileAccess
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzThingFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let fileSystem = InMemoryFileSystem(
        files: RuleFixture.files.reduce(into: [:]) { $0["\(RuleFixture.root)/\($1.key)"] = $1.value })
    fileSystem.write(
        bytes: Array(UnsafeBufferPointer(start: data, count: size)), to: "\(RuleFixture.root)/\(RuleFixture.firstThing)")
    _ = Validator().validate(WorkspaceLoader(fileSystem: fileSystem).load(workspaceAt: RuleFixture.root), fileSystem: fileSystem)
    return 0
}

@_cdecl("FuzzThingFile_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzzThingFile(data, size) }
}
