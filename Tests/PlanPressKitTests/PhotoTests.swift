import CVips
import Foundation
import Testing
@testable import PlanPressKit

/// Phone photos as they come (HEIC, AVIF, large JPEG), the originals stored without private
/// metadata, the limits read from a file's header before anything is decoded, and the share
/// images every page names. Real pictures, made here with libvips.
@Suite struct PhotoTests {
    // MARK: pictures

    /// A phone-like picture as libvips writes it, with EXIF: camera make, serial number, GPS position
    /// and (where the format carries it in EXIF) the orientation.
    static func phonePhoto(_ format: String, width: Int = 1600, height: Int = 1200, orientation: Int = 6) throws -> [UInt8] {
        _ = try ImageConverter.convertUncached(try ImageTests.pngBytes(width: 8, height: 8)) // starts libvips
        var image: OpaquePointer?
        #expect(pp_test_image(Int32(width), Int32(height), &image) == 0)
        let picture = try #require(image)
        defer { pp_unref(picture) }
        pp_set_string(picture, "exif-ifd0-Make", "PlanPressTestCamera")
        pp_set_string(picture, "exif-ifd2-BodySerialNumber", "SN-PP-123456789")
        pp_set_string(picture, "exif-ifd3-GPSLatitude", "48/1 30/1 0/1")
        pp_set_int(picture, "orientation", Int32(orientation))
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let status: Int32
        switch format {
        case "heic": status = pp_heifsave(picture, &buffer, &length, 0)
        case "avif": status = pp_heifsave(picture, &buffer, &length, 1)
        case "webp": status = pp_webpsave_keep(picture, &buffer, &length)
        default: status = pp_jpegsave_keep(picture, &buffer, &length)
        }
        #expect(status == 0, "\(String(cString: pp_error_buffer()))")
        defer { pp_free(buffer) }
        return Array(UnsafeRawBufferPointer(start: buffer, count: length))
    }

    static let privateStrings = ["PlanPressTestCamera", "SN-PP-123456789"]

    static func hasPrivateMetadata(_ bytes: [UInt8]) -> Bool {
        privateStrings.contains { ImageTests.contains(bytes, $0) }
    }

    /// The pixel size from the file's header, through libvips.
    static func size(_ bytes: [UInt8]) -> [Int] {
        var width: Int32 = 0, height: Int32 = 0
        guard bytes.withUnsafeBytes({ pp_header($0.baseAddress, $0.count, &width, &height) }) == 0 else { return [] }
        return [Int(width), Int(height)]
    }

    static func mean(_ bytes: [UInt8]) -> Double {
        var value = 0.0
        #expect(bytes.withUnsafeBytes { pp_mean_buffer($0.baseAddress, $0.count, &value) } == 0)
        return value
    }

    /// A PNG chunk with its CRC.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] { PNGChunks.chunk(type, data) }

    /// The 74-byte PNG bomb: a header declaring `width` × `height`, a few bytes of pixel data, the end.
    static func pngBomb(width: UInt32 = 60_000, height: UInt32 = 60_000) -> [UInt8] {
        func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", be(width) + be(height) + [8, 2, 0, 0, 0])
            + chunk("IDAT", [0x78, 0x9C, 0x63, 0x60, 0x18, 0x05, 0xA3, 0x60, 0x14, 0x8C, 0x54, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00])
            + chunk("IEND", [])
    }

    // MARK: HEIC and AVIF

    @Test func kindsAreReadFromTheFtypBrands() throws {
        let heic = try Self.phonePhoto("heic")
        #expect(ImageKind(sniffing: heic) == .heic)
        #expect(ImageKind(sniffing: try Self.phonePhoto("avif")) == .avif)
        // iPhone: major brand heic; some cameras: the generic mif1 with heic among the compatible brands.
        #expect(ImageKind(sniffing: [0, 0, 0, 0x18] + Array("ftypmif1\0\0\0\0mif1heic".utf8)) == .heic)
        #expect(ImageKind(sniffing: [0, 0, 0, 0x18] + Array("ftypmif1\0\0\0\0mif1avif".utf8)) == .avif)
        #expect(ImageKind(sniffing: [0, 0, 0, 0x18] + Array("ftypisom\0\0\0\0isommp42".utf8)) == nil)   // a video
        #expect(ImageBytes.fileExtension(heic) == "heic")
        #expect(Update.Cover.extensions.isSuperset(of: ["heic", "heif", "avif", "jpg", "jpeg"]))
    }

