import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Fetches one https address for the commands that may download (`badges contexts install`,
/// `import wordpress --download`): https only (redirects too), within `timeout`, and never more than
/// `maximumBytes`: the transfer is cancelled as soon as it passes the limit, so a hostile server
/// cannot fill memory. What the bytes are is checked by the caller.
enum HTTPSDownload {
    /// The largest JSON-LD context accepted.
    static let maximumContextBytes = 1024 * 1024
    /// How long one download may take.
    static let timeout: TimeInterval = 60

    /// A download that failed.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The bytes at `address`.
    static func fetch(_ address: String, accept: String = "*/*", maximumBytes: Int) throws -> [UInt8] {
        guard let url = URL(string: address), url.scheme?.lowercased() == "https" else {
            throw Failure(description: "not an https address")
        }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.setValue(accept, forHTTPHeaderField: "Accept")
        let receiver = Receiver(limit: maximumBytes)
        let session = URLSession(configuration: .ephemeral, delegate: receiver, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        session.dataTask(with: request).resume()
        receiver.done.wait()
        return try receiver.result()
    }

    /// Collects one transfer, cancelling it past the limit or on a redirect away from https.
    private final class Receiver: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        let limit: Int
        let done = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var data: [UInt8] = []
        private var failure: String?

        init(limit: Int) { self.limit = limit }

        func result() throws -> [UInt8] {
            try lock.withLock {
                if let failure { throw Failure(description: failure) }
                return data
            }
        }

        private func fail(_ why: String) { lock.withLock { if failure == nil { failure = why } } }

        func urlSession(
            _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
            completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
        ) {
            if let http = response as? HTTPURLResponse, http.statusCode != 200 {
                fail("the server answered \(http.statusCode)")
                completionHandler(.cancel)
            } else if response.expectedContentLength > Int64(limit) {
                fail("it is larger than \(limit) bytes")
                completionHandler(.cancel)
            } else {
                completionHandler(.allow)
            }
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive chunk: Data) {
            let over = lock.withLock { () -> Bool in
                data += chunk
                return data.count > limit
            }
            if over {
                fail("it is larger than \(limit) bytes")
                dataTask.cancel()
            }
        }

        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
        ) {
            guard request.url?.scheme?.lowercased() == "https" else {
                fail("it redirects to an address that is not https")
                completionHandler(nil)
                return
            }
            completionHandler(request)
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
            if let error { fail(error.localizedDescription) }
            done.signal()
        }
    }
}
