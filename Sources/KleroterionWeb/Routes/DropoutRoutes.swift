import Foundation
import GRDB
import Hummingbird
import Kleroterion

/// Step "drop-outs": mark the members who withdrew and draw their replacements (`ReplaceWorkflow`); each
/// replacement is a new run folder, logged, and the panel pages then show the completed panel.
struct DropoutRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        router.get("/assemblies/:id/dropouts") { request, context in try page(request, context) }
        router.post("/assemblies/:id/dropouts") { request, context in try await replace(request, context) }
    }

    func page(_ request: Request, _ context: WebContext, error: String? = nil) throws -> Response {
        let a = try services.assembly(context)
        var values: [String: Any] = ["id": a.id!, "error": error as Any, "seed": "\(a.name), vervanging, \(Date().day)"]
        if let folder = DrawRoutes.currentPanelFolder(a), let panel = try? CSVReader.read(path: services.store.absolute(folder) + "/panel.csv"),
           let id = panel.columnIndex((try? RegistrationStep.idColumn(a, header: panel.header)) ?? "id") {
            let shown = Self.labelColumns(panel)
            values["members"] = panel.rows.map { row in ["id": row[id], "label": shown.map { row[$0] }.joined(separator: " · ")] }
        }
        // The latest replacement's outcome, in plain words (the job's message).
        if a.replacementFolder != nil, let job = try services.db.pool.read({ db in
            try Job.filter(Column("assemblyID") == a.id! && Column("kind") == "replace" && Column("state") == Job.State.done.rawValue)
                .order(Column("id").desc).fetchOne(db)
        }) {
            values["replaced"] = job.message as Any
        }
        return services.page("dropouts", WebText.word("step_dropouts", context.language), values, request, context, assembly: a,
                             personal: true, status: error == nil ? .ok : .unprocessableContent)
    }

    /// Which columns name a member on the check list: id, names, district (never more than five).
    static func labelColumns(_ t: Kleroterion.Table) -> [Int] {
        let wanted = ["id", "first_name", "voornaam", "last_name", "achternaam", "naam", "name", "district", "wijk"]
        let found = wanted.compactMap { t.columnIndex($0) }
        return Array((found.isEmpty ? Array(t.header.indices) : found).prefix(5))
    }

    func replace(_ request: Request, _ context: WebContext) async throws -> Response {
        let a = try services.assembly(context)
        let lang = context.language
        let form = try await Form.read(request, context)
        guard let panelFolder = DrawRoutes.currentPanelFolder(a), let people = try services.stored(a.respondentsFile),
              let quotas = try services.stored(a.quotasFile) else { return try page(request, context, error: WebText.word("draw_first", lang)) }
        let dropouts = form.all("dropout").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        guard !dropouts.isEmpty else { return try page(request, context, error: WebText.word("no_dropouts", lang)) }
        guard let seed = form["seed"], !seed.isEmpty else { return try page(request, context, error: WebText.word("bad_seed", lang)) }
        let panel = services.store.absolute(panelFolder) + "/panel.csv"
        var replace = ReplaceWorkflow.Request(panel: panel, dropouts: dropouts.joined(separator: ","), people: people.path, quotas: quotas.path, seed: seed)
        replace.columns = try AssemblyPool.columns(a)
        replace.language = ReportLanguage(rawValue: a.language) ?? .nl
        replace.householdColumns = try DrawRoutes.householdColumns(a, people: people.path)
        let folder = services.store.newRunFolder(assembly: a.id!, step: "replacement")
        let services = services, assembly = a, request = replace
        let job = try services.jobs.start(assembly: a.id!, kind: "replace", language: lang, first: WebText.word("replace_running", lang)) { job in
            let result = try services.writeRun(folder, inputs: request.inputs) { try ReplaceWorkflow.run(request, into: &$0, events: job.events) }
            try services.db.change(assembly.id!) { $0.replacementFolder = folder }
            try services.db.audit(assembly.id!, actor: "kleroterion", "replacements drawn",
                                  "withdrew: \(result.dropoutIDs.joined(separator: ", ")); replaced by: \(result.replacementIDs.joined(separator: ", ")); seed \"\(seed)\""
                                  + (result.quotaWarning.map { "; warning: \($0)" } ?? ""))
            return WebText.word("replace_done", lang).replacingOccurrences(of: "{0}", with: String(result.dropoutIDs.count))
                .replacingOccurrences(of: "{1}", with: String(result.replacementIDs.count + result.alternatesSeatedIDs.count))
                + (result.quotaWarning.map { " " + $0 } ?? "")
        }
        try services.db.audit(a.id!, actor: services.actor(context), "drop-outs marked", dropouts.joined(separator: ", "))
        return Reply.redirect("/jobs/\(job)")
    }
}
