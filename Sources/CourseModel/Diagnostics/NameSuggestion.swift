/// Finds the closest known name to a misspelt one, for "did you mean …?" hints.
public enum NameSuggestion {
    /// The candidate closest to `name` by edit distance, if it is close enough to be a likely typo.
    public static func closest<Candidates: Sequence>(to name: String, in candidates: Candidates) -> String?
    where Candidates.Element == String {
        let lowered = name.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let distance = editDistance(lowered, candidate.lowercased())
            // Ties go to the name that sorts first, so the same input gives the same hint on every run.
            if let current = best, distance > current.distance || (distance == current.distance && candidate >= current.candidate)
            {
                continue
            }
            best = (candidate, distance)
        }
        guard let best else { return nil }
        let allowed = max(2, min(name.count, best.candidate.count) / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// The hint text for a suggestion: "did you mean `x`?", or nil.
    public static func hint<Candidates: Sequence>(for name: String, in candidates: Candidates) -> String?
    where Candidates.Element == String {
        closest(to: name, in: candidates).map { "did you mean `\($0)`?" }
    }

    /// Levenshtein distance between two strings, by characters.
    public static func editDistance(_ left: String, _ right: String) -> Int {
        let left = Array(left)
        let right = Array(right)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}
