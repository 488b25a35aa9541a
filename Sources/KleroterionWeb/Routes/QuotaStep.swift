import Foundation
import Kleroterion

/// The quota step's work: deriving quotas, and the verdict on a quota table.
enum QuotaStep {
    static func derive(_ a: Assembly, register: (path: String, name: String), template: String, shares: String?,
                       tolerance: Int, directories: [String]) throws -> String {
        do {
            let templatePath = try StrataTemplate.locate(template, in: directories)
            let strata = try StrataTemplate.load(path: templatePath)
            let table = try ColumnMapping(spec: a.columnMapping).adding(strata.columnPairs).apply(to: CSVReader.read(path: register.path)).table
            let shareFile = try shares.map { name -> PopulationShares in
                let dir = directories.first { FileManager.default.fileExists(atPath: $0 + "/shares/\(name).csv") } ?? "."
                return try PopulationShares.load(path: dir + "/shares/\(name).csv")
            }
            var settings = QuotaDerivation.Settings(panelSize: a.panelSize, tolerance: tolerance,
                                                    referenceDate: CalendarDate(parsing: a.referenceDate), minAge: a.minAge)
            settings.unknownBirthDates = .exclude
            return try QuotaDerivation.derive(template: strata, register: table, shares: shareFile, settings: settings).csv
        } catch {
            throw WebServices.named(error, path: register.path, name: register.name)
        }
    }

    static func csv(_ quotas: QuotaSet) -> String { QuotaSet.csv(quotas.quotas) }
}

/// Whether a panel can meet the quotas: the arithmetic per feature always, and the exact check against the
/// respondents once they are known, in plain words, with the smallest relaxation.
struct Verdict {
    var values: [String: Any] = [:]
    var view = View()
    var relaxedCSV: String?
    var relaxationSummary: String?

    struct View: Encodable {
        var feasible: Bool?
        var exact = false
        var problems: [String] = []
        var relaxation: String?
    }

    static func compute(_ a: Assembly, services: WebServices, language: String) throws -> Verdict {
        var v = Verdict()
        guard let (path, name) = try services.stored(a.quotasFile) else { return v }
        let quotas: QuotaSet
        do { quotas = try QuotaSet.load(path: path) } catch {
            v.view.problems = [(WebServices.named(error, path: path, name: name) as? KleroterionError)?.description ?? "\(error)"]
            v.view.feasible = false
            v.values = ["feasible": false, "problems": v.view.problems]
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
        v.values = ["feasible": v.view.feasible == true, "exact": v.view.exact, "problems": v.view.problems,
                    "relaxation": v.view.relaxation as Any, "pending": a.respondentsFile == nil]
        return v
    }
}

/// The respondents as a pool, read with the assembly's column mapping, with age bands derived from birth dates when
/// the quotas have them and the file has none.
enum AssemblyPool {
    static func load(_ a: Assembly, respondents path: String, quotas: QuotaSet) throws -> Pool {
        let mapped = try ColumnMapping(spec: a.columnMapping).apply(to: CSVReader.read(path: path)).table
        var table = mapped
        if let (feature, bands) = AgeBandColumn.missingAgeFeature(quotas: quotas, table: mapped), mapped.columnIndex("birth_date") != nil,
           let reference = CalendarDate(parsing: a.referenceDate) {
            table = try AgeBandColumn.add(to: mapped, feature: feature, bands: bands, birthColumn: "birth_date",
                                          reference: reference, policy: .exclude).table
        }
        return try Pool(table: table, idColumn: "id")
    }

    /// The address columns the pool has (one member per address).
    static func household(_ a: Assembly, pool: Pool) -> [String] {
        (a.householdColumns ?? "").split(separator: ",").map(String.init).filter { pool.table.columnIndex($0) != nil }
    }
}
