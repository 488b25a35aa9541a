/// Pass 1 over the register: who may get a letter, in which stratum, and at which address.
///
/// Memory grows with what must be kept: one stratum number per row (4 bytes) and, for one letter per
/// address, one address number per row (4 bytes) plus the address table. Nothing of the file's text is kept.
struct RegisterCensus {
    /// The register's column names.
    var header: [String] = []
    /// The strata columns as named in the register (with `age_band` as given).
    var strataColumns: [String] = []
    /// Each stratum's values (one per strata column), in canonical order: the stratum number is the index.
    var strata: [[String]] = []
    /// Per data row: its stratum number, or `ineligible`.
    var rowStratum: [UInt32] = []
    /// Per data row: its address number (only with one letter per address; −1 for ineligible rows).
    var rowAddress: [Int32] = []
    /// How many distinct addresses hold at least one eligible resident.
    var addressCount = 0
    /// Eligible residents per stratum.
    var population: [Int] = []

    var rows = 0
    var excluded = 0
    var tooYoung = 0
    var tooOld = 0
    /// Residents left out for a partly unknown birth date (`--unknown-birth-dates exclude`).
    var unknownBirthDates = 0
    /// How many of the ids in the exclusion list were found in the register.
    var exclusionsFound = 0

    static let ineligible = UInt32.max

    var eligible: Int { population.reduce(0, +) }

    /// Reads the register once.
    init(register: RegisterRows, settings: InvitationSettings) throws {
        let usesAge = settings.usesAge
        if usesAge && settings.referenceDate == nil {
            throw KleroterionError("ages are used (age limits or the age_band stratum) but no reference date is given",
                                   fix: "add --reference-date YYYY-MM-DD, the date at which ages are counted (e.g. the date of the letters)")
        }
        let reference = settings.referenceDate ?? CalendarDate(year: 2000, month: 1, day: 1)!
        let minAge = settings.minAge ?? Int.min, maxAge = settings.maxAge ?? Int.max
        let useAddress = !settings.addressColumns.isEmpty
        let useExclusions = !settings.excludedIDs.isEmpty
        let source = register.path
        var header: [String] = []
        var rows = 0, excluded = 0, tooYoung = 0, tooOld = 0, unknownBirthDates = 0
        var rowStratum: [UInt32] = [], rowAddress: [Int32] = []

        var idColumn = -1, birthColumn = -1
        var strataColumns: [Int] = []        // per strata column: register column, or -1 for the derived age_band
        var addressColumns: [Int] = []
        var birthColumnName = settings.birthDateColumn

        var strataKeys = KeyIndex()           // normalised values of the strata columns → provisional code
        var rawValues: [[String]] = []        // provisional code → values as first seen (trimmed)
        var addresses = KeyIndex(expected: 1 << 16)
        var key: [UInt8] = []
        var seenExcluded = Set<String>()
        let ineligible = RegisterCensus.ineligible

        try register.scan(prepare: { stream in
            header = stream.header
            if useExclusions {
                idColumn = try stream.requireColumn(settings.idColumn, purpose: "the residents' ids, needed for --exclude; choose another with --id-column")
            }
            if usesAge {
                birthColumn = try stream.requireColumn(settings.birthDateColumn, purpose: "the birth dates, needed for age limits and age_band; choose another with --birth-date-column")
                birthColumnName = stream.header[birthColumn]
            }
            for name in settings.strataColumns {
                if name.lowercased() == AgeBand.column && stream.columnIndex(name) == nil {
                    strataColumns.append(-1)
                    self.strataColumns.append(AgeBand.column)
                } else {
                    let c = try stream.requireColumn(name, purpose: "named in --strata")
                    strataColumns.append(c)
                    self.strataColumns.append(stream.header[c])
                }
            }
            for name in settings.addressColumns {
                addressColumns.append(try stream.requireColumn(name, purpose: "named in --one-per-address"))
            }
        }, row: { index, record in
            rows += 1
            if useExclusions {
                let id = record.trimmed(idColumn)
                if settings.excludedIDs.contains(id) {
                    excluded += 1
                    seenExcluded.insert(id)
                    rowStratum.append(ineligible)
                    if useAddress { rowAddress.append(-1) }
                    return
                }
            }
            var band = ""
            if usesAge {
                var parsed = record.withBytes(birthColumn, { CalendarDate(parsingBytes: $0) })
                if parsed == nil {
                    // Only the rare unreadable row pays for the slower reading of partly unknown BRP dates.
                    switch CalendarDate.birthDate(record[birthColumn], policy: settings.unknownBirthDates) {
                    case .date(let d): parsed = d
                    case .excluded:
                        unknownBirthDates += 1
                        rowStratum.append(ineligible)
                        if useAddress { rowAddress.append(-1) }
                        return
                    case .partlyUnknown:
                        throw KleroterionError(file: source, line: record.line, column: birthColumnName, "the birth date '\(record[birthColumn].trimmingSpaces())' is partly unknown (the BRP writes 00 for an unknown month or day)",
                                               fix: "choose what to do with such dates: --unknown-birth-dates exclude (no letter, counted) or impute (the middle of the unknown period)")
                    case .invalid: break
                    }
                }
                guard let born = parsed else {
                    let text = record[birthColumn]
                    throw KleroterionError(file: source, line: record.line, column: birthColumnName,
                                           text.trimmingSpaces().isEmpty ? "the birth date is empty" : "the birth date '\(text)' cannot be read",
                                           fix: "write birth dates as YYYY-MM-DD, YYYYMMDD or DD-MM-YYYY, with a real day and month")
                }
                let age = born.age(on: reference)
                if age < minAge || age > maxAge {
                    if age < minAge { tooYoung += 1 } else { tooOld += 1 }
                    rowStratum.append(ineligible)
                    if useAddress { rowAddress.append(-1) }
                    return
                }
                band = AgeBand.label(forAge: age)
            }
            key.removeAll(keepingCapacity: true)
            for (n, c) in strataColumns.enumerated() {
                if c < 0 {
                    var b = band
                    b.withUTF8 { KeyIndex.append($0, to: &key, first: n == 0) }
                } else {
                    record.withBytes(c) { KeyIndex.append($0, to: &key, first: n == 0) }
                }
            }
            let code = strataKeys.index(of: key)
            if code == rawValues.count {
                rawValues.append(strataColumns.map { $0 < 0 ? band : record.trimmed($0) })
            }
            rowStratum.append(UInt32(code))
            if useAddress {
                key.removeAll(keepingCapacity: true)
                for (n, c) in addressColumns.enumerated() {
                    record.withBytes(c) { KeyIndex.append($0, to: &key, first: n == 0) }
                }
                rowAddress.append(Int32(addresses.index(of: key)))
            }
            _ = index
        })
        self.header = header
        self.rows = rows
        self.excluded = excluded
        self.tooYoung = tooYoung
        self.tooOld = tooOld
        self.unknownBirthDates = unknownBirthDates
        self.rowStratum = rowStratum
        self.rowAddress = rowAddress
        exclusionsFound = seenExcluded.count
        addressCount = addresses.count
        try canonicalise(rawValues)
    }

