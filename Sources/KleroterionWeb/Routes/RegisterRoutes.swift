import Foundation
import Hummingbird
import Kleroterion

/// Step "register": upload the BRP extract, check how its columns are read, and count it (a background job:
/// a 15M-row register takes a while, and is streamed, never held in memory).
struct RegisterRoutes {
    let services: WebServices

    /// What a register column can be read as (the names the commands use).
    static let meanings = ["id", "gender", "birth_date", "district", "neighbourhood", "street", "house_number",
                           "house_letter", "house_number_addition", "postcode", "place"]
    static let addressMeanings = ["street", "house_number", "house_letter", "house_number_addition", "postcode"]

    func add(to router: Router<WebContext>) {
        router.get("/assemblies/:id/register") { request, context in try page(request, context) }
        router.upload("/api/assemblies/:id/register") { request, context in try await upload(request, context) }
        router.post("/assemblies/:id/register/mapping") { request, context in try await mapping(request, context) }
        router.get("/api/assemblies/:id/census") { _, context in
            let a = try services.assembly(context)
            guard let json = a.censusJSON else { throw HTTPError(.notFound, message: WebText.word("no_census", context.language)) }
            return Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-cache"],
                            body: .init(byteBuffer: ByteBuffer(string: json)))
        }
    }

    func page(_ request: Request, _ context: WebContext, error: String? = nil) throws -> Response {
        let a = try services.assembly(context)
        let lang = context.language
        var values: [String: Any] = ["id": a.id!, "error": error as Any, "min_age": a.minAge.map(String.init) ?? "16",
                                     "upload": Upload.form("/api/assemblies/\(a.id!)/register", field: "register", label: WebText.word("choose_file", lang))]
        if let (path, name) = try services.stored(a.registerFile) {
            let header = try services.header(of: path)
            let renames = (try? ColumnMapping(spec: a.columnMapping).renames(for: header)) ?? []
            let household = Set((a.householdColumns ?? "").split(separator: ",").map(String.init))
            values["file"] = name
            values["columns"] = header.enumerated().map { i, column -> [String: Any] in
                let chosen = renames.first { $0.header == column }?.canonical ?? column.lowercased()
                let options = [["value": "", "label": WebText.word("not_used", lang), "selected": !Self.meanings.contains(chosen)]]
                    + Self.meanings.map { ["value": $0, "label": WebText.word("meaning_" + $0, lang), "selected": $0 == chosen] }
                return ["i": i, "name": column, "options": options]
            }
            values["address"] = Self.addressMeanings.map { m in
                ["value": m, "label": WebText.word("meaning_" + m, lang), "checked": household.isEmpty ? m != "house_letter" && m != "house_number_addition" : household.contains(m)]
            }
        }
        if let json = a.censusJSON, let census = try? JSONDecoder().decode(RegisterSummary.self, from: Data(json.utf8)) {
            values["census"] = CensusView(census, language: lang).values
        }
        return services.page("register", WebText.word("step_register", lang), values, request, context, assembly: a, personal: true,
                             status: error == nil ? .ok : .unprocessableContent)
    }

    /// The register as the request body (streamed to disk). Its header is checked at once; a file that cannot be
    /// read stores nothing and gets the reason and the fix.
    func upload(_ request: Request, _ context: WebContext) async throws -> Response {
        var a = try services.assembly(context)
        do {
            let file = try await services.receive(request, context) { path in _ = try CSVStream(path: path).header }
            let header = try CSVStream(path: file.path).header
            let renames = try ColumnMapping(spec: nil).renames(for: header)
            a.registerFile = file.sha256
            a.registerName = file.name
            a.columnMapping = Self.spec(renames.map { ($0.canonical, $0.header) })
            a.censusJSON = nil
            try services.db.update(a)
            try services.db.audit(a.id!, actor: services.actor(context), "register uploaded", "\(file.name), SHA-256 \(file.sha256)")
            return try Reply.json(UploadReply(sha256: file.sha256, name: file.name, size: file.size, next: "/assemblies/\(a.id!)/register"), status: .created)
        } catch let error as KleroterionError {
            return try Reply.problem(error)
        }
    }

    /// Saves the mapping chosen on the page and starts the census.
    func mapping(_ request: Request, _ context: WebContext) async throws -> Response {
        var a = try services.assembly(context)
        let form = try await Form.read(request, context)
        guard let (path, name) = try services.stored(a.registerFile) else { return Reply.redirect("/assemblies/\(a.id!)/register") }
        let header = try CSVStream(path: path).header
        var pairs: [(String, String)] = []
        for (i, column) in header.enumerated() {
            guard let meaning = form["col\(i)"], !meaning.isEmpty, Self.meanings.contains(meaning) else { continue }
            if meaning != column { pairs.append((meaning, column)) }
        }
        let chosen = Dictionary(pairs.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        guard chosen.count == pairs.count else {
            return try page(request, context, error: WebText.word("mapping_twice", context.language))
        }
        let minAge = Int(form["minAge"] ?? "")
        guard minAge == nil || (0...150).contains(minAge!) else { return try page(request, context, error: WebText.word("bad_min_age", context.language)) }
        a.columnMapping = Self.spec(pairs)
        a.householdColumns = form.all("address").filter(Self.addressMeanings.contains).joined(separator: ",")
        a.minAge = minAge
        a.censusJSON = nil
        do { _ = try ColumnMapping(spec: a.columnMapping).renames(for: header) } catch let e as KleroterionError {
            return try page(request, context, error: e.description)
        }
        try services.db.update(a)
        try services.db.audit(a.id!, actor: services.actor(context), "columns mapped", a.columnMapping ?? "")
        let assembly = a, db = services.db, lang = context.language
        let job = try services.jobs.start(assembly: a.id!, kind: "census", language: lang, first: WebText.word("census_running", lang)) { _ in
            let summary = try RegisterCensusStep.count(assembly, path: path, name: name)
            let census = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
            try db.change(assembly.id!) { $0.censusJSON = census }
            try db.audit(assembly.id!, actor: "kleroterion", "register counted", "\(summary.residents) residents, \(summary.eligible) eligible")
            return WebText.word("census_done", lang).replacingOccurrences(of: "{0}", with: ReportFormat(lang == "en" ? .en : .nl).count(summary.residents))
        }
        return Reply.redirect("/jobs/\(job)")
    }

    static func spec(_ pairs: [(String, String)]) -> String {
        pairs.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
    }
}

