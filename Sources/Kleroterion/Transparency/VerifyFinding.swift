/// What `verify` found wrong in one file, as a kind with its figures (issue #15): a notary reads it in the
/// organiser's language (`text(_:)`), while `Finding.message` stays the English sentence verify always printed.
///
/// Findings that wrap a `KleroterionError` (`unusable`, `alternatesNotRecomputed`) keep the error's own text, said
/// after words in the language.
public enum VerifyFinding: Sendable, Equatable {
    // The files and the fingerprint.
    case missing
    case changed(actual: String, expected: String)
    /// `announcementFile`: the expected hash is the one in announcement.md, not one given with --announced-hash.
    case changedSinceAnnounced(actual: String, expected: String, announcementFile: Bool)
    /// A step could not be done; the error's message (and line), as the error says it.
    case unusable(message: String, line: Int?)
    case unreadable
    // The lottery.
    case panelCount(found: Int, manifest: Int)
    case membersNotInOrder(count: Int)
    case panelBreaksRules(panel: Int, [PanelViolation])
    case panelsBreakRules(count: Int)
    case notCanonical
    // The fair chances.
    case roundingBound(bound: Double, worst: Double)
    case unknownAlgorithm(String, known: [String])
    case unfair(count: Int, algorithm: String, bound: Double, tolerance: Double, largest: [FairnessCheck.Deviation])
    case chancesDoNotFollow(count: Int, first: String)
    case optimalNotFair(count: Int, first: String)
    // The draw's records (audit.json, panel.csv, alternates.csv).
    case otherManifest(recorded: String, actual: String)
    case otherSeed(recorded: String, seed: String)
    case otherPanel(recorded: Int, seedGives: Int)
    case otherMembers(panel: Int)
    case noAlternatesRecorded
    case otherAlternates(panel: Int, file: String)
    case alternatesRecordedButNone
    case otherRespondents(panel: Int)
    case notTheAlternates(panel: Int, file: String)
    case noIdAndRankColumns(idColumn: String)
    // The inputs, when given.
    case notCommitted(VerifyInput, actual: String, expected: String)
    case membersDoNotMatch(pool: String)
    case quotasDoNotMatch(quotas: String)
    // The committed alternates (`AlternatesCheck`).
    case unknownAlternatesRule(String, known: String)
    case alternatesUnhashed([String])
    case alternatesPanelCount(lists: Int, panels: Int)
    case alternatesBreakRules(panel: Int, [AlternateViolation])
    case alternatesBreakRulesCount(Int)
    case alternatesNotRecomputed(message: String)
    case alternatesDiffer(panel: Int, AlternatesDifference)
    case alternatesDifferCount(Int)

    /// The finding in `language`, without the file.
    public func text(_ language: ReportLanguage) -> String {
        let w = TextTable<VerifyLine>(language), d = VerifyLine.decimal(language)
        switch self {
        case .missing: return w(.missing)
        case .changed(let a, let e): return w(.changed, a, e)
        case .changedSinceAnnounced(let a, let e, let file): return w(file ? .changedSinceAnnouncement : .changedSinceAnnounced, a, e)
        case .unusable(let message, let line): return line.map { w(.unusableLine, "\($0)", message) } ?? w(.unusable, message)
        case .unreadable: return w(.unreadable)
        case .panelCount(let found, let manifest): return w(.panelCount, "\(found)", "\(manifest)")
        case .membersNotInOrder(let count): return w(.membersNotInOrder, "\(count)")
        case .panelBreaksRules(let panel, let found): return w(.panelBreaksRules, "\(panel)", found.map { $0.text(language) }.joined(separator: "; "))
        case .panelsBreakRules(let count): return w(.panelsBreakRules, "\(count)")
        case .notCanonical: return w(.notCanonical)
        case .roundingBound(let bound, let worst): return w(.roundingBound, d("\(bound)"), d("\(worst)"))
        case .unknownAlgorithm(let name, let known): return w(.unknownAlgorithm, name, known.joined(separator: ", "))
        case .unfair(let count, let algorithm, let bound, let tolerance, let largest):
            let worst = largest.map { w(.deviation, $0.pseudonym, d(String(format: "%.5f", $0.lottery)), d(String(format: "%.5f", $0.fair))) }
            return w(.unfair, "\(count)", algorithm, d(String(format: "%.5f", bound)), d(String(format: "%g", tolerance)), worst.joined(separator: "; "))
        case .chancesDoNotFollow(let count, let first): return w(.chancesDoNotFollow, "\(count)", first)
        case .optimalNotFair(let count, let first): return w(.optimalNotFair, "\(count)", first)
        case .otherManifest(let recorded, let actual): return w(.otherManifest, recorded, actual)
        case .otherSeed(let recorded, let seed): return w(.otherSeed, recorded, seed)
        case .otherPanel(let recorded, let gives): return w(.otherPanel, "\(recorded)", "\(gives)")
        case .otherMembers(let panel): return w(.otherMembers, "\(panel)")
        case .noAlternatesRecorded: return w(.noAlternatesRecorded)
        case .otherAlternates(let panel, let file): return w(.otherAlternates, "\(panel)", file)
        case .alternatesRecordedButNone: return w(.alternatesRecordedButNone)
        case .otherRespondents(let panel): return w(.otherRespondents, "\(panel)")
        case .notTheAlternates(let panel, let file): return w(.notTheAlternates, "\(panel)", file)
        case .noIdAndRankColumns(let column): return w(.noIdAndRankColumns, column)
        case .notCommitted(let input, let actual, let expected): return w(input == .pool ? .notCommittedPool : .notCommittedQuotas, actual, expected)
        case .membersDoNotMatch(let pool): return w(.membersDoNotMatch, pool)
        case .quotasDoNotMatch(let quotas): return w(.quotasDoNotMatch, quotas)
        case .unknownAlternatesRule(let rule, let known): return w(.unknownAlternatesRule, rule, known)
        case .alternatesUnhashed(let names): return w(names.count == 1 ? .alternatesUnhashedOne : .alternatesUnhashedMany, names.joined(separator: ", "))
        case .alternatesPanelCount(let lists, let panels): return w(.alternatesPanelCount, "\(lists)", "\(panels)")
        case .alternatesBreakRules(let panel, let found): return w(.alternatesBreakRules, "\(panel)", found.map { $0.text(language) }.joined(separator: "; "))
        case .alternatesBreakRulesCount(let count): return w(.alternatesBreakRulesCount, "\(count)")
        case .alternatesNotRecomputed(let message): return w(.alternatesNotRecomputed, message)
        case .alternatesDiffer(let panel, let difference): return w(.alternatesDiffer, "\(panel)", difference.text(language))
        case .alternatesDifferCount(let count): return w(.alternatesDifferCount, "\(count)")
        }
    }
}

