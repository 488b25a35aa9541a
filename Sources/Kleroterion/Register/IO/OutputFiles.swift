import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the files of one command run all-or-nothing: a whole new folder, or nothing at all.
///
/// Everything is computed before anything is written. `commit()` then builds the complete folder in a hidden
/// temporary folder beside `directory`, flushes every file and the folder to disk, and makes it visible with one
/// rename, so that a reader (or a run killed at any moment) sees either the complete old state or the complete new
/// folder, never a mix: `panel.csv` and `remaining.csv` always come from the same run.
///
/// The rules every command gets from this type:
/// - an existing folder that is not empty is refused, unless `replace` is set; then the old folder is swapped out in
///   the same atomic step and removed only once the new one is in place;
/// - the folder may not be, contain or replace one of the run's `inputs` (compared by device and inode);
/// - a lock on the parent folder makes concurrent runs publish one after the other, and the second one finds the
///   folder taken and fails with a clear message instead of mixing files;
/// - on any error (disk full, file-size limit, permissions) nothing is left: no folder, no hidden file.
///
/// `Placement.intoFolder` is for commands that add named files to a folder the user keeps other things in (the
/// quotas file of `quotas`, the relaxation of `check`): each file is written beside its name and renamed into place;
/// an existing file is refused unless `replace`. `Placement.updateFolder` (`report`) rewrites some files of a run
/// folder: the folder is copied, the new files are put in, and the copy replaces the folder in one step.
public struct OutputFiles {
    /// How the files relate to `directory`.
    public enum Placement: Sendable {
        /// `directory` is the command's own folder, created (or replaced) as a whole.
        case newFolder
        /// The files are added to `directory`, which may hold other files.
        case intoFolder
        /// `directory` is an existing run folder; the queued files replace theirs, the other files stay.
        case updateFolder
    }

    /// The folder the files go into.
    public let directory: String
    /// How the files are placed (default: a new folder).
    public var placement: Placement
    /// Whether an existing non-empty folder (or, `intoFolder`, an existing file) may be replaced.
    public var replace: Bool
    /// The run's inputs, which no output may overwrite.
    public var inputs: RunInputs
    private var contents: [(name: String, data: Data)] = []

    /// A new folder, refused when it exists and is not empty.
    public init(directory: String) {
        self.init(directory: directory, placement: .newFolder)
    }

    /// Files for `directory`, placed as `placement` says, protecting `inputs`.
    public init(directory: String, placement: Placement, replace: Bool = false, inputs: RunInputs = RunInputs()) {
        self.directory = directory
        self.placement = placement
        self.replace = replace
        self.inputs = inputs
    }

    /// Queues a file (UTF-8 text) to be written.
    public mutating func add(_ name: String, _ text: String) { contents.append((name, Data(text.utf8))) }

    /// Queues a file (bytes) to be written.
    public mutating func add(_ name: String, data: Data) { contents.append((name, data)) }

    /// The names queued so far.
    public var names: [String] { contents.map(\.name) }

    /// The bytes queued under `name` (the last ones, if queued twice), before `commit`: a front end can derive one
    /// more file from another, such as the letters from the invitations, and still write all of them at once.
    public func queued(_ name: String) -> Data? { contents.last { $0.name == name }?.data }

