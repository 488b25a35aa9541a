import Foundation

/// Derives quota bands from population shares: `min = floor(share × k)`, `max = ceil(share × k)` for a panel of
/// `k` seats, the practice of the OECD guidance and the Sortition Foundation (docs/findings.md §3.9), optionally widened
/// by a tolerance of `t` seats on each side (`max(0, min − t)`, `min(k, max + t)`).
///
/// Register shares are exact fractions `count / total`, so their bands are computed in integers (no rounding
/// surprises such as 0.2 × 150 = 30.000000000000004). Shares from a file or the template are rounded figures;
/// per feature they must add up to 1 within `shareSumTolerance` and are then scaled to add up to exactly 1.
public enum QuotaDerivation {
    /// How far the shares of one feature may add up away from 1 (e.g. CBS's rounded 26.2 + 41.7 + 32.0 = 99.9 %).
    public static let shareSumTolerance = 0.02

    /// What the derivation needs besides the template.
    public struct Settings: Sendable {
        public var panelSize: Int
        public var tolerance: Int
        /// The date at which ages are counted (needed when the template uses birth dates).
        public var referenceDate: CalendarDate?
        /// Youngest age counted; default: the template's `min_age`, else its youngest age band.
        public var minAge: Int?
        /// Overrides the template's birth date column.
        public var birthDateColumn: String?
        /// Combinations to count jointly in the register, e.g. `[["gender", "age_band"]]`: one quota per combination
        /// of values found there (`gender&age_band,vrouw&16-24,…`).
        public var combinations: [[String]]
        /// What to do with partly unknown birth dates in the register (`19700000`).
        public var unknownBirthDates: UnknownBirthDatePolicy = .refuse
        /// The language of the notes (`Result.notes`).
        public var language: ReportLanguage = .en

        public init(panelSize: Int, tolerance: Int = 0, referenceDate: CalendarDate? = nil, minAge: Int? = nil, birthDateColumn: String? = nil,
                    combinations: [[String]] = []) {
            self.combinations = combinations
            self.panelSize = panelSize
            self.tolerance = tolerance
            self.referenceDate = referenceDate
            self.minAge = minAge
            self.birthDateColumn = birthDateColumn
        }
    }

    /// Where a feature's shares came from: a kind with its file and column, said per language by `text(_:)`.
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        case sharesFile(String)
        /// A register column; `ages` when age bands were counted from its birth dates.
        case register(file: String, column: String, ages: Bool)
        /// The source publishes no numbers for the feature: it is left out.
        case unpublished
        /// The template's own shares, and the source it names.
        case template(path: String, source: String?)
        case jointShares(String)
        /// A combination counted jointly in the register.
        case jointCounts(String)

