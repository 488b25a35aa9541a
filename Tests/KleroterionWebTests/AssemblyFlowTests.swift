import Foundation
import GRDB
import HTTPTypes
import Kleroterion
import Synchronization
import Testing
import ZIPFoundation
@testable import KleroterionWeb

/// The names of the files in a zip.
enum ZipNames {
    static func list(_ bytes: [UInt8]) throws -> [String] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        return archive.map(\.path)
    }
}

/// A small assembly through every step's routes (the browser test does the Zeist one through the pages).
@Suite("Web app: every step's routes, with their refusals")
struct AssemblyFlowTests {
    /// Quotas for 6 seats on the small register: gender 3/3, no district constraint beyond 0…6.
    static let quotas = "feature,value,min,max\ngender,man,3,3\ngender,vrouw,3,3\ndistrict,Austerlitz,0,6\ndistrict,Centrum,0,6\n"

    @Test("Register → quotas → invitations → registrations → commit → draw → drop-out → verify")
    func wholeAssembly() async throws {
        let services = try makeServices()
        try await running(services) { b in
            let id = try await b.newAssembly(size: 6)
            _ = try await b.upload("/api/assemblies/\(id)/register", name: "brp.csv", bytes: brpRegister())
            let mapped = try await b.post("/assemblies/\(id)/register/mapping", [
                ("col0", "id"), ("col1", "gender"), ("col2", "birth_date"), ("col3", "street"), ("col4", "house_number"),
                ("col5", "postcode"), ("col6", "district"), ("address", "street"), ("address", "house_number"), ("address", "postcode"), ("minAge", "16")])
            _ = try services.jobs.wait(Int64(mapped.location!.split(separator: "/").last!)!)

            // Quotas: a bad file stores nothing; a good one shows the arithmetic verdict.
            let bad = try await b.upload("/api/assemblies/\(id)/quotas", name: "quota.csv", bytes: Array("feature,value,min\ngender,man,x\n".utf8))
            #expect(bad.status == .unprocessableContent && bad.body.contains("quota.csv"))
            #expect(try services.db.assembly(id)?.quotasFile == nil)
            let tooMany = try await b.upload("/api/assemblies/\(id)/quotas", name: "q.csv", bytes: Array("feature,value,min,max\ngender,man,4,6\ngender,vrouw,4,6\n".utf8))
            #expect(tooMany.status == .created)
            let verdict = try await b.get("/assemblies/\(id)/quotas")
            #expect(verdict.body.contains("vragen de minimums samen 8 zetels"), "the conflict in plain words")
            #expect(try await b.upload("/api/assemblies/\(id)/quotas", name: "q.csv", bytes: Array(Self.quotas.utf8)).status == .created)
            let edited = try await b.post("/assemblies/\(id)/quotas/table", [("min0", "3"), ("max0", "2"), ("min1", "3"), ("max1", "3"), ("min2", "0"), ("max2", "6"), ("min3", "0"), ("max3", "6")])
            #expect(edited.status == .unprocessableContent, "a minimum above its maximum is refused")

            // Invitations with reply codes.
            let invite = try await b.post("/assemblies/\(id)/invitations", [("count", "30"), ("seed", "letters"), ("one_per_address", "on"), ("strata", "district")])
            let job = try #require(try services.jobs.wait(Int64(invite.location!.split(separator: "/").last!)!))
            #expect(job.state == .done, "\(job.message ?? "")")
            let letters = try await b.get("/assemblies/\(id)/invitations/letters.csv")
            #expect(letters.headers[.cacheControl] == "no-store")
            let table = try CSVReader.parse(Array(letters.body.utf8), source: "letters.csv")
            let code = try table.requireColumn("reply_code")
            #expect(table.rows.count == 30 && Set(table.rows.map { $0[code] }).count == 30, "one distinct code per letter")

            // Registrations: all letters come back, with one unknown code and one second registration flagged.
            var csv = "reply_code,education\n" + table.rows.map { $0[code].lowercased() + ",hoog" }.joined(separator: "\n")
            csv += "\nQQQQ-QQQQ,laag\n" + table.rows[0][code] + ",laag\n"
            let up = try await b.upload("/api/assemblies/\(id)/respondents", name: "aanmeldingen.csv", bytes: Array(csv.utf8))
            #expect(up.status == .created, "\(up.body)")
            let reg = try await b.get("/assemblies/\(id)/registrations")
            #expect(reg.body.contains("QQQQ-QQQQ") && reg.body.contains("al aangemeld"))
            let unknown = try await b.post("/assemblies/\(id)/registrations/add", [("code", "AAAA-AAAA"), ("f-education", "laag")])
            #expect(unknown.body.contains("hoort bij geen enkele brief"))

            // Commit; a draw before the announced moment is refused; after it, the draw; a second seed is refused.
            let later = Date().addingTimeInterval(3600)
            let commit = try await b.post("/assemblies/\(id)/commit", [("seedFormat", "dice:10"), ("seedSource", "dobbelsteen"),
                                                                      ("notBefore", DrawRoutes.local(later)), ("panels", "50")])
            let committed = try #require(try services.jobs.wait(Int64(commit.location!.split(separator: "/").last!)!))
            #expect(committed.state == .done, "\(committed.message ?? "")")
            let again = try await b.post("/assemblies/\(id)/commit", [("seedFormat", "dice:10"), ("seedSource", "x"), ("notBefore", "2020-01-01T00:00")])
            #expect(again.status == .unprocessableContent, "a commitment is never replaced")
            let early = try await b.post("/assemblies/\(id)/draw", [("seed", "1 2 3 4 5 6 1 2 3 4")])
            #expect(early.status == .unprocessableContent && early.body.contains("te vroeg"))
            var a = try #require(try services.db.assembly(id))
            a.drawNotBefore = Date().addingTimeInterval(-1)
            try services.db.update(a)
            let badSeed = try await b.post("/assemblies/\(id)/draw", [("seed", "1 2 3")])
            #expect(badSeed.status == .unprocessableContent, "a seed that is not ten dice is refused before drawing")
            let draw = try await b.post("/assemblies/\(id)/draw", [("seed", "1 2 3 4 5 6 1 2 3 4")])
            let drawn = try #require(try services.jobs.wait(Int64(draw.location!.split(separator: "/").last!)!))
            #expect(drawn.state == .done, "\(drawn.message ?? "")")
            let second = try await b.post("/assemblies/\(id)/draw", [("seed", "6 6 6 6 6 6 6 6 6 6")])
            #expect(second.status == .unprocessableContent && second.body.contains("tweede startgetal"))
            let panel = try await b.get("/assemblies/\(id)/panel.csv")
            let members = try CSVReader.parse(Array(panel.body.utf8), source: "panel.csv")
            #expect(members.rows.count == 6)
            let report = try await b.get("/assemblies/\(id)/report")
            #expect(report.status == .ok && report.headers[.cacheControl] != "no-store")

            // One drop-out.
            let idColumn = try members.requireColumn("id")   // panel.csv has the mapped names
            let gone = members.rows[0][idColumn]
            let replace = try await b.post("/assemblies/\(id)/dropouts", [("dropout", gone), ("seed", "vervanging")])
            let replaced = try #require(try services.jobs.wait(Int64(replace.location!.split(separator: "/").last!)!))
            #expect(replaced.state == .done, "\(replaced.message ?? "")")
            let after = try CSVReader.parse(Array(try await b.get("/assemblies/\(id)/panel.csv").body.utf8), source: "panel.csv")
            #expect(after.rows.count == 6 && !after.rows.contains { $0[idColumn] == gone })

            // The app's own published zip verifies with the seed on the public route, and holds no register id.
            let zip = try await b.get("/assemblies/\(id)/published.zip")
            #expect(zip.status == .ok && !zip.bytes.isEmpty)
            let checked = try await b.request("/api/verify?seed=1%202%203%204%205%206%201%202%203%204", .put,
                                              headers: [.contentType: "application/zip"], body: .init(bytes: zip.bytes))
            #expect(checked.body.contains("\"verified\":true"), "\(checked.body)")
            let names = try ZipNames.list(zip.bytes)
            #expect(names.contains("manifest.json") && names.contains("draw/audit.json") && !names.contains { $0.contains("pseudonyms.csv") && $0.hasPrefix("private") })
        }
    }

