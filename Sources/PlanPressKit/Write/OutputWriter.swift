import CFileSwap
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The write stage: the only code that touches the output folder. `write`
/// does a whole site at once; builds use an `OutputSession` to stream batches.
public struct OutputWriter {
    public struct Report: Sendable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    public let output: String
    /// Test hook: fail while writing the n-th changed file.
    var failAfter: Int?

    /// The file every build writes at the top of the output folder: a non-empty
    /// folder without it is not PlanPress output and is never replaced.
    public static let markerName = ".planpress-output.txt"
    static let markerText = """
        This folder is written by `planpress build`. Every build replaces all of it:
        do not keep other files here. (This file marks the folder as PlanPress output.)

        """
    /// The new site is built in a folder beside the output with this suffix.
    static let nextSuffix = ".planpress-next"

    public init(output: String) {
        self.output = OutputWriter.trimmed(output)
    }

    /// The folder path without trailing slashes (`Public/` → `Public`).
    static func trimmed(_ output: String) -> String {
        var path = output
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// Writes a whole site in one go (stage everything, then commit).
    public func write(_ files: [OutputFile]) throws -> Report {
        let session = try OutputSession(output: output, failAfter: failAfter)
        do {
            try session.stage(files)
            return try session.commit()
        } catch {
            throw Builder.failure(error, leaving: session.abort())
        }
    }
}

/// One build's writes, staged batch by batch so only one batch of pages is in
/// memory at a time, then committed — or aborted, leaving the previous site
/// exactly as it was, folders included.
///
/// The new site is made complete in a folder beside the output
/// (`Public.planpress-next`, which holds the previous generation: double
/// buffering): a file whose bytes did not change is hard-linked from the
/// published site (it keeps its modification time and costs no copy), every
/// other file is written (after unlinking what stood there, never through a
/// shared link), files the site no longer has are deleted. `commit` then swaps
/// the two folders in one `renameat2(RENAME_EXCHANGE)`; the old site, now
/// beside, is the next build's workspace, so only new folders are created and
/// only changed files touched. A reader of the output folder sees the old site
/// or the new one at every instant; a build killed at any point leaves one of
/// them published and the workspace in some state the next build reconciles.
/// See docs/reliability.md.
public final class OutputSession {
    public let output: String
    /// Where the new tree is made; after the swap it holds the old one (the next build's workspace).
    let next: String
    /// The output folder exists (with a site in it).
    private let hasOld: Bool
    /// Only some files are staged (a rebuild after an edit): files not staged
    /// stay, and only `remove`d ones go.
    private let partial: Bool
    private var removals: Set<String> = []
    private let failAfter: Int?
    /// Test hook: called before every step that changes the disk ("write <path>",
    /// "link <path>", "carry <path>", "prune <path>", "exchange"); a throw is a failure there.
    var fault: ((String) throws -> Void)?
    private var seen: Set<String> = []
    private var directories: Set<String> = []
    private var report = OutputWriter.Report()
    /// The workspace existed before this session (the previous generation), rather than made empty now.
    private var workspaceReused = false
    /// Paths this session wrote (their bytes changed), `.gz` twins included.
    private var written: Set<String> = []
    /// What the session knows of the two trees: set by the caller before `commit` (the
    /// ledger the previous commit in this process left), replaced by `commit` with the new one.
    /// With one, a partial commit lists neither tree (`OutputLedger`).
    public var ledger: OutputLedger?
    /// The commit listed both trees (tests: a commit with a ledger does not).
    private(set) var listedTrees = false
    /// Held from before the session looks at the output folders until it commits or aborts (`OutputLock`).
    private let lock: OutputLock
    /// Paths written into the workspace (new bytes); on abort they are deleted, so a failed
    /// build (a full disk) gives back the space it took.
    private var wroteInWorkspace: [String] = []
    private let wroteLock = NSLock()

    public convenience init(output: String) throws {
        try self.init(output: output, failAfter: nil)
    }

