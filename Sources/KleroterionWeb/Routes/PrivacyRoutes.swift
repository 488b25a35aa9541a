import Foundation
import Hummingbird
import Kleroterion

/// Step "personal data": download the register and the respondents, and delete them (and every file in the run
/// folders that holds personal data), keeping the published files: the commitment, the audit record, the report.
struct PrivacyRoutes {
    let services: WebServices
    /// Files of the run folders that hold names, addresses or register ids.
    static let personalFiles: Set<String> = ["invitations.csv", "letters.csv", "panel.csv", "remaining.csv", "alternates.csv", "pseudonyms.csv"]

    func add(to router: Router<WebContext>) {
        router.get("/assemblies/:id/privacy") { request, context in
            let a = try services.assembly(context)
            var files: [[String: String]] = []
            if a.registerFile != nil { files.append(["href": "/assemblies/\(a.id!)/privacy/register.csv", "name": WebText.word("download_register", context.language)]) }
            if a.respondentsFile != nil { files.append(["href": "/assemblies/\(a.id!)/privacy/respondents.csv", "name": WebText.word("download_respondents", context.language)]) }
            return services.page("privacy", WebText.word("step_privacy", context.language),
                                 ["id": a.id!, "files": files, "deleted": a.personalDataDeletedAt?.shown as Any],
                                 request, context, assembly: a, personal: true)
        }
        router.get("/assemblies/:id/privacy/:file") { _, context in
            let a = try services.assembly(context)
            let sha = context.parameters.get("file") == "register.csv" ? a.registerFile : (context.parameters.get("file") == "respondents.csv" ? a.respondentsFile : nil)
            guard let (path, _) = try services.stored(sha) else { throw HTTPError(.notFound) }
            return Reply.file(path, name: context.parameters.get("file")!, type: "text/csv; charset=utf-8", personal: true)
        }
        router.post("/assemblies/:id/privacy/delete") { request, context in
            var a = try services.assembly(context)
            let form = try await Form.read(request, context)
            guard form["confirm"] == "yes" else { return Reply.redirect("/assemblies/\(a.id!)/privacy") }
            let removed = try deletePersonalData(&a)
            try services.db.audit(a.id!, actor: services.actor(context), "personal data deleted", "\(removed) files")
            return Reply.redirect("/assemblies/\(a.id!)/privacy")
        }
    }

    /// Removes the register, the respondents and the personal files of every run folder of the assembly; returns
    /// how many files went.
    func deletePersonalData(_ a: inout Assembly) throws -> Int {
        var removed = 0
        let others = try services.db.pool.read { try Assembly.fetchAll($0) }.filter { $0.id != a.id }
        for sha in [a.registerFile, a.respondentsFile].compactMap({ $0 }) where !others.contains(where: { $0.registerFile == sha || $0.respondentsFile == sha }) {
            if (try? FileManager.default.removeItem(atPath: services.store.path(of: sha))) != nil { removed += 1 }
        }
        let runs = services.store.absolute("runs/\(a.id!)")
        for path in FileManager.default.enumerator(atPath: runs)?.compactMap({ $0 as? String }) ?? []
        where Self.personalFiles.contains((path as NSString).lastPathComponent) {
            if (try? FileManager.default.removeItem(atPath: runs + "/" + path)) != nil { removed += 1 }
        }
        a.registerFile = nil
        a.respondentsFile = nil
        a.replySecret = nil
        a.personalDataDeletedAt = Date()
        try services.db.update(a)
        return removed
    }
}
