import Foundation
import Hummingbird
import Kleroterion

/// Step "registrations": the respondents, from a file or typed in by reply code, and the pool against the
/// population per feature.
struct RegistrationRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        router.get("/assemblies/:id/registrations") { request, context in try page(request, context) }
        router.upload("/api/assemblies/:id/respondents") { request, context in try await upload(request, context) }
        router.post("/assemblies/:id/registrations/add") { request, context in try await addOne(request, context) }
    }

    func page(_ request: Request, _ context: WebContext, error: String? = nil, added: String? = nil) throws -> Response {
        let a = try services.assembly(context)
        let lang = context.language
        var values: [String: Any] = [
            "id": a.id!, "error": error as Any, "added": added as Any,
            "upload": Upload.form("/api/assemblies/\(a.id!)/respondents", field: "respondents", label: WebText.word("respondents_file", lang)),
        ]
        let letters = try? RegistrationStep.letters(a, store: services.store)
        if let letters {
            values["can_add"] = true
            let labels = (try? services.stored(a.quotasFile)).flatMap { $0 }.flatMap { try? QuotaSet.load(path: $0.path) }
            values["extra"] = extraFields(a, letters: letters).map { name in
                ["name": name, "label": labels?.quotas.first { $0.feature == name }?.featureLabels[lang] ?? name]
            }
        }
        if let (path, name) = try services.stored(a.respondentsFile) {
            var pool: [String: Any] = ["file": name, "flags": (a.registrationFlags ?? "").split(separator: "\n").map(String.init)]
            if let (qpath, _) = try services.stored(a.quotasFile), let quotas = try? QuotaSet.load(path: qpath),
               let respondents = try? AssemblyPool.load(a, respondents: path, quotas: quotas) {
                let f = ReportFormat(lang == "en" ? .en : .nl)
                pool["count"] = f.count(respondents.count)
                pool["features"] = quotas.quotas.filter { !$0.feature.contains("&") }.map { q -> [String: Any] in
                    let c = respondents.table.columnIndex(q.feature)
                    let n = c.map { c in respondents.table.rows.filter { QuotaSet.matchKey($0[c]) == QuotaSet.matchKey(q.value) }.count } ?? 0
                    return ["feature": q.featureLabels[lang] ?? q.feature, "value": q.valueLabels[lang] ?? q.value, "population": q.populationShare.map { f.percent($0) } ?? "–",
                            "count": f.count(n), "share": f.percent(respondents.count > 0 ? Double(n) / Double(respondents.count) : 0)]
                }
            } else {
                pool["count"] = (try? CSVReader.read(path: path).rows.count).map(String.init) ?? "?"
            }
            values["pool"] = pool
        }
        return services.page("registrations", WebText.word("step_registrations", lang), values, request, context, assembly: a,
                             personal: true, status: error == nil ? .ok : .unprocessableContent)
    }

    /// What a respondent reports that the register does not hold, asked for on the form: the columns the
    /// respondents file already has beyond the letter's, or else the quota features the register lacks.
    func extraFields(_ a: Assembly, letters: Table) -> [String] {
        if let (path, _) = try? services.stored(a.respondentsFile), let header = try? CSVStream(path: path).header {
            return header.filter { letters.columnIndex($0) == nil }
        }
        guard let (qpath, _) = try? services.stored(a.quotasFile), let quotas = try? QuotaSet.load(path: qpath) else { return [] }
        let mapped = (try? ColumnMapping(spec: a.columnMapping).apply(to: Table(source: "letters", header: letters.header, rows: [], lineNumbers: [])).table.header) ?? letters.header
        let known = Set(mapped.map { $0.lowercased() } + ["age_band"])
        return quotas.features.filter { !$0.contains("&") && !known.contains($0.lowercased()) }
    }

    func upload(_ request: Request, _ context: WebContext) async throws -> Response {
        var a = try services.assembly(context)
        let lang = context.language
        do {
            var built: RegistrationStep.Built?
            let letters = try RegistrationStep.letters(a, store: services.store)
            let file = try await services.receive(request, context) { path in
                built = try RegistrationStep.build(try CSVReader.read(path: path), letters: letters, a: a, language: lang)
            }
            guard let built else { throw KleroterionError("no respondents") }
            let sha = try await offload { try services.storeMade(Data(built.csv.utf8), name: file.name) }
            do { _ = try Pool(table: try ColumnMapping(spec: a.columnMapping).apply(to: CSVReader.read(path: services.store.path(of: sha))).table, idColumn: "id") }
            catch { throw WebServices.named(error, path: services.store.path(of: sha), name: file.name) }
            a.respondentsFile = sha
            a.registrationFlags = built.flags.joined(separator: "\n")
            try services.db.update(a)
            try services.db.audit(a.id!, actor: services.actor(context), "respondents uploaded",
                                  "\(file.name): \(built.count) respondents, \(built.flags.count) flagged, SHA-256 \(file.sha256)")
            return try Reply.json(UploadReply(sha256: sha, name: file.name, size: file.size, next: "/assemblies/\(a.id!)/registrations"), status: .created)
        } catch let error as KleroterionError {
            return try Reply.problem(error)
        }
    }

    /// One registration typed in by its reply code.
    func addOne(_ request: Request, _ context: WebContext) async throws -> Response {
        var a = try services.assembly(context)
        let lang = context.language
        let form = try await Form.read(request, context)
        guard let letters = try RegistrationStep.letters(a, store: services.store) else {
            return try page(request, context, error: WebText.word("codes_without_letters", lang))
        }
        let code = ReplyCodes.normalise(form["code"] ?? "")
        guard let r = ReplyCodes.indexByCode(letters)[code] else {
            return try page(request, context, error: WebText.word("unknown_code", lang).replacingOccurrences(of: "{0}", with: code))
        }
        let extra = extraFields(a, letters: letters)
        var values: [String] = []
        for name in extra {
            guard let v = form["f-" + name], !v.isEmpty else {
                return try page(request, context, error: WebText.word("field_missing", lang).replacingOccurrences(of: "{0}", with: name))
            }
            values.append(v)
        }
        let idName = try RegistrationStep.idColumn(a, header: letters.header)
        var header = letters.header.filter { $0 != "reply_code" } + extra
        var rows: [[String]] = []
        if let (path, _) = try services.stored(a.respondentsFile) {
            let current = try CSVReader.read(path: path)
            header = current.header
            rows = current.rows
        }
        // Each column from the letter, or from the form.
        let given = Dictionary(zip(extra, values), uniquingKeysWith: { a, _ in a })
        var row: [String] = []
        for column in header {
            if let c = letters.columnIndex(column), column != "reply_code" { row.append(letters.rows[r][c]) }
            else if let v = given[column] { row.append(v) }
            else { return try page(request, context, error: WebText.word("form_after_other_file", lang)) }
        }
        let idIndex = header.firstIndex(of: idName) ?? 0
        if rows.contains(where: { $0[idIndex] == row[idIndex] }) {
            return try page(request, context, error: WebText.word("already_registered", lang).replacingOccurrences(of: "{0}", with: code))
        }
        rows.append(row)
        a.respondentsFile = try services.storeMade(Data(CSVWriter.document(header: header, rows: rows).utf8), name: "respondents.csv")
        try services.db.update(a)
        try services.db.audit(a.id!, actor: services.actor(context), "respondent registered", "reply code \(code)")
        return try page(request, context, added: WebText.word("registered_one", lang).replacingOccurrences(of: "{0}", with: code))
    }
}