    /// `partial`: the caller stages only the files that may have changed and
    /// names the ones to delete; ignored when the output folder does not exist.
    /// `lock`: the output's lock when the caller took it already (the session releases it);
    /// otherwise the session takes it, calling `waiting` once if another writer holds it.
    init(output: String, partial: Bool = false, failAfter: Int?, fault: ((String) throws -> Void)? = nil,
         lock: OutputLock? = nil, waiting: ((Int?) -> Void)? = nil) throws {
        let path = OutputWriter.trimmed(output)
        self.output = path
        self.next = path + OutputWriter.nextSuffix
        self.failAfter = failAfter
        self.fault = fault
        self.lock = try lock ?? OutputLock.acquire(output: path, waiting: waiting)
        do {
            hasOld = try OutputSession.existingSite(at: path)
        } catch {
            self.lock.release(removingCreatedFolders: true)
            throw error
        }
        self.partial = partial && hasOld
        try prepare()
    }

    /// What the lock file said before this session took it: the token of the last writer.
    var previousWriter: String? { lock.previousToken }

    /// Test hook: what a killed process leaves — no clean-up, and the kernel releases its lock.
    func releaseLockAsAKillWould() { lock.release() }

    /// Files to delete on commit (partial sessions; a full session deletes whatever it did not stage).
    func remove(_ paths: [String]) { removals.formUnion(paths) }

    /// Also write a gzip twin (`x.html.gz`) of every text file (`Gzip`, `build --precompress`).
    public var precompress = false

    /// Whether `path` holds a site this program may replace: nothing there (false),
    /// an empty folder or one with the marker (true); anything else throws.
    static func existingSite(at path: String) throws -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK:
            throw WriteError(.outputIsLink(path: path))
        default:
            throw WriteError(.outputIsFile(path: path))
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if entries.isEmpty || entries.contains(OutputWriter.markerName) { return true }
        throw WriteError(.outputNotOurs(path: path, marker: OutputWriter.markerName))
    }

    /// Deletes a folder a killed build (or an unfinished background deletion) left beside the output, if it is ours.
    private static func removeLeftover(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        guard (info.st_mode & S_IFMT) == S_IFDIR, entries.isEmpty || entries.contains(OutputWriter.markerName) else {
            throw WriteError(.outputLeftoverNotOurs(path: path))
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    private func prepare() throws {
        var info = stat()
        if hasOld, lstat(next, &info) == 0 {
            // The previous generation, kept as this build's workspace: it is updated in place.
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: next)) ?? []
            guard (info.st_mode & S_IFMT) == S_IFDIR, entries.isEmpty || entries.contains(OutputWriter.markerName) else {
                abort()
                throw WriteError(.outputWorkspaceNotOurs(path: next))
            }
            workspaceReused = true
            do {
                try placeMarker()
            } catch {
                abort()
                throw error
            }
            return
        }
        do {
            try OutputSession.removeLeftover(next)
        } catch {
            abort()
            throw error
        }
        // The parents of a new `--output some/new/folder` were made for the lock file beside it
        // (`OutputLock`), and go again if this first build fails.
        guard mkdir(next, 0o755) == 0 else {
            let reason = String(cString: strerror(errno))
            abort()
            throw WriteError(.outputCannotCreateWorkspace(path: next, output: output, reason: reason))
        }
        // Marked first, so that whatever a killed build leaves there is recognisably ours.
        do {
            try placeMarker()
        } catch {
            abort()
            throw error
        }
    }

    /// The marker, placed like any other file (an unchanged one is linked and keeps its modification time).
    /// In a workspace kept from before, it is replaced in one rename: a build killed at any instant
    /// leaves the workspace marked, so the next build reconciles it instead of refusing it.
    private func placeMarker() throws {
        let marker = OutputFile(path: OutputWriter.markerName, bytes: Array(OutputWriter.markerText.utf8))
        let published = output + "/" + marker.path, target = next + "/" + marker.path
        let unchanged = hasOld && OutputSession.sameBytes(published, marker.bytes)
        guard workspaceReused else { return try place(marker, changed: !unchanged) }
        if unchanged && OutputSession.sameInode(published, target) { return }
        let temporary = target + ".new"
        OutputSession.removeEntry(temporary)
        if unchanged {
            try OutputSession.carry(from: published, to: temporary, bytes: marker.bytes)
        } else {
            try OutputSession.writeFile(temporary, marker.bytes)
        }
        guard rename(temporary, target) == 0 else {
            throw WriteError(.outputCannotCreateFile(path: target, reason: String(cString: strerror(errno))))
        }
    }