        /// In English, e.g. "register register.csv, column 'wijk'".
        public var description: String { text(.en) }
    }

    /// The derived quotas and what went into them.
    public struct Result: Sendable {
        /// The quotas, feature by feature in template order, each with its population share.
        public var quotas: [Quota]
        /// Per feature, where its shares came from (for the summary and the report).
        public var sources: [(feature: String, source: Source)]
        /// Remarks, e.g. that shares were scaled to add up to 1.
        public var notes: [String]
        /// How many register rows were counted (residents of at least the minimum age), when a register was used.
        public var countedResidents: Int?

        /// The quotas file `select` reads (see `QuotaSet.csv`).
        public var csv: String { QuotaSet.csv(quotas) }
    }

    /// The floor/ceil band for an exact fraction `count / total` of `panelSize` seats, widened by `tolerance`.
    public static func band(count: Int, of total: Int, panelSize k: Int, tolerance t: Int = 0) -> (min: Int, max: Int) {
        precondition(total > 0 && count >= 0 && count <= total)
        let lo = count * k / total
        let hi = (count * k + total - 1) / total
        return (Swift.max(0, lo - t), Swift.min(k, hi + t))
    }

    /// The floor/ceil band for a share in 0…1 of `panelSize` seats, widened by `tolerance`.
    /// Products within 1e-9 of a whole number count as that whole number.
    public static func band(share: Double, panelSize k: Int, tolerance t: Int = 0) -> (min: Int, max: Int) {
        let x = share * Double(k)
        let nearest = x.rounded()
        let (lo, hi) = abs(x - nearest) < 1e-9 ? (Int(nearest), Int(nearest)) : (Int(x.rounded(.down)), Int(x.rounded(.up)))
        return (Swift.max(0, lo - t), Swift.min(k, hi + t))
    }

    /// Derives the quotas of `template` for a panel of `settings.panelSize`.
    ///
    /// - Parameters:
    ///   - register: the population register, needed for `birth_date` and `register` features.
    ///   - shares: a shares file; it supplies the `shares_file` features, and replaces the register's shares for any
    ///     other feature it names (with a note).
    public static func derive(template: StrataTemplate, register: Table?, shares: PopulationShares?, settings: Settings) throws -> Result {
        try derive(template: template, registerRows: register.map(RegisterRowSource.table), shares: shares, settings: settings)
    }

    /// As `derive(template:register:shares:settings:)`, with the register read row by row (a 15-million-row
    /// register is counted without being held in memory).
    public static func derive(template: StrataTemplate, registerRows register: RegisterRowSource?, shares: PopulationShares?,
                              settings: Settings) throws -> Result {
        let k = settings.panelSize
        guard k > 0 else { throw KleroterionError("the panel size is \(k)", fix: "give a panel size of at least 1 with --panel-size") }
        guard settings.tolerance >= 0 else { throw KleroterionError("the tolerance is \(settings.tolerance)", fix: "give a tolerance of 0 or more seats") }
        var notes: [String] = []
        let w = TextTable<ReadingLine>(settings.language)
        var sources: [(String, Source)] = []
        var quotas: [Quota] = []

        let fromFile = Set((shares?.features ?? []).map(QuotaSet.matchKey))
        let templateKeys = template.features.map { QuotaSet.matchKey($0.name) }
        // Joint shares rows in the file (`gender&age_band,vrouw&16-24,0.071`) and combinations counted in the register.
        let jointFromFile = (shares?.features ?? []).filter { f in
            let parts = QuotaSet.combinationParts(f)
            return parts.count > 1 && parts.allSatisfy { templateKeys.contains(QuotaSet.matchKey($0)) }
        }
        let jointFromRegister = try settings.combinations.filter { parts in
            let name = parts.joined(separator: "&")
            guard !fromFile.contains(QuotaSet.matchKey(name)) else {
                notes.append(w(.jointReplaces, name, shares!.source))
                return false
            }
            for part in parts {
                guard let feature = template.features.first(where: { QuotaSet.matchKey($0.name) == QuotaSet.matchKey(part) }) else {
                    throw KleroterionError("--combine \(name) names '\(part)', which is not a feature of the template \(template.name) (its features: \(template.features.map(\.name).joined(separator: ", ")))",
                                           fix: "join features of the template with '&', e.g. --combine gender&age_band")
                }
                guard feature.from == .birthDate || feature.from == .register, !fromFile.contains(QuotaSet.matchKey(part)) else {
                    throw KleroterionError("--combine \(name): the register does not hold \(feature.name), so it cannot count the combination",
                                           fix: "give joint shares in the --shares file instead, rows like \(name),<value>&<value>,<population_share>")
                }
            }
            return true
        }
        var registerFeatures = template.features.filter {
            ($0.from == .birthDate || $0.from == .register) && !fromFile.contains(QuotaSet.matchKey($0.name))
        }
        // A part of a counted combination is tallied even when its own shares come from elsewhere.
        for part in jointFromRegister.joined() where !registerFeatures.contains(where: { QuotaSet.matchKey($0.name) == QuotaSet.matchKey(part) }) {
            registerFeatures.append(template.features.first { QuotaSet.matchKey($0.name) == QuotaSet.matchKey(part) }!)
        }
        var census: RegisterTally?
        if !registerFeatures.isEmpty {
            guard let register else {
                throw KleroterionError(file: template.path, "the template takes \(registerFeatures.map(\.name).joined(separator: ", ")) from the register, but no register was given",
                                       fix: "add --register REGISTER.csv (or give these features in a --shares file)")
            }
            let combinations = jointFromRegister.map { parts in parts.map { p in registerFeatures.firstIndex { QuotaSet.matchKey($0.name) == QuotaSet.matchKey(p) }! } }
            census = try RegisterTally(register: register, features: registerFeatures, template: template, settings: settings,
                                       combinations: combinations)
            notes += census!.notes
        }
        if let shares {
            let known = Set(template.features.map { QuotaSet.matchKey($0.name) })
            for f in shares.features where !known.contains(QuotaSet.matchKey(f)) && !jointFromFile.contains(f) {
                notes.append(w(.unusedFeature, shares.source, f, template.name))
            }
        }

        for feature in template.features {
            let key = QuotaSet.matchKey(feature.name)
            if fromFile.contains(key), let shares {
                if feature.from != .sharesFile && feature.from != .unpublished {
                    notes.append(w(.sharesReplace, feature.name, shares.source, feature.from.rawValue))
                }
                let entries = shares.entries(for: feature.name)
                let values = try matchValues(feature: feature, entries: entries, file: shares.source)
                let scaled = try normalised(values.map(\.share), feature: feature.name, file: shares.source, w, notes: &notes)
                for (v, s) in zip(values, scaled) {
                    let b = band(share: s, panelSize: k, tolerance: settings.tolerance)
                    var q = Quota(feature: feature.name, value: v.value, min: b.min, max: b.max, populationShare: s)
                    q.shareSource = "shares_file:" + (shares.source as NSString).lastPathComponent
                    quotas.append(q)
                }
                sources.append((feature.name, .sharesFile(shares.source)))
                continue
            }
            switch feature.from {
            case .birthDate, .register:
                let counts = census!.counts[key]!
                let total = census!.total
                for (value, n) in counts {
                    let b = band(count: n, of: total, panelSize: k, tolerance: settings.tolerance)
                    var q = Quota(feature: feature.name, value: value, min: b.min, max: b.max, populationShare: Double(n) / Double(total))
                    q.shareSource = "register:" + (register!.source as NSString).lastPathComponent
                    quotas.append(q)
                }
                sources.append((feature.name, .register(file: register!.source, column: census!.columnName[key]!, ages: feature.from == .birthDate)))
            case .sharesFile:
                throw KleroterionError(file: template.path, "the feature '\(feature.name)' needs its shares from a file (\(feature.values.map(\.value).joined(separator: ", ")))",
                                       fix: "add --shares SHARES.csv with rows \(feature.name),<value>,<population_share> (see strata-templates/shares/)")
            case .unpublished:
                // The assembly used this criterion but its numbers were never published: leave it out, never guess.
                notes.append(w(.unpublished, feature.name, feature.note.map { " (\($0))" } ?? ""))
                sources.append((feature.name, .unpublished))
            case .template:
                let withShare = feature.values.filter { $0.share != nil }
                var scaled: [Double] = []
                if !withShare.isEmpty && withShare.count == feature.values.count {
                    scaled = try normalised(withShare.map { $0.share! }, feature: feature.name, file: template.path, w, notes: &notes)
                } else {
                    scaled = withShare.map { $0.share! }
                }
                var next = 0
                for v in feature.values {
                    var share: Double?
                    if v.share != nil { share = scaled[next]; next += 1 }
                    if let lo = v.min, let hi = v.max {
                        guard template.panelSize == nil || template.panelSize == k else {
                            throw KleroterionError(file: template.path, "\(feature.name) = \(v.value) has fixed seats \(lo)–\(hi), set for a panel of \(template.panelSize!), not \(k)",
                                                   fix: "use --panel-size \(template.panelSize!), or copy the template and change its fixed seats")
                        }
                        var q = Quota(feature: feature.name, value: v.value, min: lo, max: hi, populationShare: share)
                        q.shareSource = share == nil ? nil : "template:" + template.name
                        quotas.append(q)
                    } else {
                        let b = band(share: share!, panelSize: k, tolerance: settings.tolerance)
                        var q = Quota(feature: feature.name, value: v.value, min: b.min, max: b.max, populationShare: share)
                        q.shareSource = "template:" + template.name
                        quotas.append(q)
                    }
                }
                sources.append((feature.name, .template(path: template.path, source: feature.source)))
            }
        }

        for f in jointFromFile {
            let entries = shares!.entries(for: f)
            let parts = QuotaSet.combinationParts(f)
            for e in entries where QuotaSet.combinationParts(e.value).count != parts.count {
                throw KleroterionError(file: shares!.source, line: e.line, column: "value", "the combination \(f) has \(parts.count) features but the value '\(e.value)' does not have \(parts.count) parts",
                                       fix: "give one value per feature, joined by '&' in the same order")
            }
            let sum = entries.reduce(0) { $0 + $1.share }
            guard sum <= 1 + shareSumTolerance else {
                throw KleroterionError(file: shares!.source, "the joint shares of \(f) add up to \(String(format: "%.4f", sum)), more than 1",
                                       fix: "give each combination's share of the whole population (together at most 1)")
            }
            for e in entries {
                let b = band(share: e.share, panelSize: k, tolerance: settings.tolerance)
                quotas.append(Quota(feature: f, value: e.value, min: b.min, max: b.max, populationShare: e.share))
            }
            sources.append((f, .jointShares(shares!.source)))
        }
        if let census {
            for (parts, cells) in zip(jointFromRegister, census.joint) {
                let name = parts.joined(separator: "&")
                for (value, n) in cells {
                    let b = band(count: n, of: census.total, panelSize: k, tolerance: settings.tolerance)
                    quotas.append(Quota(feature: name, value: value, min: b.min, max: b.max, populationShare: Double(n) / Double(census.total)))
                }
                sources.append((name, .jointCounts(register!.source)))
            }
        }
        for name in jointFromFile + jointFromRegister.map({ $0.joined(separator: "&") }) {
            let lo = quotas.filter { $0.feature == name }.reduce(0) { $0 + $1.min }
            guard lo <= k else {
                throw KleroterionError("the quotas of the combination \(name) ask for at least \(lo) seats, more than the panel of \(k)",
                                       fix: "check the joint shares of \(name), or lower --tolerance")
            }
        }

        guard !quotas.isEmpty else {
            throw KleroterionError(file: template.path, "no feature of the template \(template.name) has published numbers, so no quotas can be derived",
                                   fix: "give the shares of its features (\(template.features.map(\.name).joined(separator: ", "))) in a --shares file")
        }
        for feature in template.features {
            let qs = quotas.filter { QuotaSet.matchKey($0.feature) == QuotaSet.matchKey(feature.name) }
            if qs.isEmpty { continue }   // an unpublished feature left out
            let lo = qs.reduce(0) { $0 + $1.min }, hi = qs.reduce(0) { $0 + $1.max }
            guard lo <= k && k <= hi else {
                throw KleroterionError(file: template.path, "the quotas of \(feature.name) add up to \(lo)–\(hi) seats, so no panel of \(k) can meet them",
                                       fix: "check the fixed seats of \(feature.name) in the template, or the panel size")
            }
        }
        // The template's labels ride along in the quotas file, so the report can name features for readers.
        for i in quotas.indices {
            let feature = template.features.first { QuotaSet.matchKey($0.name) == QuotaSet.matchKey(quotas[i].feature) }
            quotas[i].featureLabels = feature?.labels ?? [:]
            quotas[i].valueLabels = feature?.valueLabels.first { QuotaSet.matchKey($0.key) == QuotaSet.matchKey(quotas[i].value) }?.value ?? [:]
        }
        return Result(quotas: quotas, sources: sources, notes: notes, countedResidents: census?.total)
    }

    /// The file's rows of one feature, in the template's order and spelling when the template lists values.
    private static func matchValues(feature: StrataTemplate.Feature, entries: [PopulationShares.Entry], file: String) throws -> [(value: String, share: Double)] {
        guard !entries.isEmpty else { return [] }
        let expected = feature.listedValues
        if expected.isEmpty { return entries.map { ($0.value, $0.share) } }
        var byKey: [String: PopulationShares.Entry] = [:]
        for e in entries { byKey[QuotaSet.matchKey(e.value)] = e }
        for e in entries where !expected.contains(where: { QuotaSet.matchKey($0) == QuotaSet.matchKey(e.value) }) {
            throw KleroterionError(file: file, line: e.line, column: "value", "'\(e.value)' is not a value of \(feature.name) in the template (values: \(expected.joined(separator: ", ")))",
                                   fix: "use the template's values for \(feature.name)")
        }
        return try expected.map { v in
            guard let e = byKey[QuotaSet.matchKey(v)] else {
                throw KleroterionError(file: file, "there is no share for \(feature.name) = \(v)",
                                       fix: "add a row \(feature.name),\(v),<population_share>")
            }
            return (v, e.share)
        }
    }

    /// Scales shares to add up to 1, or fails when they are too far from 1 to be rounding.
    private static func normalised(_ shares: [Double], feature: String, file: String, _ w: TextTable<ReadingLine>,
                                   notes: inout [String]) throws -> [Double] {
        let sum = shares.reduce(0, +)
        guard abs(sum - 1) <= shareSumTolerance else {
            throw KleroterionError(file: file, "the shares of \(feature) add up to \(String(format: "%.4f", sum)), not 1",
                                   fix: "give the share of every value of \(feature), as fractions adding up to 1 (or percentages adding up to 100%)")
        }
        if abs(sum - 1) > 1e-9 {
            notes.append(w(.scaled, feature, file, w.format.decimal(sum, digits: 4)))
            return shares.map { $0 / sum }
        }
        return shares
    }
}

