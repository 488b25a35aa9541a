import Foundation
import GRDB
import HTTPTypes
import Kleroterion
import Testing
@testable import KleroterionWeb

@Suite("Web app: rendered pages kept until the next change")
struct PageCacheTests {
    @Test("A page seen again comes from the cache, with each browser's own CSRF token written in")
    func ownToken() async throws {
        let services = try makeServices()
        try await running(services) { first in
            let id = try await first.newAssembly()
            let page = "/assemblies/\(id)/register"   // it has a form, so the page holds the token
            let a = try await first.get(page)
            let hits = services.pages.hits
            let again = try await first.get(page)
            #expect(services.pages.hits == hits + 1, "the second view is served from the cache")
            #expect(again.body == a.body && again.body.contains(first.csrf))
            // Another browser (its own token cookie) gets the kept page with its token, never the first one's.
            let second = Browser(first.client)
            _ = try await second.get("/verify")
            #expect(!second.csrf.isEmpty && second.csrf != first.csrf)
            let theirs = try await second.get(page)
            #expect(services.pages.hits == hits + 2)
            #expect(theirs.body.contains(second.csrf) && !theirs.body.contains(first.csrf), "a token is never shown to another browser")
            #expect(theirs.body.replacingOccurrences(of: second.csrf, with: first.csrf) == a.body)
            // The form still works with the page's token.
            let renamed = try await second.post("/assemblies", [("name", "Tweede beraad"), ("municipality", "Zeist"), ("panelSize", "6"),
                                                                 ("referenceDate", "2026-01-01"), ("language", "nl")])
            #expect(renamed.status == .seeOther)
        }
    }

    @Test("Any change to the database makes every kept page stale at once")
    func staleAfterWrite() async throws {
        let services = try makeServices()
        try await running(services) { b in
            let id = try await b.newAssembly(name: "Eerste beraad")
            let home = try await b.get("/")
            #expect(home.body.contains("Eerste beraad") && !home.body.contains("Tweede beraad"))
            _ = try await b.get("/")
            _ = try await b.newAssembly(name: "Tweede beraad")
            let after = try await b.get("/")
            #expect(after.body.contains("Tweede beraad"), "the new assembly shows at once")
            // A job's progress is a write too: the register step's census, seen right after the mapping.
            _ = try await b.upload("/api/assemblies/\(id)/register", name: "brp.csv", bytes: brpRegister())
            let page = try await b.get("/assemblies/\(id)/register")
            #expect(page.body.contains("geslacht"), "the uploaded register's columns show at once")
        }
    }

    @Test("With accounts, a kept page is only ever shown to the account it was made for")
    func perAccount() async throws {
        let services = try makeServices()
        try Accounts.add(name: "organisator", password: "een lang wachtwoord", role: "organiser", data: services.settings.data)
        try Accounts.add(name: "waarnemer", password: "nog een lang wachtwoord", role: "observer", data: services.settings.data)
        try await running(try WebServices(settings: services.settings)) { b in
            _ = try await b.post("/login", [("name", "organisator"), ("password", "een lang wachtwoord")])
            let id = try await b.newAssembly()
            let organiser = try await b.get("/assemblies/\(id)")
            #expect(organiser.body.contains("<span class=\"user\">organisator</span>"))
            _ = try await b.post("/logout", [])
            #expect(try await b.get("/assemblies/\(id)").status == .seeOther, "logged out: to the log-in, not the kept page")
            _ = try await b.post("/login", [("name", "waarnemer"), ("password", "nog een lang wachtwoord")])
            let observer = try await b.get("/assemblies/\(id)")
            #expect(observer.body.contains("<span class=\"user\">waarnemer</span>") && !observer.body.contains("<span class=\"user\">organisator"))
        }
    }

    @Test("A kept page lasts at most a second (pages may say what time it is)")
    func lifetime() async throws {
        let services = try makeServices()
        try await running(services) { b in
            _ = try await b.get("/")
            _ = try await b.get("/")
            let hits = services.pages.hits
            try await Task.sleep(for: PageCache.lifetime + .milliseconds(100))
            _ = try await b.get("/")
            #expect(services.pages.hits == hits, "rendered afresh after its lifetime")
        }
    }
}
