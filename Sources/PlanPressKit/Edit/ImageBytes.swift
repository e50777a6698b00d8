extension ImageBytes {
    /// `jpg`, `png`, `gif`, `webp` or `avif` (the editor's upload name); nil when the bytes are none of them.
    static func fileExtension(_ bytes: [UInt8]) -> String? {
        let kinds = kinds(bytes)
        return kinds.contains("jpg") ? "jpg" : kinds.first
    }
}