    /// Merges strata that differ only in the case of non-ASCII letters, and numbers them in a fixed order
    /// (column by column; age bands youngest first, other values by their text), so that the random
    /// draws per stratum do not depend on the order of rows in the register.
    private mutating func canonicalise(_ rawValues: [[String]]) throws {
        var byKey: [String: [String]] = [:]
        for values in rawValues where byKey[StratumKey.normalise(values)] == nil {
            byKey[StratumKey.normalise(values)] = values
        }
        let ageColumns = strataColumns.map { $0 == AgeBand.column }
        let ordered = byKey.values.sorted { a, b in
            for k in a.indices where a[k].lowercased() != b[k].lowercased() {
                if ageColumns[k] {
                    return (AgeBand.labels.firstIndex(of: a[k]) ?? 0) < (AgeBand.labels.firstIndex(of: b[k]) ?? 0)
                }
                return a[k].lowercased() < b[k].lowercased()
            }
            return false
        }
        var final: [String: UInt32] = [:]
        for (i, values) in ordered.enumerated() { final[StratumKey.normalise(values)] = UInt32(i) }
        let remap = rawValues.map { final[StratumKey.normalise($0)]! }
        strata = ordered
        population = [Int](repeating: 0, count: ordered.count)
        for r in rowStratum.indices where rowStratum[r] != RegisterCensus.ineligible {
            let s = remap[Int(rowStratum[r])]
            rowStratum[r] = s
            population[Int(s)] += 1
        }
        if strata.isEmpty {
            throw KleroterionError(file: header.isEmpty ? nil : nil, "nobody in the register may get a letter (\(rows) rows: \(tooYoung) too young, \(tooOld) too old, \(excluded) excluded)",
                                   fix: "check --min-age, --max-age, --reference-date and the exclusion list")
        }
    }

    /// The stratum number for a stratum key (normalised), if any eligible resident is in it.
    func stratum(forKey key: String) -> Int? {
        strata.firstIndex { StratumKey.normalise($0) == key }
    }
}
