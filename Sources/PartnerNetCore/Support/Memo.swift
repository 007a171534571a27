import Synchronization

/// Values computed once, by key, and shared by every holder of the memo: the derived
/// results of an immutable value (a graph's betweenness, an analysis's tables).
///
/// Each key has its own lock, held while its value is computed: a thread that asks for a
/// value another thread is computing waits for it instead of computing it again, while
/// values of other keys go on being computed (and may ask for one another, as long as no
/// value asks, through others, for itself).
package final class Memo: Sendable {
    /// The slot of one key: empty until its value is computed.
    private final class Slot: Sendable {
        let value = Mutex<(any Sendable)?>(nil)
    }

    private let slots = Mutex<[String: Slot]>([:])

    package init() {}

    /// The value stored under `key`, computed by `make` the first time it is asked for.
    ///
    /// - Precondition: every call with `key` asks for the same type.
    package func value<T: Sendable>(_ key: String, _ make: () -> T) -> T {
        let slot = slots.withLock { slots in
            if let slot = slots[key] { return slot }
            let slot = Slot()
            slots[key] = slot
            return slot
        }
        return slot.value.withLock { stored in
            if let stored {
                guard let value = stored as? T else { preconditionFailure("memo key \(key) asked for two types") }
                return value
            }
            let value = make()
            stored = value
            return value
        }
    }
}
