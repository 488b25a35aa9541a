import Foundation
import Testing
@testable import Kleroterion

/// A municipality's own files, as a civil servant has them: a BRP extract with Dutch headers (`geslacht` M/V,
/// `geboortedatum` JJJJMMDD, a few partly unknown dates), a registrations file without `age_band` and with
/// `opleiding`, and every command run from a folder outside the repository.
@Suite(.serialized) struct DutchRegisterCLITests {
    /// The example's register, rewritten with BRP headers and spellings.
    static func brpRegister(in folder: String) throws -> String {
        try run("/usr/bin/env", ["python3", repositoryRoot + "/examples/zeist/generate_register.py", "--out", folder + "/en.csv", "--adults", "3000", "--seed", "7"])
        let en = try CSVReader.read(path: folder + "/en.csv")
        let dutch = ["id": "id", "first_name": "voornamen", "last_name": "geslachtsnaam", "street": "straatnaam", "house_number": "huisnummer",
                     "postcode": "postcode", "district": "wijk", "gender": "geslacht", "birth_date": "geboortedatum"]
        let header = en.header.map { dutch[$0]! }
        let g = try en.requireColumn("gender"), b = try en.requireColumn("birth_date")
        var rows = en.rows.map { row -> [String] in
            var r = row
            r[g] = row[g] == "vrouw" ? "V" : "M"
            r[b] = row[b].replacingOccurrences(of: "-", with: "")
            return r
        }
        // Two residents whose birth dates the BRP only partly knows.
        rows.append(["Z900001", "Ans", "Bakker", "Laan van Vollenhove", "1", "3706 AA", "Zeist-Centrum", "V", "19700000"])
        rows.append(["Z900002", "Kees", "Smit", "Laan van Vollenhove", "3", "3706 AA", "Zeist-Centrum", "M", "19850300"])
        let path = folder + "/brp-export.csv"
        try OutputFiles.write(CSVWriter.document(header: header, rows: rows, delimiter: ";"), to: path)
        return path
    }

    @Test func theWholeZeistDrawOnDutchFilesFromAnotherFolder() throws {
        let bin = try kleroterionBinary()
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(!folder.hasPrefix(repositoryRoot))
        let here = URL(fileURLWithPath: folder)
        _ = try Self.brpRegister(in: folder)
        func kleroterion(_ arguments: [String]) throws -> ProgramRun {
            let r = try runProgram(bin, arguments, in: here)
            #expect(r.status == 0, "kleroterion \(arguments.first ?? "") failed: \(r.stderr)")
            return r
        }

        // inspect shows how the BRP headers will be read, in Dutch unless told otherwise.
        let inspect = try kleroterion(["inspect", "brp-export.csv"])
        #expect(inspect.stdout.contains("geslacht: 0 leeg  → gelezen als gender (bekende kolomnaam van de BRP)"), "\(inspect.stdout)")
        #expect(inspect.stdout.contains("geboortedatum: 0 leeg  → gelezen als birth_date (bekende kolomnaam van de BRP)"))
        #expect(inspect.stdout.contains("wijk: 0 leeg  → gelezen als district (bekende kolomnaam van de BRP)"))
        #expect(inspect.stdout.contains("scheidingsteken ';' (puntkomma)"), "\(inspect.stdout)")
        let inspectEnglish = try kleroterion(["inspect", "brp-export.csv", "--language", "en"])
        #expect(inspectEnglish.stdout.contains("geslacht: 0 empty  → read as gender (BRP header)"), "\(inspectEnglish.stdout)")

        // Partly unknown birth dates: refused with the way on, then excluded and counted.
        let refused = try runProgram(bin, ["invite", "--register", "brp-export.csv", "--count", "900", "--seed", "t", "--out", "invite",
                                           "--household-columns", "street,house_number,postcode", "--strata", "district",
                                           "--min-age", "16", "--reference-date", "2020-11-01"], in: here)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("19700000") && refused.stderr.contains("--unknown-birth-dates exclude"))
        let invite = try kleroterion(["invite", "--register", "brp-export.csv", "--count", "900", "--seed", "Zeist, letters", "--out", "invite",
                                      "--household-columns", "street,house_number,postcode", "--strata", "district",
                                      "--min-age", "16", "--reference-date", "2020-11-01", "--unknown-birth-dates", "exclude"])
        #expect(invite.stdout.contains("Niet meegeloot: 2 inwoners met een deels onbekende geboortedatum"), "\(invite.stdout)")
        #expect(invite.stdout.hasPrefix("Brieven geloot: 900 onder "), "\(invite.stdout)")
        let letterReport = try String(contentsOfFile: folder + "/invite/invitations-report.md", encoding: .utf8)
        #expect(letterReport.hasPrefix("# Loting van de uitnodigingen") && letterReport.contains("2 met een deels onbekende geboortedatum"))

