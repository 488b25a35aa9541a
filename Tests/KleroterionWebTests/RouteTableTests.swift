import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import Kleroterion
import Testing
@testable import KleroterionWeb

/// Every route the app has, with who may use it. The first test keeps this table equal to the router's, so a new
/// route cannot be added without the rules below being checked for it.
enum RouteTable {
    enum Access { case open, login }
    struct Route: CustomStringConvertible {
        var method: HTTPRequest.Method, path: String, access: Access
        var description: String { "\(method) \(path)" }
        /// The path with its parameters filled in: an assembly or job that does not exist, a file by its name.
        func uri(id: String = "999", file: String = "letters.csv") -> String {
            path.replacingOccurrences(of: ":id", with: id).replacingOccurrences(of: ":job", with: id)
                .replacingOccurrences(of: ":file", with: file)
        }
        var changes: Bool { method != .get && method != .head }
        var isAPI: Bool { path.hasPrefix("/api/") }
        /// A POST to an upload's URL: the upload form as a browser without JavaScript sends it.
        var isUploadForm: Bool { method == .post && RouteTable.all.contains { $0.method == .put && $0.path == path } }
    }

    static let all: [Route] = [
        .init(method: .get, path: "/login", access: .open), .init(method: .post, path: "/login", access: .open),
        .init(method: .post, path: "/logout", access: .login),
        .init(method: .get, path: "/static/app.css", access: .open), .init(method: .get, path: "/static/app.js", access: .open),
        .init(method: .get, path: "/openapi.yaml", access: .open),
        .init(method: .get, path: "/", access: .login), .init(method: .post, path: "/assemblies", access: .login),
        .init(method: .get, path: "/assemblies/:id", access: .login),
        .init(method: .get, path: "/api/assemblies", access: .login), .init(method: .get, path: "/api/assemblies/:id", access: .login),
        .init(method: .get, path: "/assemblies/:id/register", access: .login),
        .init(method: .put, path: "/api/assemblies/:id/register", access: .login), .init(method: .post, path: "/api/assemblies/:id/register", access: .login),
        .init(method: .post, path: "/assemblies/:id/register/mapping", access: .login),
        .init(method: .get, path: "/api/assemblies/:id/census", access: .login),
        .init(method: .get, path: "/jobs/:job", access: .login), .init(method: .get, path: "/api/jobs/:job", access: .login),
        .init(method: .post, path: "/jobs/:job/cancel", access: .login), .init(method: .post, path: "/api/jobs/:job/cancel", access: .login),
        .init(method: .get, path: "/assemblies/:id/quotas", access: .login),
        .init(method: .post, path: "/assemblies/:id/quotas/derive", access: .login),
        .init(method: .post, path: "/assemblies/:id/quotas/table", access: .login),
        .init(method: .post, path: "/assemblies/:id/quotas/relax", access: .login),
        .init(method: .put, path: "/api/assemblies/:id/quotas", access: .login), .init(method: .post, path: "/api/assemblies/:id/quotas", access: .login),
        .init(method: .get, path: "/api/assemblies/:id/quotas", access: .login),
        .init(method: .get, path: "/api/assemblies/:id/feasibility", access: .login),
        .init(method: .get, path: "/assemblies/:id/invitations", access: .login),
        .init(method: .post, path: "/assemblies/:id/invitations", access: .login),
        .init(method: .put, path: "/api/assemblies/:id/response-rates", access: .login), .init(method: .post, path: "/api/assemblies/:id/response-rates", access: .login),
        .init(method: .get, path: "/assemblies/:id/invitations/:file", access: .login),
        .init(method: .get, path: "/assemblies/:id/registrations", access: .login),
        .init(method: .put, path: "/api/assemblies/:id/respondents", access: .login), .init(method: .post, path: "/api/assemblies/:id/respondents", access: .login),
        .init(method: .post, path: "/assemblies/:id/registrations/add", access: .login),
        .init(method: .get, path: "/assemblies/:id/commit", access: .login), .init(method: .post, path: "/assemblies/:id/commit", access: .login),
        .init(method: .get, path: "/assemblies/:id/announcement", access: .open),
        .init(method: .get, path: "/assemblies/:id/draw", access: .login), .init(method: .post, path: "/assemblies/:id/draw", access: .login),
        .init(method: .get, path: "/assemblies/:id/panel", access: .login), .init(method: .get, path: "/assemblies/:id/panel.csv", access: .login),
        .init(method: .get, path: "/assemblies/:id/report", access: .open),
        .init(method: .get, path: "/assemblies/:id/published.zip", access: .open),
        .init(method: .get, path: "/assemblies/:id/dropouts", access: .login), .init(method: .post, path: "/assemblies/:id/dropouts", access: .login),
        .init(method: .get, path: "/assemblies/:id/privacy", access: .login),
        .init(method: .get, path: "/assemblies/:id/privacy/:file", access: .login),
        .init(method: .post, path: "/assemblies/:id/privacy/delete", access: .login),
        .init(method: .get, path: "/verify", access: .open), .init(method: .put, path: "/api/verify", access: .open), .init(method: .post, path: "/api/verify", access: .open),
    ]

    /// Sends `route` the way its front end would: a form with the CSRF token, or a file body for an API upload.
    static func send(_ route: Route, _ b: Browser, uri: String? = nil, csrf: Bool = true) async throws -> Browser.Page {
        let target = uri ?? route.uri()
        switch route.method {
        case .post where route.isUploadForm:
            return try await b.formUpload(target, name: "x.csv", bytes: Array("a,b\n1,2\n".utf8), csrf: csrf)
        case .post: return try await b.post(target, [], csrf: csrf)
        case .put: return try await b.upload(target, name: "x.csv", bytes: Array("a,b\n1,2\n".utf8))
        default: return try await b.get(target)
        }
    }
}