    @Test("The published zip verifies on the public page with its seed, and not with another")
    func verifyZip() async throws {
        let services = try makeServices()
        let dir = NSTemporaryDirectory() + "kleroterion-zip-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let people = dir + "/people.csv", quotas = dir + "/quotas.csv"
        var rows = ["id,gender,address"]
        for i in 0..<20 { rows.append("P\(i),\(i % 2 == 0 ? "man" : "vrouw"),A\(i)") }
        try rows.joined(separator: "\n").write(toFile: people, atomically: true, encoding: .utf8)
        try "feature,value,min,max\ngender,man,2,2\ngender,vrouw,2,2\n".write(toFile: quotas, atomically: true, encoding: .utf8)
        var commit = CommitWorkflow.Request(people: people, quotas: quotas, panelSize: 4, seedFormat: "dice:10")
        commit.panels = 20
        var files = OutputFiles(directory: dir + "/c", placement: .newFolder, inputs: RunInputs(commit.inputs))
        _ = try CommitWorkflow.run(commit, into: &files)
        try files.commit()
        var drawFiles = OutputFiles(directory: dir + "/c/draw")
        _ = try DrawWorkflow.run(DrawWorkflow.Request(commitment: dir + "/c", seed: "1 2 3 4 5 6 1 2 3 4"), into: &drawFiles)
        try drawFiles.commit()
        let zip = try PublishedZip.make(commitment: dir + "/c", draw: dir + "/c/draw")
        try await running(services) { b in
            let ok = try await b.request("/api/verify?seed=1%202%203%204%205%206%201%202%203%204", .put,
                                         headers: [.contentType: "application/zip"], body: .init(data: zip))
            #expect(ok.status == .ok && ok.body.contains("\"verified\":true"), "\(ok.body)")
            #expect(!ok.body.contains("P1,") && !ok.body.contains(dir), "no register id and no server path in the findings")
            let wrong = try await b.request("/api/verify?seed=6%206%206%206%206%206%206%206%206%206", .put,
                                            headers: [.contentType: "application/zip"], body: .init(data: zip))
            #expect(wrong.status == .ok && wrong.body.contains("\"verified\":false"))
            let notZip = try await b.request("/api/verify?seed=1", .put, headers: [.contentType: "application/zip"], body: .init(string: "no zip"))
            #expect(notZip.status == .unprocessableContent && notZip.body.contains("zip"))
            let page = try await b.get("/verify?result=1")
            #expect(page.body.contains("Gecontroleerd"))
        }
        let names = try ZipNames.list(Array(zip))
        #expect(!names.contains { $0.hasPrefix("private") }, "the pseudonym key stays out of the published zip: \(names)")
    }

