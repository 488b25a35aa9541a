import Foundation

/// The respondents who registered for the panel, as read from the pool file.
///
/// All input columns are kept, so that `panel.csv` and `remaining.csv` can carry them through unchanged.
public struct Pool: Sendable {
    /// The pool file as read.
    public let table: Table
    /// The index of the id column.
    public let idColumn: Int
    /// Each respondent's id, in file order.
    public let ids: [String]

    /// Reads the ids and checks that they are present and unique.
    public init(table: Table, idColumn name: String = "id") throws {
        let c = try table.requireColumn(name, purpose: "the respondents' ids; choose another with --id-column")
        var seen: [String: (line: Int, id: String)] = [:]
        var ids: [String] = []
        ids.reserveCapacity(table.rows.count)
        for (row, line) in zip(table.rows, table.lineNumbers) {
            let id = row[c].trimmingSpaces()
            if id.isEmpty {
                throw KleroterionError(file: table.source, line: line, column: table.header[c], "the id is empty",
                                       fix: "give every respondent a unique id")
            }
            if id.contains(where: { $0.isWhitespace }) {
                throw KleroterionError(file: table.source, line: line, column: table.header[c], "the id '\(id)' contains a space",
                                       fix: "use ids without spaces (distribution.csv and the lottery separate ids by spaces), e.g. replace them by '_'")
            }
            if let first = id.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) {
                throw KleroterionError(file: table.source, line: line, column: table.header[c],
                                       "the id '\(id)' starts with '\(first)', which a spreadsheet runs as a formula",
                                       fix: "use ids that start with a letter or a digit (see 'Spreadsheet safety' in docs/input-files.md)")
            }
            let key = Pool.lookAlikeKey(id)
            if let (first, other) = seen[key] {
                let same = other == id ? "the id '\(id)' is also on line \(first)"
                    : "the id '\(Pool.showingInvisibles(id))' is the same as '\(Pool.showingInvisibles(other))' on line \(first) (they differ only in upper/lower case or invisible characters)"
                throw KleroterionError(file: table.source, line: line, column: table.header[c], same,
                                       fix: "give every respondent a unique id (remove the duplicate registration)")
            }
            seen[key] = (line, id)
            ids.append(id)
        }
        self.table = table
        self.idColumn = c
        self.ids = ids
    }

    /// What two ids must not share: the id in Unicode NFC, case-folded, without invisible characters (byte-order
    /// mark, zero-width spaces and joiners, soft hyphen), so that `A17`, `a17` and `a\u{200B}17` are one person.
    public static func lookAlikeKey(_ id: String) -> String {
        let visible = String(String.UnicodeScalarView(id.unicodeScalars.filter { !Pool.invisible.contains($0.value) }))
        return visible.precomposedStringWithCanonicalMapping.folding(options: [.caseInsensitive], locale: nil)
    }

    /// The id with its invisible characters written out (`<U+200B>`), so that a message shows why two ids clash.
    static func showingInvisibles(_ id: String) -> String {
        var out = ""
        for scalar in id.unicodeScalars {
            if Pool.invisible.contains(scalar.value) { out += "<U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(4) + ">" }
            else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    static let invisible: Set<UInt32> = [0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060, 0x00AD, 0x180E]

    /// How many respondents there are.
    public var count: Int { ids.count }

    /// Loads a pool file.
    public static func load(path: String, idColumn: String = "id") throws -> Pool {
        try Pool(table: CSVReader.read(path: path), idColumn: idColumn)
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