    /// Writes one batch into the new tree. Throws on the first problem; call `abort()` then.
    public func stage(_ files: [OutputFile]) throws {
        try checkPaths(files)
        var files = files
        var changed: [Bool]
        if hasOld {
            changed = parallelMap(files) { file in !OutputSession.sameBytes(self.output + "/" + file.path, file.bytes) }
        } else {
            changed = files.map { _ in true }
        }
        if precompress {
            let count = files.count
            (files, changed) = withGzipTwins(files, changed)
            try checkPaths(Array(files[count...]))
        }
        try makeDirectories(for: files.map(\.path))
        let toWrite = zip(files, changed).filter(\.1).map(\.0)
        let alreadyWritten = report.written
        let failAfter = self.failAfter
        var writeIndex: [Int] = []
        var count = 0
        for isChanged in changed {
            writeIndex.append(isChanged ? count : -1)
            if isChanged { count += 1 }
        }
        if let fault {
            // Fault injection runs in file order on one thread, so a test can name the step.
            for (file, isChanged) in zip(files, changed) {
                do {
                    try fault((isChanged ? "write " : "link ") + file.path)
                    try place(file, changed: isChanged)
                } catch let error as WriteError {
                    throw failure(writing: file, error)
                }
            }
        } else {
            let outcomes = parallelMap(Array(files.enumerated())) { offset, file in
                Result {
                    do {
                        if let failAfter, writeIndex[offset] >= 0, alreadyWritten + writeIndex[offset] >= failAfter {
                            throw WriteError(.outputInjectedFailure)
                        }
                        try self.place(file, changed: changed[offset])
                    } catch let error as WriteError {
                        throw self.failure(writing: file, error)
                    }
                }
            }
            for case .failure(let error) in outcomes { throw error }
        }
        written.formUnion(toWrite.map(\.path))
        report.written += toWrite.count
        report.unchanged += files.count - toWrite.count
    }

    /// A failure writing `file`, naming the output path and the content file it was made from (`OutputFile.origin`).
    func failure(writing file: OutputFile, _ error: WriteError) -> WriteError {
        let reason = Phrase(uk: error.text.text(.uk), en: error.text.text(.en))
        return WriteError(.outputWriteFailed(path: output + "/" + file.path, origin: file.origin?.description, reason: reason))
    }

    /// Adds each text file's `.gz` twin (`precompress`): the published twin when the file did not change,
    /// a new compression otherwise.
    private func withGzipTwins(_ files: [OutputFile], _ changed: [Bool]) -> ([OutputFile], [Bool]) {
        let candidates = files.indices.filter { Gzip.compressible(files[$0].path) }
        let hasOld = self.hasOld, output = self.output
        let twins: [(OutputFile, Bool)] = parallelMap(candidates) { i in
            let path = files[i].path + ".gz"
            if hasOld && !changed[i] && access(output + "/" + path, F_OK) == 0 {
                // Linked from the published site like any unchanged file; its bytes are never read (`place`).
                return (OutputFile(path: path, bytes: [], origin: files[i].origin), false)
            }
            let bytes = Gzip.compress(files[i].bytes)
            return (OutputFile(path: path, bytes: bytes, origin: files[i].origin), !(hasOld && OutputSession.sameBytes(output + "/" + path, bytes)))
        }
        return (files + twins.map(\.0), changed + twins.map(\.1))
    }

    /// Puts one file into the new tree: written, or linked from the old site when its bytes are the same.
    /// The workspace may hold a file from an older generation at the target, often hard-linked to the
    /// published site: it is unlinked first, never written through.
    private func place(_ file: OutputFile, changed: Bool) throws {
        let target = next + "/" + file.path
        // A workspace made for this build holds nothing yet: no unlink to try (one system call per file).
        if changed {
            if workspaceReused { OutputSession.removeEntry(target) }
            if hasOld { wroteLock.withLock { wroteInWorkspace.append(file.path) } }
            try OutputSession.writeFile(target, file.bytes)
        } else {
            let source = output + "/" + file.path
            if workspaceReused {
                if OutputSession.sameInode(source, target) { return }
                OutputSession.removeEntry(target)
            }
            // Bytes in memory spare a read if the link fails; an unchanged twin has none (`withGzipTwins`).
            try OutputSession.carry(from: source, to: target, bytes: file.bytes.isEmpty ? nil : file.bytes)
        }
    }

