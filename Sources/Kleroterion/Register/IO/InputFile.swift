import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opening an input file the way every command does (issue #12): regular files only, within a size limit.
///
/// A named pipe would block for ever and a device such as `/dev/zero` never ends, so both are refused at once,
/// without reading; `/dev/null` and folders get their own message. The size limit (20 GB by default; the
/// environment variable `KLEROTERION_MAX_INPUT_BYTES` sets another) stops a wrong file from filling memory.
public enum InputFile {
    /// The largest input accepted, in bytes.
    public static var sizeLimit: Int {
        ProcessInfo.processInfo.environment["KLEROTERION_MAX_INPUT_BYTES"].flatMap { Int($0) }.map { max(0, $0) } ?? 20_000_000_000
    }

    /// Opens `path` for reading and checks that it is a regular file within the size limit.
    /// Returns the open descriptor (the caller closes it) and the size.
    public static func open(_ path: String) throws -> (fd: Int32, size: Int) {
        // O_NONBLOCK: opening a named pipe must not wait for a writer.
        let fd = Glibc_open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else {
            let e = errno
            if e == ENOENT || e == ENOTDIR {
                throw KleroterionError(file: path, "the file does not exist", fix: "check the path and the file name")
            }
            if e == EISDIR { throw folderError(path) }
            throw KleroterionError(file: path, "the file cannot be read (\(e == EACCES ? "no permission" : String(cString: strerror(e))))",
                                   fix: e == EACCES ? "check the file's permissions" : "check the path, or copy the file to a local disk")
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            throw KleroterionError(file: path, "the file cannot be read", fix: "check the file's permissions")
        }
        let kind = info.st_mode & S_IFMT
        if kind != S_IFREG {
            close(fd)
            if kind == S_IFDIR { throw folderError(path) }
            if kind == S_IFCHR, let real = realpath(path, nil) {
                defer { free(real) }
                if String(cString: real) == "/dev/null" {
                    throw KleroterionError(file: path, "this is /dev/null, which is always empty, not a file with data",
                                           fix: "give the path of the CSV file")
                }
            }
            let what = kind == S_IFIFO ? "a named pipe" : kind == S_IFSOCK ? "a socket" : "a device"
            throw KleroterionError(file: path, "this is \(what), not a regular file",
                                   fix: "save the data to a file first and give that file's path")
        }
        let size = Int(info.st_size)
        if size > sizeLimit {
            close(fd)
            throw KleroterionError(file: path, "the file is \(size) bytes, more than the limit of \(sizeLimit) bytes",
                                   fix: "check that this is the right file; for a larger register set KLEROTERION_MAX_INPUT_BYTES to its size in bytes")
        }
        return (fd, size)
    }

    /// Reads a whole (small) input file after the same checks.
    public static func read(_ path: String) throws -> Data {
        let (fd, size) = try open(path)
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let n = bytes.withUnsafeMutableBytes { Glibc_read(fd, $0.baseAddress! + done, size - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw KleroterionError(file: path, "the file cannot be read to the end", fix: "check the file and the disk")
            }
            done += n
        }
        return Data(bytes)
    }

    private static func folderError(_ path: String) -> KleroterionError {
        KleroterionError(file: path, "this is a folder, not a file", fix: "give the path of the CSV file inside it")
    }
}

// Free functions, because `InputFile.open` hides the C function of that name inside the type.
private func Glibc_open(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }
private func Glibc_read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }
