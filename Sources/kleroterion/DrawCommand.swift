import ArgumentParser
import Foundation
import Kleroterion

/// `kleroterion draw`: apply the public seed to a committed lottery (issue #4).
struct DrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw",
        abstract: "Draw the panel from a committed lottery with the public seed.",
        discussion: "Refuses a commitment whose files or inputs changed. Writes panel.csv and remaining.csv (private: all pool columns), audit.json (public: ids only) and the representativeness report."
    )

    @Option(help: "The folder `kleroterion commit` wrote.") var commitment: String
    @Option(help: "The public seed, exactly as announced and observed.") var seed: String
    @Option(help: "The output folder (default: COMMITMENT/draw).") var out: String?
    @Option(help: "The pool file, if it is no longer where the manifest says.") var people: String?
    @Option(help: "The quotas file, if it is no longer where the manifest says.") var quotas: String?
    @Option(help: "Population shares per feature and value (feature,value,population_share) for the report.") var populationShares: String?
    @Option(help: "Language of the console's lines, report.md and report.html: nl (default), en or de.") var language: String = "nl"
    @Flag(help: "Also show the members' and alternates' ids and the fingerprint.") var verbose = false
    @Flag(help: "Replace an existing, non-empty output folder (the same draw made again) as a whole.") var replace = false

    func run() throws {
        try reportingErrors {
            var request = DrawWorkflow.Request(commitment: commitment, seed: seed)
            request.people = people
            request.quotas = quotas
            request.populationShares = populationShares
            let outDir = out ?? request.defaultFolder
            // A draw happens once: refuse to overwrite a record made with another seed.
            try DrawWorkflow.refuseSecondSeed(request, in: outDir)
            var files = try outputFolder(outDir, inputs: request.inputs, replace: replace)
            request.language = try ReportFiles.language(language)
            let result = try DrawWorkflow.run(request, into: &files, events: .silent)
            try files.commit()
            show(result.lines, warnings: result.warnings, details: result.details, verbose: verbose)
        }
    }
}