/// Counts the register's residents per value of the register-based features (one pass over the rows).
struct RegisterTally {
    /// Per feature key: (value, count) in output order.
    var counts: [String: [(String, Int)]] = [:]
    var columnName: [String: String] = [:]
    var total = 0
    var notes: [String] = []
    /// Per requested combination: each value combination found (`vrouw&16-24`) and its count, in the order of
    /// the parts' values.
    var joint: [[(String, Int)]] = []

    init(register: RegisterRowSource, features: [StrataTemplate.Feature], template: StrataTemplate, settings: QuotaDerivation.Settings,
         combinations: [[Int]] = []) throws {
        let src = register.source
        let usesAges = features.contains { $0.from == .birthDate }
        let bandsOf = features.first { $0.from == .birthDate }?.bands
        let minAge = settings.minAge ?? template.minAge ?? bandsOf?.youngest
        var birthColumn: Int?
        if usesAges || settings.minAge != nil {
            guard let reference = settings.referenceDate else {
                throw KleroterionError("ages are counted (age bands or a minimum age) but no reference date is given",
                                       fix: "add --reference-date YYYY-MM-DD, the date at which ages are counted (e.g. the date of the letters)")
            }
            let name = settings.birthDateColumn ?? features.first { $0.from == .birthDate }?.column ?? "birth_date"
            birthColumn = try register.requireColumn(name, purpose: "the birth dates; choose another with --birth-date-column")
            notes.append(TextTable<ReadingLine>(settings.language)(.agesCounted, "\(reference)", String(minAge ?? 0)))
        }
        // Per feature: the column index (nil for age bands), and per match key the first spelling and count.
        let columns: [Int?] = try features.map { f in
            f.from == .birthDate ? nil : try register.requireColumn(f.column ?? f.name, purpose: "the values of \(f.name)")
        }
        var tallies = [[String: (spelling: String, count: Int)]](repeating: [:], count: features.count)
        var excluded = 0, imputed = 0
        var ageCounts = [Int](repeating: 0, count: bandsOf?.bands.count ?? 0)
        var jointTallies = [[String: Int]](repeating: [:], count: combinations.count)
        var keys = [String](repeating: "", count: features.count)
        var total = 0
        try register.eachRow { field, line in
            var bandIndex: Int?
            if let c = birthColumn, let reference = settings.referenceDate {
                guard let (born, wasImputed) = try CalendarDate.readBirthDate(field(c), policy: settings.unknownBirthDates, file: src,
                                                                              line: line, column: register.header[c]) else {
                    excluded += 1
                    return
                }
                if wasImputed { imputed += 1 }
                let age = born.age(on: reference)
                if let minAge, age < minAge { return }
                if let bandsOf {
                    guard let i = bandsOf.index(forAge: age) else {
                        throw KleroterionError(file: src, line: line, column: register.header[c],
                                               "age \(age) on \(reference) is in none of the age bands \(bandsOf.labels.joined(separator: ", "))",
                                               fix: "raise --min-age to \(bandsOf.youngest), or add a band for this age to the template")
                    }
                    bandIndex = i
                }
            }
            for (f, c) in columns.enumerated() {
                guard let c else { continue }
                let value = field(c).trimmingSpaces()
                guard !value.isEmpty else {
                    throw KleroterionError(file: src, line: line, column: register.header[c], "the \(features[f].name) is empty",
                                           fix: "fill in the value, or remove this resident from the extract")
                }
                let key = QuotaSet.matchKey(value)
                tallies[f][key, default: (value, 0)].count += 1
                keys[f] = key
            }
            if let bandIndex {
                ageCounts[bandIndex] += 1
                for f in features.indices where columns[f] == nil { keys[f] = "\(bandIndex)" }
            }
            for (j, parts) in combinations.enumerated() {
                jointTallies[j][parts.map { keys[$0] }.joined(separator: "\u{1F}"), default: 0] += 1
            }
            total += 1
        }
        self.total = total
        guard total > 0 else {
            throw KleroterionError(file: src, "no resident of the register is old enough to count", fix: "check --reference-date and --min-age")
        }
        let w = TextTable<ReadingLine>(settings.language)
        if excluded > 0 { notes.append(w(.registerExcluded, w.format.count(excluded))) }
        if imputed > 0 { notes.append(w(.registerImputed, w.format.count(imputed))) }
        if register.spellsGenderCodes { spellGenderCodes(register, features: features, columns: columns, tallies: &tallies,
                                                         combinations: combinations, jointTallies: &jointTallies,
                                                         note: w(.genderSpelled, register.source)) }
        for (f, feature) in features.enumerated() {
            let key = QuotaSet.matchKey(feature.name)
            if feature.from == .birthDate {
                counts[key] = zip(feature.bands!.labels, ageCounts).map { ($0, $1) }
                columnName[key] = register.header[birthColumn!]
            } else {
                let listed = feature.values.map(\.value)
                var rows = tallies[f].values.map { ($0.spelling, $0.count) }
                if listed.isEmpty {
                    rows.sort { QuotaSet.matchKey($0.0) < QuotaSet.matchKey($1.0) }
                } else {
                    for (value, _) in rows where !listed.contains(where: { QuotaSet.matchKey($0) == QuotaSet.matchKey(value) }) {
                        throw KleroterionError(file: src, column: register.header[columns[f]!], "the value '\(value)' of \(feature.name) is not in the template (values: \(listed.joined(separator: ", ")))",
                                               fix: "correct the register, or add the value to the template")
                    }
                    rows = listed.map { v in (v, tallies[f][QuotaSet.matchKey(v)]?.count ?? 0) }
                }
                counts[key] = rows
                columnName[key] = register.header[columns[f]!]
            }
        }
        // Combination cells in the order of their parts' values; the spelling is the one the single feature uses.
        for (j, parts) in combinations.enumerated() {
            let order: [[String: (rank: Int, spelling: String)]] = parts.map { f in
                let rows = counts[QuotaSet.matchKey(features[f].name)]!
                var byKey: [String: (Int, String)] = [:]
                for (r, row) in rows.enumerated() { byKey[features[f].from == .birthDate ? "\(r)" : QuotaSet.matchKey(row.0)] = (r, row.0) }
                return byKey
            }
            let cells = jointTallies[j].map { key, n -> ([Int], String, Int) in
                let pieces = key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
                let found = zip(order, pieces).map { $0[$1] ?? (Int.max, $1) }
                return (found.map(\.rank), found.map(\.spelling).joined(separator: "&"), n)
            }
            joint.append(cells.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map { ($0.1, $0.2) })
        }
    }

