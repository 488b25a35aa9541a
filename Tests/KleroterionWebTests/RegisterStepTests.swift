import Foundation
import GRDB
import Kleroterion
import Testing
@testable import KleroterionWeb

@Suite("Web app: new assembly, register, census")
struct RegisterStepTests {
    @Test("Pages are Dutch by default and English after the language switch")
    func language() async throws {
        try await running(try makeServices()) { b in
            let nl = try await b.get("/")
            #expect(nl.status == .ok)
            #expect(nl.body.contains("Nieuw burgerberaad") && nl.body.contains("lang=\"nl\""))
            let en = try await b.get("/?lang=en")
            #expect(en.body.contains("New assembly") && en.body.contains("lang=\"en\""))
            let again = try await b.get("/")
            #expect(again.body.contains("New assembly"), "the choice is kept in a cookie")
        }
    }

    @Test("A form without the CSRF token changes nothing")
    func csrf() async throws {
        let services = try makeServices()
        try await running(services) { b in
            _ = try await b.get("/")
            let page = try await b.post("/assemblies", [("name", "X"), ("municipality", "Y"), ("panelSize", "5"), ("referenceDate", "2026-01-01")], csrf: false)
            #expect(page.status == .forbidden)
            let forged = try await b.request("/assemblies", .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                             body: .init(string: "csrf=" + String(repeating: "0", count: 64) + "&name=X&municipality=Y&panelSize=5&referenceDate=2026-01-01"))
            #expect(forged.status == .forbidden)
        }
        #expect(try await services.db.pool.read { try Assembly.fetchCount($0) } == 0)
    }

    @Test("A new assembly is created and logged; bad fields say what to fix and store nothing")
    func newAssembly() async throws {
        let services = try makeServices()
        try await running(services) { b in
            let id = try await b.newAssembly()
            let overview = try await b.get("/assemblies/\(id)")
            #expect(overview.body.contains("Burgerberaad Test") && overview.body.contains("assembly created"))
            for (field, value, words) in [("panelSize", "0", "aantal zetels"), ("referenceDate", "2026-13-01", "peildatum"), ("name", "", "naam ontbreekt")] {
                var fields = [("name", "A"), ("municipality", "Zeist"), ("panelSize", "10"), ("referenceDate", "2026-01-01")]
                fields.removeAll { $0.0 == field }
                fields.append((field, value))
                let page = try await b.post("/assemblies", fields)
                #expect(page.status == .unprocessableContent)
                #expect(page.body.lowercased().contains(words), "\(field): \(page.body.prefix(200))")
            }
        }
        #expect(try await services.db.pool.read { try Assembly.fetchCount($0) } == 1)
    }

    @Test("The register is stored by its SHA-256, its BRP headers are recognised, and the census counts it")
    func registerAndCensus() async throws {
        let services = try makeServices()
        try await running(services) { b in
            let id = try await b.newAssembly()
            let up = try await b.upload("/api/assemblies/\(id)/register", name: "brp-uittreksel.csv", bytes: brpRegister())
            #expect(up.status == .created, "\(up.body)")
            let page = try await b.get("/assemblies/\(id)/register")
            #expect(page.headers[.cacheControl] == "no-store", "a page with personal data is not cached")
            #expect(page.body.contains("brp-uittreksel.csv"))
            // geslacht is suggested as gender, wijk as district.
            #expect(page.body.contains(#"<option value="gender" selected>"#) && page.body.contains(#"<option value="district" selected>"#))
            let mapped = try await b.post("/assemblies/\(id)/register/mapping", [
                ("col0", "id"), ("col1", "gender"), ("col2", "birth_date"), ("col3", "street"), ("col4", "house_number"),
                ("col5", "postcode"), ("col6", "district"), ("address", "street"), ("address", "house_number"), ("address", "postcode"),
                ("minAge", "16")])
            #expect(mapped.status == .seeOther)
            let jobID = Int64(mapped.location!.split(separator: "/").last!)!
            let job = try services.jobs.wait(jobID)
            #expect(job?.state == .done, "\(job?.message ?? "")")
            let census = try #require(try services.db.assembly(id)?.censusJSON)
            let summary = try JSONDecoder().decode(RegisterSummary.self, from: Data(census.utf8))
            #expect(summary.residents == 40)
            #expect(summary.addresses == 30)
            #expect(summary.breakdown.map(\.residents).reduce(0, +) == summary.eligible)
            #expect(summary.eligible + summary.tooYoung + summary.tooOld == 40)
            let shown = try await b.get("/assemblies/\(id)/register")
            #expect(shown.body.contains("Austerlitz"))
        }
    }

    @Test("A file that cannot be read stores nothing and says why")
    func badUpload() async throws {
        let services = try makeServices()
        try await running(services) { b in
            let id = try await b.newAssembly()
            let empty = try await b.upload("/api/assemblies/\(id)/register", name: "leeg.csv", bytes: [])
            #expect(empty.status == .unprocessableContent && empty.body.contains("leeg.csv"))
            let utf16 = try await b.upload("/api/assemblies/\(id)/register", name: "excel.csv", bytes: [0xFF, 0xFE, 0x61, 0x00, 0x2C, 0x00])
            #expect(utf16.status == .unprocessableContent, "\(utf16.body)")
            #expect(utf16.body.contains("excel.csv") && !utf16.body.contains("/files/"), "named as uploaded, not by the store's path: \(utf16.body)")
        }
        let stored = try FileManager.default.contentsOfDirectory(atPath: services.store.files).filter { !$0.hasPrefix(".") }
        #expect(stored.isEmpty)
        #expect(try services.db.assembly(1)?.registerFile == nil)
    }

    @Test("After a restart a running job is failed and a half upload is gone")
    func restart() async throws {
        let services = try makeServices()
        try await services.db.pool.write { db in
            var a = Assembly(name: "A", municipality: "Z", panelSize: 5, referenceDate: "2026-01-01", language: "nl")
            try a.insert(db)
            var job = Job(assemblyID: a.id!, kind: "commit", state: .running, progress: "…", createdAt: Date())
            try job.insert(db)
        }
        _ = FileManager.default.createFile(atPath: services.store.files + "/.incoming/half", contents: Data("x".utf8))
        let again = try WebServices(settings: services.settings)
        let job = try await again.db.pool.read { try Job.fetchOne($0, key: 1) }
        #expect(job?.state == .failed)
        #expect(!FileManager.default.fileExists(atPath: services.store.files + "/.incoming/half"))
    }
}
