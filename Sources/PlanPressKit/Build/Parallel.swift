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

/// Work started on another thread now, its result waited for later (`value`): a
/// stage that needs nothing from the one running meanwhile fills a core that
/// would otherwise wait (the search index while pages render).
final class Concurrent<R>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: R?

    init(_ work: @escaping () -> R) {
        nonisolated(unsafe) let work = work
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The result; waits until the work is done.
    var value: R {
        done.wait()
        done.signal()
        return result!
    }
}
