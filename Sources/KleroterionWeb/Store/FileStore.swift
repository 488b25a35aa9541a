import Crypto
import Foundation
import Kleroterion
#if canImport(Glibc)
import Glibc
#endif

/// The uploaded files, stored under their SHA-256 in `DIR/files/`, and the run folders the workflows write in
/// `DIR/runs/`.
///
/// An upload is streamed to `DIR/files/.incoming/` while it is hashed, flushed to disk, and only then renamed to
/// its hash: a killed server or a broken connection leaves at most an incoming file, which the next start removes.
/// The same file uploaded twice is stored once.
public struct FileStore: Sendable {
    public let root: String
    public var files: String { root + "/files" }
    var incoming: String { files + "/.incoming" }
    public var runs: String { root + "/runs" }

    public init(root: String) throws {
        self.root = root
        for dir in [root, root + "/files", root + "/files/.incoming", root + "/runs"] {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
    }

    /// Removes uploads that never finished (the server was stopped during an upload).
    public func removeIncoming() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: incoming)) ?? [] {
            try? FileManager.default.removeItem(atPath: incoming + "/" + name)
        }
    }

    /// The path of a stored file.
    public func path(of sha256: String) -> String { files + "/" + sha256 }

    /// An upload in progress: bytes are appended and hashed; `finish` stores it under its hash.
    public final class Upload {
        let store: FileStore
        let temporary: String
        let handle: FileHandle
        var hash = SHA256()
        public private(set) var size: Int64 = 0
        let limit: Int64

        init(store: FileStore, limit: Int64) throws {
            self.store = store
            self.limit = limit
            temporary = store.incoming + "/" + UUID().uuidString
            guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
                throw KleroterionError(file: store.incoming, "the upload cannot be stored", fix: "check that the data folder is writable and not full")
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        }

        public func append(_ bytes: UnsafeRawBufferPointer) throws {
            size += Int64(bytes.count)
            if size > limit {
                throw KleroterionError("the file is larger than the limit of \(limit / 1_000_000) MB",
                                       fix: "upload a smaller file, or start the server with a larger --upload-limit")
            }
            hash.update(bufferPointer: bytes)
            // The body arrives in pieces of a few kilobytes: they are collected and written a megabyte at a time,
            // one system call per megabyte rather than per piece (the hash still sees every piece as it comes).
            pending.append(contentsOf: bytes)
            if pending.count >= Self.chunk { try flush() }
        }

        static let chunk = 1 << 20
        private var pending: [UInt8] = {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Upload.chunk + 65_536)
            return bytes
        }()

        private func flush() throws {
            guard !pending.isEmpty else { return }
            try handle.write(contentsOf: pending)
            pending.removeAll(keepingCapacity: true)
        }

        /// Flushes the file to disk and stores it under its hash; returns the hash.
        public func finish() throws -> String {
            try flush()
            try handle.synchronize()
            try handle.close()
            let digest = hash.finalize().map { String(format: "%02x", $0) }.joined()
            let target = store.path(of: digest)
            if FileManager.default.fileExists(atPath: target) {
                try? FileManager.default.removeItem(atPath: temporary)
            } else if rename(temporary, target) != 0 {
                throw KleroterionError(file: target, "the upload cannot be stored (\(String(cString: strerror(errno))))",
                                       fix: "check that the data folder is writable and not full")
            }
            return digest
        }

        /// Throws the upload away (a bad file stores nothing).
        public func discard() {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }

    public func beginUpload(limit: Int64) throws -> Upload { try Upload(store: self, limit: limit) }

    /// Stores bytes made by the app itself (an edited quota table), content-addressed like an upload.
    public func store(_ data: Data) throws -> String {
        let upload = try beginUpload(limit: Int64.max)
        do {
            try data.withUnsafeBytes { try upload.append($0) }
            return try upload.finish()
        } catch {
            upload.discard()
            throw error
        }
    }

    /// A fresh run folder name for an assembly's step (`runs/12/commit-3`), not yet existing.
    public func newRunFolder(assembly: Int64, step: String) -> String {
        let base = "runs/\(assembly)"
        try? FileManager.default.createDirectory(atPath: root + "/" + base, withIntermediateDirectories: true)
        var n = 1
        while FileManager.default.fileExists(atPath: root + "/\(base)/\(step)-\(n)") { n += 1 }
        return "\(base)/\(step)-\(n)"
    }

    public func absolute(_ relative: String) -> String { root + "/" + relative }
}
