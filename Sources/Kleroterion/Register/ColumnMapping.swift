/// Maps a municipality's own column names (a BRP extract, a registration form's export) onto the names Kleroterion,
/// the templates and the quotas use (`gender`, `birth_date`, `district`, …).
///
/// It is a separate layer, applied to a `Table` after it is read and before anything looks at its columns, so the
/// readers and the rest of the program only ever see the canonical names. Three sources, in this order:
/// 1. `--columns gender=geslacht,birth_date=geboortedatum` (canonical = the file's header);
/// 2. a template's `columns:` block (the same pairs, written once for a municipality);
/// 3. the common Dutch BRP export headers (`geslacht`, `geboortedatum`, `huisnummer`, `wijk`, …), recognised when the
///    canonical column is not already there.
/// Values of a renamed gender column (e.g. the BRP's `geslacht`) written `M`/`V`/`O` are read as `man`/`vrouw`/`overig`,
/// so that a register and a registration form that spell them differently still match.
public struct ColumnMapping: Sendable, Equatable {
    /// One rename: the file's header → the canonical name, and why.
    public struct Rename: Sendable, Equatable {
        public var header: String
        public var canonical: String
        /// `--columns`, `template`, or `BRP header` (`brpOrigin`).
        public var origin: String
    }

    /// The origin of a rename that no option asked for: a common BRP header, recognised by its name.
    public static let brpOrigin = "BRP header"

    /// Explicit pairs (canonical, header), from `--columns` or a template, in the order given.
    public var pairs: [(canonical: String, header: String, origin: String)]
    /// Whether the common Dutch BRP headers are recognised.
    public var recognisesBRP: Bool

    public init(pairs: [(canonical: String, header: String, origin: String)] = [], recognisesBRP: Bool = true) {
        self.pairs = pairs
        self.recognisesBRP = recognisesBRP
    }

    public static func == (a: ColumnMapping, b: ColumnMapping) -> Bool {
        a.recognisesBRP == b.recognisesBRP && a.pairs.map { [$0.canonical, $0.header, $0.origin] } == b.pairs.map { [$0.canonical, $0.header, $0.origin] }
    }

    /// Parses `gender=geslacht,birth_date=geboortedatum`; `option` names it in error messages.
    public init(spec: String?, option: String = "--columns") throws {
        self.init()
        for part in (spec ?? "").split(separator: ",") {
            let pieces = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces() }
            guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else {
                throw KleroterionError("\(option): '\(String(part).trimmingSpaces())' is not of the form name=column",
                                       fix: "write \(option) gender=geslacht,birth_date=geboortedatum (Kleroterion's name = your file's column)")
            }
            pairs.append((pieces[0], pieces[1], option))
        }
    }

    /// This mapping followed by another's pairs (e.g. `--columns` before a template's `columns:`); the first wins.
    public func adding(_ more: [(canonical: String, header: String, origin: String)]) -> ColumnMapping {
        var result = self
        for p in more where !result.pairs.contains(where: { $0.canonical.lowercased() == p.canonical.lowercased() }) { result.pairs.append(p) }
        return result
    }

    /// Common headers of Dutch BRP extracts and municipal exports (lower-cased) → the canonical name.
    public static let dutchBRP: [String: String] = [
        "geslacht": "gender", "geslachtsaanduiding": "gender",
        "geboortedatum": "birth_date",
        "straat": "street", "straatnaam": "street", "openbareruimtenaam": "street", "openbare ruimte": "street",
        "huisnummer": "house_number", "huisletter": "house_letter", "huisnummertoevoeging": "house_number_addition",
        "postcode": "postcode", "woonplaats": "place", "woonplaatsnaam": "place",
        "wijk": "district", "wijkcode": "district", "wijknaam": "district",
        "buurt": "neighbourhood", "buurtcode": "neighbourhood", "buurtnaam": "neighbourhood",
    ]

    /// The renames this mapping makes on a header, without changing anything (for `inspect`).
    public func renames(for header: [String]) throws -> [Rename] {
        let lower = header.map { $0.lowercased() }
        var result: [Rename] = []
        var taken = Set(lower)
        for p in pairs {
            let canonical = p.canonical.lowercased(), source = p.header.lowercased()
            if canonical == source { continue }
            guard let i = lower.firstIndex(of: source) else {
                if lower.contains(canonical) { continue }   // a template's mapping for a file that already uses the name
                throw KleroterionError(line: 1, column: p.header, "\(p.origin) maps \(p.canonical) to the column '\(p.header)', which is not in the file; the columns are: \(header.joined(separator: ", "))",
                                       fix: "name a column of the file after the '=' (e.g. \(p.canonical)=\(header.first ?? "geslacht"))")
            }
            guard !lower.contains(canonical) else {
                throw KleroterionError(line: 1, column: header[i], "\(p.origin) maps \(p.canonical) to '\(header[i])', but the file also has a column '\(p.canonical)'",
                                       fix: "rename or remove one of the two columns, or leave \(p.canonical) out of \(p.origin)")
            }
            result.append(Rename(header: header[i], canonical: p.canonical, origin: p.origin))
            taken.insert(canonical)
        }
        if recognisesBRP {
            for (i, name) in lower.enumerated() {
                guard let canonical = Self.dutchBRP[name], !taken.contains(canonical),
                      !result.contains(where: { $0.header.lowercased() == name }) else { continue }
                result.append(Rename(header: header[i], canonical: canonical, origin: Self.brpOrigin))
                taken.insert(canonical)
            }
        }
        return result
    }

    /// The table with its columns renamed, and gender values `M`/`V`/`O` read as `man`/`vrouw`/`overig` (the remark
    /// in `language`).
    public func apply(to table: Table, language: ReportLanguage = .en) throws -> (table: Table, renames: [Rename], notes: [String]) {
        let renames: [Rename]
        do { renames = try self.renames(for: table.header) } catch var e as KleroterionError { e.file = table.source; throw e }
        var out = table
        for r in renames {
            if let i = out.header.firstIndex(where: { $0.lowercased() == r.header.lowercased() }) { out.header[i] = r.canonical }
        }
        var notes: [String] = []
        // Only a renamed column (the BRP's geslacht, or one named by --columns) has its codes spelled out: a file that
        // already says `gender` keeps its own values, which its quotas use.
        if renames.contains(where: { $0.canonical.lowercased() == "gender" }),
           let g = out.columnIndex("gender"), let spelled = Self.genderSpelling(out.rows.map { $0[g] }) {
            for r in out.rows.indices { out.rows[r][g] = spelled[QuotaSet.matchKey(out.rows[r][g])] ?? out.rows[r][g] }
            notes.append(TextTable<ReadingLine>(language)(.genderSpelled, table.source))
        }
        return (out, renames, notes)
    }

    /// The BRP's one-letter gender codes, when every value of the column is one of them (else nil: values stay).
    static func genderSpelling(_ values: [String]) -> [String: String]? {
        let codes = ["m": "man", "v": "vrouw", "o": "overig"]
        let keys = Set(values.map(QuotaSet.matchKey)).subtracting([""])
        guard !keys.isEmpty, keys.isSubset(of: Set(codes.keys)) else { return nil }
        return codes
    }
}
