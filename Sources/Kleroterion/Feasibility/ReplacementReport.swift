/// The short report of a replacement draw (`replacement.md`): what was replaced, how, and how the completed
/// panel meets the quotas. It names no respondent: ids are in `audit.json`, which is not meant for publication.
public enum ReplacementReport {
    public static func markdown(constraints: PanelConstraints, result: (panel: [Int], replacements: [Int], outcome: SelectionOutcome, people: [Int]),
                                dropouts: [String], seed: String, relaxation: QuotaRelaxation?, notes: [String]) -> String {
        let problem = constraints.problem
        // Seeds, feature names and values come from the user: inert Markdown only (PublishedText).
        let e = PublishedText.escapeMarkdown
        var out = "# Replacement draw\n\n"
        out += "- Seed: \(e(seed)) (stream purpose `replace`)\n"
        out += "- Algorithm: \(result.outcome.algorithm), over the \(result.people.count) respondents who could still be drawn\n"
        out += "- Dropouts: \(dropouts.count); confirmed members kept: \(constraints.confirmed.count); replacements drawn: \(result.replacements.count)\n"
        let chances = result.outcome.probabilities.values
        if let lo = chances.min(), let hi = chances.max() {
            let kind = result.outcome.probabilities.isEstimate ? "estimated " : ""
            out += "- Each eligible respondent's \(kind)chance of being drawn as a replacement: from \(percent(lo)) to \(percent(hi))\n"
        }
        if let relaxation {
            out += "\n**The quotas were relaxed** (\(relaxation.seats) seat(s) of change), because no completion met them:\n\n"
            for line in relaxation.summary { out += "- \(e(line))\n" }
        }
        if !notes.isEmpty {
            out += "\nNotes:\n\n"
            for n in notes { out += "- \(e(n))\n" }
        }
        out += "\n## The completed panel against the quotas\n\n| feature | value | min | max | seats | of which replacements |\n|---|---|---:|---:|---:|---:|\n"
        for (f, feature) in problem.features.enumerated() {
            for v in feature.values.indices where feature.isQuotaRow(v) {
                let seats = result.panel.filter { problem.category[$0][f] == v }.count
                let new = result.replacements.filter { problem.category[$0][f] == v }.count
                out += "| \(e(feature.name)) | \(e(feature.values[v])) | \(feature.min[v]) | \(feature.max[v]) | \(seats) | \(new) |\n"
            }
        }
        out += "\nEvery quota and the one-per-household rule hold for the completed panel. The replacements are recorded in `audit.json`.\n"
        return out
    }

    static func percent(_ x: Double) -> String {
        let p = (x * 1000).rounded() / 10
        return "\(p)%"
    }
}