    /// The BRP's one-letter gender codes spelled out, as `ColumnMapping.apply` does for a table, once every value of
    /// the renamed column is known to be one (else the values stay as they are).
    private mutating func spellGenderCodes(_ register: RegisterRowSource, features: [StrataTemplate.Feature], columns: [Int?],
                                           tallies: inout [[String: (spelling: String, count: Int)]], combinations: [[Int]],
                                           jointTallies: inout [[String: Int]], note: String) {
        guard let f = features.indices.first(where: { columns[$0].map { register.header[$0].lowercased() == "gender" } ?? false }),
              let spelled = ColumnMapping.genderSpelling(Array(tallies[f].keys)) else { return }
        var respelled: [String: (spelling: String, count: Int)] = [:]
        var newKey: [String: String] = [:]
        for (key, value) in tallies[f] {
            let spelling = spelled[key] ?? value.spelling
            newKey[key] = QuotaSet.matchKey(spelling)
            respelled[QuotaSet.matchKey(spelling), default: (spelling, 0)].count += value.count
        }
        tallies[f] = respelled
        for (j, parts) in combinations.enumerated() {
            guard let p = parts.firstIndex(of: f) else { continue }
            var cells: [String: Int] = [:]
            for (key, n) in jointTallies[j] {
                var pieces = key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
                pieces[p] = newKey[pieces[p]] ?? pieces[p]
                cells[pieces.joined(separator: "\u{1F}"), default: 0] += n
            }
            jointTallies[j] = cells
        }
        notes.append(note)
    }
}