    @Test("With accounts: log-in needed, observers only look, the public pages stay open")
    func accounts() async throws {
        let services = try makeServices()
        try Accounts.add(name: "organisator", password: "een lang wachtwoord", role: "organiser", data: services.settings.data)
        try Accounts.add(name: "waarnemer", password: "nog een lang wachtwoord", role: "observer", data: services.settings.data)
        #expect(throws: KleroterionError.self) { try Accounts.add(name: "kort", password: "kort", role: "organiser", data: services.settings.data) }
        let fresh = try WebServices(settings: services.settings)
        try await running(fresh) { b in
            let home = try await b.get("/")
            #expect(home.status == .seeOther && home.location?.hasPrefix("/login") == true)
            #expect(try await b.get("/api/assemblies").status == .unauthorized)
            #expect(try await b.get("/verify").status == .ok, "the check of a draw needs no log-in")
            _ = try await b.get("/login")
            let wrong = try await b.post("/login", [("name", "organisator"), ("password", "fout")])
            #expect(wrong.status == .unauthorized)
            let right = try await b.post("/login", [("name", "organisator"), ("password", "een lang wachtwoord"), ("next", "/")])
            #expect(right.status == .seeOther)
            #expect(try await b.get("/").status == .ok)
            _ = try await b.newAssembly()
            _ = try await b.post("/logout", [])
            _ = try await b.post("/login", [("name", "waarnemer"), ("password", "nog een lang wachtwoord")])
            #expect(try await b.get("/assemblies/1").status == .ok, "an observer may look")
            let create = try await b.post("/assemblies", [("name", "X"), ("municipality", "Y"), ("panelSize", "5"), ("referenceDate", "2026-01-01")])
            #expect(create.status == .forbidden, "an observer may not change anything")
        }
        #expect(try await fresh.db.pool.read { try Assembly.fetchCount($0) } == 1)
    }

