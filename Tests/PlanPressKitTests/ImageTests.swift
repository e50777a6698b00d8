import CVips
import Foundation
import Testing
@testable import PlanPressKit

/// Covers are published as responsive WebP + JPEG sizes made by libvips: never
/// upscaled, orientation applied, metadata stripped, type checked by content,
/// the same bytes on every build, conversions cached by content hash.
@Suite struct ImageTests {
    /// A phone-like JPEG: `width` × `height` pixels as stored, with EXIF (camera make, GPS
    /// latitude) and an Orientation tag.
    static func phoneJPEG(width: Int, height: Int, orientation: Int = 1) throws -> [UInt8] {
        _ = try ImageConverter.convertUncached(try pngBytes(width: 8, height: 8)) // starts libvips
        var image: OpaquePointer?
        #expect(pp_test_image(Int32(width), Int32(height), &image) == 0)
        let picture = try #require(image)
        defer { pp_unref(picture) }
        pp_set_string(picture, "exif-ifd0-Make", "PlanPressTestCamera")
        pp_set_string(picture, "exif-ifd3-GPSLatitude", "48/1 30/1 0/1")
        pp_set_int(picture, "orientation", Int32(orientation))
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        #expect(pp_jpegsave_keep(picture, &buffer, &length) == 0)
        defer { pp_free(buffer) }
        return Array(UnsafeRawBufferPointer(start: buffer, count: length))
    }