    @Test func heicAndAVIFFromAPhoneAreConvertedLikeJPEG() throws {
        for format in ["heic", "avif"] {
            let original = try Self.phonePhoto(format, width: 2000, height: 1500)
            #expect(Self.hasPrivateMetadata(original), "the test photo carries EXIF")
            let image = try ImageConverter.convertUncached(original, share: true)
            #expect(image.variants.map(\.width) == [480, 960, 1600], "\(format)")
            #expect(image.largest.height == 1200)
            for variant in image.variants {
                #expect(ImageKind(sniffing: variant.webp) == .webp && ImageKind(sniffing: variant.jpeg) == .jpeg)
                #expect(!Self.hasPrivateMetadata(variant.webp) && !Self.hasPrivateMetadata(variant.jpeg))
            }
            let share = try #require(image.share)
            #expect(Self.size(share) == [1200, 630])
        }
    }

    @Test func aHEICCoverIsPublishedWithItsPageAndShareImage() throws {
        let site = try UpdateTests.site(["rada": UpdateTests.update("Засідання", date: "2026-06-01",
                                                                    extra: "cover:\n  image: updates/images/IMG_0001.HEIC\n  alt: \"Зала\"\n")])
        defer { site.remove() }
        try site.writeBytes("updates/images/IMG_0001.HEIC", try Self.phonePhoto("heic", width: 2000, height: 1500))
        try site.build()
        let page = try site.page("updates/rada/index.html")
        #expect(page.contains("<img src=\"/plany/updates/rada/cover.960.jpg\""))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://example.org/plany/updates/rada/share.jpg\">"))
        #expect(site.exists("updates/rada/cover.1600.webp") && !site.exists("updates/rada/IMG_0001.HEIC"))
    }

    /// A machine whose libvips has no HEIF loader (libvips loads it as a module, `vips-heif.so`):
    /// simulated with libvips's own block list; the build names HEIC and says how to export JPEG.
    @Test func whereLibvipsReadsNoHEIFTheMessageNamesHEICAndJPEG() throws {
        let site = try UpdateTests.site(["rada": UpdateTests.update("Засідання", date: "2026-06-01",
                                                                    extra: "cover:\n  image: updates/images/IMG_0001.HEIC\n  alt: \"Зала\"\n")])
        defer { site.remove() }
        try site.writeBytes("updates/images/IMG_0001.HEIC", try Self.phonePhoto("heic"))
        let run = try Self.planpress(["check", "--content", site.content, "--templates", site.templates],
                                     environment: ["PLANPRESS_VIPS_BLOCK": "VipsForeignLoadHeif"])
        #expect(run.status != 0)
        #expect(run.output.contains("updates/rada.md:5:3: помилка: світлину 'updates/images/IMG_0001.HEIC' у форматі HEIC (типовий формат iPhone)"), "\(run.output)")
        #expect(run.output.contains("«Найсумісніший»"))
    }

    // MARK: the stored original

    @Test func storedOriginalsKeepThePictureAndOrientationOnly() throws {
        for format in ["jpg", "webp", "heic", "avif"] {
            let original = try Self.phonePhoto(format, width: 1200, height: 900, orientation: 6)
            #expect(Self.hasPrivateMetadata(original), "\(format)")
            let stored = PhotoPrivacy.stripped(original)
            #expect(!Self.hasPrivateMetadata(stored), "\(format): GPS, make or serial left")
            #expect(ImageKind(sniffing: stored) == ImageKind(sniffing: original))
            // Lossless, orientation kept: the site converts it to exactly the same files.
            #expect(try ImageConverter.convertUncached(stored) == ImageConverter.convertUncached(original), "\(format)")
            if format == "jpg" || format == "webp" {
                #expect(try ImageConverter.convertUncached(stored).largest.height == 1200, "\(format): turned upright")
            }
            // Stripping again changes nothing.
            #expect(PhotoPrivacy.stripped(stored) == stored)
        }
        // An original without metadata is stored as it came.
        let plain = try ImageTests.pngBytes(width: 64, height: 48)
        #expect(PhotoPrivacy.stripped(plain) == plain)
        #expect(PhotoPrivacy.stripped(Array("not a picture".utf8)) == Array("not a picture".utf8))
    }