    static func sameInode(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        return lstat(a, &x) == 0 && lstat(b, &y) == 0 && x.st_ino == y.st_ino && x.st_dev == y.st_dev
    }

    /// Removes whatever stands at `path` in the workspace (a file, a link, a whole folder).
    static func removeEntry(_ path: String) {
        if unlink(path) == 0 || errno == ENOENT || errno == ENOTDIR { return }
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Deletes from the workspace (as `listing` found it) every file the new site does not have,
    /// then the folders left empty (those no kept file is below).
    private func prune(_ listing: TreeListing, keeping keep: Set<String>) throws {
        for path in listing.files.keys.sorted() where !keep.contains(path) {
            try fault?("prune " + path)
            try OutputSession.removeFile(next + "/" + path)
        }
        var occupied: Set<String> = []
        for path in keep {
            var folder = OutputSession.parent(path)
            while !folder.isEmpty && occupied.insert(folder).inserted { folder = OutputSession.parent(folder) }
        }
        // Deepest first; rmdir(2) only removes folders that are empty.
        for folder in listing.folders.filter({ !occupied.contains($0) }).sorted(by: { $0.count > $1.count }) {
            try OutputSession.removeFolder(next + "/" + folder, mayHoldFiles: false)
        }
    }

    /// Deletes a file the new site does not have. A failure is the build's failure: the file
    /// would otherwise be published with the new site (a page that should be gone).
    static func removeFile(_ path: String) throws {
        let result = InjectedFaults.code(.unlink, path).map { errno = $0; return Int32(-1) } ?? unlink(path)
        if result == 0 || errno == ENOENT { return }
        let reason = String(cString: strerror(errno))
        // A folder stands there (the new site's, staged already, or an older generation's that the
        // folder pass removes): not a file to delete.
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return }
        throw WriteError(.outputCannotRemove(path: path, reason: reason))
    }

    /// Deletes a folder the new site does not have. `mayHoldFiles`: a folder that may still hold
    /// files of the new site (then "not empty" is no failure).
    static func removeFolder(_ path: String, mayHoldFiles: Bool) throws {
        let result = InjectedFaults.code(.rmdir, path).map { errno = $0; return Int32(-1) } ?? rmdir(path)
        guard result == 0 || errno == ENOENT || (mayHoldFiles && (errno == ENOTEMPTY || errno == EEXIST)) else {
            throw WriteError(.outputCannotRemove(path: path, reason: String(cString: strerror(errno))))
        }
    }

    /// The new site takes the place of the old one in a single step.
    public func commit() throws -> OutputWriter.Report {
        var profile = Profile()
        var site = seen, removed: Set<String> = []
        if hasOld, partial, workspaceReused, let ledger, ledger.writer == lock.previousToken {
            (site, removed) = try reconcile(with: ledger)
            profile.mark("commit: reconcile from the ledger")
        } else if hasOld {
            // Both trees listed once, after every file was staged and before any is carried.
            let published = TreeListing(output), workspace = TreeListing(next)
            listedTrees = true
            profile.mark("commit: list both trees")
            let carried: Set<String>
            (carried, removed) = try carryOver(published, into: workspace)
            profile.mark("commit: carry over")
            site.formUnion(carried)
            try prune(workspace, keeping: site.union([OutputWriter.markerName]))
            profile.mark("commit: prune")
        }
        try fault?("exchange")
        if hasOld {
            try OutputSession.exchange(next, output)
        } else {
            // Nothing is there (or an empty folder): a plain rename publishes the new tree in one step.
            rmdir(output)
            guard rename(next, output) == 0 else {
                throw WriteError(.outputCannotPublish(output: output, reason: String(cString: strerror(errno))))
            }
        }
        // The old tree is now at `next`: the next build's workspace (double buffering). It differs
        // from the published one only where this session wrote or removed a file.
        ledger = OutputLedger(published: site, stale: written.union(removed), writer: lock.token)
        lock.release()
        return report
    }

    /// Counts the old site's files the new one drops and, in a partial session,
    /// links every old file that was neither staged nor removed into the new tree
    /// (unless the workspace already has that very file: the same inode).
    /// Returns the files carried (or already there) and the files removed.
    private func carryOver(_ published: TreeListing, into workspace: TreeListing) throws -> (carried: Set<String>, removed: Set<String>) {
        var carried: [String] = [], removed: Set<String> = []
        for path in published.files.keys.sorted() where path != OutputWriter.markerName && !seen.contains(path) {
            // A `.gz` twin is never carried past its file: staged or removed again, the file has a new twin or none.
            if path.hasSuffix(".gz"), case let base = String(path.dropLast(3)), seen.contains(base) || removals.contains(base) {
                removed.insert(path)
                continue
            }
            if partial && !removals.contains(path) {
                carried.append(path)
            } else {
                removed.insert(path)
            }
        }
        report.removed += removed.count
        let kept = Set(carried)
        // Inode numbers from the listings when they can be trusted (one file system, readdir agreeing
        // with stat); otherwise two lstat(2) calls per file.
        let marker = OutputWriter.markerName
        let listedInodes = OutputSession.sameDevice(output, next)
            && TreeListing.inodesAgree(published, root: output, sample: marker)
            && TreeListing.inodesAgree(workspace, root: next, sample: marker)
        carried = carried.filter { path in
            if listedInodes { return published.files[path] != workspace.files[path] }
            return !OutputSession.sameInode(output + "/" + path, next + "/" + path)
        }
        try carry(carried)
        return (kept, removed)
    }

    /// Links files of the published site into the workspace (in place of whatever stands there).
    private func carry(_ paths: [String]) throws {
        guard !paths.isEmpty else { return }
        try makeDirectories(for: paths)
        func link(_ path: String) throws {
            OutputSession.removeEntry(next + "/" + path)
            try OutputSession.carry(from: output + "/" + path, to: next + "/" + path, bytes: nil)
        }
        if let fault {
            for path in paths {
                try fault("carry " + path)
                try link(path)
            }
        } else {
            let outcomes = parallelMap(paths) { path in Result { try link(path) } }
            for case .failure(let error) in outcomes { throw error }
        }
    }

    /// A partial commit from what the last commit in this process recorded (`OutputLedger`):
    /// only the paths where the workspace is known to differ from the published site, and
    /// the ones this session removes, are touched; neither tree is listed. Returns the new
    /// site's files and the files removed.
    private func reconcile(with ledger: OutputLedger) throws -> (site: Set<String>, removed: Set<String>) {
        // As `carryOver`: a removed file goes with its `.gz` twin, and a staged file's old twin
        // goes unless the session staged a new one.
        var removed: Set<String> = []
        for path in removals where !seen.contains(path) {
            if ledger.published.contains(path) { removed.insert(path) }
            if ledger.published.contains(path + ".gz") && !seen.contains(path + ".gz") { removed.insert(path + ".gz") }
        }
        for path in seen where ledger.published.contains(path + ".gz") && !seen.contains(path + ".gz") {
            removed.insert(path + ".gz")
        }
        report.removed += removed.count
        let site = ledger.published.subtracting(removed).union(seen)
        try carry(ledger.stale.filter { site.contains($0) && !seen.contains($0) }.sorted())
        var emptied: Set<String> = []
        for path in ledger.stale.union(removed).subtracting(site).sorted() {
            try fault?("prune " + path)
            try OutputSession.removeFile(next + "/" + path)
            var folder = OutputSession.parent(path)
            while !folder.isEmpty && emptied.insert(folder).inserted { folder = OutputSession.parent(folder) }
        }
        // Deepest first; rmdir(2) only removes folders that are empty.
        for folder in emptied.sorted(by: { $0.count > $1.count }) {
            try OutputSession.removeFolder(next + "/" + folder, mayHoldFiles: true)
        }
        return (site, removed)
    }

    static func sameDevice(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        return lstat(a, &x) == 0 && lstat(b, &y) == 0 && x.st_dev == y.st_dev
    }

