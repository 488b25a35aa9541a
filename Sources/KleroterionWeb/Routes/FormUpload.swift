import Foundation
import HTTPTypes
import Hummingbird
import Kleroterion
import NIOCore

/// Uploads without JavaScript: the browser posts the upload form as `multipart/form-data`, and this turns it into
/// the request app.js sends (the file as the body, its name in `X-File-Name`, the other fields in the query), so the
/// same handler stores it, streamed, never whole in memory. Its reply becomes a page: the next step on success, the
/// message with a link back on failure (app.js shows the message next to the field; a plain form cannot).
///
/// The fields before the file are read first (the CSRF token among them), so the token is checked before a byte of
/// the file is stored; the forms put the file input last for that reason. Parts after the file are ignored.
enum FormUpload {
    /// Set while a converted form upload is handled: `Reply` then answers with pages instead of JSON.
    @TaskLocal static var active: Active?

    struct Active: Sendable {
        /// Where the "back" link of an error page goes: the page the form was on.
        var back: String
        var language: String
    }

    /// The converted request and the form's fields (the CSRF token among them).
    struct Converted {
        var request: Request
        var fields: [String: String]
    }

    static func isForm(_ request: Request) -> Bool {
        request.method == .post && (request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") ?? false)
    }

    /// Reads the fields up to the file part; nil when the body is no well-formed upload form.
    static func convert(_ request: Request) async throws -> Converted? {
        guard let type = request.headers[.contentType], let boundary = boundary(type) else { return nil }
        let reader = MultipartReader(boundary: boundary, body: request.body)
        guard let (fields, file) = try await reader.fieldsUntilFile() else { return nil }
        var head = request.head
        head.headerFields[HTTPField.Name("X-File-Name")!] = file.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? file.name
        head.headerFields[.contentType] = file.type ?? "application/octet-stream"
        head.headerFields[.contentLength] = nil
        var query = fields.filter { $0.key != "csrf" }.sorted { $0.key < $1.key }
            .map { "\($0.key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
        if let old = request.uri.query, !old.isEmpty { query.insert(old, at: 0) }
        head.path = request.uri.path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        return Converted(request: Request(head: head, body: RequestBody(asyncSequence: FileBytes(reader: reader))), fields: fields)
    }

    /// The boundary parameter of a `multipart/form-data` content type (quoted or not).
    static func boundary(_ contentType: String) -> String? {
        MultipartReader.parameter("boundary", in: contentType).flatMap { $0.isEmpty || $0.count > 200 ? nil : $0 }
    }

    /// The path of the page the form was sent from (same site only), for the error page's link back.
    static func back(_ request: Request) -> String {
        guard let referer = request.headers[.referer], let url = URL(string: referer), url.path.hasPrefix("/"),
              !url.path.hasPrefix("//"), !url.path.hasPrefix("/api/") else { return "/" }
        return url.path + (url.query.map { "?" + $0 } ?? "")
    }

    /// The error page a plain form upload gets: the message and the fix, and the way back to the form.
    static func errorPage(_ message: String, back: String, language: String,
                          status: HTTPResponse.Status = .unprocessableContent) -> Response {
        let e = PublishedText.escapeHTML, w = { e(WebText.word($0, language)) }
        let html = """
            <!doctype html><html lang="\(language)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(w("upload_failed")) · Kleroterion</title><link rel="stylesheet" href="/static/app.css"></head><body>
            <header class="top"><a class="brand" href="/">Kleroterion</a></header>
            <div class="page"><main id="main"><h1>\(w("upload_failed"))</h1><p class="error" role="alert">\(e(message))</p>
            <p><a href="\(e(back))">\(w("back_to_form"))</a></p></main></div></body></html>
            """
        return Renderer.html(html, status: status, personal: true)
    }
}

extension Router<WebContext> {
    /// An upload route: `PUT` with the file as the body (app.js, the API), and `POST` of the upload form for a
    /// browser without JavaScript (converted by `RequestSecurity` through `FormUpload`), both to the same handler.
    func upload(_ path: RouterPath, use handler: @escaping @Sendable (Request, WebContext) async throws -> Response) {
        put(path, use: handler)
        post(path) { request, context in
            guard FormUpload.active != nil else {
                return try Reply.problem(KleroterionError(WebText.word("upload_form_only", context.language),
                                                          fix: WebText.word("upload_form_only_fix", context.language)),
                                         status: .unsupportedMediaType)
            }
            return try await handler(request, context)
        }
    }
}

/// A reply that names the page to go on to (an upload's): a form upload without JavaScript is sent there.
protocol LeadsOn { var next: String { get } }
extension UploadReply: LeadsOn {}
extension VerifyReply: LeadsOn {}

/// Reads a `multipart/form-data` body as it arrives: the small fields first, then the file's bytes up to the next
/// boundary. One request, read by one task in order, hence `@unchecked Sendable`.
final class MultipartReader: @unchecked Sendable {
    /// `CRLF--boundary`: every part ends where this begins (the body's first boundary is given a CRLF in front).
    private let delimiter: [UInt8]
    private var iterator: RequestBody.AsyncIterator
    private var buffer: [UInt8] = Array("\r\n".utf8)
    private var ended = false
    /// A field longer than this is no form field of this app.
    static let fieldLimit = 64 * 1024

    init(boundary: String, body: RequestBody) {
        delimiter = Array("\r\n--\(boundary)".utf8)
        iterator = body.makeAsyncIterator()
    }

    private func fill() async throws -> Bool {
        guard !ended, let chunk = try await iterator.next() else { ended = true; return false }
        buffer += chunk.readableBytesView
        return true
    }

    private func find(_ needle: [UInt8]) -> Int? {
        buffer.withUnsafeBytes { $0.firstOffset(of: needle) }
    }

    /// Reads on until `needle` is in the buffer (then its position), or nil when the body ends first or the buffer
    /// holds more than a form field may.
    private func readUntil(_ needle: [UInt8]) async throws -> Int? {
        while true {
            if let at = find(needle) { return at }
            if buffer.count > Self.fieldLimit { return nil }
            guard try await fill() else { return nil }
        }
    }

    /// Consumes through the next delimiter and that part's headers: its name and file name, or nil at the end.
    private func nextPart() async throws -> (name: String, file: String?, type: String?)? {
        guard let at = try await readUntil(delimiter) else { return nil }
        buffer.removeFirst(at + delimiter.count)
        while buffer.count < 2, try await fill() {}
        if buffer.starts(with: Array("--".utf8)) { return nil }   // the closing boundary
        guard let end = try await readUntil(Array("\r\n\r\n".utf8)) else { return nil }
        let headers = String(decoding: buffer[0..<end], as: UTF8.self)
        buffer.removeFirst(end + 4)
        var name = "", file: String?, type: String?
        for line in headers.split(separator: "\r\n") {
            let lower = line.lowercased()
            if lower.hasPrefix("content-disposition:") {
                name = Self.parameter("name", in: String(line)) ?? ""
                file = Self.parameter("filename", in: String(line))
            } else if lower.hasPrefix("content-type:") {
                type = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
            }
        }
        return (name, file, type)
    }

    /// A `key=value` parameter of a header (`name`, `filename`, `boundary`), quoted or not.
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == key { return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }

    /// The fields before the file part, and the file part's name and type; nil when there is no file part.
    func fieldsUntilFile() async throws -> (fields: [String: String], file: (name: String, type: String?))? {
        var fields: [String: String] = [:]
        while let part = try await nextPart() {
            if let file = part.file { return (fields, (file, part.type)) }
            guard let end = try await readUntil(delimiter) else { return nil }
            fields[part.name] = String(decoding: buffer[0..<end], as: UTF8.self)
            buffer.removeFirst(end)   // the delimiter stays: nextPart consumes it
        }
        return nil
    }

    /// The file's next bytes, or nil once its part has ended. A body that stops before the part's end is an error
    /// (the upload broke off), so that a cut-off file is never stored as if whole.
    func nextFileChunk() async throws -> ByteBuffer? {
        while true {
            if let end = find(delimiter) {
                guard end > 0 else { return nil }
                let chunk = ByteBuffer(bytes: buffer[0..<end])
                buffer.removeFirst(end)
                return chunk
            }
            // Everything but a possible start of the delimiter can go.
            let safe = buffer.count - (delimiter.count - 1)
            if safe >= 65_536 || (ended && safe > 0) {
                let chunk = ByteBuffer(bytes: buffer[0..<safe])
                buffer.removeFirst(safe)
                return chunk
            }
            guard try await fill() else {
                throw KleroterionError("the upload broke off before the end of the file", fix: "send the file again")
            }
        }
    }
}

/// The file part's bytes as a request body.
struct FileBytes: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let reader: MultipartReader
    struct AsyncIterator: AsyncIteratorProtocol {
        let reader: MultipartReader
        mutating func next() async throws -> ByteBuffer? { try await reader.nextFileChunk() }
    }
    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(reader: reader) }
}
