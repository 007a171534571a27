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

/// Levenshtein distance of two strings, by characters.
public func editDistance(_ a: String, _ b: String) -> Int {
    let (x, y) = (Array(a), Array(b))
    if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
    var previous = Array(0...y.count)
    var current = previous
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[y.count]
}
