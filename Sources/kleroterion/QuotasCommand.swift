import ArgumentParser
import Foundation
import Kleroterion

/// `kleroterion quotas`: derive quota bands from population shares (issue #2).
struct QuotasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotas",
        abstract: "Derive quotas from a template and population shares.",
        discussion: """
            For every feature and value: min = floor(share × panel size), max = ceil(share × panel size), widened by \
            --tolerance seats. Shares come from the register (age bands, gender, district), from a shares file \
            (education), or from the template itself. Writes feature,value,min,max,population_share,share_source. \
            Quotas on combinations come from joint shares rows in the shares file (gender&age_band,vrouw&16-24,0.071) \
            or from the register's joint counts (--combine gender&age_band).
            Templates: strata-templates/*.yaml (give a name such as nl-gemeente, or a file path).
            """
    )

    @Option(help: "A template name from strata-templates/ (e.g. nl-gemeente) or a template file.") var template: String
    @Option(help: "The population register (CSV, ',' or ';'), for shares counted from it.") var register: String?
    @Option(help: "Population shares for what the register does not hold: feature,value,population_share.") var shares: String?
    @Option(help: "How many seats the panel has.") var panelSize: Int
    @Option(help: "The quotas file to write.") var out: String
    @Option(help: "Widen every derived band by this many seats on each side.") var tolerance: Int = 0
    @Option(help: "The date at which ages are counted (YYYY-MM-DD), e.g. the date of the letters.") var referenceDate: String?
    @Option(help: "The youngest age counted (default: the template's minimum age).") var minAge: Int?
    @Option(help: "The register column with birth dates (default: the template's).") var birthDateColumn: String?
    @Flag(help: "Overwrite the --out file if it exists.") var replace = false
    @Option(help: "Also a quota per combination of these features, counted jointly in the register, e.g. gender&age_band (repeatable).")
    var combine: [String] = []
    @OptionGroup(title: "Your own column names and birth dates") var registerColumns: ColumnOptions

    func run() throws {
        try reportingErrors {
            try checkedRange(panelSize, option: "--panel-size", 1...QuotaSet.largestSeatCount, meaning: "seats")
            try checkedRange(tolerance, option: "--tolerance", 0...panelSize, meaning: "seats (at most the panel size)")
            try checkedRange(minAge, option: "--min-age", 0...150, meaning: "years")
            var reference: CalendarDate?
            if let text = referenceDate {
                guard let date = CalendarDate(parsing: text) else {
                    throw KleroterionError("--reference-date '\(text)' is not a date", fix: "write the date as YYYY-MM-DD, e.g. 2026-01-01")
                }
                reference = date
            }
            let path = try StrataTemplate.locate(template, in: Self.templateDirectories())
            let outURL = URL(fileURLWithPath: out)
            let outFolder = (out as NSString).deletingLastPathComponent
            var files = try outputFolder(outFolder.isEmpty ? "." : outFolder, inputs: [path, register, shares], replace: replace,
                                         placement: .intoFolder, names: [outURL.lastPathComponent])
            let strata = try StrataTemplate.load(path: path)
            let table = try register.map { try registerColumns.read($0, template: strata) }
            let shareFile = try shares.map { try PopulationShares.load(path: Self.resolve($0, in: Self.sharesDirectories())) }
            var settings = QuotaDerivation.Settings(panelSize: panelSize, tolerance: tolerance, referenceDate: reference,
                                                    minAge: minAge, birthDateColumn: birthDateColumn,
                                                    combinations: combine.map(QuotaSet.combinationParts))
            settings.unknownBirthDates = try registerColumns.policy()
            let result = try QuotaDerivation.derive(template: strata, register: table, shares: shareFile, settings: settings)
            files.add(outURL.lastPathComponent, result.csv)
            try files.commit()

            print("Quotas for a panel of \(panelSize) from template \(strata.name) (\(path))" + (tolerance > 0 ? ", tolerance ±\(tolerance)" : "") + ":")
            if let n = result.countedResidents { print("  \(n) residents counted in \(register!)") }
            for (feature, source) in result.sources { print("  \(feature): \(source)") }
            print("")
            let width = max(7, result.quotas.map { $0.feature.count + $0.value.count + 3 }.max() ?? 0)
            for q in result.quotas {
                let label = "\(q.feature) = \(q.value)"
                let share = q.populationShare.map { String(format: "%5.1f %%", $0 * 100) } ?? "      "
                print("  " + label.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(share)   \(q.min)–\(q.max)")
            }
            for n in result.notes { note("note: " + n) }
            print("\nWrote \(out)")
        }
    }

    /// A shares file by path, or by name (`cbs-education-utrecht-2024`) in `strata-templates/shares/`, looked up the
    /// same way as templates, so that `--shares` works from any folder.
    static func resolve(_ nameOrPath: String, in directories: [String]) -> String {
        if FileManager.default.fileExists(atPath: nameOrPath) { return nameOrPath }
        let file = nameOrPath.hasSuffix(".csv") ? nameOrPath : nameOrPath + ".csv"
        for dir in directories {
            let candidate = (dir as NSString).appendingPathComponent(file)
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let bare = (dir as NSString).appendingPathComponent((file as NSString).lastPathComponent)
            if FileManager.default.fileExists(atPath: bare) { return bare }
        }
        return nameOrPath   // the reader then names the missing file
    }

    static func sharesDirectories() -> [String] { templateDirectories().map { ($0 as NSString).appendingPathComponent("shares") } }

    /// Where template names are looked up: ./strata-templates, then the folder next to the program's build
    /// (…/.build/release/kleroterion → …/strata-templates), then an installed share folder.
    static func templateDirectories() -> [String] {
        var dirs = ["strata-templates"]
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
            for up in ["../../strata-templates", "../../../strata-templates", "../share/kleroterion/strata-templates"] {
                let dir = exe.appendingPathComponent(up).standardizedFileURL.path
                if !dirs.contains(dir) { dirs.append(dir) }
            }
        }
        return dirs
    }
}
