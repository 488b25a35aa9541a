import Foundation
import Hummingbird
import Ink
import Kleroterion

/// Steps "commit and announce" and "draw": the commitment before the seed exists (`CommitWorkflow`), its
/// announcement, the draw with the public seed once the announced moment has passed (`DrawWorkflow`, once only),
/// the panel (private) and the representativeness report (public).
struct DrawRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        router.get("/assemblies/:id/commit") { request, context in try commitPage(request, context) }
        router.post("/assemblies/:id/commit") { request, context in try await commit(request, context) }
        router.get("/assemblies/:id/announcement") { request, context in try announcement(request, context) }
        router.get("/assemblies/:id/draw") { request, context in try drawPage(request, context) }
        router.post("/assemblies/:id/draw") { request, context in try await draw(request, context) }
        router.get("/assemblies/:id/panel") { request, context in try panel(request, context) }
        router.get("/assemblies/:id/panel.csv") { _, context in
            let a = try services.assembly(context)
            guard let folder = DrawRoutes.currentPanelFolder(a) else { throw HTTPError(.notFound) }
            return Reply.file(services.store.absolute(folder) + "/panel.csv", name: "panel.csv", type: "text/csv; charset=utf-8", personal: true)
        }
        router.get("/assemblies/:id/report") { _, context in
            let a = try services.assembly(context)
            guard let folder = DrawRoutes.currentPanelFolder(a),
                  let html = FileManager.default.contents(atPath: services.store.absolute(folder) + "/report.html") else { throw HTTPError(.notFound) }
            return Renderer.html(String(decoding: html, as: UTF8.self), personal: false)
        }
        router.get("/assemblies/:id/published.zip") { _, context in
            let a = try services.assembly(context)
            guard let folder = a.commitmentFolder else { throw HTTPError(.notFound) }
            let zip = try PublishedZip.make(commitment: services.store.absolute(folder), draw: a.drawFolder.map(services.store.absolute))
            var headers: HTTPFields = [.contentType: "application/zip", .cacheControl: "no-cache"]
            headers[.contentDisposition] = "attachment; filename=\"kleroterion-\(a.id!)-published.zip\""
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: zip)))
        }
    }

    /// The folder of the panel as it stands: after the latest replacement, else the draw.
    static func currentPanelFolder(_ a: Assembly) -> String? { a.replacementFolder ?? a.drawFolder }

    func commitPage(_ request: Request, _ context: WebContext, error: String? = nil) throws -> Response {
        let a = try services.assembly(context)
        var values: [String: Any] = ["id": a.id!, "error": error as Any, "ready": a.respondentsFile != nil && a.quotasFile != nil,
                                     "not_before_default": Self.local(Date().addingTimeInterval(7 * 86400))]
        if let folder = a.commitmentFolder {
            values["done"] = ["hash": Self.manifestHash(services.store.absolute(folder)), "not_before": a.drawNotBefore?.shown ?? ""]
        }
        return services.page("commit", WebText.word("step_commit", context.language), values, request, context, assembly: a,
                             status: error == nil ? .ok : .unprocessableContent)
    }

    func commit(_ request: Request, _ context: WebContext) async throws -> Response {
        let a = try services.assembly(context)
        let lang = context.language
        let form = try await Form.read(request, context)
        guard a.commitmentFolder == nil else { return try commitPage(request, context, error: WebText.word("already_committed", lang)) }
        guard let people = try services.stored(a.respondentsFile), let quotas = try services.stored(a.quotasFile) else {
            return try commitPage(request, context, error: WebText.word("commit_needs", lang))
        }
        var format = form["seedFormat"] ?? "dice:10"
        if format == "beacon:drand:ROUND" {
            guard let round = Int(form["drandRound"] ?? ""), round > 0 else { return try commitPage(request, context, error: WebText.word("bad_drand_round", lang)) }
            format = "beacon:drand:\(round)"
        }
        guard let notBefore = Self.parseLocal(form["notBefore"] ?? "") else { return try commitPage(request, context, error: WebText.word("bad_not_before", lang)) }
        var commit = CommitWorkflow.Request(people: people.path, quotas: quotas.path, panelSize: a.panelSize, seedFormat: format)
        commit.columns = try AssemblyPool.columns(a)
        commit.panels = Int(form["panels"] ?? "1000") ?? 0
        commit.seedSource = (form["seedSource"] ?? "") + " — " + WebText.word("not_before_phrase", a.language == "en" ? "en" : "nl") + " " + notBefore.shown
        commit.allowWeakSeed = format == "text"
        commit.householdColumns = try Self.householdColumns(a, people: people.path)
        do { try commit.validate() } catch let e as KleroterionError { return try commitPage(request, context, error: e.description) }
        let folder = services.store.newRunFolder(assembly: a.id!, step: "commitment")
        let services = services, assembly = a, request = commit
        let job = try services.jobs.start(assembly: a.id!, kind: "commit", language: lang, first: WebText.word("commit_running", lang)) { job in
            let result = try services.writeRun(folder, inputs: request.inputs) { files in
                do { return try CommitWorkflow.run(request, into: &files, events: job.events) } catch {
                    throw WebServices.named(WebServices.named(error, path: people.path, name: people.name), path: quotas.path, name: quotas.name)
                }
            }
            try services.db.change(assembly.id!) { a in
                a.commitmentFolder = folder
                a.drawNotBefore = notBefore
                a.seedSource = request.seedSource
            }
            try services.db.audit(assembly.id!, actor: "kleroterion", "lottery committed",
                                  "\(result.panels) panels, seed format \(request.seedFormat), fingerprint \(result.manifestHash)")
            let f = ReportFormat(lang == "en" ? .en : .nl)
            return WebText.word("commit_done", lang).replacingOccurrences(of: "{0}", with: f.count(result.panels))
                .replacingOccurrences(of: "{1}", with: f.count(result.distinctPanels)).replacingOccurrences(of: "{2}", with: f.count(assembly.panelSize))
                .replacingOccurrences(of: "{3}", with: f.count(result.poolCount)).replacingOccurrences(of: "{4}", with: result.manifestHash)
        }
        return Reply.redirect("/jobs/\(job)")
    }

    static func householdColumns(_ a: Assembly, people: String) throws -> [String] {
        let header = try CSVStream(path: people).header
        let mapped = try ColumnMapping(spec: a.columnMapping).renames(for: header)
        let names = Set(header.map { $0.lowercased() } + mapped.map { $0.canonical.lowercased() })
        return (a.householdColumns ?? "").split(separator: ",").map(String.init).filter { names.contains($0.lowercased()) }
    }

    func announcement(_ request: Request, _ context: WebContext) throws -> Response {
        let a = try services.assembly(context)
        guard let folder = a.commitmentFolder else { throw HTTPError(.notFound) }
        let dir = services.store.absolute(folder)
        let text = (try? String(contentsOfFile: dir + "/announcement.md", encoding: .utf8)) ?? ""
        return services.page("announcement", WebText.word("announcement", context.language),
                             ["id": a.id!, "html": MarkdownParser().html(from: text), "hash": Self.manifestHash(dir)], request, context, assembly: a)
    }

    func drawPage(_ request: Request, _ context: WebContext, error: String? = nil) throws -> Response {
        let a = try services.assembly(context)
        var values: [String: Any] = ["id": a.id!, "error": error as Any, "ready": a.commitmentFolder != nil,
                                     "not_before": a.drawNotBefore?.shown ?? "", "too_early": (a.drawNotBefore ?? .distantPast) > Date()]
        if let folder = a.commitmentFolder, let manifest = try? CommitmentFolder.load(services.store.absolute(folder)) {
            values["format"] = manifest.manifest.seed.format
        }
        if let seed = a.seed, let folder = a.drawFolder,
           let data = FileManager.default.contents(atPath: services.store.absolute(folder) + "/" + LotteryDraw.auditFile),
           let audit = try? LotteryDraw.readAudit(data, source: "audit.json") {
            values["done"] = ["seed": seed, "number": audit.panel]
        }
        return services.page("draw", WebText.word("step_draw", context.language), values, request, context, assembly: a,
                             status: error == nil ? .ok : .unprocessableContent)
    }

    func draw(_ request: Request, _ context: WebContext) async throws -> Response {
        let a = try services.assembly(context)
        let lang = context.language
        let form = try await Form.read(request, context)
        guard let commitment = a.commitmentFolder else { return try drawPage(request, context, error: WebText.word("draw_needs", lang)) }
        guard a.seed == nil else { return try drawPage(request, context, error: WebText.word("second_seed", lang)) }
        if let notBefore = a.drawNotBefore, Date() < notBefore {
            return try drawPage(request, context, error: WebText.word("too_early_refused", lang).replacingOccurrences(of: "{0}", with: notBefore.shown))
        }
        guard let seed = form["seed"], !seed.isEmpty else { return try drawPage(request, context, error: WebText.word("bad_seed", lang)) }
        var draw = DrawWorkflow.Request(commitment: services.store.absolute(commitment), seed: seed)
        draw.language = ReportLanguage(rawValue: a.language) ?? .nl
        do { _ = try CommitmentFolder.load(draw.commitment).canonicalSeed(seed) } catch let e as KleroterionError {
            return try drawPage(request, context, error: e.description)
        }
        let folder = commitment + "/draw"
        let services = services, assembly = a, request = draw
        let job = try services.jobs.start(assembly: a.id!, kind: "draw", language: lang, first: WebText.word("draw_running", lang)) { job in
            let result = try services.writeRun(folder, inputs: request.inputs) { try DrawWorkflow.run(request, into: &$0, events: job.events) }
            try services.db.change(assembly.id!) { a in
                a.seed = seed
                a.drawFolder = folder
            }
            try services.db.audit(assembly.id!, actor: "kleroterion", "panel drawn", "seed \"\(seed)\", panel \(result.panelNumber) of \(result.panelCount)")
            return WebText.word("draw_done", lang).replacingOccurrences(of: "{0}", with: String(result.panelNumber))
                .replacingOccurrences(of: "{1}", with: String(result.panelCount))
        }
        try services.db.audit(a.id!, actor: services.actor(context), "seed entered", seed)
        return Reply.redirect("/jobs/\(job)")
    }

    func panel(_ request: Request, _ context: WebContext) throws -> Response {
        let a = try services.assembly(context)
        guard let folder = Self.currentPanelFolder(a) else { return Reply.redirect("/assemblies/\(a.id!)/draw") }
        let table = try CSVReader.read(path: services.store.absolute(folder) + "/panel.csv")
        return services.page("panel", WebText.word("panel", context.language),
                             ["id": a.id!, "count": table.rows.count, "header": table.header, "rows": table.rows.map { ["cells": $0] }],
                             request, context, assembly: a, personal: true)
    }

    static func manifestHash(_ folder: String) -> String { (try? CommitmentFolder.load(folder).manifestHash) ?? "" }

    /// The browser's `datetime-local` value (local time, minutes).
    static func parseLocal(_ text: String) -> Date? { LocalTime.parse(text) }

    static func local(_ date: Date) -> String { LocalTime.text(date, separator: "T") }
}
