import Dispatch

/// `body(0) … body(count − 1)` evaluated on all cores, results in index order.
///
/// Results do not depend on the number of threads: each index is computed alone, and the
/// caller combines them in index order.
public func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    if count <= 1 { return (0..<count).map(body) }
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer {
        results.deinitialize()
        results.deallocate()
    }
    // Each iteration writes only its own slot.
    nonisolated(unsafe) let slots = results
    DispatchQueue.concurrentPerform(iterations: count) { index in slots[index] = body(index) }
    return results.map { $0! }
}
