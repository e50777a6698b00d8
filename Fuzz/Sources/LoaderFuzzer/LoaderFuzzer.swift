import PlanPressKit

/// libFuzzer's entry point (libFuzzer provides `main`; built with -parse-as-library).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoaders(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    LoaderFuzzing.run(bytes)
    return 0
}
