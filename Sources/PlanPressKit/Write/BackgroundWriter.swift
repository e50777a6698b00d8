import Dispatch

/// Writes batches of finished files on a thread of its own while the next batch
/// renders, so disk work and rendering overlap. At most one batch waits to be
/// written (memory stays bounded to about two batches); the first error stops
/// all later writes and is thrown by `finish`.
final class BackgroundWriter: @unchecked Sendable {
    private let session: OutputSession
    private let queue = DispatchQueue(label: "planpress.write")
    private let slots = DispatchSemaphore(value: 1)
    private let lock = DispatchSemaphore(value: 1)
    private var failure: Error?
    private var busyNanoseconds: UInt64 = 0
    private var waitedNanoseconds: UInt64 = 0

    init(session: OutputSession) {
        self.session = session
    }

    /// Hands a batch over; blocks while the previous one is still waiting to be written.
    func enqueue(_ files: [OutputFile]) throws {
        let start = DispatchTime.now().uptimeNanoseconds
        slots.wait()
        waitedNanoseconds += DispatchTime.now().uptimeNanoseconds - start
        if let failure = currentFailure() {
            slots.signal()
            throw failure
        }
        queue.async { [self] in
            defer { slots.signal() }
            guard currentFailure() == nil else { return }
            let begin = DispatchTime.now().uptimeNanoseconds
            do {
                try session.stage(files)
            } catch {
                lock.wait()
                failure = error
                lock.signal()
            }
            busyNanoseconds += DispatchTime.now().uptimeNanoseconds - begin
        }
    }

    /// Waits for every batch; throws the first write error.
    func finish() throws -> (busy: Double, waited: Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        queue.sync {}
        waitedNanoseconds += DispatchTime.now().uptimeNanoseconds - start
        if let failure = currentFailure() { throw failure }
        return (Double(busyNanoseconds) / 1e9, Double(waitedNanoseconds) / 1e9)
    }

    private func currentFailure() -> Error? {
        lock.wait()
        defer { lock.signal() }
        return failure
    }
}
