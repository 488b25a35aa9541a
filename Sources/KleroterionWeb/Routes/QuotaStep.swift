import Foundation
import Kleroterion

/// The quota step's work: deriving quotas, and the verdict on a quota table.
enum QuotaStep {
    /// The quotas file's text, from `QuotasWorkflow` (the same derivation as `kleroterion quotas`).
    static func derive(_ a: Assembly, register: (path: String, name: String), template: String, shares: String?,
                       tolerance: Int, directories: [String], events: WorkflowEvents) throws -> String {
        var request = QuotasWorkflow.Request(template: template, panelSize: a.panelSize, out: "quotas.csv")
        request.register = register.path
        request.columns = try AssemblyPool.columns(a).register
        request.shares = shares
        request.tolerance = tolerance
        request.referenceDate = a.referenceDate
        request.minAge = a.minAge
        request.templateDirectories = directories
        var unused = OutputFiles(directory: NSTemporaryDirectory())   // only the text is kept, as a stored file
        // The shares' source names the register as the organiser knows it, not by the file store's hash.
        let sha = (register.path as NSString).lastPathComponent
        do { return try QuotasWorkflow.run(request, into: &unused, events: events).csv.replacingOccurrences(of: register.path, with: register.name)
                .replacingOccurrences(of: sha, with: register.name) } catch {
            throw WebServices.named(error, path: register.path, name: register.name)
        }
    }

    static func csv(_ quotas: QuotaSet) -> String { QuotaSet.csv(quotas.quotas) }
}

/// Whether a panel can meet the quotas: the arithmetic per feature always, and the exact check against the
/// respondents once they are known, in plain words, with the smallest relaxation.
struct Verdict: Sendable {
    var view = View()
    var relaxedCSV: String?
    var relaxationSummary: String?
    var pending = true

    /// For the page's template.
    var values: [String: Any] {
        ["feasible": view.feasible == true, "exact": view.exact, "problems": view.problems,
         "relaxation": view.relaxation as Any, "pending": pending]
    }

    struct View: Encodable, Sendable {
        var feasible: Bool?
        var exact = false
        var problems: [String] = []
        var relaxation: String?
    }

    /// The verdict for the assembly's quotas and respondents, computed once per pair of files (the exact check
    /// solves a MIP; a page view must not).
    static func compute(_ a: Assembly, services: WebServices, language: String) throws -> Verdict {
        let key = [a.quotasFile ?? "", a.respondentsFile ?? "", String(a.panelSize), a.columnMapping ?? "", a.householdColumns ?? "", language].joined(separator: "|")
        if let cached = services.verdicts.withLock({ $0[key] }) { return cached }
        let v = try computeAfresh(a, services: services, language: language)
        services.verdicts.withLock { $0[key] = v }
        return v
    }

    static func computeAfresh(_ a: Assembly, services: WebServices, language: String) throws -> Verdict {
        var v = Verdict()
        v.pending = a.respondentsFile == nil
        guard let (path, name) = try services.stored(a.quotasFile) else { return v }
        let quotas: QuotaSet
        do { quotas = try QuotaSet.load(path: path) } catch {
            v.view.problems = [(WebServices.named(error, path: path, name: name) as? KleroterionError)?.description ?? "\(error)"]
            v.view.feasible = false
            return v
        }
        let arithmetic = QuotaArithmetic(quotas, panelSize: a.panelSize)
        v.view.problems = arithmetic.conflicts.map { c in
            WebText.word(c.tooMany ? "conflict_too_many" : "conflict_too_few", language)
                .replacingOccurrences(of: "{0}", with: c.feature)
                .replacingOccurrences(of: "{1}", with: String(c.tooMany ? c.minimums : c.maximums))
                .replacingOccurrences(of: "{2}", with: String(a.panelSize))
        }
        v.view.feasible = v.view.problems.isEmpty
        if v.view.problems.isEmpty, let respondents = try services.stored(a.respondentsFile) {
            do {
                let pool = try AssemblyPool.load(a, respondents: respondents.path, quotas: quotas)
                let problem = try SelectionProblem(pool: pool, quotas: quotas, panelSize: a.panelSize, householdColumns: AssemblyPool.household(a, pool: pool))
                let report = try FeasibilityCheck.exact().run(PanelConstraints(problem: problem), shares: QuotaRelaxation.shares(quotas, for: problem))
                v.view.exact = true
                v.view.feasible = report.isFeasible
                if !report.isFeasible {
                    v.view.problems = report.reasons.map(\.text)
                    if let r = report.relaxation {
                        v.relaxedCSV = r.quotasCSV()
                        v.relaxationSummary = r.summary.joined(separator: "; ")
                        v.view.relaxation = v.relaxationSummary
                    }
                }
            } catch {
                v.view.feasible = false
                v.view.problems = [(WebServices.named(error, path: respondents.path, name: respondents.name) as? KleroterionError)?.description ?? "\(error)"]
            }
        }
        return v
    }
}

/// The respondents as a pool, read as `PoolColumns` reads them for the CLI: the assembly's column mapping, and age
/// bands derived from birth dates on the reference date when the quotas have them and the file has none.
enum AssemblyPool {
    static func columns(_ a: Assembly) throws -> PoolColumns {
        PoolColumns(register: RegisterColumns(mapping: try ColumnMapping(spec: a.columnMapping), unknownBirthDates: "exclude"),
                    referenceDate: a.referenceDate)
    }

    static func load(_ a: Assembly, respondents path: String, quotas: QuotaSet) throws -> Pool {
        var notes: [String] = []
        return try columns(a).loadPool(path, idColumn: "id", quotas: quotas, notes: &notes)
    }

    /// The address columns the pool has (one member per address).
    static func household(_ a: Assembly, pool: Pool) -> [String] {
        (a.householdColumns ?? "").split(separator: ",").map(String.init).filter { pool.table.columnIndex($0) != nil }
    }
}
