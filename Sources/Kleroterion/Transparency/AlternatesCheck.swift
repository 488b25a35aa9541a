import Foundation

/// The check of committed alternates (`LotteryAlternates`): `verify` runs it on every panel, `draw` on the drawn one.
///
/// First the rules every list must keep whoever made it (A alternates, each in `members.csv`, listed once, not on
/// the panel, not living with a member, at most one per household), then the recomputation: the committed rule
/// is run again on the published files, and each list must be exactly what it gives, in rank order. A list that
/// keeps the rules but was chosen by hand (a swapped person, a changed rank) fails the second check, even with
/// every hash redone, because the rule's inputs are all published and fingerprinted.
public enum AlternatesCheck {
    /// What breaks the rules in one panel's published list, in words (empty: nothing).
    public static func ruleProblems(problem: SelectionProblem, panel: [Int], alternates: [String], count: Int, index: [String: Int]) -> [String] {
        var out: [String] = []
        if alternates.count != count { out.append("it has \(alternates.count) alternates, but the manifest says \(count)") }
        var seen = Set<String>(), homes = Set<Int>()
        let onPanel = Set(panel), panelHomes = Set(panel.map { problem.household[$0] })
        for p in alternates {
            guard let i = index[p] else { out.append("the alternate '\(p)' is not in members.csv"); continue }
            guard seen.insert(p).inserted else { out.append("the alternate \(p) is listed twice"); continue }
            if onPanel.contains(i) { out.append("the alternate \(p) is on the panel itself"); continue }
            if panelHomes.contains(problem.household[i]) { out.append("the alternate \(p) lives in the household of a panel member") }
            if !homes.insert(problem.household[i]).inserted { out.append("the alternate \(p) lives in the household of another alternate") }
        }
        return out
    }

    /// Where a published list and the rule's list first differ, in words (nil: they are the same).
    public static func difference(published: [String], rule: [String]) -> String? {
        guard published != rule else { return nil }
        let r = zip(published, rule).prefix { $0 == $1 }.count
        let p = r < published.count ? published[r] : "nobody", q = r < rule.count ? rule[r] : "nobody"
        return "from rank \(r + 1) on they are not those the committed rule gives (rank \(r + 1): \(p) published, the rule gives \(q))"
    }

    /// Every panel's alternates: the rules, then the recomputation. `panels` as in lottery.csv.
    public static func check(_ folder: CommitmentFolder, problem: SelectionProblem, panels: [[String]],
                             progress: (@Sendable (String) -> Void)? = nil) -> (problems: [Finding], checked: [String]) {
        guard let a = folder.manifest.alternates else { return ([], []) }
        let manifestPath = folder.path(Commitment.manifestFile), path = folder.path(a.file)
        guard a.method == LotteryAlternates.method else {
            return ([Finding(file: manifestPath, "the alternates were chosen by the rule '\(a.method)', which this version does not know (it knows '\(LotteryAlternates.method)')")], [])
        }
        let unlisted = [a.file, a.dropoutRates, a.targets].filter { folder.manifest.files[$0] == nil }
        guard unlisted.isEmpty else {
            return ([Finding(file: manifestPath, "it names \(unlisted.joined(separator: ", ")) for the alternates but gives no SHA-256 for \(unlisted.count == 1 ? "it" : "them")")], [])
        }
        let rows: [[String]], inputs: LotteryAlternates.Inputs
        do {
            rows = try LotteryAlternates.rows(folder)
            inputs = try LotteryAlternates.inputs(folder, problem: problem)
        } catch let e as KleroterionError {
            return ([Finding(file: e.file ?? path, e.line.map { "line \($0): " + e.message } ?? e.message)], [])
        } catch { return ([Finding(file: path, "\(error)")], []) }
        guard rows.count == panels.count else {
            return ([Finding(file: path, "it lists alternates for \(rows.count) panels, but lottery.csv has \(panels.count)")], [])
        }
        var problems: [Finding] = []
        let index = Dictionary(uniqueKeysWithValues: problem.ids.enumerated().map { ($1, $0) })
        let members = panels.map { $0.compactMap { index[$0] } }
        var broken = 0
        for (t, row) in rows.enumerated() {
            let found = ruleProblems(problem: problem, panel: members[t], alternates: row, count: a.count, index: index)
            if found.isEmpty { continue }
            broken += 1
            if broken <= 5 { problems.append(Finding(file: path, "panel \(t + 1)'s alternates break the rules: \(found.joined(separator: "; "))")) }
        }
        if broken > 5 { problems.append(Finding(file: path, "\(broken) panels' alternates in all break the rules")) }
        var checked: [String] = []
        if broken == 0 {
            checked.append("every panel has \(a.count) alternates in \(a.file), each listed once, none on the panel or in a member's household, at most one per household")
        }
        let recomputed: [[Int]]
        do { recomputed = try LotteryAlternates.rankAll(problem: problem, panels: members, inputs: inputs, progress: progress) } catch let e as KleroterionError {
            return (problems + [Finding(file: path, "the alternates could not be recomputed: \(e.message)")], checked)
        } catch { return (problems + [Finding(file: path, "the alternates could not be recomputed: \(error)")], checked) }
        var wrong = 0
        for (t, row) in rows.enumerated() {
            guard let d = difference(published: row, rule: recomputed[t].map { problem.ids[$0] }) else { continue }
            wrong += 1
            if wrong <= 5 { problems.append(Finding(file: path, "panel \(t + 1)'s alternates: \(d)")) }
        }
        if wrong > 5 { problems.append(Finding(file: path, "\(wrong) panels' alternates in all are not those the committed rule gives")) }
        if wrong == 0 {
            let distinct = Set(members.map { $0.sorted() }).count
            checked.append("recomputed the alternates of the \(distinct) distinct panels by the committed rule \(a.method) from members.csv, quotas.csv, \(a.dropoutRates) and \(a.targets): every list in \(a.file) is exactly what the rule gives, in rank order")
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
        if let d = difference(published: row, rule: rule.map { problem.ids[$0] }) {
            throw KleroterionError(file: path, "panel \(panelNumber)'s alternates: \(d)", fix: fix)
        }
        return row
    }
}
