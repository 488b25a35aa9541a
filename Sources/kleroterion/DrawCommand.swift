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
    @Option(help: "Language of report.md and report.html: nl (default), en or de.") var language: String = "nl"
    @Flag(help: "Replace an existing, non-empty output folder (the same draw made again) as a whole.") var replace = false

    func run() throws {
        try reportingErrors {
            let outDir = out ?? (commitment as NSString).appendingPathComponent("draw")
            // A draw happens once: refuse to overwrite a record made with another seed.
            let auditPath = (outDir as NSString).appendingPathComponent(LotteryDraw.auditFile)
            if let data = FileManager.default.contents(atPath: auditPath),
               let old = try? LotteryDraw.readAudit(data, source: auditPath),
               old.seed != ((try? CommitmentFolder.load(commitment).canonicalSeed(seed)) ?? seed) {
                throw KleroterionError(file: auditPath, "this lottery was already drawn with the seed \"\(old.seed)\"",
                                       fix: "a lottery is drawn once; check it with `kleroterion verify`, or choose another --out folder if you really mean a new draw")
            }
            let output = try outputFolder(outDir, inputs: [commitment, people, quotas, populationShares], replace: replace)
            let language = try ReportFiles.language(self.language)
            let shares = try populationShares.map { try PopulationShares.load(path: $0) }
            let result = try LotteryDraw.perform(commitment: commitment, seed: seed, people: people, quotas: quotas, populationShares: shares)
            try result.write(to: output, language: language)
            print("The seed gives panel \(result.panelNumber) of \(result.panelCount).")
            print("Drew \(result.members.count) members (pool ids): \(result.members.map { result.pool.ids[$0] }.joined(separator: " "))")
            print("Wrote \(result.files.map(\.name).joined(separator: ", ")) and the report (report.md, report.json, report.html) to \(outDir)")
            print("Publish audit.json with the commitment folder (pseudonyms only); panel.csv and remaining.csv (real ids, names, addresses) and the report's folder stay private until you have checked them.")
        }
    }
}
