import Foundation
import ToolkitSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Watches folders (and every folder below them) and reports changed files in batches: a burst of
/// saves (editors write a file several times, or a temporary file and a rename) becomes one batch once
/// the folders have been quiet for `quietPeriod`. On Linux through inotify; elsewhere by comparing
/// modification times every `quietPeriod`.
public final class DirectoryWatcher: @unchecked Sendable {
    /// The folders watched, absolute.
    public let roots: [String]
    private let quietPeriod: Double
    private let onChange: @Sendable ([String]) -> Void
    private let stopped = LockedValue(false)
    private var thread: Thread?

    /// Starts watching `roots` (folders that do not exist are skipped); `onChange` gets the changed
    /// paths of each batch, sorted, on the watcher's own thread. The default quiet period, 20 ms, is
    /// every author's wait before each rebuild: editors finish a save (a truncate and a write, or a
    /// temporary file and a rename) within a few milliseconds, and a longer burst (a `git checkout`)
    /// costs at worst one more rebuild, which the last one supersedes.
    public init(roots: [String], quietPeriod: Double = 0.02, onChange: @escaping @Sendable ([String]) -> Void) throws {
        self.roots = roots
        self.quietPeriod = quietPeriod
        self.onChange = onChange
        #if canImport(Glibc)
            let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { throw WatchError("inotify is not available: \(String(cString: strerror(errno)))") }
            let watches = InotifyWatches(descriptor: descriptor)
            for root in roots where FileManager.default.fileExists(atPath: root) { watches.addTree(root) }
            let thread = Thread { [self] in self.runInotify(watches) }
        #else
            let thread = Thread { [self] in self.runPolling() }
        #endif
        thread.name = "course-toolkit.watch"
        self.thread = thread
        thread.start()
    }

    /// Stops watching; no batch is reported afterwards.
    public func stop() { stopped.withLock { $0 = true } }

    private var isStopped: Bool { stopped.current }

    #if canImport(Glibc)
        private func runInotify(_ watches: InotifyWatches) {
            defer { close(watches.descriptor) }
            var pending = Set<String>()
            var lastEvent = Date.distantPast
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while !isStopped {
                var poller = pollfd(fd: watches.descriptor, events: Int16(POLLIN), revents: 0)
                let waitMilliseconds = pending.isEmpty ? 200 : max(1, Int32(quietPeriod * 1000))
                let ready = poll(&poller, 1, waitMilliseconds)
                if ready > 0 {
                    let count = buffer.withUnsafeMutableBytes { read(watches.descriptor, $0.baseAddress, $0.count) }
                    if count > 0 {
                        pending.formUnion(watches.changes(in: buffer, count: count))
                        lastEvent = Date()
                    }
                    continue
                }
                if !pending.isEmpty, Date().timeIntervalSince(lastEvent) >= quietPeriod, !isStopped {
                    onChange(pending.sorted())
                    pending.removeAll()
                }
            }
        }
    #else
        private func runPolling() {
            var known = snapshot()
            while !isStopped {
                Thread.sleep(forTimeInterval: max(quietPeriod, 0.2))
                let now = snapshot()
                let changed = Set(now.keys).symmetricDifference(known.keys).union(
                    now.keys.filter { known[$0] != nil && known[$0] != now[$0] })
                known = now
                if !changed.isEmpty, !isStopped { onChange(changed.sorted()) }
            }
        }

        private func snapshot() -> [String: Date] {
            var result: [String: Date] = [:]
            for root in roots {
                guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
                while let relative = walker.nextObject() as? String {
                    let path = root + "/" + relative
                    result[path] = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate]) as? Date
                }
            }
            return result
        }
    #endif
}

/// A watcher that could not start.
public struct WatchError: Error, CustomStringConvertible, Sendable {
    /// Why.
    public let description: String

    init(_ description: String) { self.description = description }
}

#if canImport(Glibc)
    /// inotify watches of folder trees: one watch per folder, added for folders created later too. Used
    /// by the watcher's one thread only.
    final class InotifyWatches: @unchecked Sendable {
        let descriptor: Int32
        private var folders: [Int32: String] = [:]
        private static let mask = UInt32(
            IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_DELETE_SELF | IN_ATTRIB)

        init(descriptor: Int32) { self.descriptor = descriptor }

        /// Watches `folder` and every folder below it (links are not followed).
        func addTree(_ folder: String) {
            let watch = inotify_add_watch(descriptor, folder, Self.mask | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW))
            guard watch >= 0 else { return }
            folders[watch] = folder
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
            for name in names where !name.hasPrefix(".") {
                let path = folder + "/" + name
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue,
                    (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == nil
                {
                    addTree(path)
                }
            }
        }

        /// The paths the events in `buffer` name; new folders are watched from now on.
        func changes(in buffer: [UInt8], count: Int) -> [String] {
            var paths: [String] = []
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += header + length
                guard let folder = folders[watch] else { continue }
                let path = name.isEmpty ? folder : folder + "/" + name
                if mask & UInt32(IN_IGNORED) != 0 {
                    folders[watch] = nil
                    continue
                }
                if mask & UInt32(IN_ISDIR) != 0, mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 { addTree(path) }
                paths.append(path)
            }
            return paths
        }
    }
#endif
