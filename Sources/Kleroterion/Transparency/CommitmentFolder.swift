import Foundation

/// A commitment folder as found on disk: its manifest and the bytes of its published files.
public struct CommitmentFolder {
    public let directory: String
    public let manifest: Manifest
    /// SHA-256 of `manifest.json` as it is now.
    public let manifestHash: String
    /// The bytes of each file the manifest lists (missing files are absent).
    public let data: [String: Data]

    /// The path of a file in the folder.
    public func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
    public static func path(_ directory: String, _ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    /// Reads `manifest.json` and the files it lists. Throws (naming the file) when the manifest is missing or unreadable.
    public static func load(_ directory: String) throws -> CommitmentFolder {
        let manifestPath = path(directory, Commitment.manifestFile)
        guard let bytes = FileManager.default.contents(atPath: manifestPath) else {
            throw KleroterionError(file: manifestPath, "there is no manifest here", fix: "give the folder that `kleroterion commit` wrote with --commitment")
        }
        let manifest = try Manifest.parse(bytes, source: manifestPath)
        var data: [String: Data] = [:]
        for name in manifest.files.keys {
            // A manifest names plain files in its own folder; anything else would let it point elsewhere.
            guard !name.contains("/"), !name.hasPrefix(".") else {
                throw KleroterionError(file: manifestPath, "the manifest lists a file outside its folder: '\(name)'", fix: "use the manifest exactly as `kleroterion commit` wrote it")
            }
            data[name] = FileManager.default.contents(atPath: path(directory, name))
        }
        return CommitmentFolder(directory: directory, manifest: manifest, manifestHash: Hashing.sha256(bytes), data: data)
    }

    /// Files that are missing or whose SHA-256 differs from the manifest, in name order.
    public func changedFiles() -> [Finding] {
        manifest.files.keys.sorted().compactMap { name in
            guard let bytes = data[name] else { return Finding(file: path(name), .missing) }
            let actual = Hashing.sha256(bytes), expected = manifest.files[name]!
            return actual == expected ? nil
                : Finding(file: path(name), .changed(actual: actual, expected: expected))
        }
    }

    /// The manifest hash written in `announcement.md`, if the file is there and holds one.
    public func announcedHash() -> String? {
        guard let text = FileManager.default.contents(atPath: path(Commitment.announcementFile)).map({ String(decoding: $0, as: UTF8.self) }) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) {
            let word = String(line).trimmingSpaces()
            if word.count == 64, word.allSatisfy({ $0.isHexDigit }) { return word.lowercased() }
        }
        return nil
    }

    /// A finding when the manifest's hash differs from the announced one (given, or from `announcement.md`).
    public func manifestFinding(announced: String?) -> Finding? {
        let (expected, fromFile) = announced.map { ($0.lowercased(), false) } ?? (announcedHash().map { ($0, true) } ?? ("", false))
        guard !expected.isEmpty, expected != manifestHash else { return nil }
        return Finding(file: path(Commitment.manifestFile), .changedSinceAnnounced(actual: manifestHash, expected: expected, announcementFile: fromFile))
    }

    /// Parses a published CSV file of the folder.
    public func table(_ name: String) throws -> Table {
        guard let bytes = data[name] else { throw KleroterionError(file: path(name), "the file is missing", fix: "restore the file from the commitment") }
        return try CSVReader.parse([UInt8](bytes), source: path(name))
    }

    /// The lottery: panel `t + 1` is `panels[t]`, each a list of ids. Throws naming `lottery.csv` if malformed.
    public func lotteryPanels() throws -> [[String]] {
        let table = try table(Commitment.lotteryFile)
        let p = try table.requireColumn("panel"), ids = try table.requireColumn("pseudonyms")
        var panels: [[String]] = []
        for (row, line) in zip(table.rows, table.lineNumbers) {
            guard Int(row[p].trimmingSpaces()) == panels.count + 1 else {
                throw KleroterionError(file: table.source, line: line, column: "panel", "expected panel number \(panels.count + 1), found '\(row[p])'",
                                       fix: "the panels must be numbered 1, 2, 3, … in order; restore the committed file")
            }
            panels.append(row[ids].split(separator: " ", omittingEmptySubsequences: false).map(String.init))
        }
        return panels
    }

    /// The problem as published: `members.csv` (by pseudonym) and `quotas.csv`, read exactly as `commit` read them.
    public func committedProblem() throws -> SelectionProblem {
        func text(_ name: String) throws -> String {
            guard let bytes = data[name] else { throw KleroterionError(file: path(name), "the file is missing", fix: "restore the file from the commitment") }
            return String(decoding: bytes, as: UTF8.self)
        }
        return try Commitment.canonicalProblem(members: text(Commitment.membersFile), quotas: text(Commitment.quotasFile),
                                               panelSize: manifest.settings.panelSize,
                                               membersSource: path(Commitment.membersFile), quotasSource: path(Commitment.quotasFile))
    }

    /// The seed's canonical text under the manifest's seed format; throws (exit 2) naming the format otherwise.
    public func canonicalSeed(_ seed: String) throws -> String {
        let format: SeedFormat
        do { format = try manifest.seed.parsed() } catch {
            throw KleroterionError(file: path(Commitment.manifestFile), "the manifest's seed format '\(manifest.seed.format)' is not one this version knows",
                                   fix: "use the Kleroterion version named in the manifest ('\(manifest.tool)')")
        }
        return try format.canonical(seed)
    }

    /// The panel number a seed gives for this folder's lottery table (the seed must be canonical already).
    public func seedOutcome(canonicalSeed: String, panelCount: Int) -> SeedRule.Outcome {
        SeedRule.panel(lotteryHash: manifest.files[Commitment.lotteryFile] ?? "", format: manifest.seed.format,
                       seed: canonicalSeed, panelCount: panelCount)
    }
}
