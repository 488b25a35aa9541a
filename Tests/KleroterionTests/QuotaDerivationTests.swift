import Foundation
import Testing
@testable import Kleroterion

/// The repository's root folder (for strata-templates/ and examples/).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

func pair(_ band: (min: Int, max: Int)) -> [Int] { [band.min, band.max] }

func template(_ name: String) throws -> StrataTemplate {
    try StrataTemplate.load(path: repositoryRoot + "/strata-templates/\(name).yaml")
}

@Suite struct QuotaDerivationTests {
    @Test func floorAndCeilOfExactFractions() {
        #expect(pair(QuotaDerivation.band(count: 1, of: 3, panelSize: 150)) == [50, 50])
        #expect(pair(QuotaDerivation.band(count: 1, of: 7, panelSize: 150)) == [21, 22])   // 21.43
        #expect(pair(QuotaDerivation.band(count: 0, of: 7, panelSize: 150)) == [0, 0])
        #expect(pair(QuotaDerivation.band(count: 7, of: 7, panelSize: 150)) == [150, 150])
    }

    @Test func floorAndCeilOfSharesWithoutRoundingSurprises() {
        #expect(pair(QuotaDerivation.band(share: 0.2, panelSize: 150)) == [30, 30])        // 30.000000000000004 in doubles
        #expect(pair(QuotaDerivation.band(share: 0.49, panelSize: 50)) == [24, 25])        // Sortition Foundation example
        #expect(pair(QuotaDerivation.band(share: 0.03, panelSize: 50)) == [1, 2])
        #expect(pair(QuotaDerivation.band(share: 0.48, panelSize: 50)) == [24, 24])
    }

    @Test func toleranceWidensAndIsClamped() {
        #expect(pair(QuotaDerivation.band(share: 0.49, panelSize: 50, tolerance: 2)) == [22, 27])
        #expect(pair(QuotaDerivation.band(share: 0.01, panelSize: 50, tolerance: 3)) == [0, 4])
        #expect(pair(QuotaDerivation.band(count: 9, of: 10, panelSize: 10, tolerance: 3)) == [6, 10])
    }

    @Test(arguments: 0..<50)
    func derivedBandsAlwaysAdmitThePanelSize(seed: Int) throws {
        // Random register counts: every feature's bands must satisfy sum(min) <= k <= sum(max), for any k.
        let random = try SeededRandom(seed: "bands \(seed)")
        let counts = (0..<(2 + random.int(below: 8))).map { _ in random.int(below: 1000) + 1 }
        let total = counts.reduce(0, +)
        let k = 1 + random.int(below: 200)
        let bands = counts.map { QuotaDerivation.band(count: $0, of: total, panelSize: k) }
        #expect(bands.reduce(0) { $0 + $1.min } <= k)
        #expect(bands.reduce(0) { $0 + $1.max } >= k)
        #expect(bands.allSatisfy { $0.max - $0.min <= 1 })
    }

    @Test func walesTemplateReproducesThePublishedRanges() throws {
        // vale50plus.org printed these ranges for the 60 seats; floor/ceil of the printed shares must give them.
        let result = try QuotaDerivation.derive(template: template("wales-senedd-2019"), register: nil, shares: nil,
                                                settings: .init(panelSize: 60))
        func band(_ f: String, _ v: String) -> [Int]? {
            result.quotas.first { $0.feature == f && $0.value == v }.map { [$0.min, $0.max] }
        }
        #expect(band("age", "16-29") == [14, 15])
        #expect(band("age", "30-44") == [13, 14])
        #expect(band("age", "45-59") == [14, 15])
        #expect(band("gender", "Female") == [29, 30])
        #expect(band("education", "No qualifications") == [15, 16])
        #expect(band("education", "Level 1 or 2") == [17, 18])
        #expect(band("education", "Level 3 or Apprenticeship or Other") == [12, 13])
        #expect(band("education", "Level 4 or above") == [14, 15])
        #expect(band("voted_2016_election", "No or ineligible") == [35, 36])
        #expect(band("ethnicity", "BAME") == [10, 10])   // the deliberate over-representation is kept
        #expect(result.notes.contains { $0.contains("education") && $0.contains("scaled") })
    }

