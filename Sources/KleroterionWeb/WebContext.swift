import Foundation
import Hummingbird
import HummingbirdAuth

/// The per-request state of the web app: the page language, the CSRF token and the logged-in account.
public struct WebContext: RequestContext, SessionRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// nl (default) or en: from `?lang=`, else the `kl_lang` cookie.
    public var language = "nl"
    /// The double-submit CSRF token (cookie `kl_csrf`), put in every form.
    public var csrf = ""
    /// Cookies to set on the response (a new CSRF token, a language choice, a session).
    public var newCookies: [Cookie] = []
    /// The logged-in account, when accounts are in use.
    public var account: Account?
    /// The login session (hummingbird-auth): the account's id.
    public let sessions = SessionContext<Int64>()

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Forms are small; files are streamed to disk by their own routes and have their own limit.
    public var maxUploadSize: Int { 2 * 1024 * 1024 }

    func page(_ request: Request) -> PageRequest {
        PageRequest(language: language, csrf: csrf, path: request.uri.path, user: account?.name)
    }
}
