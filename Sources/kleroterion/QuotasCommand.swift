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
    @Option(help: "Language of the console's lines: nl (default), en or de.") var language: String = "nl"
    @Option(help: "Also a quota per combination of these features, counted jointly in the register, e.g. gender&age_band (repeatable).")
    var combine: [String] = []
    @OptionGroup(title: "Your own column names and birth dates") var registerColumns: ColumnOptions

    func run() throws {
        try reportingErrors {
            var request = QuotasWorkflow.Request(template: template, panelSize: panelSize, out: out)
            request.register = register
            request.columns = try registerColumns.registerColumns()
            request.shares = shares
            request.tolerance = tolerance
            request.referenceDate = referenceDate
            request.minAge = minAge
            request.birthDateColumn = birthDateColumn
            request.combine = combine
            request.language = try ReportFiles.language(language)
            try request.validate()
            var files = try outputFolder(request.outFolder, inputs: try request.inputs(), replace: replace,
                                         placement: .intoFolder, names: [request.outName])
            let result = try QuotasWorkflow.run(request, into: &files, events: .silent)
            try files.commit()
            show(result.lines, warnings: result.warnings)
        }
    }
}
