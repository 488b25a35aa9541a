import Foundation
import HTTPTypes
import Hummingbird
import Kleroterion

/// Receiving a file: the request body is streamed to the file store (never held whole in memory), hashed, and
/// checked by `validate`; a file that fails the check is thrown away, so a bad file stores nothing.
extension WebServices {
    struct Received {
        var sha256: String
        var name: String
        var size: Int64
        var path: String
    }

    func receive(_ request: Request, _ context: WebContext, validate: (String) throws -> Void) async throws -> Received {
        let name = Self.fileName(request.headers[HTTPField.Name("X-File-Name")!])
        let upload = try store.beginUpload(limit: settings.uploadLimit)
        do {
            for try await buffer in request.body {
                try buffer.withUnsafeReadableBytes { try upload.append($0) }
            }
            guard upload.size > 0 else {
                throw KleroterionError(file: name, WebText.word("empty_upload", context.language), fix: WebText.word("empty_upload_fix", context.language))
            }
            let sha = try upload.finish()
            let path = store.path(of: sha)
            do {
                try validate(path)
            } catch {
                // Stored by this upload only if no earlier upload has the same bytes: then remove it again.
                if try await db.pool.read({ try StoredFile.fetchOne($0, key: sha) }) == nil { try? FileManager.default.removeItem(atPath: path) }
                throw error
            }
            let size = upload.size
            try await db.pool.write { db in
                if try StoredFile.fetchOne(db, key: sha) == nil {
                    try StoredFile(sha256: sha, size: size, originalName: name, storedAt: Date()).insert(db)
                }
            }
            return Received(sha256: sha, name: name, size: size, path: path)
        } catch {
            upload.discard()
            throw Self.named(error, path: nil, name: name)
        }
    }

    /// A file name as the browser sent it (percent-encoded), without any folder part.
    static func fileName(_ header: String?) -> String {
        let raw = (header?.removingPercentEncoding ?? header ?? "").trimmingSpaces()
        let base = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return base.isEmpty ? "upload.csv" : String(base.prefix(200))
    }

    /// An error about a stored file, told with the name the organiser knows it by (not the file store's hash).
    static func named(_ error: any Error, path: String?, name: String) -> any Error {
        guard var e = error as? KleroterionError else { return error }
        if let file = e.file, path == nil || file == path || file.contains("/files/") { e.file = name }
        if let path { e.message = e.message.replacingOccurrences(of: path, with: name) }
        return e
    }

    /// The stored file's path and its original name.
    func stored(_ sha: String?) throws -> (path: String, name: String)? {
        guard let sha else { return nil }
        let name = try db.pool.read { try StoredFile.fetchOne($0, key: sha) }?.originalName ?? sha
        return (store.path(of: sha), name)
    }
}

/// The values of the upload form partial (`{{#upload}}{{> upload}}{{/upload}}`).
enum Upload {
    static func form(_ url: String, field: String, label: String, accept: String = ".csv,.txt,text/csv") -> [String: Any] {
        ["url": url, "field": field, "label": label, "accept": accept]
    }
}

extension WebServices {
    /// Stores bytes the app made itself (an edited quota table, the respondents built from an upload) under their
    /// hash, with the name the pages show for them.
    func storeMade(_ data: Data, name: String) throws -> String {
        let sha = try store.store(data)
        try db.pool.write { db in
            if try StoredFile.fetchOne(db, key: sha) == nil {
                try StoredFile(sha256: sha, size: Int64(data.count), originalName: name, storedAt: Date()).insert(db)
            }
        }
        return sha
    }
}

extension WebServices {
    /// A CSV file's header, from its first two lines only (the register may have millions of rows).
    func header(of path: String) throws -> [String] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return try CSVStream(path: path).header }
        defer { try? handle.close() }
        var bytes: [UInt8] = []
        while bytes.count < 4_000_000, let chunk = try handle.read(upToCount: 65_536), !chunk.isEmpty {
            bytes += chunk
            let newlines = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }
            if newlines.count >= 2, let table = try? CSVReader.parse(Array(bytes[...newlines[1]]), source: path) { return table.header }
        }
        return try CSVStream(path: path).header
    }
}
