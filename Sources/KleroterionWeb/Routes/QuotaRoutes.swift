import Foundation
import Synchronization
import Hummingbird
import Kleroterion

/// Step "groups and quotas": derive the quotas from a template and the register (or upload a quotas file), edit the
/// table, and see at once whether a panel can meet it, with the smallest relaxation offered as a button.
struct QuotaRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        router.get("/assemblies/:id/quotas") { request, context in try page(request, context) }
        router.post("/assemblies/:id/quotas/derive") { request, context in try await derive(request, context) }
        router.post("/assemblies/:id/quotas/table") { request, context in try await table(request, context) }
        router.post("/assemblies/:id/quotas/relax") { request, context in try relax(request, context) }
        router.upload("/api/assemblies/:id/quotas") { request, context in try await upload(request, context) }
        router.get("/api/assemblies/:id/quotas") { _, context in
            let a = try services.assembly(context)
            guard let (path, _) = try services.stored(a.quotasFile) else { throw HTTPError(.notFound) }
            return Reply.file(path, name: "quotas.csv", type: "text/csv; charset=utf-8", personal: false)
        }
        router.get("/api/assemblies/:id/feasibility") { _, context in
            let a = try services.assembly(context)
            return try Reply.json(try Verdict.compute(a, services: services, language: context.language).view)
        }
    }

    func page(_ request: Request, _ context: WebContext, error: String? = nil, saved: Bool = false) throws -> Response {
        let a = try services.assembly(context)
        let lang = context.language
        var values: [String: Any] = [
            "id": a.id!, "error": error as Any, "saved": saved, "has_register": a.registerFile != nil,
            "templates": Templates.list(services.settings.templateDirectories).map { t in
                ["name": t.name, "title": t.titles[lang] ?? t.name, "selected": t.name == (a.templateName ?? "nl-gemeente")] },
            "shares": Templates.shares(services.settings.templateDirectories).map { ["name": $0] },
            "upload": Upload.form("/api/assemblies/\(a.id!)/quotas", field: "quotas", label: WebText.word("quotas_file", lang)),
        ]
        if let (path, _) = try services.stored(a.quotasFile), let quotas = try? QuotaSet.load(path: path) {
            let f = ReportFormat(lang == "en" ? .en : .nl)
            values["rows"] = quotas.quotas.enumerated().map { i, q in
                ["i": i, "feature": q.featureLabels[lang] ?? q.feature, "value": q.valueLabels[lang] ?? q.value, "min": q.min, "max": q.max,
                 "share": q.populationShare.map { f.percent($0) } ?? "", "share_raw": q.populationShare.map { String($0) } ?? ""] as [String: Any]
            }
            values["verdict"] = try Verdict.compute(a, services: services, language: lang).values
        }
        return services.page("quotas", WebText.word("step_quotas", lang), values, request, context, assembly: a,
                             status: error == nil ? .ok : .unprocessableContent)
    }

    /// Derives the quotas from the template, the register's counts and a shares file (a job: it reads the register).
    func derive(_ request: Request, _ context: WebContext) async throws -> Response {
        let a = try services.assembly(context)
        let form = try await Form.read(request, context)
        let lang = context.language
        guard let register = try services.stored(a.registerFile) else { return try page(request, context, error: WebText.word("register_first", lang)) }
        let dirs = services.settings.templateDirectories
        let templateName = form["template"] ?? "nl-gemeente"
        guard Templates.list(dirs).contains(where: { $0.name == templateName }) else { return try page(request, context, error: WebText.word("bad_template", lang)) }
        let sharesName = form["shares"].flatMap { $0.isEmpty ? nil : $0 }
        guard let tolerance = Int(form["tolerance"] ?? "0"), (0...a.panelSize).contains(tolerance) else {
            return try page(request, context, error: WebText.word("bad_tolerance", lang))
        }
        let services = services, assembly = a
        let job = try services.jobs.start(assembly: a.id!, kind: "quotas", language: lang, first: WebText.word("quotas_running", lang)) { job in
            let csv = try QuotaStep.derive(assembly, register: register, template: templateName, shares: sharesName,
                                           tolerance: tolerance, directories: dirs, events: job.events)
            let quotasFile = try services.storeMade(Data(csv.utf8), name: "quotas.csv")
            try services.db.change(assembly.id!) { a in
                a.quotasFile = quotasFile
                a.templateName = templateName
            }
            try services.db.audit(assembly.id!, actor: "kleroterion", "quotas derived", "template \(templateName)" + (sharesName.map { ", shares \($0)" } ?? "") + ", tolerance \(tolerance)")
            return WebText.word("quotas_done", lang)
        }
        return Reply.redirect("/jobs/\(job)")
    }

    /// Saves the edited table (min and max per row) as a new quotas file.
    func table(_ request: Request, _ context: WebContext) async throws -> Response {
        var a = try services.assembly(context)
        let form = try await Form.read(request, context)
        guard let (path, _) = try services.stored(a.quotasFile) else { return Reply.redirect("/assemblies/\(a.id!)/quotas") }
        var quotas = try QuotaSet.load(path: path)
        for i in quotas.quotas.indices {
            guard let lo = Int(form["min\(i)"] ?? ""), let hi = Int(form["max\(i)"] ?? ""), lo >= 0, hi >= lo, hi <= QuotaSet.largestSeatCount else {
                let q = quotas.quotas[i]
                return try page(request, context, error: WebText.word("bad_quota_row", context.language).replacingOccurrences(of: "{0}", with: "\(q.feature) = \(q.value)"))
            }
            quotas.quotas[i].min = lo
            quotas.quotas[i].max = hi
        }
        a.quotasFile = try services.storeMade(Data(QuotaStep.csv(quotas).utf8), name: "quotas.csv")
        try services.db.update(a)
        try services.db.audit(a.id!, actor: services.actor(context), "quotas edited", "")
        return try page(request, context, saved: true)
    }

    /// Applies the smallest relaxation the exact check found.
    func relax(_ request: Request, _ context: WebContext) throws -> Response {
        var a = try services.assembly(context)
        let verdict = try Verdict.compute(a, services: services, language: context.language)
        guard let relaxed = verdict.relaxedCSV else { return Reply.redirect("/assemblies/\(a.id!)/quotas") }
        a.quotasFile = try services.storeMade(Data(relaxed.utf8), name: "quotas-relaxed.csv")
        try services.db.update(a)
        try services.db.audit(a.id!, actor: services.actor(context), "quotas relaxed", verdict.relaxationSummary ?? "")
        return Reply.redirect("/assemblies/\(a.id!)/quotas")
    }

    /// A quotas file of one's own (feature,value,min,max[,population_share]; the Sortition Foundation's format too).
    func upload(_ request: Request, _ context: WebContext) async throws -> Response {
        var a = try services.assembly(context)
        do {
            let file = try await services.receive(request, context) { path in _ = try QuotaSet.load(path: path) }
            a.quotasFile = file.sha256
            a.templateName = nil
            try services.db.update(a)
            try services.db.audit(a.id!, actor: services.actor(context), "quotas uploaded", "\(file.name), SHA-256 \(file.sha256)")
            return try Reply.json(UploadReply(sha256: file.sha256, name: file.name, size: file.size, next: "/assemblies/\(a.id!)/quotas"), status: .created)
        } catch let error as KleroterionError {
            return try Reply.problem(error)
        }
    }
}

