import Foundation

/// Reads every HTML file of a built site and checks that each internal link
/// (href or src under the base path) names a file that exists.
enum LinkCrawler {
    struct Result {
        var pages = 0
        var links = 0
        var broken: [String] = []
    }

    static func crawl(_ root: String, basePath: String) throws -> Result {
        var result = Result()
        let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".html") }.sorted()
        let pattern = try NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        for file in files {
            result.pages += 1
            let html = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let link = String(html[Range(match.range(at: 1), in: html)!])
                guard link.hasPrefix(basePath) else { continue }
                result.links += 1
                var path = String(link.dropFirst(basePath.count))
                if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }
                path = path.removingPercentEncoding ?? path
                var target = root + "/" + path
                var isDirectory: ObjCBool = false
                if path.isEmpty || path.hasSuffix("/") || (FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) && isDirectory.boolValue) {
                    target += (target.hasSuffix("/") ? "" : "/") + "index.html"
                }
                if !FileManager.default.fileExists(atPath: target) { result.broken.append("\(file) → \(link)") }
            }
        }
        return result
    }
}
