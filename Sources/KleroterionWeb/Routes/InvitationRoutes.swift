import Foundation
import Hummingbird
import Kleroterion

/// Step "invitations": the invitation lottery over the register (`InviteWorkflow`), one letter per address and
/// weighted by response rates if given, with a personal reply code per letter for the mail merge.
struct InvitationRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        router.get("/assemblies/:id/invitations") { request, context in try page(request, context) }
        router.post("/assemblies/:id/invitations") { request, context in try await draw(request, context) }
        router.upload("/api/assemblies/:id/response-rates") { request, context in try await rates(request, context) }
        router.get("/assemblies/:id/invitations/:file") { _, context in
            let a = try services.assembly(context)
            let name = context.parameters.get("file") ?? ""
            guard let folder = a.invitationsFolder, ["letters.csv", "invitations-report.md", "invitations-report.json"].contains(name) else {
                throw HTTPError(.notFound)
            }
            return Reply.file(services.store.absolute(folder) + "/" + name, name: name,
                              type: name.hasSuffix(".csv") ? "text/csv; charset=utf-8" : (name.hasSuffix(".md") ? "text/markdown; charset=utf-8" : "application/json"),
                              personal: name == "letters.csv")
        }
    }

    func page(_ request: Request, _ context: WebContext, error: String? = nil) throws -> Response {
        let a = try services.assembly(context)
        let lang = context.language
        var values: [String: Any] = [
            "id": a.id!, "error": error as Any, "has_register": a.censusJSON != nil,
            "seed": a.invitationSeed ?? "\(a.name), uitnodigingen, \(Date().day)",
            "upload": Upload.form("/api/assemblies/\(a.id!)/response-rates", field: "rates", label: WebText.word("rates_file", lang)),
            "rates": try services.stored(a.responseRatesFile)?.name as Any,
        ]
        if let census = a.censusJSON.flatMap({ try? JSONDecoder().decode(RegisterSummary.self, from: Data($0.utf8)) }) {
            values["eligible"] = ReportFormat(lang == "en" ? .en : .nl).count(census.eligible)
            values["count"] = min(census.eligible, max(a.panelSize * 40, 100))
        }
        if let folder = a.invitationsFolder,
           let data = FileManager.default.contents(atPath: services.store.absolute(folder) + "/invitations-report.json"),
           let report = try? JSONDecoder().decode(InvitationReport.self, from: data) {
            let f = ReportFormat(lang == "en" ? .en : .nl)
            values["done"] = [
                "letters": f.count(report.settings.letters),
                "expected": f.decimal(report.strata.reduce(0) { $0 + $1.expectedRespondents }, digits: 0),
                "strata": report.strata.map { s in
                    ["label": s.label, "population": f.count(s.population), "letters": f.count(s.letters),
                     "expected": f.decimal(s.expectedRespondents, digits: 1)]
                },
            ] as [String: Any]
        }
        return services.page("invitations", WebText.word("step_invitations", lang), values, request, context, assembly: a,
                             status: error == nil ? .ok : .unprocessableContent)
    }

    func draw(_ request: Request, _ context: WebContext) async throws -> Response {
        var a = try services.assembly(context)
        let form = try await Form.read(request, context)
        let lang = context.language
        guard let register = try services.stored(a.registerFile), a.censusJSON != nil else { return try page(request, context, error: WebText.word("register_first", lang)) }
        guard let count = Int(form["count"] ?? ""), count > 0 else { return try page(request, context, error: WebText.word("bad_count", lang)) }
        guard let seed = form["seed"], !seed.isEmpty else { return try page(request, context, error: WebText.word("bad_seed", lang)) }
        let strata = form.all("strata").filter { ["district", "age_band"].contains($0) }
        var invite = InviteWorkflow.Request(register: register.path, count: count, seed: seed)
        invite.columns = try AssemblyPool.columns(a).register
        invite.householdColumns = form["one_per_address"] == "on" ? (a.householdColumns ?? "").split(separator: ",").map(String.init) : []
        invite.strata = strata
        invite.minAge = a.minAge
        invite.referenceDate = a.referenceDate
        invite.responseRates = try services.stored(a.responseRatesFile)?.path
        do { try invite.validate() } catch let e as KleroterionError { return try page(request, context, error: e.description) }
        if a.replySecret == nil { a.replySecret = ReplyCodes.newSecret() }
        a.invitationSeed = seed
        try services.db.update(a)
        let folder = services.store.newRunFolder(assembly: a.id!, step: "invitations")
        let services = services, assembly = a, request = invite
        let job = try services.jobs.start(assembly: a.id!, kind: "invite", language: lang, first: WebText.word("invite_running", lang)) { job in
            let result = try services.writeRun(folder, inputs: request.inputs) { files in
                let result: InviteWorkflow.Result
                do { result = try InviteWorkflow.run(request, into: &files, events: job.events) } catch {
                    throw WebServices.named(error, path: register.path, name: register.name)
                }
                if let data = files.queued("invitations.csv") {
                    let table = try CSVReader.parse([UInt8](data), source: "invitations.csv")
                    let own = try RegistrationStep.idColumn(assembly, header: table.header)
                    files.add("letters.csv", try ReplyCodes(secret: assembly.replySecret!).lettersCSV(invitations: table, idColumn: own))
                }
                return result
            }
            try services.db.change(assembly.id!) { $0.invitationsFolder = folder }
            try services.db.audit(assembly.id!, actor: "kleroterion", "invitations drawn", "\(result.letters) letters, seed \"\(request.seed)\"")
            let f = ReportFormat(lang == "en" ? .en : .nl)
            return WebText.word("invite_done", lang).replacingOccurrences(of: "{0}", with: f.count(result.letters))
                .replacingOccurrences(of: "{1}", with: f.count(result.eligible))
        }
        try services.db.audit(a.id!, actor: services.actor(context), "invitation lottery started", "\(count) letters")
        return Reply.redirect("/jobs/\(job)")
    }

    /// Expected response rates per stratum (the strata columns plus response_rate), to weight the letters.
    func rates(_ request: Request, _ context: WebContext) async throws -> Response {
        var a = try services.assembly(context)
        do {
            let file = try await services.receive(request, context) { path in _ = try CSVReader.read(path: path).requireColumn("response_rate") }
            a.responseRatesFile = file.sha256
            try services.db.update(a)
            try services.db.audit(a.id!, actor: services.actor(context), "response rates uploaded", "\(file.name), SHA-256 \(file.sha256)")
            return try Reply.json(UploadReply(sha256: file.sha256, name: file.name, size: file.size, next: "/assemblies/\(a.id!)/invitations"), status: .created)
        } catch let error as KleroterionError {
            return try Reply.problem(error)
        }
    }
}

extension JobRunner.Context {
    /// The workflow's events for this job: progress lines go to the job's page, and its cancel button stops the work.
    var events: WorkflowEvents {
        let context = self
        return WorkflowEvents(step: { context.progress($0) }, detail: nil, isCancelled: { context.isCancelled })
    }
}