struct UploadReply: Encodable {
    var sha256: String
    var name: String
    var size: Int64
    var next: String
}

/// The census of a register with an assembly's mapping, age limit and address columns.
enum RegisterCensusStep {
    static func count(_ a: Assembly, path: String, name: String) throws -> RegisterSummary {
        do {
            let header = try CSVStream(path: path).header
            let renames = try ColumnMapping(spec: a.columnMapping).renames(for: header)
            func own(_ canonical: String) -> String? {
                renames.first { $0.canonical == canonical }?.header ?? header.first { $0.lowercased() == canonical }
            }
            var settings = InvitationSettings(count: 0)
            settings.idColumn = own("id") ?? "id"
            settings.birthDateColumn = own("birth_date") ?? "birth_date"
            settings.referenceDate = CalendarDate(parsing: a.referenceDate)
            settings.minAge = a.minAge
            settings.unknownBirthDates = .exclude
            settings.addressColumns = (a.householdColumns ?? "").split(separator: ",").compactMap { own(String($0)) }
            return try RegisterSummary.read(register: path, settings: settings, breakdownColumn: own("district"))
        } catch {
            throw WebServices.named(error, path: path, name: name)
        }
    }
}

/// The census as the page shows it: counts with Dutch or English number spelling, shares per district.
struct CensusView {
    var values: [String: Any]

    init(_ c: RegisterSummary, language: String) {
        let f = ReportFormat(language == "en" ? .en : .nl)
        values = ["residents": f.count(c.residents), "eligible": f.count(c.eligible), "too_young": f.count(c.tooYoung),
                  "too_old": f.count(c.tooOld), "unknown": c.unknownBirthDates > 0 ? f.count(c.unknownBirthDates) : false,
                  "addresses": c.addresses.map(f.count) ?? false,
                  "districts": c.breakdown.map { g in
                      ["value": g.value, "count": f.count(g.residents),
                       "share": f.percent(c.eligible > 0 ? Double(g.residents) / Double(c.eligible) : 0)]
                  }]
    }
}