        // The registrations: the example's simulated response, then as a registration form exports it (Dutch
        // headers, opleiding, JJJJMMDD, no age_band).
        let letters = try CSVReader.read(path: folder + "/invite/invitations.csv")
        let english = ["straatnaam": "street", "huisnummer": "house_number", "wijk": "district", "geslacht": "gender",
                       "geboortedatum": "birth_date", "voornamen": "first_name", "geslachtsnaam": "last_name"]
        let b = try letters.requireColumn("geboortedatum"), g = try letters.requireColumn("geslacht")
        try OutputFiles.write(CSVWriter.document(header: letters.header.map { english[$0] ?? $0 }, rows: letters.rows.map { row in
            var r = row
            r[b] = String(row[b].prefix(4)) + "-" + String(row[b].dropFirst(4).prefix(2)) + "-" + String(row[b].suffix(2))
            r[g] = row[g] == "V" ? "vrouw" : "man"
            return r
        }), to: folder + "/letters-en.csv")
        try run("/usr/bin/env", ["python3", repositoryRoot + "/examples/zeist/simulate_response.py", "--invitations", folder + "/letters-en.csv", "--out-dir", folder])
        let simulated = try CSVReader.read(path: folder + "/respondents.csv")
        let keep = simulated.header.indices.filter { simulated.header[$0] != "age_band" }
        let form = ["street": "straatnaam", "house_number": "huisnummer", "district": "wijk", "gender": "geslacht",
                    "birth_date": "geboortedatum", "education": "opleiding", "first_name": "voornamen", "last_name": "geslachtsnaam"]
        let sb = try simulated.requireColumn("birth_date"), sg = try simulated.requireColumn("gender")
        try OutputFiles.write(CSVWriter.document(header: keep.map { form[simulated.header[$0]] ?? simulated.header[$0] }, rows: simulated.rows.map { row in
            var r = row
            r[sb] = row[sb].replacingOccurrences(of: "-", with: "")
            r[sg] = row[sg] == "vrouw" ? "V" : "M"
            return keep.map { r[$0] }
        }, delimiter: ";"), to: folder + "/aanmeldingen.csv")

        // Quotas from the BRP extract; --shares and --template by the paths the README uses, from this folder.
        _ = try kleroterion(["quotas", "--template", "strata-templates/nl-gemeente.yaml", "--register", "brp-export.csv",
                             "--shares", "strata-templates/shares/cbs-education-utrecht-2024.csv", "--panel-size", "20", "--tolerance", "1",
                             "--reference-date", "2020-11-01", "--min-age", "16", "--unknown-birth-dates", "exclude", "--out", "quotas.csv"])
        let quotas = try QuotaSet.load(path: folder + "/quotas.csv")
        #expect(quotas.features == ["age_band", "gender", "education", "district"])
        #expect(Set(quotas.quotas(for: "gender").map(\.value)) == ["man", "vrouw"])   // M / V read as man / vrouw

        // Without --reference-date the missing age_band is a clear error that says what to add.
        let common = ["--people", "aanmeldingen.csv", "--quotas", "quotas.csv", "--panel-size", "20",
                      "--household-columns", "street,house_number,postcode", "--columns", "education=opleiding"]
        let noDate = try runProgram(bin, ["check"] + common, in: here)
        #expect(noDate.status == 2 && noDate.stderr.contains("--reference-date"))
        let check = try kleroterion(["check"] + common + ["--reference-date", "2020-11-01"])
        #expect(check.stdout.hasPrefix("Haalbaar: minstens één panel van 20"), "\(check.stdout)")
        let select = try kleroterion(["select"] + common + ["--reference-date", "2020-11-01", "--seed", "Zeist, panel", "--algorithm", "leximin",
                                                            "--invitations", "invite", "--out", "panel"])
        // The console speaks the organiser's language, one line per step; the solver's details only with --verbose.
        let lines = select.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Aanmeldingen gelezen: ") == true)
        #expect(lines.contains("Quota gecontroleerd: er is een panel mogelijk."))
        #expect(lines.contains { $0.hasPrefix("Eerlijkste loting berekend: ieder heeft minstens ") && $0.hasSuffix("% kans.") })
        #expect(lines.contains { $0.hasPrefix("Panel van 20 geloot uit ") })
        #expect(!select.stderr.lowercased().contains("stage") && !select.stderr.contains("ILP"))

