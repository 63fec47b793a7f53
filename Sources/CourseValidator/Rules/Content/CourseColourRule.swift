import CourseModel
import Foundation

/// A course colour is `#RRGGBB`, dark enough for the white text the pages put on it.
public struct CourseColourRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "course-colour", name: "Course colour",
        summary:
            "A course's `colour` is `#RRGGBB` and gives white text at least 4.5:1 contrast (the header and buttons put white text on it).",
        triggeringExamples: [
            .replacing("language: en-GB", with: "language: en-GB\ncolour: ↓\"#f2c14e\"", in: RuleFixture.course),
            .replacing("language: en-GB", with: "language: en-GB\ncolour: ↓teal", in: RuleFixture.course),
        ])

    /// The red, green and blue of `#RRGGBB`, or nil.
    static func components(_ colour: String) -> (Double, Double, Double)? {
        guard colour.count == 7, colour.first == "#", let value = Int(colour.dropFirst(), radix: 16) else { return nil }
        return (Double(value >> 16 & 0xFF), Double(value >> 8 & 0xFF), Double(value & 0xFF))
    }

    /// The contrast ratio of white text on `colour` (WCAG 2 relative luminance).
    static func contrastWithWhite(_ colour: (Double, Double, Double)) -> Double {
        func channel(_ value: Double) -> Double {
            let v = value / 255
            return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(colour.0) + 0.7152 * channel(colour.1) + 0.0722 * channel(colour.2)
        return 1.05 / (luminance + 0.05)
    }

    /// Checks every course with a colour.
    public func check(_ context: ValidationContext) -> [Finding] {
        context.workspace.courses.compactMap { course -> Finding? in
            guard let colour = course.colour else { return nil }
            guard let components = Self.components(colour) else {
                return finding(
                    "`\(colour)` is not a colour written as #RRGGBB", at: course.fields["colour"],
                    hint: "write six hexadecimal digits after #, such as \"#1f5f8b\", in quotes")
            }
            let ratio = Self.contrastWithWhite(components)
            guard ratio < 4.5 else { return nil }
            return finding(
                "white text on \(colour) has a contrast of \(String(format: "%.1f", ratio)):1; it needs at least 4.5:1",
                at: course.fields["colour"], hint: "choose a darker colour, such as \"#1f5f8b\" (6.9:1)")
        }
    }
}