    /// Raises now the error that `commit()` would raise for the folder as it is, so that a command can refuse a
    /// bad `--out` before it spends minutes on a draw. `names` are the files it will write (for `intoFolder`).
    public func check(names planned: [String]? = nil) throws {
        let target = Self.absolute(directory)
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isFolder)
        if exists, let input = inputs.input(identicalTo: target) {
            throw KleroterionError(file: directory, "the output \(isFolder.boolValue ? "folder" : "path") is the input \(input)",
                                   fix: "choose a new --out folder; inputs are never overwritten")
        }
        if exists && !isFolder.boolValue {
            throw KleroterionError(file: directory, "the output folder is a file, not a folder",
                                   fix: "choose another --out folder, or move the file out of the way")
        }
        switch placement {
        case .newFolder:
            guard exists else { return }
            if let input = inputs.input(inside: target) {
                throw KleroterionError(file: directory, "the output folder holds the input \(input), which would be replaced",
                                       fix: "choose a new --out folder for the results; inputs are never overwritten")
            }
            if !replace, !Self.isEmptyFolder(target) {
                throw KleroterionError(file: directory, "the output folder already exists and is not empty",
                                       fix: "choose a new --out folder, or add --replace to replace the whole folder (its files are removed)")
            }
        case .intoFolder:
            for name in planned ?? names {
                let path = (target as NSString).appendingPathComponent(name)
                if let input = inputs.input(identicalTo: path) {
                    throw KleroterionError(file: shown(name), input == shown(name) ? "this input file would be overwritten by the output" : "this output file is the input \(input)",
                                           fix: "choose another --out; inputs are never overwritten")
                }
                if !replace, FileManager.default.fileExists(atPath: path) {
                    throw KleroterionError(file: shown(name), "the file already exists",
                                           fix: "move it away, choose another --out, or add --replace to overwrite it")
                }
            }
        case .updateFolder:
            guard exists else {
                throw KleroterionError(file: directory, "the folder does not exist", fix: "check the path of the run folder")
            }
        }
    }

    /// Writes every queued file, or none of them.
    public func commit() throws {
        try check()
        let target = Self.absolute(directory)
        let parent = placement == .intoFolder ? target : (target as NSString).deletingLastPathComponent
        let created = try Self.createFolders(parent, shownAs: directory)
        var staging: String?
        do {
            let lock = try FolderLock(parent, shownAs: directory)
            defer { lock.release() }
            Self.removeAbandonedStaging(in: parent)
            switch placement {
            case .intoFolder:
                try publishFiles(into: target)
            case .newFolder, .updateFolder:
                let tmp = (parent as NSString).appendingPathComponent(Self.stagingPrefix + UUID().uuidString.prefix(8))
                staging = tmp
                guard mkdir(tmp, 0o777) == 0 else { throw Self.writeError(errno, directory) }
                if placement == .updateFolder { try copyOthers(from: target, to: tmp) }
                for (name, data) in contents {
                    // A name such as `private/pseudonyms.csv` goes into a subfolder of the staging folder (issue #11).
                    let path = (tmp as NSString).appendingPathComponent(name)
                    try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                             withIntermediateDirectories: true)
                    try Self.writeDurably(data, to: path, shownAs: shown(name))
                }
                do { try Self.sync(tmp) } catch let e as KleroterionError { throw KleroterionError(file: directory, e.message, fix: e.fix) }
                try check() // again, under the lock: another run may have published meanwhile
                try Self.swapIn(tmp, at: target, shownAs: directory)
                staging = nil
                try? Self.sync(parent)
            }
        } catch {
            if let staging { try? FileManager.default.removeItem(atPath: staging) }
            for folder in created.reversed() { rmdir(folder) }
            throw error
        }
    }

    /// Writes one file atomically (beside it, then renamed), replacing what is there: for tests and tools.
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        var files = OutputFiles(directory: url.deletingLastPathComponent().path, placement: .intoFolder, replace: true)
        files.add(url.lastPathComponent, text)
        try files.commit()
    }

    // MARK: - Placement

    /// `intoFolder`: every file beside its name, flushed, then renamed into place; any leftovers removed on error.
    private func publishFiles(into folder: String) throws {
        var temporaries: [(tmp: String, final: String, shown: String)] = []
        do {
            for (name, data) in contents {
                let tmp = (folder as NSString).appendingPathComponent(Self.stagingPrefix + UUID().uuidString.prefix(8))
                temporaries.append((tmp, (folder as NSString).appendingPathComponent(name), shown(name)))
                try Self.writeDurably(data, to: tmp, shownAs: temporaries.last!.shown)
            }
            try check()
            for (tmp, final, shown) in temporaries where rename(tmp, final) != 0 {
                throw Self.writeError(errno, shown)
            }
            try? Self.sync(folder)
        } catch {
            for (tmp, _, _) in temporaries { unlink(tmp) }
            throw error
        }
    }

    /// `updateFolder`: the files of the run folder that are not rewritten, copied into the staging folder.
    private func copyOthers(from folder: String, to staging: String) throws {
        let replaced = Set(names)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !replaced.contains(name) {
            do {
                try FileManager.default.copyItem(atPath: (folder as NSString).appendingPathComponent(name),
                                                 toPath: (staging as NSString).appendingPathComponent(name))
            } catch {
                throw KleroterionError(file: shown(name), "the file cannot be copied into the updated folder",
                                       fix: "check that the folder is readable and the disk is not full")
            }
        }
    }

    /// Puts the staging folder at `target` in one step; an old folder there is swapped out and then removed.
    private static func swapIn(_ staging: String, at target: String, shownAs shown: String) throws {
        if rename(staging, target) == 0 { return } // no folder there, or an empty one
        guard errno == ENOTEMPTY || errno == EEXIST else { throw writeError(errno, shown) }
        if exchange(staging, target) {
            // The staging path now holds the old folder.
            try? FileManager.default.removeItem(atPath: staging)
            return
        }
        // No atomic exchange on this system: move the old folder aside first (for a moment there is no folder).
        let aside = staging + "-old"
        guard rename(target, aside) == 0 else { throw writeError(errno, shown) }
        guard rename(staging, target) == 0 else {
            let e = errno
            _ = rename(aside, target)
            throw writeError(e, shown)
        }
        try? FileManager.default.removeItem(atPath: aside)
    }

    #if os(Linux)
    @_silgen_name("renameat2")
    private static func renameat2(_ oldFolder: Int32, _ old: UnsafePointer<CChar>, _ newFolder: Int32, _ new: UnsafePointer<CChar>, _ flags: UInt32) -> Int32
    #endif

    /// Swaps two paths atomically (Linux `renameat2(RENAME_EXCHANGE)`); false where that is not available.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0
        #else
        return false
        #endif
    }

    // MARK: - Files and folders

    /// Hidden names of staging folders and files: `.kleroterion-<pid>-<random>`, so that a later run can remove
    /// the leftovers of a run that was killed.
    static var stagingPrefix: String { ".kleroterion-\(getpid())-" }

    /// Removes staging leftovers of runs whose process no longer exists (killed with SIGKILL, power cut).
    private static func removeAbandonedStaging(in folder: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(".kleroterion-") {
            let parts = name.split(separator: "-")
            guard parts.count >= 3, let pid = Int32(parts[1]), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
            }
        }
    }

    /// Writes `data` to a new file and flushes it to disk.
    private static func writeDurably(_ data: Data, to path: String, shownAs shown: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o666)
        guard fd >= 0 else { throw writeError(errno, shown) }
        defer { close(fd) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var done = 0
            while done < buffer.count {
                let n = Glibc_write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 { if errno == EINTR { continue }; throw writeError(errno, shown) }
                done += n
            }
        }
        guard fsync(fd) == 0 else { throw writeError(errno, shown) }
    }

    /// Flushes a folder's entries to disk.
    private static func sync(_ folder: String) throws {
        let fd = open(folder, O_RDONLY)
        guard fd >= 0 else { throw writeError(errno, folder) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw writeError(errno, folder) }
    }

    /// Creates the missing folders above the output (`mkdir -p`), returning those it created, to remove on error.
    private static func createFolders(_ folder: String, shownAs shown: String) throws -> [String] {
        var missing: [String] = []
        var f = folder
        while !f.isEmpty, f != "/", !FileManager.default.fileExists(atPath: f) {
            missing.append(f)
            f = (f as NSString).deletingLastPathComponent
        }
        var created: [String] = []
        for m in missing.reversed() {
            guard mkdir(m, 0o777) == 0 || errno == EEXIST else {
                let e = errno
                for c in created.reversed() { rmdir(c) }
                throw KleroterionError(file: shown, "the output folder cannot be created (\(String(cString: strerror(e))))",
                                       fix: "choose a folder you can write to")
            }
            created.append(m)
        }
        return created
    }

    /// The message for a failed write, by cause.
    static func writeError(_ code: Int32, _ shown: String) -> KleroterionError {
        switch code {
        case ENOSPC, EDQUOT:
            return KleroterionError(file: shown, "the disk is full; nothing was written", fix: "free disk space, or choose an --out folder on another disk")
        case EFBIG:
            return KleroterionError(file: shown, "the file is larger than this system's file-size limit allows; nothing was written",
                                    fix: "raise the limit (ulimit -f) or choose an --out folder on another disk")
        case EACCES, EPERM, EROFS:
            return KleroterionError(file: shown, "the folder cannot be written (no permission); nothing was written", fix: "choose a folder you can write to")
        default:
            return KleroterionError(file: shown, "the file cannot be written (\(String(cString: strerror(code)))); nothing was written",
                                    fix: "check that the folder is writable and the disk is not full")
        }
    }

    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let url = URL(fileURLWithPath: full).standardizedFileURL
        // Follow a symlinked --out to the folder it names, so that the folder (not the link) is replaced.
        return (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)).map {
            $0.hasPrefix("/") ? $0 : (url.deletingLastPathComponent().path as NSString).appendingPathComponent($0)
        } ?? url.path
    }

    /// A file's path as the user would write it: `name` alone in the current folder.
    private func shown(_ name: String) -> String {
        directory == "." || directory.isEmpty ? name : (directory as NSString).appendingPathComponent(name)
    }

    static func isEmptyFolder(_ path: String) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).isEmpty
    }
}

/// An exclusive lock on a folder (`flock`), held while a run publishes into it; other runs wait for it.
private struct FolderLock {
    let fd: Int32

    init(_ folder: String, shownAs shown: String) throws {
        fd = open(folder, O_RDONLY)
        guard fd >= 0 else { throw OutputFiles.writeError(errno, shown) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(fd)
                throw KleroterionError(file: shown, "the output folder cannot be locked against other runs", fix: "choose an --out folder on a local disk")
            }
        }
    }

    func release() {
        _ = flock(fd, LOCK_UN)
        close(fd)
    }
}

private func Glibc_write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(fd, buffer, count) }
