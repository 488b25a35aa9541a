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
        try json(Problem(error: error.description, fix: nil), status: status)
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
    /// How the pages show a moment: local time, minutes.
    var shown: String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: self)
    }

    /// The day, as YYYY-MM-DD.
    var day: String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: self)
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
