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

        // Column plan: [id?] [birth date?] [strata columns that are real] [address columns]
        var idSlot = -1, birthSlot = -1
        var strataSlots: [Int] = []          // per strata column: slot in fields, or -1 for age_band
        var addressSlots: [Int] = []
        var birthColumnName = settings.birthDateColumn

        var rawCodes: [String: UInt32] = [:]  // raw joined values → provisional code
        var rawValues: [[String]] = []
        var addresses = AddressIndex()
        var keyBytes: [UInt8] = []
        var addressValues: [String] = []
        var joined = ""
        var seenExcluded = Set<String>()

        try register.scan(choose: { header in
            self.header = header
            let table = Table(source: source, header: header, rows: [], lineNumbers: [])
            var columns: [Int] = []
            if useExclusions {
                columns.append(try table.requireColumn(settings.idColumn, purpose: "the residents' ids, needed for --exclude; choose another with --id-column"))
                idSlot = 0
            }
            if usesAge {
                let c = try table.requireColumn(settings.birthDateColumn, purpose: "the birth dates, needed for age limits and age_band; choose another with --birth-date-column")
                birthColumnName = header[c]
                birthSlot = columns.count
                columns.append(c)
            }
            for name in settings.strataColumns {
                if name.lowercased() == AgeBand.column && table.columnIndex(name) == nil {
                    strataSlots.append(-1)
                    self.strataColumns.append(AgeBand.column)
                } else {
                    let c = try table.requireColumn(name, purpose: "a strata column (--strata)")
                    strataSlots.append(columns.count)
                    self.strataColumns.append(header[c])
                    columns.append(c)
                }
            }
            for name in settings.addressColumns {
                let c = try table.requireColumn(name, purpose: "an address column (--one-per-address)")
                addressSlots.append(columns.count)
                columns.append(c)
            }
            addressValues = [String](repeating: "", count: addressSlots.count)
            return columns
        }, row: { index, line, fields in
            rows += 1
            if useExclusions {
                let id = fields[idSlot].trimmingSpaces()
                if settings.excludedIDs.contains(id) {
                    excluded += 1
                    seenExcluded.insert(id)
                    rowStratum.append(RegisterCensus.ineligible)
                    if useAddress { rowAddress.append(-1) }
                    return
                }
            }
            var band = ""
            if usesAge {
                guard let born = CalendarDate(parsing: Substring(fields[birthSlot]).utf8) else {
                    let text = fields[birthSlot]
                    throw KleroterionError(file: source, line: line, column: birthColumnName,
                                           text.trimmingSpaces().isEmpty ? "the birth date is empty" : "the birth date '\(text)' cannot be read",
                                           fix: "write birth dates as YYYY-MM-DD, YYYYMMDD or DD-MM-YYYY, with a real day and month")
                }
                let age = born.age(on: reference)
                if age < minAge || age > maxAge {
                    if age < minAge { tooYoung += 1 } else { tooOld += 1 }
                    rowStratum.append(RegisterCensus.ineligible)
                    if useAddress { rowAddress.append(-1) }
                    return
                }
                band = AgeBand.label(forAge: age)
            }
            joined.removeAll(keepingCapacity: true)
            for (n, slot) in strataSlots.enumerated() {
                if n > 0 { joined.append(StratumKey.separator) }
                joined += slot < 0 ? band : fields[slot]
            }
            let code: UInt32
            if let c = rawCodes[joined] { code = c } else {
                code = UInt32(rawValues.count)
                rawCodes[joined] = code
                rawValues.append(strataSlots.map { $0 < 0 ? band : fields[$0].trimmingSpaces() })
            }
            rowStratum.append(code)
            if useAddress {
                for (n, slot) in addressSlots.enumerated() { addressValues[n] = fields[slot] }
                AddressIndex.key(addressValues, into: &keyBytes)
                rowAddress.append(Int32(addresses.index(of: keyBytes)))
            }
        })
        exclusionsFound = seenExcluded.count
        addressCount = addresses.count
        try canonicalise(rawValues)
    }

    /// Merges strata that differ only in case or surrounding spaces, and numbers them in a fixed order
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
