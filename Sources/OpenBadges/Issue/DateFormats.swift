import Foundation
import ToolkitSupport

/// ISO 8601 formatters, made once (making one per row dominated issuing) and used under a lock:
/// the dates of earners files, of credentials (`validFrom`, proof `created`, VC-JWT `nbf`) and of
/// revocations all go through them.
enum DateFormats {
    static let formatters: LockedValue<(full: ISO8601DateFormatter, fractional: ISO8601DateFormatter)> = {
        let full = ISO8601DateFormatter()
        full.formatOptions = [.withInternetDateTime]
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return LockedValue((full, fractional))
    }()

    /// An XML Schema dateTime in UTC, to the second (`2026-11-20T09:30:00Z`).
    static func timestamp(_ date: Date) -> String {
        formatters.withLock { $0.full.string(from: date) }
    }

    /// The date of an ISO 8601 date-time with a time zone, with or without fractional seconds.
    static func date(_ text: String) -> Date? {
        formatters.withLock { $0.full.date(from: text) ?? $0.fractional.date(from: text) }
    }

    /// `awarded` (an ISO 8601 date-time) plus `days` days, as a timestamp; nil when it is not a date.
    static func adding(days: Int, to awarded: String) -> String? {
        date(awarded).map { timestamp($0.addingTimeInterval(Double(days) * 86_400)) }
    }

    /// Whole seconds since 1970 of an ISO 8601 date-time with a time zone.
    static func epochSeconds(_ text: String) -> Double? {
        date(text)?.timeIntervalSince1970.rounded(.down)
    }
}
