import Foundation

/// Older formats (`.doc`, `.odt`, `.rtf`) become `.docx` through LibreOffice headless
/// (`soffice --headless --convert-to docx`), in a temporary folder with its own LibreOffice
/// profile (so a running LibreOffice of the user does not capture the conversion), within a
/// time limit. Without LibreOffice the caller says what to install.
enum WordConversion {
    static let convertible: Set<String> = ["doc", "dot", "odt", "ott", "rtf", "wpd"]
    static let timeLimit: TimeInterval = 120

    /// `soffice` on PATH (or `PLANPRESS_SOFFICE`), nil when LibreOffice is not installed.
    static func soffice() -> String? {
        if let given = ProcessInfo.processInfo.environment["PLANPRESS_SOFFICE"] {
            return given.isEmpty ? nil : given
        }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") + ["/usr/lib/libreoffice/program"] {
            for name in ["soffice", "libreoffice"] {
                let path = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    enum Failure: Error {
        case missing
        case failed(String)
    }

    /// The `.docx` bytes of `bytes` (a document with extension `ext`).
    static func docx(_ bytes: [UInt8], ext: String) throws -> [UInt8] {
        guard let soffice = soffice() else { throw Failure.missing }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-convert-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = folder.appendingPathComponent("document.\(ext)")
        try Data(bytes).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--norestore",
                             "--convert-to", "docx:MS Word 2007 XML", "--outdir", folder.path, input.path]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch { throw Failure.failed(error.localizedDescription) }
        let deadline = Date().addingTimeInterval(timeLimit)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                throw Failure.failed("timeout")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let output = folder.appendingPathComponent("document.docx")
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: output.path) else {
            let detail = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failure.failed(detail.isEmpty ? "exit \(process.terminationStatus)" : String(detail.prefix(200)))
        }
        return [UInt8](data)
    }
}
