// libFuzzer target: arbitrary bytes as a course.yaml, read by the loader (libyaml events into the
// loader's own tree, then typed fields) in an in-memory workspace. Many thousand runs a second, so
// the YAML reader gets far more coverage than through the whole-workspace Thing target.
import CourseLoader

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var fileSystem = InMemoryFileSystem(files: [:])
    fileSystem.write(bytes: Array(UnsafeBufferPointer(start: data, count: size)), to: "/ws/Courses/c/course.yaml")
    _ = WorkspaceLoader(fileSystem: fileSystem).load(workspaceAt: "/ws")
    return 0
}

// SwiftPM links executables with `main` aliased to `FuzzYAMLFile_main`; hand control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("FuzzYAMLFile_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzYAMLFile(data, size) }
}