    @Test func pngAndGIFTextBlocksGo() throws {
        let png = try ImageTests.pngBytes(width: 64, height: 48)
        let tiff = [UInt8]("MM".utf8) + [0, 0x2A, 0, 0, 0, 8, 0, 2, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 8, 0, 0,
                                          0x01, 0x0F, 0, 2, 0, 0, 0, 4, 0x41, 0x42, 0x43, 0, 0, 0, 0, 0]   // Orientation 8, Make "ABC"
        let text = Self.chunk("tEXt", Array("Comment\0GPS 48.5 PlanPressTestCamera".utf8))
        let exif = Self.chunk("eXIf", tiff)
        let tagged = Array(png[0..<33]) + text + exif + Array(png[33...]) + Array("trailing".utf8)
        let stored = PhotoPrivacy.stripped(tagged)
        #expect(!ImageTests.contains(stored, "PlanPressTestCamera") && !ImageTests.contains(stored, "ABC") && !ImageTests.contains(stored, "trailing"))
        #expect(stored == Array(png[0..<33]) + Self.chunk("eXIf", ExifOrientation.minimal(8)) + Array(png[33...]))
        #expect(ExifOrientation.read(ExifOrientation.minimal(8)[...]) == 8)

        // GIF: a comment and an XMP application block go; the looping block stays.
        let head: [UInt8] = Array("GIF89a".utf8) + [1, 0, 1, 0, 0x80, 0, 0] + [0, 0, 0, 255, 255, 255]
        let loop: [UInt8] = [0x21, 0xFF, 11] + Array("NETSCAPE2.0".utf8) + [3, 1, 0, 0, 0]
        let comment: [UInt8] = [0x21, 0xFE, 19] + Array("PlanPressTestCamera".utf8) + [0]
        let xmp: [UInt8] = [0x21, 0xFF, 11] + Array("XMP DataXMP".utf8) + [15] + Array("SN-PP-123456789".utf8) + [0]
        let frame: [UInt8] = [0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x4C, 0x01, 0]
        let gif = head + loop + comment + xmp + frame + [0x3B]
        #expect(PhotoPrivacy.stripped(gif) == head + loop + frame + [0x3B])
        #expect(try ImageConverter.convertUncached(PhotoPrivacy.stripped(gif)).largest.width == 1)
    }

    // MARK: limits, before decoding

