import PlanPressKit

/// libFuzzer calls this with each input (built with -sanitize=fuzzer and -parse-as-library).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoaders(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    LoaderFuzzing.run(Array(UnsafeBufferPointer(start: start, count: count)))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links executables with `main` renamed to `<module>_main`; this hands control to
/// libFuzzer's own driver, as its `main` would.
@_cdecl("LoaderFuzzer_main")
public func loaderFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzzLoaders)
}
