/// Distinct texts by position, each held once, found by hashing into open-addressed slots of
/// 32-bit positions kept at most half full.
///
/// A `[String: UInt32]` dictionary of a hundred thousand organisation ids holds 262,144
/// slots of 20 bytes (a string and a value, keys beside the array of texts): 5.2 MB. These
/// slots are 4 bytes, the texts held only in their array: 1 MB.
///
/// - Complexity: O(1) expected time a lookup or insertion (linear probing with the
///   standard library's seeded hash), amortised over doublings that rehash every text.
struct TextTable: Sendable {
    /// The texts in the order they were added: a text's position is its index here.
    private(set) var texts: [String] = []
    /// Each slot 0 when empty, else the position of its text plus one.
    private var slots: [UInt32] = []

    /// The position of `text`, if held.
    func position(of text: String) -> UInt32? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = text.hashValue & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if texts[Int(entry - 1)] == text { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// The position of `text`, added at the end when new.
    mutating func intern(_ text: String) -> UInt32 {
        if slots.isEmpty { slots = [UInt32](repeating: 0, count: 16) }
        let mask = slots.count - 1
        var slot = text.hashValue & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if texts[Int(entry - 1)] == text { return entry - 1 }
            slot = (slot + 1) & mask
        }
        let position = UInt32(texts.count)
        texts.append(text)
        slots[slot] = position + 1
        if texts.count * 2 > slots.count { rehash(slots.count * 2) }
        return position
    }

    private mutating func rehash(_ count: Int) {
        var fresh = [UInt32](repeating: 0, count: count)
        let mask = count - 1
        for (position, text) in texts.enumerated() {
            var slot = text.hashValue & mask
            while fresh[slot] != 0 { slot = (slot + 1) & mask }
            fresh[slot] = UInt32(position + 1)
        }
        slots = fresh
    }
}
