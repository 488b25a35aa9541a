/// The short report of a replacement draw (`replacement.md`): what was replaced, how, and how the completed
/// panel meets the quotas. It names no respondent: ids are in `audit.json`, which is not meant for publication.
public enum ReplacementReport {
    public static func markdown(start: PanelConstraints, run: ReplacementRun, dropouts: [String], seed: String,
                                alternatesGiven: Int, notes: [String]) -> String {
        let problem = start.problem
        // Seeds, feature names and values come from the user: inert Markdown only (PublishedText).
        let e = PublishedText.escapeMarkdown
        var out = "# Replacement draw\n\n"
        out += "- Seed: \(e(seed)) (stream purpose `replace`)\n"
        out += "- Dropouts: \(dropouts.count); confirmed members kept: \(start.confirmed.count); seats filled: \(run.replacements.count)\n"
        if alternatesGiven > 0 {
            out += "- Alternates: \(alternatesGiven) given, \(run.alternatesSeated.count) seated (like for like first, then in rank order where the quotas allow), \(run.alternatesLeft.count) left for later drop-outs (alternates.csv)\n"
        }
        if let outcome = run.outcome {
            out += "- Drawn from the pool: \(run.drawn.count), with \(outcome.algorithm), over the \(run.people.count) respondents who could still be drawn\n"
            let chances = outcome.probabilities.values
            if let lo = chances.min(), let hi = chances.max() {
                let kind = outcome.probabilities.isEstimate ? "estimated " : ""
                out += "- Each eligible respondent's \(kind)chance of being drawn as a replacement: from \(percent(lo)) to \(percent(hi))\n"
            }
        } else {
            out += "- Drawn from the pool: none (the alternates filled every seat)\n"
        }
        if let warning = run.warning, let relaxation = run.relaxation {
            out += "\n**Warning: the quotas could not all be met.** No completion of the panel meets them, so the seats were filled with the completion that breaks them least (\(relaxation.seats) seat(s)):\n\n"
            for line in relaxation.summary { out += "- \(e(line))\n" }
            out += "\n\(e(warning))\n"
        }
        if !notes.isEmpty {
            out += "\nNotes:\n\n"
            for n in notes { out += "- \(e(n))\n" }
        }
        let seatedSet = Set(run.alternatesSeated)
        out += "\n## The completed panel against the quotas\n\n| feature | value | min | max | seats | of which alternates | of which drawn |\n|---|---|---:|---:|---:|---:|---:|\n"
        for (f, feature) in problem.features.enumerated() {
            for v in feature.values.indices where feature.isQuotaRow(v) {
                let seats = run.panel.filter { problem.category[$0][f] == v }.count
                let alt = run.replacements.filter { seatedSet.contains($0) && problem.category[$0][f] == v }.count
                let new = run.drawn.filter { problem.category[$0][f] == v }.count
                let mark = seats < feature.min[v] || seats > feature.max[v] ? " **(off quota)**" : ""
                out += "| \(e(feature.name)) | \(e(feature.values[v])) | \(feature.min[v]) | \(feature.max[v]) | \(seats)\(mark) | \(alt) | \(new) |\n"
            }
        }
        out += run.warning == nil
            ? "\nEvery quota and the one-per-household rule hold for the completed panel. The replacements are recorded in `audit.json`.\n"
            : "\nThe one-per-household rule holds; the quotas marked off quota do not (see the warning). The replacements are recorded in `audit.json`.\n"
        return out
    }

    static func percent(_ x: Double) -> String {
        let p = (x * 1000).rounded() / 10
        return "\(p)%"
    }
}
