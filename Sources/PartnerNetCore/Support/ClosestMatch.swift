/// The candidate closest to `text`: equal ignoring case, spaces, hyphens and underscores,
/// else the nearest by edit distance within a third of its length; `nil` when none is close.
public func closestMatch(to text: String, in candidates: [String]) -> String? {
    func folded(_ value: String) -> String {
        value.lowercased().filter { !" -_".contains($0) }
    }
    let key = folded(text)
    if let same = candidates.first(where: { folded($0) == key }) { return same }
    var best: (String, Int)?
    for candidate in candidates {
        let distance = editDistance(key, folded(candidate))
        if distance <= max(1, key.count / 3), best == nil || distance < best!.1 { best = (candidate, distance) }
    }
    return best?.0
}

/// Edit distance of two strings, by characters: insertions, deletions, substitutions and
/// swaps of two neighbouring characters each cost 1 (the optimal string alignment
/// distance, Damerau's variant of Levenshtein's), so that "cvs" typed "vcs" is one edit
/// away.
///
/// - Complexity: O(|a| · |b|) time, O(|b|) extra space.
public func editDistance(_ a: String, _ b: String) -> Int {
    let (x, y) = (Array(a), Array(b))
    if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
    var beforePrevious = [Int](repeating: 0, count: y.count + 1)
    var previous = Array(0...y.count)
    var current = previous
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                current[j] = min(current[j], beforePrevious[j - 2] + 1)
            }
        }
        (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[y.count]
}
