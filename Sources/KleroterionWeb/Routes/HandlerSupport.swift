import Foundation
import Hummingbird
import Kleroterion

/// Small pieces every route uses: finding the assembly, reading a form, answering with a redirect or JSON.
extension WebServices {
    /// The assembly named by the route's `id`, or a 404 page.
    func assembly(_ context: WebContext) throws -> Assembly {
        guard let text = context.parameters.get("id"), let id = Int64(text), let a = try db.assembly(id) else {
            throw HTTPError(.notFound, message: WebText.word("not_found", context.language))
        }
        return a
    }

    func page(_ template: String, _ title: String, _ values: [String: Any], _ request: Request, _ context: WebContext,
              assembly: Assembly? = nil, personal: Bool = false, status: HTTPResponse.Status = .ok) -> Response {
        renderer.page(template, title: title, context: values, request: context.page(request), assembly: assembly,
                      personal: personal, status: status)
    }

    /// A step's run folder, written by `work` all or nothing (`OutputFiles`): checked before the work, published
    /// only when the work succeeded.
    func writeRun<T>(_ folder: String, inputs: [String?], _ work: (inout OutputFiles) throws -> T) throws -> T {
        var files = OutputFiles(directory: store.absolute(folder), placement: .newFolder, inputs: RunInputs(inputs))
        try files.check()
        let result = try work(&files)
        try files.commit()
        return result
    }

    /// The actor named in the audit log: the account, or "organisator" on a local, single-user app.
    func actor(_ context: WebContext) -> String { context.account?.name ?? "organiser (127.0.0.1)" }
}

/// A urlencoded form's fields (values percent-decoded, `+` as space).
struct Form {
    var fields: [String: [String]] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ") }
            let name = parts[0].removingPercentEncoding ?? parts[0]
            let value = parts.count > 1 ? (parts[1].removingPercentEncoding ?? parts[1]) : ""
            fields[name, default: []].append(value)
        }
    }

    static func read(_ request: Request, _ context: WebContext) async throws -> Form {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        return Form(String(buffer: body))
    }

    subscript(_ name: String) -> String? { fields[name]?.first?.trimmingSpaces() }
    func all(_ name: String) -> [String] { fields[name] ?? [] }
}

enum Reply {
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, personal: Bool = true) throws -> Response {
        // A form upload sent without JavaScript goes on to the page the script would have opened.
        if FormUpload.active != nil, (200..<300).contains(status.code), let next = (value as? any LeadsOn)?.next { return redirect(next) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        var headers: HTTPFields = [.contentType: "application/json"]
        headers[.cacheControl] = personal ? "no-store" : "no-cache"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: try encoder.encode(value))))
    }

    /// The API's error body: the problem and the fix, as the CLI says them.
    struct Problem: Encodable { var error: String; var fix: String? }

    static func problem(_ error: KleroterionError, status: HTTPResponse.Status = .unprocessableContent) throws -> Response {
        if let form = FormUpload.active { return FormUpload.errorPage(error.description, back: form.back, language: form.language, status: status) }
        return try json(Problem(error: error.description, fix: nil), status: status)
    }

    static func file(_ path: String, name: String, type: String, personal: Bool) -> Response {
        guard let data = FileManager.default.contents(atPath: path) else { return Response(status: .notFound) }
        var headers: HTTPFields = [.contentType: type]
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        headers[.cacheControl] = personal ? "no-store" : "no-cache"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}

extension Date {
    /// How the pages show a moment: local time, minutes (`2026-12-02 14:05`).
    var shown: String { LocalTime.text(self, separator: " ") }

    /// The day, as YYYY-MM-DD.
    var day: String { LocalTime.text(self, separator: nil) }
}

/// Moments as the pages show them and as a `datetime-local` field sends them: the server's local time, to the
/// minute. One place for all of them, from calendar components: a DateFormatter made per call is slow (a page lists
/// every audit entry) and four copies of it had drifted apart.
enum LocalTime {
    /// `yyyy-MM-dd` followed, when `separator` is given, by it and `HH:mm`.
    static func text(_ date: Date, separator: String?) -> String {
        let c = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
        guard let separator else { return day }
        return day + separator + String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    /// A `datetime-local` value (`2026-12-02T14:05`), or nil when it is not one or names no real moment (a 31 April).
    static func parse(_ value: String) -> Date? {
        let parts = value.split(whereSeparator: { "-T:".contains($0) }).map { Int($0) }
        guard value.count == 16, parts.count == 5, parts.allSatisfy({ $0 != nil }) else { return nil }
        let n = parts.map { $0! }
        var c = DateComponents()
        (c.year, c.month, c.day, c.hour, c.minute) = (n[0], n[1], n[2], n[3], n[4])
        guard let date = Calendar.current.date(from: c) else { return nil }
        return text(date, separator: "T") == value ? date : nil   // a rolled-over date (month 13) does not read back
    }
}

/// Runs blocking work (a solver, a whole-file read) on a thread of its own, so that the server's few cooperative
/// threads keep answering other requests meanwhile.
func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try work() })
        }
    }
}
