import Foundation
@testable import Kleroterion

/// Fixed small inputs for the golden files of the four published texts (`announcement.md`, `relaxation.md`,
/// `replacement.md`, `invitations-report.md`). Everything is built by hand or read from a stored JSON, so the goldens
/// depend on the renderers only, never on a solver or a random draw.
enum PublishedTextExamples {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")

    /// A commitment of 1000 panels of 12 from 140 registrations; `weak` gives two dice and no seed source.
    static func manifest(weak: Bool = false) -> Manifest {
        let format: SeedFormat = weak ? .dice(2) : .lotto(k: 6, n: 45)
        return Manifest(
            format: Manifest.formatName, tool: "kleroterion 0.1.0", createdUtc: "2026-03-01T09:30:00Z",
            inputs: .init(people: .init(file: "aanmeldingen.csv", sha256: String(repeating: "a", count: 64)),
                          quotas: .init(file: "quota.csv", sha256: String(repeating: "b", count: 64))),
            settings: .init(panelSize: 12, panels: 1000, algorithm: "leximin", idColumn: "id", householdColumns: ["adres"], poolSize: 140),
            files: ["lottery.csv": String(repeating: "1", count: 64), "members.csv": String(repeating: "2", count: 64),
                    "quotas.csv": String(repeating: "3", count: 64), "probabilities.csv": String(repeating: "4", count: 64)],
            rounding: .init(method: "largest remainder on m·p, then local search on the largest change (support panels only)",
                            supportPanels: 31, distinctPanels: 29, maxChange: 0.000812, worstCase: 0.012),
            drawRule: .init(name: SeedRule.name, description: SeedRule.description),
            seedSource: weak ? "" : "de trekking van de Lotto op zaterdag 14 maart 2026",
            seed: .init(format: format.description, outcomes: format.outcomes, weak: weak,
                        grindingBound: weak ? format.grindingBound(people: 140) : nil),
            pseudonyms: .init(method: Pseudonyms.method, commitments: Pseudonyms.commitmentsFile))
    }

    static let manifestHash = "5f0c0e8e1d7a4b2c9e6f3a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d"

    /// The quotas of the examples, with a template's labels as `quotas` writes them (the column `gender` has none).
    static func quotas() throws -> QuotaSet {
        let csv = """
        feature,value,min,max,population_share,share_source,feature_label,value_label
        age_band,16-24,2,3,0.15,register:brp.csv,nl=Leeftijd|en=Age|de=Alter,
        age_band,25-64,5,7,0.55,register:brp.csv,nl=Leeftijd|en=Age|de=Alter,
        age_band,65+,2,4,0.30,register:brp.csv,nl=Leeftijd|en=Age|de=Alter,
        education,laag,3,5,0.30,shares_file:cbs.csv,nl=Opleidingsniveau|en=Education|de=Bildungsniveau,nl=laag|en=low|de=niedrig
        education,hoog,4,6,0.40,shares_file:cbs.csv,nl=Opleidingsniveau|en=Education|de=Bildungsniveau,nl=hoog|en=high|de=hoch
        gender,vrouw,6,6,,,,
        gender,man,6,6,,,,
        """
        return try QuotaSet(table: CSVReader.parse(Array((csv + "\n").utf8), source: "quota.csv"))
    }

    /// The problem of the quotas over 30 hand-made respondents, panel of 12.
    static func problem() throws -> SelectionProblem {
        let q = try quotas()
        let features = q.features.map { name in
            let rows = q.quotas(for: name)
            return SelectionProblem.Feature(name: name, values: rows.map(\.value), min: rows.map(\.min), max: rows.map(\.max))
        }
        // Person i: age band i % 3 (few young), education i % 2, gender (i / 2) % 2.
        let category = (0..<30).map { i in [i < 6 ? 0 : 1 + i % 2, i % 2, (i / 2) % 2] }
        return SelectionProblem(panelSize: 12, features: features, category: category, household: Array(0..<30),
                                ids: (0..<30).map { "r\($0)" })
    }

    /// A relaxation of the young minimum and the high-education maximum, with three kinds of reasons.
    static func relaxation() throws -> (QuotaRelaxation, [InfeasibilityReason]) {
        let p = try problem()
        var rows: [QuotaRelaxation.Row] = []
        let targets = [1.8, 6.6, 3.6, 3.6, 4.8, 6, 6]
        let shares: [Double?] = [0.15, 0.55, 0.30, 0.30, 0.40, nil, nil]
        var i = 0
        for feature in p.features {
            for v in feature.values.indices {
                var row = QuotaRelaxation.Row(feature: feature.name, value: feature.values[v], oldMin: feature.min[v], oldMax: feature.max[v],
                                              newMin: feature.min[v], newMax: feature.max[v], target: targets[i],
                                              targetFromPopulation: shares[i] != nil, populationShare: shares[i])
                if feature.name == "age_band" && v == 0 { row.newMin = 1 }
                if feature.name == "education" && v == 1 { row.newMax = 7 }
                rows.append(row)
                i += 1
            }
        }
        let young = InfeasibilityReason.Value(feature: "age_band", value: "16-24")
        let high = InfeasibilityReason.Value(feature: "education", value: "hoog")
        let reasons = [
            InfeasibilityReason(.shortage(young, confirmed: 0, others: false, people: 1, addresses: 1, minimum: 2), bounds: []),
            InfeasibilityReason(.minimumWithMaximum(a: .init(feature: "gender", value: "vrouw"), b: high, minimum: 6, maximum: 6, supply: 0), bounds: []),
            InfeasibilityReason(.combined([.init(value: young, side: .min, seats: 2), .init(value: high, side: .max, seats: 6)]), bounds: []),
        ]
        return (QuotaRelaxation(rows: rows), reasons)
    }

    /// A replacement of three members who dropped out: one alternate seated, two drawn from the pool, the quotas
    /// relaxed by one seat because too few young respondents are left.
    static func replacement() throws -> (PanelConstraints, ReplacementRun) {
        let p = try problem()
        let panel = [0, 1, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]
        let dropouts = [0, 6, 7]
        let start = PanelConstraints(problem: p, confirmed: panel.filter { !dropouts.contains($0) },
                                     eligible: (0..<30).map { !dropouts.contains($0) })
        let (relaxation, reasons) = try relaxation()
        var check = FeasibilityReport(isFeasible: false, reasons: [reasons[0]], conflict: [QuotaBound(feature: 0, value: 0, side: .min)],
                                      relaxation: relaxation, noRelaxation: nil)
        check.conflicts = [[QuotaBound(feature: 0, value: 0, side: .min), QuotaBound(feature: 1, value: 1, side: .max)]]
        let drawn = [16, 17]
        let chances = SelectionProbabilities(values: (0..<20).map { $0 < 4 ? 0.125 : 0.0625 })
        let outcome = SelectionOutcome(panel: drawn, probabilities: chances, algorithm: "leximin", notes: [.leximinColumnGeneration(stages: 3)])
        let run = ReplacementRun(constraints: start, alternatesSeated: [2], alternatesLeft: [3, 4], relaxation: relaxation, check: check,
                                 warning: "the completed panel breaks the quotas by 2 seats", panel: (panel.filter { !dropouts.contains($0) } + [2] + drawn).sorted(),
                                 drawn: drawn, outcome: outcome, people: Array(16..<30))
        return (start, run)
    }

    /// A stored `invitations-report.json` (`address`: one letter per address with response rates; `strata`:
    /// district × age band with oversampling).
    static func invitations(_ name: String) throws -> InvitationReport {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("invitations-\(name).input.json"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(InvitationReport.self, from: data)
    }
}