    @Test func aPixelBombIsRefusedFromItsHeaderWithItsLocation() throws {
        let bomb = Self.pngBomb()
        #expect(bomb.count == 74)
        #expect(throws: ImageConverter.Refusal.tooManyPixels(width: 60_000, height: 60_000)) { try ImageConverter.inspect(bomb) }
        // Just under the limit passes the header check (7071 × 7071 = 49,999,041 pixels).
        #expect(try ImageConverter.inspect(Self.pngBomb(width: 7071, height: 7071)).width == 7071)
        #expect(throws: ImageConverter.Refusal.tooManyPixels(width: 7072, height: 7071)) {
            try ImageConverter.inspect(Self.pngBomb(width: 7072, height: 7071))
        }
        let body = "Текст.\n\n![a](updates/images/b1.png)\n\n![b](updates/images/b2.png)\n\n![c](updates/images/b3.png)\n"
        let site = try UpdateTests.site(["bomby": UpdateTests.update("Бомби", date: "2026-06-01",
                                                                     extra: "cover:\n  image: updates/images/b0.png\n  alt: \"Х\"\n", body: body)])
        defer { site.remove() }
        for n in 0..<4 { try site.writeBytes("updates/images/b\(n).png", bomb) }
        #expect(site.failure(language: .uk) == [
            "Content/updates/bomby.md:5:3: помилка: світлина 'updates/images/b0.png' має 60000 × 60000 пікселів, більше за межу 50 мегапікселів (так її записано в заголовку файлу; не розкодовано): збережіть меншу копію, наприклад до 8000 пікселів завширшки",
            "Content/updates/bomby.md:10:1: помилка: світлина 'updates/images/b1.png' має 60000 × 60000 пікселів, більше за межу 50 мегапікселів (так її записано в заголовку файлу; не розкодовано): збережіть меншу копію, наприклад до 8000 пікселів завширшки",
            "Content/updates/bomby.md:12:1: помилка: світлина 'updates/images/b2.png' має 60000 × 60000 пікселів, більше за межу 50 мегапікселів (так її записано в заголовку файлу; не розкодовано): збережіть меншу копію, наприклад до 8000 пікселів завширшки",
            "Content/updates/bomby.md:14:1: помилка: світлина 'updates/images/b3.png' має 60000 × 60000 пікселів, більше за межу 50 мегапікселів (так її записано в заголовку файлу; не розкодовано): збережіть меншу копію, наприклад до 8000 пікселів завширшки",
        ])
        // The whole build, in a process of its own: four bombs refused without decoding cost what
        // a build of the small site costs (decoding one took 1.2 GB).
        let run = try Self.planpress(["build", "--content", site.content, "--templates", site.templates, "--output", site.output])
        #expect(run.status == 1)
        #expect(run.output.contains("bomby.md:14:1"))
        #expect(run.peakKilobytes > 0 && run.peakKilobytes < 250_000, "peak \(run.peakKilobytes) KB")
        #expect(!site.exists("updates/bomby/index.html"))
    }

    @Test func truncatedEmptyAndOversizedPhotosAreErrorsAtTheirLine() throws {
        let photo = try ImageTests.phoneJPEG(width: 1600, height: 1200)
        let body = "Текст.\n\n![a](updates/images/empty.jpg)\n"
        let site = try UpdateTests.site([
            "cut": UpdateTests.update("Обрізана", date: "2026-06-01", extra: "cover:\n  image: updates/images/cut.jpg\n  alt: \"Х\"\n"),
            "empty": UpdateTests.update("Порожня", date: "2026-06-02", extra: "cover:\n  image: updates/images/empty.jpg\n  alt: \"Х\"\n", body: body),
            "huge": UpdateTests.update("Велика", date: "2026-06-03", extra: "cover:\n  image: updates/images/huge.jpg\n  alt: \"Х\"\n"),
        ])
        defer { site.remove() }
        try site.writeBytes("updates/images/cut.jpg", Array(photo.prefix(photo.count * 6 / 10)))
        try site.writeBytes("updates/images/empty.jpg", [])
        // Above the limit by one byte; the file is sparse (the size is refused before the file is read).
        try site.writeBytes("updates/images/huge.jpg", [0xFF, 0xD8, 0xFF, 0xE0])
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: site.content + "/updates/images/huge.jpg"))
        try handle.truncate(atOffset: UInt64(ImageSettings.maxOriginalBytes + 1))
        try handle.close()
        let failure = site.failure(language: .uk)
        #expect(failure.count == 4, "\(failure)")
        #expect(failure.contains { $0.hasPrefix("Content/updates/cut.md:5:3: помилка: світлину 'updates/images/cut.jpg' не вдається прочитати — файл пошкоджений або неповний (") })
        #expect(failure.contains("Content/updates/empty.md:5:3: помилка: файл світлини 'updates/images/empty.jpg' порожній (0 байтів): скопіюйте світлину ще раз"))
        #expect(failure.contains("Content/updates/empty.md:10:1: помилка: файл світлини 'updates/images/empty.jpg' порожній (0 байтів): скопіюйте світлину ще раз"))
        #expect(failure.contains("Content/updates/huge.md:5:3: помилка: світлина 'updates/images/huge.jpg' важить 33 МБ, більше за межу 32 МБ: збережіть меншу копію (наприклад, JPEG до 4000 пікселів завширшки)"))
        // The limit is large enough for a 12-megapixel phone photo at the highest quality.
        #expect(ImageSettings.maxOriginalBytes >= 25 * 1024 * 1024)
    }

    // MARK: share images

    @Test func everyPageNamesAShareImageOfTheRightSize() throws {
        let site = try UpdateTests.site([
            "z-oblozhkoiu": UpdateTests.update("Зустріч із громадою", date: "2026-06-01",
                                               extra: "cover:\n  image: updates/images/z.jpg\n  alt: \"Зала\"\n"),
            "bez-oblozhky": UpdateTests.update("Засідання координаційної ради: «Жінки, мир, безпека» & план", date: "2026-06-02"),
        ])
        defer { site.remove() }
        try site.writeBytes("updates/images/z.jpg", try ImageTests.phoneJPEG(width: 1000, height: 1500))
        try site.build()
        let withCover = try site.page("updates/z-oblozhkoiu/index.html")
        #expect(withCover.contains("""
            <meta property="og:image" content="https://example.org/plany/updates/z-oblozhkoiu/share.jpg">
            <meta property="og:image:width" content="1200">
            <meta property="og:image:height" content="630">
            <meta property="og:image:alt" content="Зала">
            <meta property="article:published_time" content="2026-06-01">
            <meta name="twitter:card" content="summary_large_image">
            """))
        let plain = try site.page("updates/bez-oblozhky/index.html")
        #expect(plain.contains("""
            <meta property="og:image" content="https://example.org/plany/updates/bez-oblozhky/share.png">
            <meta property="og:image:width" content="1200">
            <meta property="og:image:height" content="630">
            <meta property="og:image:alt" content="Засідання координаційної ради: «Жінки, мир, безпека» &amp; план — Тестовий сайт">
            <meta property="article:published_time" content="2026-06-02">
            """))
        #expect(try site.page("en/updates/bez-oblozhky/index.html").contains("<meta property=\"og:image\" content=\"https://example.org/plany/updates/bez-oblozhky/share.png\">"))
        // Every other page: the site's card.
        for path in ["index.html", "plans/test-plan/index.html", "en/executors/index.html", "404.html"] {
            let html = try site.page(path)
            #expect(html.contains("<meta property=\"og:image\" content=\"https://example.org/plany/share.png\">\n<meta property=\"og:image:width\" content=\"1200\">"), "\(path)")
            #expect(!html.contains("article:published_time"), "\(path)")
        }
        for file in ["updates/z-oblozhkoiu/share.jpg", "updates/bez-oblozhky/share.png", "share.png"] {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: site.output + "/" + file)))
            #expect(Self.size(bytes) == [1200, 630], "\(file)")
            #expect(!Self.hasPrivateMetadata(bytes))
        }
        // Same input, same bytes: drawn again without the cache.
        let first = try ImageTests.snapshot(site.output)
        try FileManager.default.removeItem(atPath: ImageConverter.cacheFolder(forContent: site.content))
        try FileManager.default.removeItem(atPath: site.output)
        try site.build()
        #expect(try ImageTests.snapshot(site.output) == first)
    }

    @Test func cardsDrawCyrillicWithRealGlyphsAndLongTitlesFit() throws {
        func card(_ title: String) throws -> [UInt8] { try ShareCard.render(ShareCard.Text(caption: "Тестовий сайт", title: title)) }
        let empty = Self.mean(try card("."))
        let thin = Self.mean(try card(String(repeating: "і", count: 12)))
        let dense = Self.mean(try card(String(repeating: "Ж", count: 12)))
        // White ink on blue: the dense letters add far more ink than the thin ones. Missing glyphs
        // would be drawn as boxes of the same size for both.
        #expect(thin > empty && dense > thin)
        #expect((dense - empty) > 3 * (thin - empty), "empty \(empty), і \(thin), Ж \(dense)")
        // A title far too long for the card is set smaller, never cut off or spilled: the card stays 1200 × 630.
        let long = try card(String(repeating: "Засідання координаційної ради ", count: 12))
        #expect(Self.size(long) == [1200, 630])
        #expect(try card("Однаково") == card("Однаково"))
        #expect(ShareCard.markup("a < b & c > d") == "a &lt; b &amp; c &gt; d")
        // Whatever a title holds, Pango reads the markup: quotes of every kind, an ampersand, a tag-like text.
        #expect(Self.size(try card("«Лапки» \"прямі\" і 'одинарні' & <b>не тег</b>")) == [1200, 630])
    }

    @Test func cachedCardsAreReadWithoutDrawingAndCheckedByTheirText() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-cards-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = ShareCard.Text(caption: "Сайт", title: "Новина")
        #expect(!ShareCard.isCached(text, cacheFolder: folder))
        let drawn = try ShareCard.png(text, cacheFolder: folder)
        #expect(ShareCard.isCached(text, cacheFolder: folder))
        // What the cache holds is what the next build publishes.
        let name = ShareCard.fileName(text)
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: "\(folder)/\(name).png"))
        #expect(try ShareCard.png(text, cacheFolder: folder) == [1, 2, 3])
        // A key file naming another text (a hash collision) is not taken for this card.
        try Data("another text".utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name).txt"))
        #expect(!ShareCard.isCached(text, cacheFolder: folder))
        #expect(try ShareCard.png(text, cacheFolder: folder) == drawn)
    }

    // MARK: a planpress process

    struct Run {
        var status: Int32
        var output: String
        /// Peak resident memory of the planpress process (its own rusage, KB).
        var peakKilobytes: Int
    }

    /// Runs the `planpress` built next to this test bundle and reads its peak memory. Through a
    /// small parent (python3): a child started straight from this test process would report this
    /// process's memory as its own peak (Linux keeps the larger at exec, and posix_spawn shares
    /// the parent's memory until then); python's fresh child reports its own.
    static func planpress(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var binary = folder.appendingPathComponent("planpress").path
        if !FileManager.default.isExecutableFile(atPath: binary) {
            binary = TestSite.repository.appendingPathComponent(".build/debug/planpress").path
        }
        #expect(FileManager.default.isExecutableFile(atPath: binary), "build planpress first: swift build")
        let measure = """
            import resource, subprocess, sys
            run = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            sys.stdout.buffer.write(run.stdout)
            print("peak-kb", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            sys.exit(run.returncode)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", measure, binary] + arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var output = String(decoding: data, as: UTF8.self)
        var peak = 0
        if let line = output.split(separator: "\n").last, line.hasPrefix("peak-kb ") {
            peak = Int(line.dropFirst("peak-kb ".count)) ?? 0
            output = String(output.dropLast(line.count + 1))
        }
        return Run(status: process.terminationStatus, output: output, peakKilobytes: peak)
    }
}
