import Foundation

/// Writes a set of output files all-or-nothing.
///
/// Everything is computed before anything is written. Each file goes first to a hidden temporary name in the
/// same folder and is then renamed into place, so a reader never sees a half-written file, and a failure
/// part-way leaves no new file behind.
public struct OutputFiles {
    /// The folder the files go into; it is created if missing.
    public let directory: String
    private var contents: [(name: String, data: Data)] = []

    public init(directory: String) { self.directory = directory }

    /// Queues a file (UTF-8 text) to be written.
    public mutating func add(_ name: String, _ text: String) { contents.append((name, Data(text.utf8))) }

    /// Queues a file (bytes) to be written.
    public mutating func add(_ name: String, data: Data) { contents.append((name, data)) }

    /// The names queued so far.
    public var names: [String] { contents.map(\.name) }

    /// Writes every queued file, or none of them.
    public func commit() throws {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: directory, isDirectory: &isFolder), !isFolder.boolValue {
            throw KleroterionError(file: directory, "the output folder is a file, not a folder",
                                   fix: "choose another --out folder, or move the file out of the way")
        }
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw KleroterionError(file: directory, "the output folder cannot be created", fix: "choose a folder you can write to")
        }
        let token = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        var temporaries: [(tmp: String, final: String)] = []
        do {
            for (name, data) in contents {
                let final = (directory as NSString).appendingPathComponent(name)
                // A name such as `private/pseudonyms.csv` goes into a subfolder, created here; its temporary sits beside it.
                let folder = (final as NSString).deletingLastPathComponent
                try? fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let tmp = (folder as NSString).appendingPathComponent(".\((name as NSString).lastPathComponent).\(token).tmp")
                guard fm.createFile(atPath: tmp, contents: data) else {
                    throw KleroterionError(file: final, "the file cannot be written", fix: "check that the folder is writable and the disk is not full")
                }
                temporaries.append((tmp, final))
            }
            for (tmp, final) in temporaries {
                if rename(tmp, final) != 0 {
                    throw KleroterionError(file: final, "the file cannot be put in place", fix: "check that the folder is writable")
                }
            }
        } catch {
            for (tmp, _) in temporaries { try? fm.removeItem(atPath: tmp) }
            throw error
        }
    }

    /// Writes one file atomically.
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        var files = OutputFiles(directory: url.deletingLastPathComponent().path)
        files.add(url.lastPathComponent, text)
        try files.commit()
    }
}
