/// `planpress --version`. `make` stamps the version (VERSION) and the commit (`git describe`)
/// into BuildInfo+Stamped.swift (untracked) and compiles with -DPLANPRESS_STAMPED; a plain
/// `swift build` says it was built without them.
enum BuildInfo {
    #if PLANPRESS_STAMPED
    static let version = StampedBuildInfo.version
    static let commit = StampedBuildInfo.commit
    #else
    static let version = "dev"
    static let commit = "unknown: built without make"
    #endif

    static var line: String { "planpress \(version) (commit \(commit))" }
}