/// The strata templates and shares files the app offers (strata-templates/).
enum Templates {
    struct Entry: Sendable, Equatable {
        var name: String
        /// The title in each of the app's languages (`StrataTemplate.title(_:)`).
        var titles: [String: String]
    }

    /// The templates read before, per folder, with the names, sizes and times of the files they were read from.
    private static let read = Mutex<[String: (stamp: [String], entries: [Entry])]>([:])

    /// The folder's templates. They are parsed again only when a file in it changed: parsing every YAML file on
    /// every view made the quota page the slowest page under load (53 pages/s in bench-serve).
    static func list(_ directories: [String]) -> [Entry] {
        guard let dir = directories.first(where: { FileManager.default.fileExists(atPath: $0) }) else { return [] }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        let stamp = names.map { file -> String in
            let attributes = (try? FileManager.default.attributesOfItem(atPath: dir + "/" + file)) ?? [:]
            return "\(file) \(attributes[.size] ?? "") \(attributes[.modificationDate] ?? "")"
        }
        if let known = read.withLock({ $0[dir] }), known.stamp == stamp { return known.entries }
        let entries = names.compactMap { file -> Entry? in
            guard let t = try? StrataTemplate.load(path: dir + "/" + file) else { return nil }
            return Entry(name: String(file.dropLast(5)), titles: Dictionary(uniqueKeysWithValues: WebText.languages.map { ($0, t.title($0)) }))
        }
        read.withLock { $0[dir] = (stamp, entries) }
        return entries
    }

    static func shares(_ directories: [String]) -> [String] {
        guard let dir = directories.first(where: { FileManager.default.fileExists(atPath: $0 + "/shares") }) else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir + "/shares")) ?? []).filter { $0.hasSuffix(".csv") }
            .map { String($0.dropLast(4)) }.sorted()
    }
}