    @Test func fixedSeatsOnlyForTheirPanelSize() throws {
        let a46 = try template("de-a46-dialogforum")
        let result = try QuotaDerivation.derive(template: a46, register: nil, shares: nil, settings: .init(panelSize: 12))
        #expect(result.quotas.count == 11)
        #expect(result.quotas.allSatisfy { $0.min == $0.max })
        let e = #expect(throws: KleroterionError.self) {
            try QuotaDerivation.derive(template: a46, register: nil, shares: nil, settings: .init(panelSize: 13))
        }
        #expect(e?.message.contains("panel of 12") == true)
    }

    @Test func everyShippedTemplateLoads() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/strata-templates").filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 4)
        for file in files {
            let t = try StrataTemplate.load(path: repositoryRoot + "/strata-templates/" + file)
            #expect(t.name + ".yaml" == file)
        }
    }

    // MARK: nl-gemeente over a register

    let register = """
        id;street;postcode;district;gender;birth_date
        1;A;1;Noord;man;2004-11-01
        2;A;1;Noord;vrouw;2004-11-02
        3;B;2;Zuid;Vrouw;01-01-1950
        4;B;2;Zuid;man;1980-02-29
        5;C;3;Zuid; vrouw ;1960-06-15
        6;C;3;Noord;man;2010-01-01

        """

    func derive(_ register: String, shares: String?, k: Int = 10, tolerance: Int = 0, minAge: Int? = nil) throws -> QuotaDerivation.Result {
        try QuotaDerivation.derive(template: template("nl-gemeente"), register: parseCSV(register, name: "brp.csv"),
                                   shares: shares.map { try PopulationShares(table: parseCSV($0, name: "shares.csv")) },
                                   settings: .init(panelSize: k, tolerance: tolerance, referenceDate: CalendarDate(year: 2020, month: 11, day: 1), minAge: minAge))
    }

    let education = "feature,value,population_share\neducation,laag,22.3%\neducation,middelbaar,0.355\neducation,hoog,\"0,422\"\n"

    @Test func nlGemeenteCountsAgesGenderAndDistrictFromTheRegister() throws {
        let r = try derive(register, shares: education)
        // Person 2 turns 16 the day after the reference date and person 6 is 10: both are left out.
        #expect(r.countedResidents == 4)
        let byKey = Dictionary(uniqueKeysWithValues: r.quotas.map { ("\($0.feature)=\($0.value)", $0) })
        #expect(byKey["age_band=16-24"]?.populationShare == 0.25)
        #expect(byKey["age_band=35-44"]?.populationShare == 0.25)  // 1980-02-29 → 40
        #expect(byKey["age_band=45-54"]?.populationShare == 0.0)
        #expect(byKey["age_band=40-44"] == nil)
        #expect(byKey["age_band=65-74"]?.populationShare == 0.25)   // 1950-01-01 → 70
        #expect(byKey["age_band=55-64"]?.populationShare == 0.25)   // 1960-06-15 → 60
        #expect(byKey["age_band=45-54"]?.min == 0)
        #expect(byKey["gender=man"].map { [$0.min, $0.max] } == [5, 5])
        #expect(byKey["gender=Vrouw"].map { [$0.min, $0.max] } == [5, 5])  // 'Vrouw' and ' vrouw ' are one value
        #expect(byKey["district=Zuid"].map { [$0.min, $0.max] } == [7, 8])  // 3 of 4 → 7.5
        #expect(byKey["education=laag"].map { [$0.min, $0.max] } == [2, 3])
        #expect(r.quotas.map(\.feature).first == "age_band")
        let csv = r.csv.split(separator: "\n")
        #expect(csv.first == "feature,value,min,max,population_share,share_source,feature_label,value_label")
        #expect(csv.contains("district,Zuid,7,8,0.750000,register:brp.csv,de=Ortsteil|en=District|nl=Wijk,"))
        // The template's value_labels ride along: the CBS codes and the register's genders for English and German readers.
        #expect(csv.contains("education,laag,2,3,0.223000,shares_file:shares.csv,de=Bildungsniveau|en=Education|nl=Opleidingsniveau,de=niedrig|en=low"))
        #expect(csv.contains { $0.hasPrefix("gender,Vrouw,") && $0.hasSuffix(",de=Frau|en=woman") })
        let reread = try QuotaSet(table: parseCSV(r.csv, name: "quotas.csv"))
        #expect(reread.quotas.first?.featureLabels == ["nl": "Leeftijd", "en": "Age", "de": "Alter"])
        #expect(reread.quotas.first { $0.value == "hoog" }?.valueLabels == ["en": "high", "de": "hoch"])
        // The column names and values themselves are unchanged.
        #expect(reread.quotas.map(\.feature) == r.quotas.map(\.feature) && reread.quotas.map(\.value) == r.quotas.map(\.value))
    }

    @Test func minimumAgeAndToleranceApply() throws {
        let r = try derive(register, shares: education, tolerance: 1, minAge: 40)
        #expect(r.countedResidents == 3)
        let zuid = r.quotas.filter { $0.value == "Zuid" }.map { [$0.min, $0.max] }
        #expect(zuid == [[9, 10]])   // 3 of 3 → 10–10, widened to 9–10 (clamped at k)
    }

    @Test func missingOrBadSharesAreClearErrors() throws {
        let none = #expect(throws: KleroterionError.self) { try derive(register, shares: nil) }
        #expect(none?.message.contains("education") == true)
        let wrongSum = #expect(throws: KleroterionError.self) {
            try derive(register, shares: "feature,value,population_share\neducation,laag,0.2\neducation,middelbaar,0.3\neducation,hoog,0.3\n")
        }
        #expect(wrongSum?.message.contains("add up to 0.8000") == true)
        let unknown = #expect(throws: KleroterionError.self) {
            try derive(register, shares: education + "education,onbekend,0\n")
        }
        #expect(unknown?.line == 5)
        let missing = #expect(throws: KleroterionError.self) {
            try derive(register, shares: "feature,value,population_share\neducation,laag,0.5\neducation,hoog,0.5\n")
        }
        #expect(missing?.message.contains("middelbaar") == true)
        let notShare = #expect(throws: KleroterionError.self) {
            try derive(register, shares: "feature,value,population_share\neducation,laag,veel\n")
        }
        #expect(notShare?.file == "shares.csv")
        #expect(notShare?.line == 2)
        #expect(notShare?.column == "population_share")
    }

    @Test func roundedSharesAreScaledAndSaidSo() throws {
        let r = try derive(register, shares: "feature,value,population_share\neducation,laag,26.2%\neducation,middelbaar,41.7%\neducation,hoog,32.0%\n")
        let sum = r.quotas.filter { $0.feature == "education" }.compactMap(\.populationShare).reduce(0, +)
        #expect(abs(sum - 1) < 1e-12)
        #expect(r.notes.contains { $0.contains("scaled") })
    }

    @Test func registerErrorsNameLineAndColumn() throws {
        let badDate = #expect(throws: KleroterionError.self) { try derive(register.replacingOccurrences(of: "1960-06-15", with: "15 juni 1960"), shares: education) }
        #expect(badDate?.file == "brp.csv")
        #expect(badDate?.line == 6)
        #expect(badDate?.column == "birth_date")
        let emptyDistrict = #expect(throws: KleroterionError.self) { try derive(register.replacingOccurrences(of: "4;B;2;Zuid", with: "4;B;2;"), shares: education) }
        #expect(emptyDistrict?.line == 5)
        #expect(emptyDistrict?.column == "district")
        let tooYoungForBands = #expect(throws: KleroterionError.self) { try derive(register, shares: education, minAge: 5) }
        #expect(tooYoungForBands?.line == 3)   // person 2 is 15, below the youngest band
        let noDate = #expect(throws: KleroterionError.self) {
            try QuotaDerivation.derive(template: template("nl-gemeente"), register: parseCSV(register), shares: nil, settings: .init(panelSize: 10))
        }
        #expect(noDate?.fix?.contains("--reference-date") == true)
    }

    // MARK: age bands and templates

    @Test func ageBandsParseAndRejectGaps() throws {
        let bands = AgeBands.nlGemeente
        #expect(bands.label(forAge: 15) == nil)
        #expect(bands.label(forAge: 16) == "16-24")
        #expect(bands.label(forAge: 24) == "16-24")
        #expect(bands.label(forAge: 25) == "25-34")
        #expect(bands.label(forAge: 103) == "75+")
        #expect(try AgeBands(labels: ["18–34", "35-54", "55+"]).label(forAge: 20) == "18–34")
        #expect(throws: KleroterionError.self) { try AgeBands(labels: ["16-24", "26-34"]) }
        #expect(throws: KleroterionError.self) { try AgeBands(labels: ["16+", "25-34"]) }
        #expect(throws: KleroterionError.self) { try AgeBands(labels: ["24-16"]) }
        #expect(throws: KleroterionError.self) { try AgeBands(labels: ["jong"]) }
    }

    @Test func badTemplatesAreClearErrors() throws {
        let noShare = #expect(throws: KleroterionError.self) {
            try StrataTemplate.parse(yaml: "name: t\nfeatures:\n  - name: x\n    from: template\n    values: [a, b]\n", path: "t.yaml")
        }
        #expect(noShare?.file == "t.yaml")
        #expect(noShare?.message.contains("neither a share nor fixed seats") == true)
        let badFrom = #expect(throws: KleroterionError.self) {
            try StrataTemplate.parse(yaml: "name: t\nfeatures:\n  - name: x\n    from: census\n", path: "t.yaml")
        }
        #expect(badFrom?.message.contains("from") == true)
        let notYAML = #expect(throws: KleroterionError.self) { try StrataTemplate.parse(yaml: "name: [t\n", path: "t.yaml") }
        #expect(notYAML?.file == "t.yaml")
        let unknown = #expect(throws: KleroterionError.self) { try StrataTemplate.locate("no-such-template", in: [repositoryRoot + "/strata-templates"]) }
        #expect(unknown?.fix?.contains("nl-gemeente") == true)
    }

    @Test func sortitionFoundationCategoriesFileLoadsUnchanged() throws {
        let q = try QuotaSet.load(path: repositoryRoot + "/strata-templates/sortition-foundation-categories-example.csv")
        #expect(q.features == ["gender", "age_bucket", "ethnicity", "disability", "colour_bucket"])
        #expect(q.quotas.count == 21)
        #expect(q.quotas(for: "ethnicity").first { $0.value == "White" }.map { [$0.min, $0.max] } == [10, 12])
    }

    @Test("A register read row by row gives the same quotas as one read whole, BRP headers and M/V codes included")
    func streamedRegisterCountsAsTheTable() throws {
        var lines = ["bsn_pseudo;geslacht;geboortedatum;wijk;postcode"]
        for i in 0..<300 {
            let year = 1930 + (i * 13) % 80, month = 1 + i % 12
            lines.append("P\(i);\(i % 3 == 0 ? "V" : (i % 3 == 1 ? "M" : "v"));\(year)\(month < 10 ? "0" : "")\(month)1\(i % 9);\(["Noord", "Zuid", "Oost"][i % 3 == 0 ? 0 : i % 2 + 1]);3701\(i % 7)")
        }
        let path = NSTemporaryDirectory() + "brp-\(UUID().uuidString).csv"
        try (lines.joined(separator: "\r\n") + "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let settings = QuotaDerivation.Settings(panelSize: 24, tolerance: 1, referenceDate: CalendarDate(year: 2020, month: 11, day: 1),
                                                minAge: 16, combinations: [["gender", "age_band"], ["district", "gender"]])
        let shares = try PopulationShares(table: parseCSV(education, name: "shares.csv"))
        var tableNotes: [String] = [], streamNotes: [String] = []
        let whole = try QuotaDerivation.derive(template: template("nl-gemeente"),
                                               register: RegisterColumns().read(path, notes: &tableNotes), shares: shares, settings: settings)
        let streamed = try QuotaDerivation.derive(template: template("nl-gemeente"),
                                                  registerRows: RegisterColumns().rows(path, notes: &streamNotes), shares: shares, settings: settings)
        #expect(streamed.csv == whole.csv)
        #expect(streamed.countedResidents == whole.countedResidents && whole.countedResidents! > 200)
        // The table's reading spells the codes out (and says so) before counting; the stream says so as it counts.
        #expect(streamNotes == tableNotes.filter { !$0.contains("M / V / O") } && streamNotes.contains { $0.contains("geslacht → gender") })
        #expect(streamed.quotas.contains { $0.feature == "gender" && $0.value == "vrouw" }, "V and v read as vrouw")
        #expect(streamed.quotas.contains { $0.feature == "gender&age_band" && $0.value.hasPrefix("man&") })
        #expect(streamed.notes.contains { $0.contains("M / V / O read as man / vrouw / overig") })
    }

    // MARK: quotas on combinations

    @Test func jointCountsFromTheRegister() throws {
        let r = try QuotaDerivation.derive(template: template("nl-gemeente"), register: parseCSV(register, name: "brp.csv"),
                                           shares: PopulationShares(table: parseCSV(education, name: "shares.csv")),
                                           settings: .init(panelSize: 10, referenceDate: CalendarDate(year: 2020, month: 11, day: 1),
                                                           combinations: [["gender", "age_band"]]))
        let joint = r.quotas.filter { $0.feature == "gender&age_band" }
        // Four residents counted, one in each cell; in the order of gender, then age band.
        #expect(joint.map(\.value) == ["man&16-24", "man&35-44", "Vrouw&55-64", "Vrouw&65-74"])
        #expect(joint.allSatisfy { $0.min == 2 && $0.max == 3 && $0.populationShare == 0.25 })
        #expect(r.sources.contains { $0.feature == "gender&age_band" })
        // The written file loads back as quotas, combination rows included.
        let q = try QuotaSet(table: parseCSV(r.csv, name: "quotas.csv"))
        #expect(q.quotas(for: "gender&age_band").count == 4)
        // Education is not in the register, so the register cannot count it with gender.
        #expect(throws: KleroterionError.self) {
            try QuotaDerivation.derive(template: template("nl-gemeente"), register: parseCSV(register, name: "brp.csv"),
                                       shares: PopulationShares(table: parseCSV(education, name: "shares.csv")),
                                       settings: .init(panelSize: 10, referenceDate: CalendarDate(year: 2020, month: 11, day: 1),
                                                       combinations: [["gender", "education"]]))
        }
    }

    @Test func jointSharesRowsFromTheSharesFile() throws {
        let shares = education + "gender&education,vrouw&laag,0.12\ngender&education,man&hoog,21%\n"
        let r = try derive(register, shares: shares)
        let joint = r.quotas.filter { $0.feature == "gender&education" }
        #expect(joint.map { [$0.min, $0.max] } == [[1, 2], [2, 3]])
        #expect(joint.map(\.value) == ["vrouw&laag", "man&hoog"])
        #expect(!r.notes.contains { $0.contains("gender&education") })
        let bad = education + "gender&education,vrouw,0.12\n"
        #expect { try derive(register, shares: bad) } throws: { "\($0)".contains("shares.csv:5") }
    }
}