    @Test("A log-in survives a restart of the server; a log-out ends it; the database holds no usable session id")
    func sessionsSurviveRestart() async throws {
        let services = try makeServices()
        try Accounts.add(name: "organisator", password: "een lang wachtwoord", role: "organiser", data: services.settings.data)
        let cookies = Mutex<[String: String]>([:])
        try await running(try WebServices(settings: services.settings)) { b in
            _ = try await b.get("/login")
            let right = try await b.post("/login", [("name", "organisator"), ("password", "een lang wachtwoord"), ("next", "/")])
            #expect(right.status == .seeOther)
            #expect(try await b.get("/").status == .ok)
            cookies.withLock { $0 = b.cookies }
        }
        let saved = cookies.withLock { $0 }
        let sessionID = try #require(saved["SESSION_ID"], "the log-in sets the session cookie: \(saved.keys)")
        let stored = try await services.db.pool.read { try String.fetchAll($0, sql: "SELECT keyHash FROM session") }
        #expect(stored.count == 1 && !stored.contains { $0.contains(sessionID) || sessionID.contains($0) },
                "only a hash of the session id is stored")
        // A new server process on the same data folder: the same cookie is still logged in.
        try await running(try WebServices(settings: services.settings)) { b in
            b.cookies = saved
            #expect(try await b.get("/").status == .ok, "the log-in survives the restart")
            _ = try await b.post("/logout", [])
            b.cookies = saved
            let after = try await b.get("/")
            #expect(after.status == .seeOther && after.location?.hasPrefix("/login") == true, "a logged-out session stays out")
        }
    }

    @Test("The quota page lists the templates with their titles in the page's language")
    func templateTitles() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var settings = try makeServices().settings
        settings.templateDirectories = [root.appendingPathComponent("strata-templates").path]
        try await running(try WebServices(settings: settings)) { b in
            let id = try await b.newAssembly()
            _ = try await b.upload("/api/assemblies/\(id)/register", name: "brp.csv", bytes: brpRegister())
            let nl = try await b.get("/assemblies/\(id)/quotas?lang=nl").body
            #expect(nl.contains("Nederlandse gemeente - leeftijd") && !nl.contains("Dutch municipality"), "Dutch titles")
            let en = try await b.get("/assemblies/\(id)/quotas?lang=en").body
            #expect(en.contains("Dutch municipality - age band") && !en.contains("Nederlandse gemeente"), "English titles")
        }
    }

    @Test("docs/openapi.yaml is the document the app serves")
    func openAPI() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let docs = try String(contentsOf: root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        #expect(docs == WebApp.openAPI, "regenerate it: kleroterion serve --print-openapi > docs/openapi.yaml")
    }

    @Test("Every word a template names is written into it, escaped, in each language")
    func wordsWrittenIn() {
        for language in WebText.languages {
            for (name, text) in PageTemplates.all {
                let done = Renderer.withWords(text, language: language)
                #expect(!done.contains("{{t.") && !done.contains("{{{t."), "\(name) (\(language)) names a word that does not exist")
            }
        }
        #expect(Renderer.withWords("<p title=\"{{t.app}}\">{{t.csrf_failed}}</p>{{x}}", language: "en")
                == "<p title=\"Kleroterion\">" + PublishedText.escapeHTML(WebText.word("csrf_failed", "en")) + "</p>{{x}}")
    }

    @Test("Every page word exists in Dutch and in English")
    func words() {
        #expect(Set(WebText.dutch.keys) == Set(WebText.english.keys),
                "missing in English: \(Set(WebText.dutch.keys).subtracting(WebText.english.keys)); in Dutch: \(Set(WebText.english.keys).subtracting(WebText.dutch.keys))")
    }
}
