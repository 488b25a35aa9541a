import Foundation
import Testing
@testable import Kleroterion

/// Every shipped template, one real assembly each, loads and derives quotas on a synthetic register where it can;
/// criteria whose numbers were never published are left out (and named), never filled in.
@Suite struct StrataTemplateCatalogueTests {
    static let folder = repositoryRoot + "/strata-templates"
    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()

    /// A register with a birth date and a column for every register feature: 400 residents aged 12 to 91.
    func syntheticRegister(for t: StrataTemplate) throws -> Table {
        let registerFeatures = t.features.filter { $0.from == .register }
        var header = ["id", "birth_date"] + registerFeatures.map { $0.column ?? $0.name }
        header = header.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        var text = header.joined(separator: ";") + "\n"
        for i in 0..<400 {
            var row = [String(i + 1), String(format: "%04d-06-15", 2025 - 12 - (i % 80))]
            for f in registerFeatures where !row.isEmpty {
                let values = f.values.isEmpty ? ["A", "B", "C"] : f.values.map(\.value)
                row.append(values[(i * 7 + f.name.count) % values.count])
            }
            text += row.prefix(header.count).joined(separator: ";") + "\n"
        }
        return try parseCSV(text, name: "register.csv")
    }

    /// Equal shares for every value of the features the template needs (or allows) from a shares file.
    func syntheticShares(for t: StrataTemplate, includingUnpublished: Bool) throws -> PopulationShares? {
        let wanted = t.features.filter { $0.from == .sharesFile || (includingUnpublished && $0.from == .unpublished) }
        guard !wanted.isEmpty else { return nil }
        var text = "feature,value,population_share\n"
        for f in wanted {
            let values = f.listedValues.isEmpty ? ["X", "Y"] : f.listedValues
            for v in values { text += CSVWriter.line([f.name, v, String(1.0 / Double(values.count))]) }
        }
        return try PopulationShares(table: parseCSV(text, name: "shares.csv"))
    }

    @Test func everyAssemblyOfTheSourcesHasATemplate() throws {
        // sources/ holds the published criteria of 18 real assemblies and references; each assembly file is cited
        // by a template, the CBS and Zeist reference tables by a shares file.
        let sources = try FileManager.default.contentsOfDirectory(atPath: Self.folder + "/sources").filter { $0.hasSuffix(".csv") && $0 != "achieved_compositions.csv" }
        #expect(sources.count == 18)
        let yaml = try Self.files.map { try String(contentsOfFile: Self.folder + "/" + $0, encoding: .utf8) }.joined()
        let references = ["nl_cbs_education_reference.csv", "zeist_population_reference.csv"]
        for file in sources where !references.contains(file) {
            #expect(yaml.contains("sources/" + file), "no template cites sources/\(file)")
        }
        #expect(Self.files.count >= 17)
    }

    @Test(arguments: files)
    func templateLoadsAndDerivesWhereItCan(file: String) throws {
        let t = try StrataTemplate.load(path: Self.folder + "/" + file)
        #expect(t.name + ".yaml" == file)
        #expect(!t.sources.isEmpty, "\(file) names no source")
        #expect(t.features.allSatisfy { !$0.labels.isEmpty }, "\(file): every feature has reader labels")
        for language in ["nl", "de"] {
            #expect(t.titles[language] != nil && t.title(language) != t.title, "\(file): a title in \(language) (titles:)")
        }
        let k = t.panelSize ?? 30
        let settings = QuotaDerivation.Settings(panelSize: k, referenceDate: CalendarDate(year: 2025, month: 1, day: 1))
        let needsRegister = t.features.contains { $0.from == .register || $0.from == .birthDate }
        let register = needsRegister ? try syntheticRegister(for: t) : nil
        let published = t.features.filter { $0.from != .unpublished }
        let unpublished = t.features.filter { $0.from == .unpublished }

        if published.isEmpty {
            // Nothing to derive from: a clear error, and it works once a shares file gives the numbers.
            let e = #expect(throws: KleroterionError.self) {
                try QuotaDerivation.derive(template: t, register: register, shares: nil, settings: settings)
            }
            #expect(e?.message.contains("no feature") == true)
        } else {
            let r = try QuotaDerivation.derive(template: t, register: register, shares: syntheticShares(for: t, includingUnpublished: false), settings: settings)
            #expect(Set(r.quotas.map(\.feature)) == Set(published.map(\.name)))
            for f in unpublished {
                #expect(r.notes.contains { $0.hasPrefix(f.name + ":") && $0.contains("left out") }, "\(file): \(f.name) is not named as left out")
            }
            for f in published {
                let qs = r.quotas.filter { $0.feature == f.name }
                #expect(qs.reduce(0) { $0 + $1.min } <= k && qs.reduce(0) { $0 + $1.max } >= k, "\(file): \(f.name) cannot be met")
            }
        }
        // With shares for the unpublished criteria too, every feature is used.
        let all = try QuotaDerivation.derive(template: t, register: register, shares: syntheticShares(for: t, includingUnpublished: true), settings: settings)
        #expect(Set(all.quotas.map(\.feature)) == Set(t.features.map(\.name)))
    }

    @Test func titlesPerLanguage() throws {
        let t = try StrataTemplate.parse(yaml: "name: x\ntitle: Town\ntitles: {nl: Gemeente}\nfeatures:\n  - {name: g, from: register, column: g}\n", path: "x.yaml")
        #expect(t.title("nl") == "Gemeente" && t.title("de") == "Town" && t.title("en") == "Town")
        let e = #expect(throws: KleroterionError.self) {
            try StrataTemplate.parse(yaml: "name: x\ntitles: {fr: Ville}\nfeatures:\n  - {name: g, from: register, column: g}\n", path: "x.yaml")
        }
        #expect(e?.message.contains("'fr'") == true && e?.file == "x.yaml")
    }

    @Test func unpublishedFeaturesCarryNoNumbers() throws {
        let e = #expect(throws: KleroterionError.self) {
            try StrataTemplate.parse(yaml: """
                name: x
                features:
                  - name: age
                    from: unpublished
                    values: [{value: "16-24", share: "10%"}]
                """, path: "x.yaml")
        }
        #expect(e?.message.contains("unpublished") == true)
    }

    @Test func publishedSharesAreTheSourcesOwn() throws {
        // Spot checks against sources/*.csv: the numbers are copied, not estimated.
        let sluis = try QuotaDerivation.derive(template: StrataTemplate.load(path: Self.folder + "/g1000-sluis-2023.yaml"),
                                               register: parseCSV("id;place\n1;Oostburg\n2;Sluis\n", name: "r.csv"), shares: nil,
                                               settings: .init(panelSize: 320))
        #expect(sluis.quotas.first { $0.value == "andere taal dan Nederlands" }.map { [$0.min, $0.max] } == [40, 40])   // 1 in 8 of 320
        let ccc = try StrataTemplate.load(path: Self.folder + "/fr-convention-climat-2019.yaml")
        #expect(ccc.features.first { $0.name == "sexe" }?.values.map(\.share) == [0.52, 0.48])
        #expect(ccc.features.first { $0.name == "niveau_diplome" }?.from == .unpublished)   // 28 % or 40 seats: the sources disagree
    }
}
