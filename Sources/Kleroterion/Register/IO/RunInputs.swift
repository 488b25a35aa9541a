import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files and folders a command run reads, by identity (device and inode), so that no output can overwrite them.
///
/// Paths are compared after the kernel has resolved symlinks, `..` and hard links: `pool.csv`, `./x/../pool.csv`
/// and a symlink to it are one file. `OutputFiles` asks, before it writes, whether its folder *is* an input,
/// *contains* one (it would be replaced with the folder), or whether a file it writes *is* one.
public struct RunInputs: Sendable {
    /// A file's identity on this machine.
    struct Identity: Hashable, Sendable {
        let device: UInt64
        let inode: UInt64
    }

    private struct Entry: Sendable {
        let path: String
        let identity: Identity
        /// The identities of every folder the input lies in, up to `/`.
        let folders: Set<Identity>
    }

    private var entries: [Entry] = []

    /// The inputs named by these paths; `nil` (an option not given) and paths that do not exist are skipped,
    /// since reading them fails with its own message.
    public init(_ paths: [String?] = []) {
        for path in paths { add(path) }
    }

    /// Adds an input file or folder.
    public mutating func add(_ path: String?) {
        guard let path, !path.isEmpty, let identity = Self.identity(of: path) else { return }
        var folders = Set<Identity>()
        if let real = realpath(path, nil) {
            var folder = URL(fileURLWithPath: String(cString: real)).deletingLastPathComponent()
            free(real)
            while true {
                if let id = Self.identity(of: folder.path) { folders.insert(id) }
                if folder.path == "/" || folder.path.isEmpty { break }
                folder = folder.deletingLastPathComponent()
            }
        }
        entries.append(Entry(path: path, identity: identity, folders: folders))
    }

    /// The inputs, as the user named them.
    public var paths: [String] { entries.map(\.path) }

    /// The input that `path` is (the same file or folder, however it is named), if any.
    public func input(identicalTo path: String) -> String? {
        guard let id = Self.identity(of: path) else { return nil }
        return entries.first { $0.identity == id }?.path
    }

    /// An input that lies somewhere inside the folder `path`, if any.
    public func input(inside path: String) -> String? {
        guard let id = Self.identity(of: path) else { return nil }
        return entries.first { $0.folders.contains(id) }?.path
    }

    /// The device and inode of what `path` names, following symlinks; `nil` when it does not exist.
    static func identity(of path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