/// Which input `verify --people`/`--quotas` compared with the commitment.
public enum VerifyInput: Sendable, Equatable {
    case pool, quotas
}

/// A rule a panel breaks (`SelectionProblem.panelViolations(of:)`).
public enum PanelViolation: Sendable, Equatable {
    case size(members: Int, panelSize: Int)
    case twice
    case quota(feature: String, value: String, seats: Int, min: Int, max: Int)
    case household(id: String)
    /// Only in `verify`: lottery.csv names pseudonyms members.csv does not have.
    case unknownPseudonyms

    public func text(_ language: ReportLanguage) -> String {
        let w = TextTable<VerifyLine>(language)
        switch self {
        case .size(let members, let size): return w(.size, "\(members)", "\(size)")
        case .twice: return w(.twice)
        case .quota(let feature, let value, let seats, let min, let max): return w(.quota, feature, value, "\(seats)", "\(min)", "\(max)")
        case .household(let id): return w(.household, id)
        case .unknownPseudonyms: return w(.unknownPseudonyms)
        }
    }
}

/// A rule one panel's published alternates break (`AlternatesCheck.ruleViolations`).
public enum AlternateViolation: Sendable, Equatable {
    case count(found: Int, manifest: Int)
    case notAMember(String)
    case twice(String)
    case onPanel(String)
    case panelHousehold(String)
    case sharedHousehold(String)

    public func text(_ language: ReportLanguage) -> String {
        let w = TextTable<VerifyLine>(language)
        switch self {
        case .count(let found, let manifest): return w(.alternateCount, "\(found)", "\(manifest)")
        case .notAMember(let p): return w(.alternateNotAMember, p)
        case .twice(let p): return w(.alternateTwice, p)
        case .onPanel(let p): return w(.alternateOnPanel, p)
        case .panelHousehold(let p): return w(.alternatePanelHousehold, p)
        case .sharedHousehold(let p): return w(.alternateSharedHousehold, p)
        }
    }
}

/// Where a published list of alternates first differs from the rule's: the rank, and who is there in each
/// (nil: nobody, the list ends before).
public struct AlternatesDifference: Sendable, Equatable {
    public var rank: Int
    public var published: String?
    public var rule: String?

    public func text(_ language: ReportLanguage) -> String {
        let w = TextTable<VerifyLine>(language)
        return w(.alternatesDifference, "\(rank)", published ?? w(.nobody), rule ?? w(.nobody))
    }
}

/// A finding of a check: which file is wrong and how.
public struct Finding: Sendable, Equatable, CustomStringConvertible {
    /// The file that differs, as a path the user can open.
    public var file: String
    /// What is wrong, with its figures.
    public var kind: VerifyFinding
    public init(file: String, _ kind: VerifyFinding) { self.file = file; self.kind = kind }
    /// What is wrong, in English (as `verify` always said it).
    public var message: String { kind.text(.en) }
    /// The file and what is wrong, in `language`.
    public func text(_ language: ReportLanguage) -> String { "\(file): \(kind.text(language))" }
    public var description: String { text(.en) }
}
