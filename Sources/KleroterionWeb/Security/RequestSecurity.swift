import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Kleroterion

/// Language, CSRF and cookie handling for every request.
///
/// CSRF: a random token in the `kl_csrf` cookie (SameSite=Strict) must come back with every state-changing request,
/// as the form field `csrf` or the `X-CSRF-Token` header. Requests whose content type a cross-site form cannot send
/// (JSON, CSV, ZIP: a browser would first ask with CORS, which this app never allows) are API calls and pass without
/// it; with accounts, they still need a session.
struct RequestSecurity: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        if let lang = request.uri.queryParameters["lang"].map(String.init), WebText.languages.contains(lang) {
            context.language = lang
            context.newCookies.append(Cookie(name: "kl_lang", value: lang, maxAge: 365 * 86400, path: "/", httpOnly: true, sameSite: .lax))
        } else if let lang = request.cookies["kl_lang"]?.value, WebText.languages.contains(lang) {
            context.language = lang
        }
        if let token = request.cookies["kl_csrf"]?.value, token.count == 64 {
            context.csrf = token
        } else {
            context.csrf = Self.randomToken()
            context.newCookies.append(Cookie(name: "kl_csrf", value: context.csrf, path: "/", httpOnly: true, sameSite: .strict))
        }
        // Only a POST can come from a cross-site form (a form cannot PUT or DELETE; a script from elsewhere would
        // need CORS, which this app never allows), so only a POST needs the token.
        var formUpload: FormUpload.Active?
        if request.method == .post {
            let type = request.headers[.contentType]?.lowercased() ?? ""
            let simple = type.isEmpty || type.hasPrefix("application/x-www-form-urlencoded") || type.hasPrefix("multipart/form-data") || type.hasPrefix("text/plain")
            if simple {
                var sent = request.headers[HTTPField.Name("X-CSRF-Token")!]
                if sent == nil, type.hasPrefix("application/x-www-form-urlencoded") {
                    let body = try await request.collectBody(upTo: context.maxUploadSize)
                    sent = Self.formField("csrf", in: String(buffer: body))
                } else if sent == nil, FormUpload.isForm(request), let converted = try await FormUpload.convert(request) {
                    // An upload form sent without JavaScript: its token comes before the file.
                    sent = converted.fields["csrf"]
                    formUpload = FormUpload.Active(back: FormUpload.back(request), language: context.language)
                    request = converted.request
                }
                guard let sent, !context.csrf.isEmpty, Self.constantTimeEqual(sent, context.csrf),
                      request.cookies["kl_csrf"] != nil else {
                    return Renderer.html(ErrorPage.plain(WebText.word("csrf_failed", context.language)), status: .forbidden, personal: false)
                }
            }
        }
        var response: Response
        do {
            response = try await FormUpload.$active.withValue(formUpload) { try await next(request, context) }
        } catch {
            response = Self.errorResponse(error, path: request.uri.path, language: context.language, form: formUpload)
        }
        // Whatever needs a log-in may show personal data (or will, once the register is in): never kept in a
        // cache, on any route, so that a page added later cannot forget it.
        if !AccountMiddleware.isPublic(request.uri.path) { response.headers[.cacheControl] = "no-store" }
        for cookie in context.newCookies { response.setCookie(cookie) }
        return response
    }

    /// Every error as a page (or, for the API, as JSON) in plain words, never a stack trace: a missing page is 404,
    /// a bad input 422 with its fix, anything unexpected 500 with what to do.
    static func errorResponse(_ error: any Error, path: String, language: String, form: FormUpload.Active? = nil) -> Response {
        let status: HTTPResponse.Status, message: String
        switch error {
        case let e as HTTPError:
            status = e.status
            message = e.body ?? (e.status == .notFound ? WebText.word("not_found", language) : e.status.reasonPhrase)
        case let e as KleroterionError:
            (status, message) = (.unprocessableContent, e.description)
        default:
            (status, message) = (.internalServerError, WebText.word("unexpected", language))
        }
        if let form, status != .notFound { return FormUpload.errorPage(message, back: form.back, language: language, status: status) }
        if path.hasPrefix("/api/") {
            return (try? Reply.json(Reply.Problem(error: message), status: status)) ?? Response(status: status)
        }
        return Renderer.html(ErrorPage.plain(message), status: status, personal: false)
    }

    static func randomToken() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
    }

    static func formField(_ name: String, in body: String) -> String? {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.first == name { return parts.count > 1 ? (parts[1].removingPercentEncoding ?? parts[1]) : "" }
        }
        return nil
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// A minimal HTML page for errors that happen before a page can be rendered.
enum ErrorPage {
    static func plain(_ text: String) -> String {
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Kleroterion</title><link rel=\"stylesheet\" href=\"/static/app.css\"></head><body><main><p class=\"error\" role=\"alert\">" + PublishedText.escapeHTML(text) + "</p><p><a href=\"/\">Kleroterion</a></p></main></body></html>"
    }

}
