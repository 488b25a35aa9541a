import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Kleroterion
@testable import KleroterionWeb

/// A fresh data folder and the app's services over it.
func makeServices(_ name: String = #function) throws -> WebServices {
    let dir = NSTemporaryDirectory() + "kleroterion-web-\(UUID().uuidString)"
    return try WebServices(settings: WebSettings(data: dir, uploadLimit: 50_000_000))
}

/// A browser-like client on top of HummingbirdTesting: it keeps the cookies (CSRF token, session, language) and
/// sends the CSRF token with forms.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    init(_ client: any TestClientProtocol) { self.client = client }

    var csrf: String { cookies["kl_csrf"] ?? "" }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        var bytes: [UInt8]
        var location: String? { headers[.location] }
    }

    func request(_ uri: String, _ method: HTTPRequest.Method = .get, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> Page {
        var h = headers
        if !cookies.isEmpty { h[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        return try await client.execute(uri: uri, method: method, headers: h, body: body) { response in
            for value in response.headers[values: .setCookie] {
                let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { self.cookies[pair[0]] = pair[1] }
            }
            return Page(status: response.status, headers: response.headers, body: String(buffer: response.body),
                        bytes: Array(response.body.readableBytesView))
        }
    }

    func get(_ uri: String) async throws -> Page { try await request(uri) }

    /// Posts a form with the CSRF token (unless `csrf` is false).
    func post(_ uri: String, _ fields: [(String, String)], csrf: Bool = true) async throws -> Page {
        if cookies["kl_csrf"] == nil { _ = try await get("/") }
        let all = (csrf ? [("csrf", self.csrf)] : []) + fields
        let body = all.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        return try await request(uri, .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
    }

    /// Uploads a file the way app.js does: the file as the body, its name and the CSRF token in headers.
    func upload(_ uri: String, name: String, bytes: [UInt8]) async throws -> Page {
        if cookies["kl_csrf"] == nil { _ = try await get("/") }
        return try await request(uri, .put, headers: [.contentType: "text/csv", HTTPField.Name("X-CSRF-Token")!: csrf,
                                                      HTTPField.Name("X-File-Name")!: name], body: ByteBuffer(bytes: bytes))
    }

    /// Posts an upload form the way a browser without JavaScript does (`multipart/form-data`): the CSRF token and
    /// `fields` first, the file last, as the pages order them.
    func formUpload(_ uri: String, fields: [(String, String)] = [], name: String, bytes: [UInt8], csrf: Bool = true,
                    referer: String? = nil) async throws -> Page {
        if cookies["kl_csrf"] == nil { _ = try await get("/") }
        let boundary = "----KleroterionTest\(UUID().uuidString)"
        var body: [UInt8] = []
        for (key, value) in (csrf ? [("csrf", self.csrf)] : []) + fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
        body += bytes
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        if let referer { headers[.referer] = referer }
        return try await request(uri, .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    /// Creates an assembly through the form and returns its id.
    func newAssembly(name: String = "Burgerberaad Test", size: Int = 6) async throws -> Int64 {
        let page = try await post("/assemblies", [("name", name), ("municipality", "Zeist"), ("panelSize", "\(size)"),
                                                  ("referenceDate", "2026-01-01"), ("language", "nl")])
        guard page.status == .seeOther, let location = page.location, let id = Int64(location.split(separator: "/").last ?? "") else {
            throw KleroterionError("no assembly created: \(page.status) \(page.body.prefix(300))")
        }
        return id
    }
}

/// A small register with BRP headers: 40 residents at 30 addresses in two districts.
func brpRegister() -> [UInt8] {
    var lines = ["bsn_pseudo;geslacht;geboortedatum;straat;huisnummer;postcode;wijk"]
    for i in 0..<40 {
        let year = 1940 + (i * 7) % 70
        lines.append("R\(i);\(i % 2 == 0 ? "V" : "M");\(year)0\(1 + i % 9)15;Dorpsstraat;\(i % 30 + 1);3701AB;\(i % 3 == 0 ? "Austerlitz" : "Centrum")")
    }
    return Array((lines.joined(separator: "\n") + "\n").utf8)
}

func running(_ services: WebServices, _ body: @escaping @Sendable (Browser) async throws -> Void) async throws {
    try await WebApp.application(services).test(.router) { client in
        try await body(Browser(client))
    }
}
