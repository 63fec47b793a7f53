// libFuzzer target: arbitrary bytes as a course.yaml, read by the loader (libyaml events into the
// loader's own tree, then typed fields) in an in-memory workspace. Many thousand runs a second, so
// the YAML reader gets far more coverage than through the whole-workspace Thing target.
import CourseLoader
import FileAccess
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let fileSystem = InMemoryFileSystem(files: [:])
    fileSystem.write(bytes: Array(UnsafeBufferPointer(start: data, count: size)), to: "/ws/Courses/c/course.yaml")
    _ = WorkspaceLoader(fileSystem: fileSystem).load(workspaceAt: "/ws")
    return 0
}

@_cdecl("FuzzYAMLFile_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzzYAMLFile(data, size) }
}
