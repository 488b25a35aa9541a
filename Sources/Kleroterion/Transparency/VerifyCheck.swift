/// What `verify` checked and found right, with its figures and hashes (the `--verbose` ✓ lines): said in the
/// organiser's language by `text(_:)`; `english` is the sentence verify always printed (`Report.checked`).
public enum VerifyCheck: Sendable, Equatable {
    case filesMatch(count: Int)
    case announcedFingerprint(String)
    case noAnnouncedFingerprint(String)
    case panelsKeepRules(panels: Int, members: Int)
    case fairChances(algorithm: String, largest: Double, bound: Double, tolerance: Double, minimum: Double)
    case probabilitiesFollow(panels: Int)
    case alternatesKeepRules(count: Int, file: String)
    case alternatesRecomputed(distinct: Int, rule: String, rates: String, targets: String, file: String)
    case seedGives(seed: String, format: String, canonical: String, panel: Int, panels: Int, rule: String)
    case panelMembers(panel: Int, [String])
    case auditRecords(panel: Int)
    case panelFileHolds(members: Int, panel: Int, key: String)
    case alternatesFileHolds(alternates: Int, panel: Int)
    case inputCommitted(path: String, VerifyInput)
    case inputsMatch

    /// The check in `language`.
    public func text(_ language: ReportLanguage) -> String {
        let w = TextTable<VerifyLine>(language), d = VerifyLine.decimal(language)
        switch self {
        case .filesMatch(let count): return w(.filesMatch, "\(count)")
        case .announcedFingerprint(let hash): return w(.announcedFingerprint, hash)
        case .noAnnouncedFingerprint(let hash): return w(.noAnnouncedFingerprint, hash)
        case .panelsKeepRules(let panels, let members): return w(.panelsKeepRules, "\(panels)", "\(members)")
        case .fairChances(let algorithm, let largest, let bound, let tolerance, let minimum):
            return w(.fairChancesRecomputed, algorithm, d(String(format: "%.6f", largest)), d(String(format: "%.6f", bound)),
                     d(String(format: "%g", tolerance)), d(String(format: "%.9f", minimum)))
        case .probabilitiesFollow(let panels): return w(.probabilitiesFollow, "\(panels)")
        case .alternatesKeepRules(let count, let file): return w(.alternatesKeepRules, "\(count)", file)
        case .alternatesRecomputed(let distinct, let rule, let rates, let targets, let file):
            return w(.alternatesRecomputed, "\(distinct)", rule, rates, targets, file)
        case .seedGives(let seed, let format, let canonical, let panel, let panels, let rule):
            return w(.seedGivesPanel, seed, format, canonical, "\(panel)", "\(panels)", rule)
        case .panelMembers(let panel, let members): return w(.panelMembers, "\(panel)", members.joined(separator: " "))
        case .auditRecords(let panel): return w(.auditRecords, "\(panel)")
        case .panelFileHolds(let members, let panel, let key): return w(.panelFileHolds, "\(members)", "\(panel)", key)
        case .alternatesFileHolds(let alternates, let panel): return w(.alternatesFileHolds, "\(alternates)", "\(panel)")
        case .inputCommitted(let path, let input): return w(input == .pool ? .poolCommitted : .quotasCommitted, path)
        case .inputsMatch: return w(.inputsMatch)
        }
    }

    /// The check in English, as `Verifier.Report.checked` has always held it.
    public var english: String { text(.en) }
}