    /// After a first build (no workspace beside the output yet): makes the workspace as
    /// hard links to every published file, so that the next partial commit need not
    /// link the whole site first. Returns the ledger for the pair (no stale paths), or nil
    /// when there is a workspace already or anything fails (a partly made workspace is
    /// reconciled like any other by the next commit, which then lists both trees).
    /// `IncrementalBuilder` runs it in the background after its first build.
    /// Only when no other writer holds the output's lock (it is not waited for), and the marker is
    /// linked first: a process killed while doing this leaves a workspace the next build recognises
    /// as its own and reconciles. `fault` (tests) is called before each step; a throw stops there.
    static func linkWorkspace(output: String, after ledger: OutputLedger,
                              fault: ((String) throws -> Void)? = nil) -> OutputLedger? {
        let path = OutputWriter.trimmed(output), next = path + OutputWriter.nextSuffix
        guard let lock = OutputLock.attempt(output: path), lock.previousToken == ledger.writer else { return nil }
        defer { lock.release() }
        var info = stat()
        let marker = OutputWriter.markerName
        do {
            guard lstat(next, &info) != 0 else { return nil }
            try fault?("mkdir " + next)
            guard mkdir(next, 0o755) == 0 else { return nil }
            try fault?("link " + marker)
            guard link(path + "/" + marker, next + "/" + marker) == 0 else { return nil }
            let listing = TreeListing(path)
            // The listing must be the site the ledger describes (nothing else wrote there meanwhile).
            guard Set(listing.files.keys) == ledger.published.union([marker]) else { return nil }
            for folder in listing.folders.sorted() {
                try fault?("mkdir " + folder)
                guard mkdir(next + "/" + folder, 0o755) == 0 else { return nil }
            }
            let files = listing.files.keys.filter { $0 != marker }.sorted()
            if let fault {
                for file in files {
                    try fault("link " + file)
                    guard link(path + "/" + file, next + "/" + file) == 0 else { return nil }
                }
            } else {
                let linked = parallelMap(files) { file in link(path + "/" + file, next + "/" + file) == 0 }
                guard !linked.contains(false) else { return nil }
            }
        } catch {
            return nil
        }
        return OutputLedger(published: ledger.published, stale: [], writer: lock.token)
    }

    /// Removes everything this session wrote; the previous site stays exactly as it was, and so
    /// does the disk space: files written into the workspace are deleted (the workspace stays, one
    /// generation behind, for the next build to reconcile), and a failed first build leaves nothing.
    /// Returns what could not be removed (empty when all went); idempotent.
    @discardableResult
    public func abort() -> [String] {
        guard !aborted else { return [] }
        aborted = true
        var left: [String] = []
        if hasOld {
            let paths = wroteLock.withLock { wroteInWorkspace }
            for path in paths where unlink(next + "/" + path) != 0 && errno != ENOENT { left.append(next + "/" + path) }
        } else if OutputSession.exists(next) {
            do {
                try fault?("remove " + next)
                try FileManager.default.removeItem(atPath: next)
            } catch {
                left.append(next)
            }
        }
        // The parents a first build created (for the lock file beside the output) go again when empty.
        lock.release(removingCreatedFolders: !hasOld && left.isEmpty)
        return left
    }

    private var aborted = false

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Refuses any path that could leave the output folder, the marker's name, and duplicates.
    private func checkPaths(_ files: [OutputFile]) throws {
        for file in files {
            let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
            if file.path.hasPrefix("/") || parts.contains("..") || parts.contains("") || parts.contains(".") {
                throw WriteError(.outputPathOutside(path: file.path))
            }
            if file.path == OutputWriter.markerName {
                throw WriteError(.outputPathReserved(path: file.path))
            }
            if !seen.insert(file.path).inserted {
                throw WriteError(.outputPathTwice(path: file.path))
            }
        }
    }