@Suite("Web app: the rules hold on every route")
struct RouteTableTests {
    @Test("The table of routes is the router's")
    func tableIsComplete() throws {
        let routes = Set(WebApp.router(try makeServices()).routes.map {
            "\($0.method) \($0.path)".replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
        })
        let table = Set(RouteTable.all.map(\.description))
        #expect(routes == table, "in the router only: \(routes.subtracting(table).sorted()); in the table only: \(table.subtracting(routes).sorted())")
    }

    @Test("An assembly or job that does not exist is a 404 in plain words on every route, never a server error")
    func unknownIsNotFound() async throws {
        let services = try makeServices()
        try await running(services) { b in
            for route in RouteTable.all where route.path.contains(":id") || route.path.contains(":job") {
                for id in ["999", "abc"] {
                    let page = try await RouteTable.send(route, b, uri: route.uri(id: id))
                    #expect(page.status == .notFound, "\(route) with \(id): \(page.status) \(page.body.prefix(200))")
                    #expect(!page.body.contains("Error(") && !page.body.contains("Swift"), "\(route): no internals shown")
                }
            }
        }
        #expect(try await services.db.pool.read { try Assembly.fetchCount($0) } == 0)
    }

    @Test("Every form refuses a request without its CSRF token, and nothing changes")
    func csrfOnEveryForm() async throws {
        let services = try makeServices()
        try await running(services) { b in
            let id = try await b.newAssembly()
            let before = try services.db.pool.read { try Row.fetchAll($0, sql: "SELECT * FROM assembly") }
            for route in RouteTable.all where route.method == .post {
                let page = try await RouteTable.send(route, b, uri: route.uri(id: "\(id)"), csrf: false)
                #expect(page.status == .forbidden, "\(route) without a token: \(page.status)")
            }
            #expect(try services.db.pool.read { try Row.fetchAll($0, sql: "SELECT * FROM assembly") } == before)
        }
    }

    @Test("With accounts: a stranger sees only the open routes, an observer changes nothing, on every route")
    func accountsOnEveryRoute() async throws {
        let services = try makeServices()
        try Accounts.add(name: "organisator", password: "een lang wachtwoord", role: "organiser", data: services.settings.data)
        try Accounts.add(name: "waarnemer", password: "nog een lang wachtwoord", role: "observer", data: services.settings.data)
        let fresh = try WebServices(settings: services.settings)
        try await running(fresh) { b in
            _ = try await b.post("/login", [("name", "organisator"), ("password", "een lang wachtwoord")])
            let id = "\(try await b.newAssembly())"
            _ = try await b.post("/logout", [])
            let before = try fresh.db.pool.read { try Row.fetchAll($0, sql: "SELECT * FROM assembly") }

            for route in RouteTable.all where route.path != "/login" {
                let page = try await RouteTable.send(route, b, uri: route.uri(id: id))
                let turnedAway = page.status == .unauthorized || (page.status == .seeOther && page.location?.hasPrefix("/login") == true)
                switch route.access {
                case .login: #expect(turnedAway, "\(route) without a log-in: \(page.status)")
                case .open: #expect(!turnedAway, "\(route) is open to anyone: \(page.status)")
                }
                if route.access == .login, route.isAPI { #expect(page.status == .unauthorized, "\(route): the API answers 401") }
            }

            _ = try await b.post("/login", [("name", "waarnemer"), ("password", "nog een lang wachtwoord")])
            for route in RouteTable.all where route.access == .login && route.path != "/logout" {
                let page = try await RouteTable.send(route, b, uri: route.uri(id: id))
                if route.changes {
                    #expect(page.status == .forbidden, "\(route) by an observer: \(page.status)")
                } else {
                    #expect(page.status != .forbidden && page.status != .unauthorized && page.status.code < 500,
                            "\(route): an observer may look (\(page.status))")
                }
            }
            #expect(try fresh.db.pool.read { try Row.fetchAll($0, sql: "SELECT * FROM assembly") } == before)
        }
    }

    @Test("Every page behind the log-in is never cached (it may hold personal data); the published ones may be")
    func noStoreBehindLogin() async throws {
        let services = try makeServices()
        try await running(services) { b in
            let id = try await b.newAssembly()
            _ = try await b.upload("/api/assemblies/\(id)/register", name: "brp.csv", bytes: brpRegister())
            for route in RouteTable.all where !route.changes {
                let page = try await b.get(route.uri(id: "\(id)"))
                guard page.status == .ok else { continue }
                if route.access == .login {
                    #expect(page.headers[.cacheControl] == "no-store", "\(route): \(page.headers[.cacheControl] ?? "no Cache-Control")")
                }
            }
        }
    }

    @Test("After a log-in the app only sends you on within itself")
    func loginStaysInside() async throws {
        let services = try makeServices()
        try Accounts.add(name: "organisator", password: "een lang wachtwoord", role: "organiser", data: services.settings.data)
        let fresh = try WebServices(settings: services.settings)
        try await running(fresh) { b in
            for next in ["//evil.example", "/\\evil.example", "https://evil.example", "/assemblies"] {
                let page = try await b.post("/login", [("name", "organisator"), ("password", "een lang wachtwoord"), ("next", next)])
                #expect(page.status == .seeOther)
                #expect(page.location == (next == "/assemblies" ? "/assemblies" : "/"), "next=\(next) → \(page.location ?? "")")
            }
        }
    }
}
