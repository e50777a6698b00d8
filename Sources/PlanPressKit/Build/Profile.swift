import Foundation

/// Sub-stage timings on standard error when `PLANPRESS_PROFILE` is set
/// (performance work; see docs/performance.md). Off otherwise: one check per mark.
struct Profile {
    static let enabled = ProcessInfo.processInfo.environment["PLANPRESS_PROFILE"] != nil
    private var lap = DispatchTime.now().uptimeNanoseconds

    /// Prints the time since the previous mark (or since creation).
    mutating func mark(_ what: @autoclosure () -> String) {
        guard Profile.enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write(Data("  \(what()): \(String(format: "%.1f", Double(now - lap) / 1e6)) ms\n".utf8))
        lap = now
    }
}