    static func parent(_ path: String) -> String {
        // Not NSString.deletingLastPathComponent: on Linux (Swift 6.3) it traps on one-character paths.
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Creates every parent folder of `paths` in the new tree not created yet (parents sort before children).
    private func makeDirectories(for paths: [String]) throws {
        func parent(_ path: String) -> String { path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "" }
        var needed: [String] = []
        for path in paths {
            var dir = parent(path)
            while !dir.isEmpty && directories.insert(dir).inserted {
                needed.append(dir)
                dir = parent(dir)
            }
        }
        for dir in needed.sorted() {
            let full = next + "/" + dir
            if mkdir(full, 0o755) == 0 { continue }
            if errno == EEXIST {
                var info = stat()
                if lstat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { continue }
                // A file from an older generation stands where the new site needs a folder.
                unlink(full)
                if mkdir(full, 0o755) == 0 { continue }
            }
            throw WriteError(.outputCannotCreateFolder(path: full, reason: String(cString: strerror(errno))))
        }
    }

    /// Swaps two folders atomically; where the file system cannot (EINVAL, ENOSYS), falls back
    /// to two renames, between which the output folder briefly does not exist.
    static func exchange(_ new: String, _ output: String) throws {
        if planpress_exchange(new, output) == 0 { return }
        let reason = errno
        guard reason == EINVAL || reason == ENOSYS else {
            throw WriteError(.outputCannotSwap(output: output, reason: String(cString: strerror(reason))))
        }
        let aside = new + ".old"
        try? FileManager.default.removeItem(atPath: aside)
        guard rename(output, aside) == 0 else {
            throw WriteError(.outputCannotMoveAside(output: output, reason: String(cString: strerror(errno))))
        }
        guard rename(new, output) == 0 else {
            let failure = String(cString: strerror(errno))
            rename(aside, output)
            throw WriteError(.outputCannotPublish(output: output, reason: failure))
        }
        // The old site goes back beside as the next workspace; if even that fails, it is not left as a stray.
        if rename(aside, new) != 0 { try? FileManager.default.removeItem(atPath: aside) }
    }

    /// A hard link to the old file (same inode: same bytes, same modification time). Where
    /// links are impossible the bytes are copied and the modification time set to the old one.
    static func carry(from old: String, to new: String, bytes: [UInt8]?) throws {
        if link(old, new) == 0 { return }
        var info = stat()
        guard stat(old, &info) == 0 else {
            throw WriteError(.outputCannotReadOld(path: old, reason: String(cString: strerror(errno))))
        }
        guard let contents = bytes ?? FileManager.default.contents(atPath: old).map({ [UInt8]($0) }) else {
            throw WriteError(.outputCannotReadOld(path: old, reason: "EIO"))
        }
        try writeFile(new, contents)
        var times = [info.st_atim, info.st_mtim]
        utimensat(AT_FDCWD, new, &times, 0)
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw WriteError(.outputCannotCreateFile(path: path, reason: String(cString: strerror(errno)))) }
        defer { close(fd) }
        var offset = 0
        try bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                guard n > 0 else { throw WriteError(.outputCannotWriteFile(path: path, reason: String(cString: strerror(errno)))) }
                offset += n
            }
        }
    }

    static func sameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        if bytes.isEmpty { return true }
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return data.withUnsafeBytes { old in
            bytes.withUnsafeBytes { new in memcmp(old.baseAddress!, new.baseAddress!, bytes.count) == 0 }
        }
    }
}

/// What a process that builds again and again (`IncrementalBuilder`) keeps of its
/// output between commits, so that a partial commit lists neither tree: after a
/// commit the workspace holds the previous generation, which differs from the
/// published site only where that commit wrote or removed a file. Valid only
/// while nothing else changes the two folders; a failed build drops it (the
/// next commit lists both trees again), and a session that had to make a new
/// workspace ignores it.
public struct OutputLedger: Sendable {
    /// Every file of the published site (the marker aside).
    var published: Set<String>
    /// Paths where the workspace may differ from the published site.
    var stale: Set<String>
    /// The lock token of the commit that left the folders so (`OutputLock`): the ledger holds only
    /// while the lock file still has it, i.e. no other process has written there since.
    var writer: String?
}

/// A problem writing the output folder, from the catalogue (Messages.swift).
public struct WriteError: Error, CustomStringConvertible {
    public var text: Message
    public init(_ text: Message) { self.text = text }
    /// The English text (tests and logs).
    public var message: String { text.text(.en) }
    public func message(_ language: MessageLanguage) -> String { text.text(language) }
    public var description: String { message }
}
