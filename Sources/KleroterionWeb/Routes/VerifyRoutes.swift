import Foundation
import GRDB
import Hummingbird
import Kleroterion

/// The public check of a draw (no log-in): upload the published zip and the seed, and see "verified" or exactly what
/// differs, with the same checks as `kleroterion verify` (`VerifyWorkflow`).
struct VerifyRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        router.get("/verify") { request, context in
            var values: [String: Any] = [:]
            if let id = request.uri.queryParameters["result"].flatMap({ Int64(String($0)) }),
               let v = try await services.db.pool.read({ try Verification.fetchOne($0, key: id) }) {
                values["result"] = ["verified": v.verified, "seed": v.seed, "findings": v.findings.split(separator: "\n").map(String.init)]
            }
            return services.page("verify", WebText.word("verify", context.language), values, request, context)
        }
        router.upload("/api/verify") { request, context in
            let lang = context.language
            guard let seed = request.uri.queryParameters["seed"].map(String.init)?.removingPercentEncoding?.trimmingSpaces(), !seed.isEmpty else {
                return try Reply.problem(KleroterionError(WebText.word("bad_seed", lang), fix: WebText.word("verify_seed_fix", lang)))
            }
            do {
                let file = try await services.receive(request, context) { _ in }
                let (root, commitment) = try PublishedZip.unpack(file.path, language: lang)
                defer { try? FileManager.default.removeItem(atPath: root) }
                var verify = VerifyWorkflow.Request(commitment: commitment, seed: seed)
                verify.language = ReportLanguage(rawValue: lang) ?? .nl
                if FileManager.default.fileExists(atPath: commitment + "/draw/" + LotteryDraw.auditFile) { verify.draw = commitment + "/draw" }
                try verify.validate()
                let request = verify
                let result = try await offload { try VerifyWorkflow.run(request) }
                // The lines `kleroterion verify` prints after its verdict (the page shows the verdict as its heading),
                // in the page's language, each ✗ naming its file; then the figures and hashes of every check, as with
                // `verify --verbose`, in that language too.
                let findings = (result.lines.dropFirst() + result.details).map {
                    $0.replacingOccurrences(of: root + "/", with: "").trimmingSpaces()
                }
                let record = try await services.db.pool.write { db in
                    var v = Verification(zipFile: file.sha256, seed: seed, verified: result.verified, findings: findings.joined(separator: "\n"), at: Date())
                    try v.insert(db)
                    return v
                }
                return try Reply.json(VerifyReply(verified: result.verified, findings: findings, next: "/verify?result=\(record.id!)"), personal: false)
            } catch let error as KleroterionError {
                return try Reply.problem(error)
            }
        }
    }
}

struct VerifyReply: Encodable {
    var verified: Bool
    var findings: [String]
    var next: String
}