    static func pngBytes(width: Int, height: Int) throws -> [UInt8] {
        var image: OpaquePointer?
        _ = pp_vips_init()
        #expect(pp_test_image(Int32(width), Int32(height), &image) == 0, "\(String(cString: pp_error_buffer()))")
        let picture = try #require(image)
        defer { pp_unref(picture) }
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        #expect(pp_pngsave(picture, &buffer, &length) == 0)
        defer { pp_free(buffer) }
        return Array(UnsafeRawBufferPointer(start: buffer, count: length))
    }

    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { Array(bytes[$0..<$0 + needle.count]) == needle }
    }

    @Test func sizesFormatsAndNoUpscaling() throws {
        let wide = try ImageConverter.convertUncached(try Self.phoneJPEG(width: 2000, height: 1500))
        #expect(wide.variants.map(\.width) == [480, 960, 1600])
        #expect(wide.variants.map(\.height) == [360, 720, 1200])
        for variant in wide.variants {
            #expect(ImageKind(sniffing: variant.webp) == .webp)
            #expect(ImageKind(sniffing: variant.jpeg) == .jpeg)
        }
        // The published files decode (the WebP container is still valid after its metadata chunks go).
        #expect(try ImageConverter.convertUncached(wide.variants[0].webp).largest.width == 480)
        #expect(try ImageConverter.convertUncached(wide.variants[2].jpeg).largest.width == 1600)
        let small = try ImageConverter.convertUncached(try Self.pngBytes(width: 700, height: 350))
        #expect(small.variants.map(\.width) == [480, 700])
        #expect(ResponsiveImage.widths(forOriginal: 300) == [300])
        #expect(ResponsiveImage.widths(forOriginal: 960) == [480, 960])
    }

    @Test func orientationIsAppliedAndMetadataStripped() throws {
        let original = try Self.phoneJPEG(width: 2000, height: 1000, orientation: 6)
        #expect(Self.contains(original, "PlanPressTestCamera"))
        #expect(Self.contains(original, "Exif"))
        let image = try ImageConverter.convertUncached(original)
        // Orientation 6: stored landscape, shown portrait.
        #expect(image.variants.map(\.width) == [480, 960, 1000])
        #expect(image.largest.height == 2000)
        for variant in image.variants {
            for bytes in [variant.webp, variant.jpeg] {
                #expect(!Self.contains(bytes, "PlanPressTestCamera"))
                #expect(!Self.contains(bytes, "Exif"))
                #expect(!Self.contains(bytes, "XMP"))
            }
        }
    }

    @Test func sameInputSameBytesAndTheCacheIsUsed() throws {
        let photo = try Self.phoneJPEG(width: 1700, height: 900)
        let first = try ImageConverter.convertUncached(photo), second = try ImageConverter.convertUncached(photo)
        #expect(first == second)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-images-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let converter = ImageConverter(cacheFolder: folder)
        #expect(try converter.convert(photo) == first)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.count == 7)
        // A cached entry is what the next build reads: spoil one file and it is served as cached.
        let index = try #require(files.first { $0.hasSuffix(".txt") })
        let key = String(index.dropLast(4))
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: "\(folder)/\(key)-480.webp"))
        #expect(try converter.convert(photo).variants[0].webp == [1, 2, 3])
    }

    @Test func typeIsReadFromTheBytes() {
        #expect(ImageKind(sniffing: Array("<svg xmlns=".utf8)) == nil)
        #expect(ImageKind(sniffing: [0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(ImageKind(sniffing: Array("GIF89a".utf8)) == .gif)
        #expect(ImageKind(sniffing: Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)) == .webp)
        #expect(ImageKind(sniffing: [0, 0, 0, 0x1C] + Array("ftypavif".utf8)) == .avif)
    }

    @Test func coverPagesUsePictureSrcsetAndTwoBuildsAreByteIdentical() throws {
        let photo = try Self.phoneJPEG(width: 2000, height: 1500, orientation: 1)
        let site = try UpdateTests.site(["rada": UpdateTests.update("Засідання", date: "2026-06-01",
                                                                    extra: "cover:\n  image: updates/images/rada.jpg\n  alt: \"Зала\"\n")])
        defer { site.remove() }
        try site.writeBytes("updates/images/rada.jpg", photo)
        try site.build()
        let page = try site.page("updates/rada/index.html")
        #expect(page.contains("<picture><source type=\"image/webp\" srcset=\"/plany/updates/rada/cover.480.webp 480w, /plany/updates/rada/cover.960.webp 960w, /plany/updates/rada/cover.1600.webp 1600w\" sizes=\"(max-width: 48rem) 100vw, 46rem\">"))
        #expect(page.contains("<img src=\"/plany/updates/rada/cover.960.jpg\" srcset=\"/plany/updates/rada/cover.480.jpg 480w, /plany/updates/rada/cover.960.jpg 960w, /plany/updates/rada/cover.1600.jpg 1600w\" sizes=\"(max-width: 48rem) 100vw, 46rem\" width=\"1600\" height=\"1200\" alt=\"Зала\""))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://example.org/plany/updates/rada/share.jpg\">"))
        #expect(!site.exists("updates/rada/cover.jpg"))
        let published = try Data(contentsOf: URL(fileURLWithPath: site.output + "/updates/rada/cover.1600.jpg"))
        #expect(!Self.contains(Array(published), "PlanPressTestCamera"))
        let firstBuild = try Self.snapshot(site.output)
        // Without the cache: converted again, the same bytes.
        try FileManager.default.removeItem(atPath: ImageConverter.cacheFolder(forContent: site.content))
        try site.build()
        #expect(try Self.snapshot(site.output) == firstBuild)
        #expect(firstBuild.keys.contains("updates/rada/cover.480.webp"))
    }

    @Test func warningsAndErrorsAboutPhotos() throws {
        let site = try UpdateTests.site([
            "small": UpdateTests.update("Мале", date: "2026-06-01", extra: "cover:\n  image: updates/images/small.png\n  alt: \"Мале\"\n"),
            "fake": UpdateTests.update("Підробка", date: "2026-06-02", extra: "cover:\n  image: updates/images/fake.jpg\n  alt: \"Х\"\n"),
        ])
        defer { site.remove() }
        try site.writeBytes("updates/images/small.png", try Self.pngBytes(width: 400, height: 300))
        try site.writeBytes("updates/images/fake.jpg", Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8))
        #expect(site.failure(language: .uk) == [
            "Content/updates/fake.md:5:3: помилка: 'updates/images/fake.jpg' за вмістом не є зображенням JPEG, PNG, GIF, WebP, AVIF чи HEIC, хоч би що казало розширення: збережіть світлину заново як JPEG",
            "Content/updates/small.md:5:3: попередження: світлина 'updates/images/small.png' лише 400 пікселів завширшки (щонайменше 960): на великому екрані вона буде розмитою, пошукайте більшу",
        ])
    }

    @Test func photosInTheTextAreConvertedAndLazy() throws {
        let body = "Перший абзац.\n\n![Зала засідань](updates/images/zala.jpg)\n\n![Ззовні](https://example.org/x.jpg)\n"
        let site = try UpdateTests.site(["rada": UpdateTests.update("Засідання", date: "2026-06-01", body: body),
                                         "broken": UpdateTests.update("Без фото", date: "2026-06-02", body: "Текст\n\n![Х](updates/images/nema.jpg)\n")])
        defer { site.remove() }
        try site.writeBytes("updates/images/zala.jpg", try Self.phoneJPEG(width: 1200, height: 800))
        #expect(site.failure(language: .uk) == [
            "Content/updates/broken.md:7:1: помилка: світлини 'updates/images/nema.jpg' не знайдено; вкажіть шлях усередині Content/, наприклад updates/images/photo.jpg, або повну адресу https://…",
        ])
        try FileManager.default.removeItem(atPath: site.content + "/updates/broken.md")
        try site.build()
        let page = try site.page("updates/rada/index.html")
        #expect(page.contains("<picture><source type=\"image/webp\" srcset=\"/plany/updates/rada/photo-1.480.webp 480w, /plany/updates/rada/photo-1.960.webp 960w, /plany/updates/rada/photo-1.1200.webp 1200w\" sizes=\"(max-width: 48rem) 100vw, 46rem\"><img src=\"/plany/updates/rada/photo-1.960.jpg\" srcset=\"/plany/updates/rada/photo-1.480.jpg 480w, /plany/updates/rada/photo-1.960.jpg 960w, /plany/updates/rada/photo-1.1200.jpg 1200w\" sizes=\"(max-width: 48rem) 100vw, 46rem\" width=\"1200\" height=\"800\" loading=\"lazy\" decoding=\"async\" alt=\"Зала засідань\" /></picture>"))
        #expect(page.contains("<img src=\"https://example.org/x.jpg\" alt=\"Ззовні\" />"))
        #expect(site.exists("updates/rada/photo-1.1200.webp") && site.exists("updates/rada/photo-1.480.jpg"))
        #expect(!site.exists("updates/rada/zala.jpg"))
        // The feed points feed readers at a published size, by its absolute address, never at the unpublished original.
        let feed = try site.page("updates/feed.xml")
        #expect(feed.contains("&lt;img src=&quot;https://example.org/plany/updates/rada/photo-1.960.jpg&quot; alt=&quot;Зала засідань&quot; /&gt;"))
        #expect(!feed.contains("updates/images/zala.jpg"))
    }

    static func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)!
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
            }
        }
        return files
    }
}

extension TestSite {
    func writeBytes(_ path: String, _ bytes: [UInt8]) throws {
        let url = root.appendingPathComponent("Content").appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }
}
