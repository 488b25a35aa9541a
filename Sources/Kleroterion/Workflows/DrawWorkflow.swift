import Foundation

/// `draw`: apply the public seed to a committed lottery (issue #4), and queue panel.csv, remaining.csv (private),
/// audit.json (public) and the representativeness report; for a commitment with alternates also alternates.csv and
/// alternate-probabilities.csv (private).
public enum DrawWorkflow {
    /// Which lottery, and the seed.
    public struct Request: Sendable {
        /// The folder `commit` wrote.
        public var commitment: String
        /// The public seed, exactly as announced and observed.
        public var seed: String
        /// The pool and quotas files, if they are no longer where the manifest says.
        public var people: String?
        public var quotas: String?
        /// Population shares (feature,value,population_share) for the report.
        public var populationShares: String?
        public var language: ReportLanguage = .nl

        public init(commitment: String, seed: String) {
            self.commitment = commitment; self.seed = seed
        }

        /// Every file or folder the draw reads, which no output may overwrite.
        public var inputs: [String?] { [commitment, people, quotas, populationShares] }

        /// Where the draw goes unless the organiser says otherwise: COMMITMENT/draw.
        public var defaultFolder: String { (commitment as NSString).appendingPathComponent("draw") }
    }

    /// The drawn panel.
    public struct Result: Sendable {
        /// The lines the CLI prints on stdout once the files are written.
        public var lines: [String]
        public var warnings: [String]
        /// The members' and alternates' pool ids and the fingerprint, for `--verbose`.
        public var details: [String]
        public var files: [String]
        /// The panel number the seed gives (1-based) and how many panels the lottery has.
        public var panelNumber: Int
        public var panelCount: Int
        /// The members' pool ids, in pool order, and the committed alternates' pool ids, in rank order.
        public var memberIDs: [String]
        public var alternateIDs: [String]
        public var manifestHash: String
        /// The report model (report.json), with the commitment's hashes and the panel number.
        public var report: RepresentativenessReport
    }

    /// Refuses a folder that holds a draw of this lottery with another seed: a lottery is drawn once. Call it before
    /// creating the `OutputFiles` (whose `replace` would otherwise allow it).
    public static func refuseSecondSeed(_ request: Request, in folder: String) throws {
        let auditPath = (folder as NSString).appendingPathComponent(LotteryDraw.auditFile)
        if let data = FileManager.default.contents(atPath: auditPath),
           let old = try? LotteryDraw.readAudit(data, source: auditPath),
           old.seed != ((try? CommitmentFolder.load(request.commitment).canonicalSeed(request.seed)) ?? request.seed) {
            throw KleroterionError(file: auditPath, "this lottery was already drawn with the seed \"\(old.seed)\"",
                                   fix: "a lottery is drawn once; check it with `kleroterion verify`, or choose another --out folder if you really mean a new draw")
        }
    }

    /// Draws the panel and queues its files into `files`.
    public static func run(_ request: Request, into files: inout OutputFiles, events: WorkflowEvents = .silent) throws -> Result {
        let r = request
        try refuseSecondSeed(r, in: files.directory)
        let shares = try r.populationShares.map { try PopulationShares.load(path: $0) }
        try events.checkCancelled()
        let result = try LotteryDraw.perform(commitment: r.commitment, seed: r.seed, people: r.people, quotas: r.quotas, populationShares: shares)
        for (name, text) in result.files { files.add(name, text) }
        try ReportFiles.add(result.report, language: r.language, to: &files)
        let ids = result.members.map { result.pool.ids[$0] }
        let alternateIDs = result.alternates.map { result.pool.ids[$0] }
        let w = TextTable<LotteryLine>(r.language), n = w.format.count
        var lines: [String] = []
        func say(_ line: String) { lines.append(line); events.step(line) }
        say(w(.seedGives, n(result.panelNumber), n(result.panelCount)))
        lines.append(w(.drawn, n(result.members.count)))
        if !alternateIDs.isEmpty { lines.append(w(.drawnAlternates, n(alternateIDs.count))) }
        lines.append(TextTable<CommonLine>(r.language)(.wrote, files.directory, files.names.joined(separator: ", ")))
        let privateFiles = ["panel.csv", "remaining.csv"] + (alternateIDs.isEmpty ? [] : ["alternates.csv"])
        lines.append(w(.drawPublish, w.list(privateFiles)))
        lines.append(w(.drawNext, r.commitment, "\"" + r.seed.replacingOccurrences(of: "\"", with: "\\\"") + "\""))
        // The ids are for the organiser's eyes (panel.csv holds them), not a step.
        var details = [w(.memberIDs, ids.joined(separator: " "))]
        if !alternateIDs.isEmpty { details.append(w(.alternateIDs, alternateIDs.joined(separator: " "))) }
        details.append(w(.fingerprint, result.manifestHash))
        return Result(lines: lines, warnings: [], details: details, files: files.names, panelNumber: result.panelNumber, panelCount: result.panelCount,
                      memberIDs: ids, alternateIDs: alternateIDs, manifestHash: result.manifestHash, report: result.report)
    }
}
