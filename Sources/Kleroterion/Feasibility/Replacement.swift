import Foundation

/// Filling the seats of members who dropped out after the draw.
///
/// The confirmed members stay. Replacements come from the respondents who were not on the panel (never the
/// dropouts themselves, never a housemate of a confirmed member). The completed panel must meet the original
/// quotas, so the draw that is left is an ordinary selection problem over those respondents, with every bound
/// shifted by what the confirmed members already hold (`PanelConstraints.remainingDraw`). Any selection
/// algorithm can therefore draw the replacements fairly: LEXIMIN over the completions is LEXIMIN on that
/// reduced problem.
public enum Replacement {
    /// The ids given to `--dropouts`: a comma-separated list, or the path of a file with one id per line
    /// (a CSV file with a header is accepted too: the id column, or else the first column, is used).
    public static func parseIDs(_ argument: String, idColumn: String = "id") throws -> (ids: [String], source: String) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), !isDirectory.boolValue {
            guard let text = String(data: try InputFile.read(argument), encoding: .utf8) else {
                throw KleroterionError(file: argument, "the dropouts file cannot be read as UTF-8 text", fix: "save it as UTF-8 with one id per line")
            }
            let lines: [String] = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
                .map { String($0).trimmingSpaces() }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
            func fields(_ line: String) -> [String] {
                line.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == ";" }).map { String($0).trimmingSpaces() }
            }
            var ids: [String]
            if let first = lines.first, fields(first).contains(where: { $0.lowercased() == idColumn.lowercased() }) {
                // A CSV file with a header: take its id column.
                let table = try CSVReader.read(path: argument)
                let c = try table.requireColumn(idColumn)
                ids = table.rows.map { $0[c].trimmingSpaces() }.filter { !$0.isEmpty }
            } else {
                ids = lines.map { fields($0)[0] }.filter { !$0.isEmpty }
            }
            guard !ids.isEmpty else {
                throw KleroterionError(file: argument, "the dropouts file lists no ids", fix: "write one id per line")
            }
            return (ids, argument)
        }
        // Something that looks like a file name is a file that is missing, not an id (issue #12).
        let lower = argument.lowercased()
        if argument.contains("/") || [".csv", ".txt", ".tsv"].contains(where: { lower.hasSuffix($0) }) {
            throw KleroterionError(file: argument, isDirectory.boolValue ? "this is a folder, not a dropouts file" : "the dropouts file does not exist",
                                   fix: "check the path, or give the ids themselves, e.g. --dropouts 17,243")
        }
        let ids = argument.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        guard !ids.isEmpty else {
            throw KleroterionError("--dropouts is empty", fix: "give the ids of the members who dropped out, e.g. --dropouts 17,243, or a file with one id per line")
        }
        return (ids, "--dropouts")
    }

    /// Maps the panel file and the dropouts onto pool indices and builds the constraints of the completion.
    ///
    /// Every panel member must be in the pool, and every dropout on the panel; the panel's size is the
    /// panel size of the problem.
    public static func constraints(problem: SelectionProblem, pool: Pool, panel: Pool, dropouts: [String], dropoutSource: String) throws -> PanelConstraints {
        var index: [String: Int] = [:]
        for (i, id) in pool.ids.enumerated() { index[id] = i }
        var members: [Int] = []
        for (id, line) in zip(panel.ids, panel.table.lineNumbers) {
            guard let i = index[id] else {
                throw KleroterionError(file: panel.table.source, line: line, column: panel.table.header[panel.idColumn],
                                       "panel member '\(id)' is not in the pool \(pool.table.source)",
                                       fix: "use the pool file the panel was drawn from")
            }
            members.append(i)
        }
        let onPanel = Set(members)
        var out = Set<Int>()
        for id in dropouts {
            guard let i = index[id], onPanel.contains(i) else {
                throw KleroterionError(file: dropoutSource == "--dropouts" ? nil : dropoutSource,
                                       "dropout '\(id)' is not a member of the panel \(panel.table.source)",
                                       fix: "list only ids from panel.csv")
            }
            guard out.insert(i).inserted else {
                throw KleroterionError(file: dropoutSource == "--dropouts" ? nil : dropoutSource, "dropout '\(id)' is listed twice", fix: "list each id once")
            }
        }
        var full = problem
        full.panelSize = members.count
        let confirmed = members.filter { !out.contains($0) }
        var homes: [Int: Int] = [:]
        for i in confirmed {
            if let other = homes.updateValue(i, forKey: problem.household[i]) {
                throw KleroterionError(file: panel.table.source, "panel members '\(problem.ids[other])' and '\(problem.ids[i])' share an address, so the panel breaks the one-per-household rule",
                                       fix: "check --household-columns (use the same columns as for the draw), or list one of them as a dropout")
            }
        }
        let eligible = (0..<problem.count).map { !onPanel.contains($0) }
        return PanelConstraints(problem: full, confirmed: confirmed, eligible: eligible)
    }

    /// Draws the replacements with the given algorithm. Returns the completed panel (full-problem indices,
    /// sorted), the replacements and the outcome of the reduced draw (chances over the drawable respondents).
    public static func draw(_ constraints: PanelConstraints, algorithm: any SelectionAlgorithm, random: SeededRandom,
                            options: SelectionOptions) throws -> (panel: [Int], replacements: [Int], outcome: SelectionOutcome, people: [Int]) {
        let (reduced, people) = constraints.remainingDraw()
        let outcome = try algorithm.select(reduced, random: random, options: options)
        let replacements = outcome.panel.map { people[$0] }.sorted()
        let panel = (constraints.confirmed + replacements).sorted()
        let broken = constraints.problem.violations(of: panel)
        guard broken.isEmpty else {
            throw KleroterionError("the completed panel breaks the rules: \(broken.joined(separator: "; "))",
                                   fix: "this is a bug in Kleroterion; please report it with the input files")
        }
        return (panel, replacements, outcome, people)
    }
}
