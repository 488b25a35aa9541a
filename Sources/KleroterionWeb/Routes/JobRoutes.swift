import Foundation
import Hummingbird
import Kleroterion

/// A background job's page (live progress, cancel) and its JSON state for app.js and the API.
struct JobRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        router.get("/jobs/:job") { request, context in
            let job = try job(context)
            let lang = context.language
            let values: [String: Any] = [
                "job": ["id": job.id!, "state": job.state.rawValue, "progress": job.progress, "message": job.message as Any],
                "state": WebText.word("job_" + job.state.rawValue, lang), "running": job.state == .running,
                "failed": job.state == .failed, "done_href": Self.back(job),
            ]
            let a = try services.db.assembly(job.assemblyID)
            return services.page("job", WebText.word("kind_" + job.kind, lang), values, request, context, assembly: a)
        }
        router.get("/api/jobs/:job") { _, context in try Reply.json(JobView(try job(context))) }
        router.post("/jobs/:job/cancel") { _, context in
            let job = try job(context)
            services.jobs.cancel(job.id!)
            try services.db.audit(job.assemblyID, actor: services.actor(context), "job cancelled", WebText.word("kind_" + job.kind, "en"))
            return Reply.redirect("/jobs/\(job.id!)")
        }
        router.post("/api/jobs/:job/cancel") { _, context in
            let job = try job(context)
            services.jobs.cancel(job.id!)
            return try Reply.json(JobView(job), status: .accepted)
        }
    }

    func job(_ context: WebContext) throws -> Job {
        guard let text = context.parameters.get("job"), let id = Int64(text), let job = try services.jobs.job(id) else {
            throw HTTPError(.notFound, message: WebText.word("not_found", context.language))
        }
        return job
    }

    /// Where a finished job leads: the page of its step.
    static func back(_ job: Job) -> String {
        let step = ["census": "register", "quotas": "quotas", "invite": "invitations", "commit": "commit", "draw": "draw",
                    "replace": "dropouts"][job.kind] ?? ""
        return "/assemblies/\(job.assemblyID)/\(step)"
    }
}

/// A job as the API shows it.
struct JobView: Encodable {
    var id: Int64
    var assembly: Int64
    var kind: String
    var state: String
    var progress: String
    var message: String?
    var next: String

    init(_ j: Job) {
        id = j.id ?? 0
        assembly = j.assemblyID
        kind = j.kind
        state = j.state.rawValue
        progress = j.progress
        message = j.message
        next = JobRoutes.back(j)
    }
}
