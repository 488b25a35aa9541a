/// Age bands such as `16-24`, `25-34`, …, `75+`, read from their labels.
///
/// This is the one place that maps an age (completed years at a reference date, see `CalendarDate.age(on:)`)
/// to a band: the quota derivation, the invitation strata and any report use it. Labels are written
/// `LOW-HIGH` (both inclusive) or `LOW+` (open-ended, last band only); an en dash (`16–24`) is accepted and
/// kept as written. Bands must follow each other without gaps or overlaps, so that nobody is silently dropped.
public struct AgeBands: Sendable, Equatable {
    /// One band: ages `lower...upper`, or `lower...` when `upper` is nil.
    public struct Band: Sendable, Equatable {
        public let label: String
        public let lower: Int
        public let upper: Int?
        public func contains(_ age: Int) -> Bool { age >= lower && (upper.map { age <= $0 } ?? true) }
    }

    /// The bands, youngest first.
    public let bands: [Band]

    /// Parses the labels; throws a `KleroterionError` naming the faulty label.
    public init(labels: [String]) throws {
        guard !labels.isEmpty else {
            throw KleroterionError("the list of age bands is empty", fix: "list bands such as 16-24, 25-34, 75+")
        }
        var bands: [Band] = []
        for (i, raw) in labels.enumerated() {
            let label = raw.trimmingSpaces()
            let band = try AgeBands.parse(label)
            if band.upper == nil && i != labels.count - 1 {
                throw KleroterionError("the open-ended age band '\(label)' is not the last band",
                                       fix: "put the band with '+' last, or give it an upper age")
            }
            if let previous = bands.last, let upper = previous.upper, band.lower != upper + 1 {
                throw KleroterionError("the age band '\(label)' does not start right after '\(previous.label)' (expected \(upper + 1))",
                                       fix: "make the bands follow each other without gaps or overlaps, e.g. 16-24, 25-34")
            }
            bands.append(band)
        }
        self.bands = bands
    }

    /// The labels, youngest first.
    public var labels: [String] { bands.map(\.label) }

    /// The youngest age in any band.
    public var youngest: Int { bands[0].lower }

    /// The label of the band holding `age`, or nil when no band does.
    public func label(forAge age: Int) -> String? { bands.first { $0.contains(age) }?.label }

    /// The index of the band holding `age`, or nil when no band does.
    public func index(forAge age: Int) -> Int? { bands.firstIndex { $0.contains(age) } }

    /// The bands of `strata-templates/nl-gemeente.yaml`: `16-24`, `25-34`, `35-44`, `45-54`, `55-64`, `65-74`, `75+`.
    public static let nlGemeente = try! AgeBands(labels: ["16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"])

    static func parse(_ label: String) throws -> Band {
        func number(_ s: Substring) -> Int? {
            let t = s.trimmingCharacters(in: " ")
            return t.isEmpty || !t.allSatisfy(\.isASCII) ? nil : Int(t)
        }
        let bad = KleroterionError("'\(label)' is not an age band", fix: "write age bands as 16-24 (both ages included) or 75+ (75 and older)")
        if label.hasSuffix("+") {
            guard let low = number(label.dropLast()), low >= 0 else { throw bad }
            return Band(label: label, lower: low, upper: nil)
        }
        let parts = label.split(whereSeparator: { $0 == "-" || $0 == "–" })
        guard parts.count == 2, let low = number(parts[0]), let high = number(parts[1]), low >= 0 else { throw bad }
        guard low <= high else {
            throw KleroterionError("the age band '\(label)' ends before it starts", fix: "write the younger age first, e.g. 16-24")
        }
        return Band(label: label, lower: low, upper: high)
    }
}

private extension Substring {
    func trimmingCharacters(in set: Character) -> Substring {
        var s = self
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return s
    }
}
