/// Population shares per feature and value, as given in a file, e.g. CBS education shares:
///
/// ```
/// feature,value,population_share,source
/// education,laag,0.223,CBS 85525NED Utrecht 2024
/// ```
///
/// The same columns serve `select --population-shares`. A share may be written as a fraction (`0.223`, or
/// `0,223` with a Dutch decimal comma) or as a percentage (`22.3%`). Further columns (such as `source`) are kept
/// out of the way, so a file can cite where its numbers come from.
public struct PopulationShares: Sendable {
    /// One row of the file.
    public struct Entry: Sendable, Equatable {
        public var feature: String
        public var value: String
        public var share: Double
        public var line: Int?
        public init(feature: String, value: String, share: Double, line: Int? = nil) {
            self.feature = feature; self.value = value; self.share = share; self.line = line
        }
    }

    /// The file the shares came from.
    public var source: String
    /// All rows in file order.
    public var entries: [Entry]

    public init(source: String, entries: [Entry]) {
        self.source = source
        self.entries = entries
    }

    /// Feature names in the order they first appear.
    public var features: [String] {
        var seen = Set<String>()
        return entries.compactMap { seen.insert(QuotaSet.matchKey($0.feature)).inserted ? $0.feature : nil }
    }

    /// The rows of one feature (matched trimmed and case-insensitively), in file order.
    public func entries(for feature: String) -> [Entry] {
        entries.filter { QuotaSet.matchKey($0.feature) == QuotaSet.matchKey(feature) }
    }

    /// Loads a shares file.
    public static func load(path: String) throws -> PopulationShares {
        try PopulationShares(table: CSVReader.read(path: path))
    }

    /// Reads the rows of a parsed table, checking each share.
    public init(table: Table) throws {
        let src = table.source
        func column(_ names: [String]) -> Int? { names.lazy.compactMap { table.columnIndex($0) }.first }
        guard let f = column(["feature", "category"]), let v = column(["value", "name"]), let s = column(["population_share", "share"]) else {
            throw KleroterionError(file: src, line: 1, "a shares file needs the columns feature,value,population_share",
                                   fix: "rename the header to: feature,value,population_share (a source column may follow)")
        }
        var entries: [Entry] = []
        var seen: [String: Int] = [:]
        for (row, line) in zip(table.rows, table.lineNumbers) {
            let feature = row[f].trimmingSpaces(), value = row[v].trimmingSpaces()
            if feature.isEmpty { throw KleroterionError(file: src, line: line, column: table.header[f], "the feature is empty", fix: "fill in the feature name, e.g. 'education'") }
            if value.isEmpty { throw KleroterionError(file: src, line: line, column: table.header[v], "the value is empty", fix: "fill in the value, e.g. 'hoog'") }
            guard let share = PopulationShares.parseShare(row[s]) else {
                throw KleroterionError(file: src, line: line, column: table.header[s], "'\(row[s].trimmingSpaces())' is not a population share",
                                       fix: "write a fraction between 0 and 1 (0.223) or a percentage (22.3%)")
            }
            let key = QuotaSet.matchKey(feature) + "\u{1F}" + QuotaSet.matchKey(value)
            if let first = seen[key] {
                throw KleroterionError(file: src, line: line, "\(feature) = \(value) appears twice (first on line \(first))",
                                       fix: "keep one row per feature and value")
            }
            seen[key] = line
            entries.append(Entry(feature: feature, value: value, share: share, line: line))
        }
        self.init(source: src, entries: entries)
    }

    /// `0.223`, `0,223` or `22.3%` as a fraction in 0…1; nil for anything else.
    public static func parseShare(_ text: String) -> Double? {
        var t = text.trimmingSpaces().replacingOccurrences(of: ",", with: ".")
        var percent = false
        if t.hasSuffix("%") { percent = true; t = String(t.dropLast()).trimmingSpaces() }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), var x = Double(t) else { return nil }
        if percent { x /= 100 }
        return x >= 0 && x <= 1 ? x : nil
    }
}