        // The panel meets the quotas on the derived age bands, and nobody is lost or doubled.
        let panel = try CSVReader.read(path: folder + "/panel/panel.csv")
        let remaining = try CSVReader.read(path: folder + "/panel/remaining.csv")
        let pool = try CSVReader.read(path: folder + "/aanmeldingen.csv")
        #expect(panel.rows.count == 20)
        let pid = try panel.requireColumn("id"), rid = try remaining.requireColumn("id"), oid = try pool.requireColumn("id")
        let ids = panel.rows.map { $0[pid] } + remaining.rows.map { $0[rid] }
        #expect(ids.sorted() == pool.rows.map { $0[oid] }.sorted())
        let ageColumn = try panel.requireColumn("age_band")
        for q in quotas.quotas(for: "age_band") {
            let n = panel.rows.filter { $0[ageColumn] == q.value }.count
            #expect(n >= q.min && n <= q.max, "age band \(q.value): \(n) seats, quota \(q.min)-\(q.max)")
        }
        let report = try String(contentsOfFile: folder + "/panel/report.md", encoding: .utf8)
        #expect(report.contains("Alle inwoners in de basisregistratie (BRP)"))
        #expect(report.contains("geteld in de basisregistratie (brp-export.csv)"))
        // Features by the template's names, not their columns; the strata of the letters too.
        #expect(report.contains("### Opleidingsniveau") && report.contains("### Leeftijd") && !report.contains("### age_band"))
        #expect(!report.contains("wijk=") && !report.contains("district="))
    }

    @Test func versionAndUnknownHelpTopic() throws {
        let bin = try kleroterionBinary()
        let version = try runProgram(bin, ["--version"])
        #expect(version.status == 0 && version.stdout.split(separator: ".").count == 3)
        let unknown = try runProgram(bin, ["help", "selekt"])
        #expect(unknown.status == 2 && unknown.stderr.contains("there is no command 'selekt'") && unknown.stderr.contains("select"))
        let help = try runProgram(bin, ["help", "select"])
        #expect(help.status == 0)
        // --one-per-address stays an alias of --household-columns.
        let inviteHelp = try runProgram(bin, ["invite", "--help"])
        #expect(inviteHelp.stdout.contains("--household-columns"))
    }

    @Test func columnMappingIsClearAboutMistakes() throws {
        let table = try parseCSV("bsn;geslacht;geboortedatum\n1;V;19700101\n2;M;19800229\n", name: "brp.csv")
        let (mapped, renames, notes) = try ColumnMapping(spec: "id=bsn").apply(to: table)
        #expect(mapped.header == ["id", "gender", "birth_date"])
        #expect(renames.map(\.origin) == ["--columns", "BRP header", "BRP header"])
        #expect(mapped.rows.map { $0[1] } == ["vrouw", "man"] && !notes.isEmpty)
        let e = #expect(throws: KleroterionError.self) { try ColumnMapping(spec: "gender=sekse").apply(to: table) }
        #expect(e?.message.contains("'sekse', which is not in the file") == true && e?.file == "brp.csv")
        #expect(throws: KleroterionError.self) { try ColumnMapping(spec: "gender") }
        // Values that are not all BRP codes stay as they are.
        let words = try parseCSV("geslacht\nvrouw\nM\n", name: "x.csv")
        let kept = try ColumnMapping().apply(to: words).table
        #expect(kept.rows.map { $0[0] } == ["vrouw", "M"])
    }

    @Test func partlyUnknownBirthDates() {
        #expect(CalendarDate.birthDate("19700000", policy: .refuse) == .partlyUnknown)
        #expect(CalendarDate.birthDate("19700000", policy: .exclude) == .excluded)
        #expect(CalendarDate.birthDate("19700000", policy: .impute) == .date(CalendarDate(year: 1970, month: 7, day: 1)!))
        #expect(CalendarDate.birthDate("19700300", policy: .impute) == .date(CalendarDate(year: 1970, month: 3, day: 15)!))
        #expect(CalendarDate.birthDate("00-03-1970", policy: .impute) == .date(CalendarDate(year: 1970, month: 3, day: 15)!))
        #expect(CalendarDate.birthDate("19701300", policy: .impute) == .invalid)
        #expect(CalendarDate.birthDate("19700132", policy: .impute) == .invalid)
        #expect(CalendarDate.birthDate("14-03-1970", policy: .refuse) == .date(CalendarDate(year: 1970, month: 3, day: 14)!))
    }

    @Test func ageBandsFromTheQuotaValues() throws {
        let quotas = QuotaSet(source: "q.csv", quotas: [Quota(feature: "age_band", value: "75+", min: 1, max: 2),
                                                       Quota(feature: "age_band", value: "16-74", min: 1, max: 3)])
        let pool = try parseCSV("id,birth_date\n1,19500101\n2,20040101\n3,19450000\n", name: "p.csv")
        let (feature, bands) = try #require(AgeBandColumn.missingAgeFeature(quotas: quotas, table: pool))
        #expect(feature == "age_band" && bands.labels == ["16-74", "75+"])
        let r = try AgeBandColumn.add(to: pool, feature: feature, bands: bands, birthColumn: "birth_date",
                                      reference: CalendarDate(year: 2026, month: 1, day: 1)!, policy: .exclude)
        #expect(r.table.rows.map { $0.last! } == ["75+", "16-74"] && r.excluded == 1)
        #expect(r.table.lineNumbers == [2, 3])
    }
}
