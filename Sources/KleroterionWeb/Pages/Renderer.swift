import Foundation
import HTTPTypes
import Hummingbird
import Kleroterion
import Mustache

/// Renders the pages: a page's own template inside the common layout (header, language switch, steps, footer).
///
/// Every value is HTML-escaped by Mustache's `{{…}}`; only `{{{content}}}` (HTML this app rendered itself) and the
/// published report (the library's escaped HTML) are inserted as they are.
public struct Renderer: Sendable {
    /// The templates per page language, with the page words already written in.
    let libraries: [String: MustacheLibrary]

    public init() throws {
        var libraries: [String: MustacheLibrary] = [:]
        for language in WebText.languages {
            var library = MustacheLibrary()
            for (name, text) in PageTemplates.all {
                try library.register(Self.withWords(text, language: language), named: name)
            }
            libraries[language] = library
        }
        self.libraries = libraries
    }

    /// The template with every `{{t.key}}` replaced by its word, escaped as Mustache would escape it. The words
    /// never change while the server runs, and looking each one up on every view was most of a page's rendering
    /// (perf under bench-serve). `t` is still passed to the templates, for a word inside a section's own context.
    static func withWords(_ template: String, language: String) -> String {
        let words = WebText.words(language)
        var out = "", rest = Substring(template)
        while let open = rest.range(of: "{{t.") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "}}"), let word = words[String(after[..<close.lowerBound])] ?? WebText.dutch[String(after[..<close.lowerBound])] else {
                out += rest[open]
                rest = after
                continue
            }
            out += PublishedText.escapeHTML(word)
            rest = after[close.upperBound...]
        }
        return out + rest
    }

    /// One page. `context` holds the page's own values; the words (`t`), the language and the CSRF token are added.
    func page(_ template: String, title: String, context: [String: Any], request: PageRequest,
              assembly: Assembly? = nil, personal: Bool = false, status: HTTPResponse.Status = .ok) -> Response {
        // The words (hundreds of plain strings) are added after `decorate`: walking them on every page, with a
        // reflection per value, took a third of a page's time under load (perf, bench-serve).
        let words = WebText.words(request.language)
        var values = Self.decorate(context) as? [String: Any] ?? [:]
        values["t"] = words
        values["lang"] = request.language
        values["csrf"] = request.csrf
        let library = libraries[request.language] ?? libraries["nl"]!
        let content = library.render(values, withTemplate: template) ?? ""
        var page: [String: Any] = [
            "lang": request.language, "title": title, "content": content, "csrf": request.csrf,
            "other_lang": request.language == "en" ? "nl" : "en", "path": request.path, "personal": personal,
            "user": request.user ?? "",
        ]
        if let assembly, let id = assembly.id {
            page["assembly"] = ["id": id, "name": assembly.name]
            page["steps"] = StepList.items(assembly, language: request.language, current: request.path)
        }
        page = Self.decorate(page) as? [String: Any] ?? page
        page["t"] = words
        let html = library.render(page, withTemplate: "layout") ?? content
        return Self.html(html, status: status, personal: personal)
    }

    /// Adds `has_NAME` (true when non-empty) beside every list, at every level, so that a template can say
    /// `{{#has_rows}}<table>…{{/has_rows}}` (Mustache has no test for an empty list around a section).
    static func decorate(_ value: Any) -> Any {
        if let dict = value as? [String: Any] {
            var out: [String: Any] = [:]
            for (k, v) in dict where !isNil(v) {
                out[k] = decorate(v)
                if let list = v as? [Any] { out["has_" + k] = !list.isEmpty }
            }
            return out
        }
        if let list = value as? [Any] { return list.map(decorate) }
        return value
    }

    /// An absent optional (`error as Any` with no error): left out, so that `{{#error}}` is an empty section.
    static func isNil(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        return mirror.displayStyle == .optional && mirror.children.isEmpty
    }

    /// An HTML response; pages with personal data are never stored by a browser or a proxy.
    static func html(_ html: String, status: HTTPResponse.Status = .ok, personal: Bool) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        headers[.cacheControl] = personal ? "no-store" : "no-cache"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("Content-Security-Policy")!] = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// What a page needs to know about the request: language, CSRF token, the logged-in user.
struct PageRequest {
    var language: String
    var csrf: String
    var path: String
    var user: String?
}

/// The steps of an assembly, with their state, for the side bar of every assembly page.
enum StepList {
    static func items(_ a: Assembly, language: String, current: String) -> [[String: Any]] {
        let id = a.id ?? 0
        let steps: [(String, String, Bool, Bool)] = [
            ("register", "step_register", a.censusJSON != nil, true),
            ("quotas", "step_quotas", a.quotasFile != nil, a.registerFile != nil),
            ("invitations", "step_invitations", a.invitationsFolder != nil, a.registerFile != nil),
            ("registrations", "step_registrations", a.respondentsFile != nil, true),
            ("commit", "step_commit", a.commitmentFolder != nil, a.respondentsFile != nil && a.quotasFile != nil),
            ("draw", "step_draw", a.drawFolder != nil, a.commitmentFolder != nil),
            ("dropouts", "step_dropouts", a.replacementFolder != nil, a.drawFolder != nil),
            ("privacy", "step_privacy", a.personalDataDeletedAt != nil, true),
        ]
        return steps.map { slug, key, done, ready in
            let href = "/assemblies/\(id)/\(slug)"
            return ["href": href, "label": WebText.word(key, language), "done": done, "ready": ready,
                    "state": WebText.word(done ? "done" : (ready ? "todo" : "waiting"), language),
                    "current": current == href]
        }
    }
}
