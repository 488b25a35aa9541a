/// `verify`: check a committed lottery and its draw without trusting the organisers (issue #4). It reads only, so
/// unlike the other workflows it takes no `OutputFiles`.
public enum VerifyWorkflow {
    /// What to verify.
    public struct Request: Sendable {
        /// The commitment folder, as published.
        public var commitment: String
        /// The public seed, exactly as announced and observed.
        public var seed: String
        /// The pool and quotas files, to check that they are the committed ones.
        public var people: String?
        public var quotas: String?
        /// The folder with audit.json (default: COMMITMENT/draw, then COMMITMENT).
        public var draw: String?
        /// The fingerprint published in the announcement (default: the one in announcement.md).
        public var announcedHash: String?
        /// The language of the verdict, the ✗ findings and the ✓ checks.
        public var language: ReportLanguage = .nl

        public init(commitment: String, seed: String) {
            self.commitment = commitment; self.seed = seed
        }

        /// Refuses a malformed fingerprint, or a seed that is no valid spelling under the announced format: usage
        /// errors (one message), not findings of the verification.
        public func validate() throws {
            if let announcedHash {
                let hex = announcedHash.trimmingSpaces().lowercased()
                guard hex.count == 64, hex.allSatisfy({ $0.isHexDigit }) else {
                    throw KleroterionError("--announced-hash '\(announcedHash)' is not a SHA-256 fingerprint (64 hexadecimal characters)",
                                           fix: "copy the fingerprint exactly as the announcement prints it, or leave the option out to use announcement.md")
                }
            }
            if let folder = try? CommitmentFolder.load(commitment) { _ = try folder.canonicalSeed(seed) }
        }
    }

    /// The verdict.
    public struct Result: Sendable {
        /// True when every check passed.
        public var verified: Bool
        /// The lines the CLI prints, in the request's language: the verdict ("In orde: …" or "NIET in orde: …"), then
        /// the fingerprint, the panels, the fair chances and the seed's panel, or ✗ per problem (naming its file).
        public var lines: [String]
        /// ✓ per check, with the figures and hashes, in the request's language, for `--verbose`.
        public var details: [String]
        /// Everything that differs (file and kind; `message` in English), and what was checked and found right.
        public var problems: [Finding]
        public var checks: [VerifyCheck]
        /// The checks in English, as verify has always said them.
        public var checked: [String] { checks.map(\.english) }
        /// The panel number the seed gives, when it could be computed.
        public var panelNumber: Int?
        /// The recomputed fair chances and the comparison, when the published files allowed it.
        public var fairness: FairnessCheck.Result?
    }

    /// Runs every check (see `Verifier`).
    public static func run(_ request: Request, events: WorkflowEvents = .silent) throws -> Result {
        let r = request
        try r.validate()
        try events.checkCancelled()
        let w = TextTable<LotteryLine>(r.language), n = w.format.count
        events.step(w(.verifying))
        let report = Verifier.verify(commitment: r.commitment, seed: r.seed, people: r.people, quotas: r.quotas,
                                     draw: r.draw, announcedHash: r.announcedHash)
        var lines: [String]
        if report.verified {
            lines = [w(.verified, r.commitment)]
            if let hash = report.manifestHash { lines.append(w(report.comparedWithAnnouncement ? .fingerprintAnnounced : .fingerprintUnannounced, hash)) }
            if let count = report.panelCount { lines.append(w(.panelsMeetQuotas, n(count))) }
            if report.fairness != nil { lines.append(w(.fairChances)) }
            let given = [r.people, r.quotas].compactMap { $0 }
            if !given.isEmpty { lines.append(w(.inputsCommitted, w.list(given))) }
            if let number = report.panelNumber, let count = report.panelCount { lines.append(w(.seedGives, n(number), n(count))) }
        } else {
            let problems = TextTable<CommonLine>(r.language).counted(report.problems.count, one: .problemOne, many: .problemMany)
            lines = [w(.notVerified, problems, r.commitment)] + report.problems.map { "  ✗ " + $0.text(r.language) }
        }
        return Result(verified: report.verified, lines: lines, details: report.checks.map { "  ✓ " + $0.text(r.language) }, problems: report.problems, checks: report.checks,
                      panelNumber: report.panelNumber, fairness: report.fairness)
    }
}
