import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Fetches a JSON-LD context from its canonical address for `toolkit badges contexts install`: https
/// only, at most `maximumBytes`, within `timeout`. The bytes are checked against their pin by the caller.
enum ContextDownload {
    /// The largest context accepted.
    static let maximumBytes = 1024 * 1024
    /// How long one download may take.
    static let timeout: TimeInterval = 30

    /// A download that failed.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The bytes at `address`.
    static func fetch(_ address: String) throws -> [UInt8] {
        guard let url = URL(string: address), url.scheme == "https" else { throw Failure(description: "not an https address") }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.setValue("application/ld+json, application/json", forHTTPHeaderField: "Accept")
        let outcome = LockedResult()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let error {
                outcome.set(.failure(Failure(description: error.localizedDescription)))
            } else if let http = response as? HTTPURLResponse, http.statusCode != 200 {
                outcome.set(.failure(Failure(description: "the server answered \(http.statusCode)")))
            } else if let data, data.count <= maximumBytes {
                outcome.set(.success(Array(data)))
            } else {
                outcome.set(.failure(Failure(description: "no document, or one larger than \(maximumBytes) bytes")))
            }
            done.signal()
        }.resume()
        done.wait()
        return try outcome.get()
    }

    /// The answer of one download, set from URLSession's queue.
    private final class LockedResult: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<[UInt8], Failure> = .failure(Failure(description: "no answer"))
        func set(_ value: Result<[UInt8], Failure>) { lock.withLock { result = value } }
        func get() throws -> [UInt8] { try lock.withLock { result }.get() }
    }
}
