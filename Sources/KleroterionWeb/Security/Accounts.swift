import Foundation
import GRDB
import Hummingbird
import HummingbirdAuth
import HummingbirdBcrypt
import Kleroterion

/// Log-in, when the app has accounts (it must, to listen on anything but 127.0.0.1).
///
/// Passwords are stored as bcrypt hashes; a log-in opens a hummingbird-auth session (a random id in a cookie).
/// Organisers may do everything; observers may only look (every state-changing request is refused). The public
/// pages (the check of a draw, the published report and announcement) need no log-in.
struct AccountMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let services: WebServices

    static func isPublic(_ path: String) -> Bool {
        path == "/verify" || path.hasPrefix("/api/verify") || path.hasPrefix("/static/") || path == "/openapi.yaml"
            || path == "/login" || path.hasSuffix("/report") || path.hasSuffix("/announcement")
            || path.hasSuffix("/report.html") || path.hasSuffix("/published.zip")
    }

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        guard services.accountsInUse else { return try await next(request, context) }
        if let id = context.sessions.session {
            context.account = try await services.db.pool.read { try Account.fetchOne($0, key: id) }
        }
        let path = request.uri.path
        if Self.isPublic(path) { return try await next(request, context) }
        guard let account = context.account else {
            if path.hasPrefix("/api/") { return try Reply.json(Reply.Problem(error: WebText.word("login_needed", context.language)), status: .unauthorized) }
            return Reply.redirect("/login?next=" + (path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
        }
        if account.role == .observer, ![.get, .head].contains(request.method), path != "/logout" {
            return Renderer.html(ErrorPage.plain(WebText.word("observer_only_reads", context.language)), status: .forbidden, personal: false)
        }
        return try await next(request, context)
    }
}

/// The log-in and log-out pages.
struct LoginRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        router.get("/login") { request, context in page(request, context) }
        router.post("/login") { request, context in
            let form = try await Form.read(request, context)
            let name = form["name"] ?? "", password = form.fields["password"]?.first ?? ""
            let account = try await services.db.pool.read { try Account.filter(Column("name") == name).fetchOne($0) }
            // bcrypt runs even for an unknown name, so that the time taken does not tell which names exist.
            let ok = Bcrypt.verify(password, hash: account?.passwordHash ?? Accounts.dummyHash) && account != nil
            guard ok, let account else { return page(request, context, error: WebText.word("login_failed", context.language)) }
            context.sessions.createSession(account.id!, expiresIn: .seconds(12 * 3600))
            // Only a path of this app: "//host" and "/\\host" would send the browser elsewhere.
            let target = form["next"].flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") && !$0.hasPrefix("/\\") ? $0 : nil } ?? "/"
            return Reply.redirect(target)
        }
        router.post("/logout") { _, context in
            context.sessions.clearSession()
            return Reply.redirect("/login")
        }
    }

    func page(_ request: Request, _ context: WebContext, error: String? = nil) -> Response {
        let next = request.uri.queryParameters["next"].map(String.init) ?? "/"
        return services.page("login", WebText.word("login", context.language), ["error": error as Any, "next": next],
                             request, context, status: error == nil ? .ok : .unauthorized)
    }
}

/// Creating accounts (from the command line: `kleroterion serve --add-account NAME --role organiser`).
public enum Accounts {
    static let dummyHash = Bcrypt.hash("not a password", cost: 10)

    public static func add(name: String, password: String, role: String, data: String) throws {
        guard let role = Account.Role(rawValue: role) else {
            throw KleroterionError("the role '\(role)' is not one of organiser, observer", fix: "write --role organiser or --role observer")
        }
        guard !name.trimmingSpaces().isEmpty else { throw KleroterionError("the account name is empty", fix: "give a name, e.g. --add-account j.jansen") }
        guard password.count >= 10 else {
            throw KleroterionError("the password is shorter than 10 characters", fix: "choose a longer password (a sentence of a few words works well)")
        }
        let services = try WebServices(settings: WebSettings(data: data))
        try services.db.pool.write { db in
            if try Account.filter(Column("name") == name).fetchCount(db) > 0 {
                throw KleroterionError("there is already an account '\(name)'", fix: "choose another name")
            }
            var account = Account(name: name, passwordHash: Bcrypt.hash(password), role: role)
            try account.insert(db)
        }
    }
}
