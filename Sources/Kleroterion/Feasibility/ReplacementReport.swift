/// The short report of a replacement draw (`replacement.md`): what was replaced, how, and how the completed
/// panel meets the quotas, in Dutch (the default), English or German. It names no respondent: ids are in
/// `audit.json`, which is not meant for publication.
public enum ReplacementReport {
    /// `labels` name features and values for readers (the template's, via the quotas file: `FeatureLabels(quotas:)`).
    public static func markdown(start: PanelConstraints, run: ReplacementRun, dropouts: [String], seed: String,
                                alternatesGiven: Int, notes: [OutcomeNote], language: ReportLanguage = .nl,
                                labels: FeatureLabels = .none) -> String {
        let problem = start.problem
        // Names come from input files and are escaped by the labels; the sentences around them are ours.
        let labels = labels.escapingMarkdown()
        let w = TextTable<ReplacementKey>(language)
        let n = w.format.count
        // Seeds, feature names and values come from the user: inert Markdown only (PublishedText).
        let e = PublishedText.escapeMarkdown
        var out = "# \(w(.title))\n\n"
        out += "- " + w(.seed, e(seed)) + "\n"
        out += "- " + w(.counts, n(dropouts.count), n(start.confirmed.count), n(run.replacements.count)) + "\n"
        if alternatesGiven > 0 {
            out += "- " + w(.alternates, n(alternatesGiven), n(run.alternatesSeated.count), n(run.alternatesLeft.count)) + "\n"
        }
        if let outcome = run.outcome {
            out += "- " + w(.drawn, n(run.drawn.count), e(outcome.algorithm), n(run.people.count)) + "\n"
            let chances = outcome.probabilities.values
            if let lo = chances.min(), let hi = chances.max() {
                out += "- " + w(outcome.probabilities.isEstimate ? .chanceEstimated : .chance, w.format.percent(lo), w.format.percent(hi)) + "\n"
            }
        } else {
            out += "- " + w(.drawnNone) + "\n"
        }
        if run.warning != nil, let relaxation = run.relaxation {
            out += "\n" + w(.warning, TextTable<RelaxationKey>(language).counted(relaxation.seats, one: .seatOne, many: .seatMany)) + "\n\n"
            for line in relaxation.summary(language, labels: labels) { out += "- \(line)\n" }
            out += "\n\(w(.why))\n\n"
            for reason in run.check.reasons { out += "- \(reason.text(language, labels: labels))\n" }
            let groups = run.check.conflicts.filter { !$0.isEmpty }
            if !groups.isEmpty {
                let text = groups.map { group in
                    group.map { InfeasibilityReason.describe(problem.reasonBound($0), language, labels: labels) }.joined(separator: w(.with))
                }.joined(separator: w(.separately))
                out += "\n" + w(.conflicting, text) + "\n"
            }
        }
        if !notes.isEmpty {
            out += "\n\(w(.notes))\n\n"
            for note in notes { out += "- \(note.text(language, labels: labels, escape: e))\n" }
        }
        let seatedSet = Set(run.alternatesSeated)
        out += "\n## \(w(.tableHeading))\n\n"
        out += "| \(w(.colFeature)) | \(w(.colValue)) | \(w(.colMin)) | \(w(.colMax)) | \(w(.colSeats)) | \(w(.colAlternates)) | \(w(.colDrawn)) |\n"
        out += "|---|---|---:|---:|---:|---:|---:|\n"
        for (f, feature) in problem.features.enumerated() {
            for v in feature.values.indices where feature.isQuotaRow(v) {
                let seats = run.panel.filter { problem.category[$0][f] == v }.count
                let alt = run.replacements.filter { seatedSet.contains($0) && problem.category[$0][f] == v }.count
                let new = run.drawn.filter { problem.category[$0][f] == v }.count
                let mark = seats < feature.min[v] || seats > feature.max[v] ? " " + w(.offQuota) : ""
                out += "| \(labels.feature(feature.name, language)) | \(labels.value(feature.values[v], of: feature.name, language)) "
                    + "| \(feature.min[v]) | \(feature.max[v]) | \(seats)\(mark) | \(alt) | \(new) |\n"
            }
        }
        out += "\n" + w(run.warning == nil ? .allHold : .someBroken) + "\n"
        return out
    }
}
