import Foundation

/// The check of committed alternates (`LotteryAlternates`): `verify` runs it on every panel, `draw` on the drawn one.
///
/// First the rules every list must keep whoever made it (A alternates, each in `members.csv`, listed once, not on
/// the panel, not living with a member, at most one per household), then the recomputation: the committed rule
/// is run again on the published files, and each list must be exactly what it gives, in rank order. A list that
/// keeps the rules but was chosen by hand (a swapped person, a changed rank) fails the second check, even with
/// every hash redone, because the rule's inputs are all published and fingerprinted.
public enum AlternatesCheck {
    /// What breaks the rules in one panel's published list, in English words (empty: nothing).
    public static func ruleProblems(problem: SelectionProblem, panel: [Int], alternates: [String], count: Int, index: [String: Int]) -> [String] {
        ruleViolations(problem: problem, panel: panel, alternates: alternates, count: count, index: index).map { $0.text(.en) }
    }

    /// What breaks the rules in one panel's published list (empty: nothing).
    public static func ruleViolations(problem: SelectionProblem, panel: [Int], alternates: [String], count: Int, index: [String: Int]) -> [AlternateViolation] {
        var out: [AlternateViolation] = []
        if alternates.count != count { out.append(.count(found: alternates.count, manifest: count)) }
        var seen = Set<String>(), homes = Set<Int>()
        let onPanel = Set(panel), panelHomes = Set(panel.map { problem.household[$0] })
        for p in alternates {
            guard let i = index[p] else { out.append(.notAMember(p)); continue }
            guard seen.insert(p).inserted else { out.append(.twice(p)); continue }
            if onPanel.contains(i) { out.append(.onPanel(p)); continue }
            if panelHomes.contains(problem.household[i]) { out.append(.panelHousehold(p)) }
            if !homes.insert(problem.household[i]).inserted { out.append(.sharedHousehold(p)) }
        }
        return out
    }

    /// Where a published list and the rule's list first differ (nil: they are the same).
    public static func firstDifference(published: [String], rule: [String]) -> AlternatesDifference? {
        guard published != rule else { return nil }
        let r = zip(published, rule).prefix { $0 == $1 }.count
        return AlternatesDifference(rank: r + 1, published: r < published.count ? published[r] : nil, rule: r < rule.count ? rule[r] : nil)
    }

    /// Every panel's alternates: the rules, then the recomputation. `panels` as in lottery.csv.
    public static func check(_ folder: CommitmentFolder, problem: SelectionProblem, panels: [[String]],
                             progress: (@Sendable (String) -> Void)? = nil) -> (problems: [Finding], checked: [VerifyCheck]) {
        guard let a = folder.manifest.alternates else { return ([], []) }
        let manifestPath = folder.path(Commitment.manifestFile), path = folder.path(a.file)
        guard a.method == LotteryAlternates.method else {
            return ([Finding(file: manifestPath, .unknownAlternatesRule(a.method, known: LotteryAlternates.method))], [])
        }
        let unlisted = [a.file, a.dropoutRates, a.targets].filter { folder.manifest.files[$0] == nil }
        guard unlisted.isEmpty else {
            return ([Finding(file: manifestPath, .alternatesUnhashed(unlisted))], [])
        }
        let rows: [[String]], inputs: LotteryAlternates.Inputs
        do {
            rows = try LotteryAlternates.rows(folder)
            inputs = try LotteryAlternates.inputs(folder, problem: problem)
        } catch let e as KleroterionError {
            return ([Finding(file: e.file ?? path, .unusable(message: e.message, line: e.line))], [])
        } catch { return ([Finding(file: path, .unusable(message: "\(error)", line: nil))], []) }
        guard rows.count == panels.count else {
            return ([Finding(file: path, .alternatesPanelCount(lists: rows.count, panels: panels.count))], [])
        }
        var problems: [Finding] = []
        let index = Dictionary(uniqueKeysWithValues: problem.ids.enumerated().map { ($1, $0) })
        let members = panels.map { $0.compactMap { index[$0] } }
        var broken = 0
        for (t, row) in rows.enumerated() {
            let found = ruleViolations(problem: problem, panel: members[t], alternates: row, count: a.count, index: index)
            if found.isEmpty { continue }
            broken += 1
            if broken <= 5 { problems.append(Finding(file: path, .alternatesBreakRules(panel: t + 1, found))) }
        }
        if broken > 5 { problems.append(Finding(file: path, .alternatesBreakRulesCount(broken))) }
        var checked: [VerifyCheck] = []
        if broken == 0 { checked.append(.alternatesKeepRules(count: a.count, file: a.file)) }
        let recomputed: [[Int]]
        do { recomputed = try LotteryAlternates.rankAll(problem: problem, panels: members, inputs: inputs, progress: progress) } catch let e as KleroterionError {
            return (problems + [Finding(file: path, .alternatesNotRecomputed(message: e.message))], checked)
        } catch { return (problems + [Finding(file: path, .alternatesNotRecomputed(message: "\(error)"))], checked) }
        var wrong = 0
        for (t, row) in rows.enumerated() {
            guard let d = firstDifference(published: row, rule: recomputed[t].map { problem.ids[$0] }) else { continue }
            wrong += 1
            if wrong <= 5 { problems.append(Finding(file: path, .alternatesDiffer(panel: t + 1, d))) }
        }
        if wrong > 5 { problems.append(Finding(file: path, .alternatesDifferCount(wrong))) }
        if wrong == 0 {
            let distinct = Set(members.map { $0.sorted() }).count
            checked.append(.alternatesRecomputed(distinct: distinct, rule: a.method, rates: a.dropoutRates, targets: a.targets, file: a.file))
        }
        return (problems, checked)
    }

    /// The drawn panel's alternates (pseudonyms in rank order), after the same two checks on that panel only;
    /// throws (with `fix`) when they fail, so that `draw` never hands out alternates that do not follow from the commitment.
    public static func drawn(_ folder: CommitmentFolder, panelNumber: Int, panel: [String], fix: String) throws -> [String] {
        guard let a = folder.manifest.alternates else { return [] }
        let path = folder.path(a.file)
        guard a.method == LotteryAlternates.method else {
            throw KleroterionError(file: folder.path(Commitment.manifestFile), "the alternates were chosen by the rule '\(a.method)', which this version does not know",
                                   fix: "use the Kleroterion version named in the manifest ('\(folder.manifest.tool)')")
        }
        let problem = try folder.committedProblem()
        let rows = try LotteryAlternates.rows(folder)
        guard rows.count >= panelNumber else {
            throw KleroterionError(file: path, "it lists alternates for \(rows.count) panels, but the seed gives panel \(panelNumber)", fix: fix)
        }
        let index = Dictionary(uniqueKeysWithValues: problem.ids.enumerated().map { ($1, $0) })
        let members = panel.compactMap { index[$0] }
        let row = rows[panelNumber - 1]
        let found = ruleProblems(problem: problem, panel: members, alternates: row, count: a.count, index: index)
        if !found.isEmpty {
            throw KleroterionError(file: path, "panel \(panelNumber)'s alternates break the rules: \(found.joined(separator: "; "))", fix: fix)
        }
        let rule = try LotteryAlternates.rank(problem: problem, panel: members, inputs: LotteryAlternates.inputs(folder, problem: problem))
        if let d = firstDifference(published: row, rule: rule.map { problem.ids[$0] })?.text(.en) {
            throw KleroterionError(file: path, "panel \(panelNumber)'s alternates: \(d)", fix: fix)
        }
        return row
    }
}
