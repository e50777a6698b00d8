import Dispatch

/// Maps `items` on all cores, keeping the order. `transform` must not touch
/// shared mutable state; each call gets its own item and returns its own result.
func parallelMap<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
    if items.count < 2 { return items.map(transform) }
    let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
    results.initialize(repeating: nil)
    defer {
        _ = results.deinitialize()
        results.deallocate()
    }
    withoutActuallyEscaping(transform) { transform in
        nonisolated(unsafe) let work = transform
        nonisolated(unsafe) let output = results
        nonisolated(unsafe) let input = items
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            output[index] = work(input[index])
        }
    }
    return results.map { $0! }
}
