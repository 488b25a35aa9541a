import Foundation
import GRDB
import Hummingbird
import Kleroterion

/// The overview of assemblies, a new assembly (step 1 of the issue), and one assembly's overview with its audit log.
struct HomeRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        router.get("/") { request, context in try home(request, context) }
        router.post("/assemblies") { request, context in try await create(request, context) }
        router.get("/assemblies/:id") { request, context in try overview(request, context) }
        router.get("/api/assemblies") { _, _ in
            try Reply.json(try services.db.pool.read { try Assembly.order(Column("id")).fetchAll($0) }.map(AssemblyView.init))
        }
        router.get("/api/assemblies/:id") { _, context in try Reply.json(AssemblyView(try services.assembly(context))) }
    }

    func home(_ request: Request, _ context: WebContext, error: String? = nil, form: [String: String] = [:]) throws -> Response {
        let list = try services.db.pool.read { try Assembly.order(Column("id").desc).fetchAll($0) }
        var defaults = ["panelSize": "150", "referenceDate": Date().day]
        defaults.merge(form) { $1 }
        let values: [String: Any] = [
            "assemblies": list.map { ["id": $0.id ?? 0, "name": $0.name, "municipality": $0.municipality,
                                      "panelSize": $0.panelSize, "referenceDate": $0.referenceDate] as [String: Any] },
            "error": error as Any, "form": defaults,
        ]
        return services.page("home", WebText.word("assemblies", context.language), values, request, context,
                             status: error == nil ? .ok : .unprocessableContent)
    }

    func create(_ request: Request, _ context: WebContext) async throws -> Response {
        let json = request.headers[.contentType]?.hasPrefix("application/json") ?? false
        var fields: [String: String] = [:]
        if json {
            let input: NewAssembly
            do { input = try await request.decode(as: NewAssembly.self, context: context) } catch {
                return try Reply.problem(KleroterionError(WebText.word("bad_json", context.language), fix: WebText.word("bad_json_fix", context.language)), status: .badRequest)
            }
            fields = ["name": input.name, "municipality": input.municipality, "panelSize": String(input.panelSize),
                      "referenceDate": input.referenceDate, "language": input.language ?? "nl"]
        } else {
            let form = try await Form.read(request, context)
            for key in ["name", "municipality", "panelSize", "referenceDate", "language"] { fields[key] = form[key] ?? "" }
        }
        do {
            let checked = try NewAssembly.validate(fields, language: context.language)
            let assembly = try await services.db.pool.write { db in
                var a = checked
                try a.insert(db)
                return a
            }
            try services.db.audit(assembly.id!, actor: services.actor(context), "assembly created", "\(assembly.name), \(assembly.panelSize)")
            return json ? try Reply.json(AssemblyView(assembly), status: .created) : Reply.redirect("/assemblies/\(assembly.id!)")
        } catch let error as KleroterionError {
            return json ? try Reply.problem(error) : try home(request, context, error: error.description, form: fields)
        }
    }

    func overview(_ request: Request, _ context: WebContext) throws -> Response {
        let a = try services.assembly(context)
        let audit = try services.db.pool.read {
            try AuditEntry.filter(Column("assemblyID") == a.id!).order(Column("id").desc).fetchAll($0)
        }
        let values: [String: Any] = [
            "assembly": ["municipality": a.municipality, "panelSize": a.panelSize, "referenceDate": a.referenceDate],
            "steps": StepList.items(a, language: context.language, current: ""),
            "audit": audit.map { ["at": $0.at.shown, "actor": $0.actor, "action": $0.action, "detail": $0.detail] },
        ]
        return services.page("overview", a.name, values, request, context, assembly: a)
    }
}

/// The fields of a new assembly (form or JSON), checked as the CLI checks its options.
struct NewAssembly: Decodable {
    var name: String
    var municipality: String
    var panelSize: Int
    var referenceDate: String
    var language: String?

    static func validate(_ f: [String: String], language: String) throws -> Assembly {
        let name = f["name"]?.trimmingSpaces() ?? "", municipality = f["municipality"]?.trimmingSpaces() ?? ""
        guard !name.isEmpty, name.count <= 200 else {
            throw KleroterionError(column: "name", WebText.word("bad_name", language), fix: WebText.word("bad_name_fix", language))
        }
        guard !municipality.isEmpty, municipality.count <= 200 else {
            throw KleroterionError(column: "municipality", WebText.word("bad_municipality", language), fix: WebText.word("bad_municipality_fix", language))
        }
        guard let size = Int(f["panelSize"] ?? ""), (1...100_000).contains(size) else {
            throw KleroterionError(column: "panelSize", WebText.word("bad_panel_size", language), fix: WebText.word("bad_panel_size_fix", language))
        }
        guard let date = CalendarDate(parsing: f["referenceDate"] ?? "") else {
            throw KleroterionError(column: "referenceDate", WebText.word("bad_date", language), fix: WebText.word("bad_date_fix", language))
        }
        let published = f["language"] ?? "nl"
        guard ["nl", "en", "de"].contains(published) else {
            throw KleroterionError(column: "language", WebText.word("bad_language", language), fix: WebText.word("bad_language_fix", language))
        }
        return Assembly(name: name, municipality: municipality, panelSize: size, referenceDate: date.description, language: published)
    }
}

/// An assembly as the API shows it: its settings and which steps are done (no personal data).
struct AssemblyView: Encodable {
    var id: Int64
    var name: String
    var municipality: String
    var panelSize: Int
    var referenceDate: String
    var language: String
    var steps: [String: Bool]

    init(_ a: Assembly) {
        id = a.id ?? 0
        name = a.name
        municipality = a.municipality
        panelSize = a.panelSize
        referenceDate = a.referenceDate
        language = a.language
        steps = ["register": a.censusJSON != nil, "quotas": a.quotasFile != nil, "invitations": a.invitationsFolder != nil,
                 "registrations": a.respondentsFile != nil, "commit": a.commitmentFolder != nil, "draw": a.drawFolder != nil,
                 "dropouts": a.replacementFolder != nil]
    }
}
