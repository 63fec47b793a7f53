import Foundation
import Testing

/// Golden files: output compared with a file under `Snapshots/` beside the calling test file.
/// Set `RECORD_SNAPSHOTS=1` to re-record; the recording run fails on purpose, so a new baseline
/// is never accepted by accident.
public enum Snapshot {
    /// Expects `actual` to equal the golden file `name` in the `Snapshots/` folder beside `filePath`.
    public static func expect(
        _ actual: String, matches name: String, filePath: String = #filePath,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard let expected = golden(name, recording: actual, filePath: filePath, sourceLocation: sourceLocation) else { return }
        #expect(
            actual == expected, "output differs from Snapshots/\(name); re-record with RECORD_SNAPSHOTS=1 if intended",
            sourceLocation: sourceLocation)
    }

    /// The golden file `name` beside `filePath`, for tests that compare it their own way (structurally,
    /// say). When recording, writes `actual` instead and returns nil; a missing file is a recorded issue.
    public static func golden(
        _ name: String, recording actual: String, filePath: String = #filePath,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> String? {
        let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(name); run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no snapshot \(name); record it with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return nil
        }
        return expected
    }
}
