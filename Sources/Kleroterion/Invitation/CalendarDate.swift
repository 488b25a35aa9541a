/// A calendar date without time or time zone, as the population register records birth dates.
///
/// Ages are counted in completed years at a reference date, the way the Dutch BRP and municipal
/// rules count them: someone born on 2010-01-01 is 16 on 2026-01-01. Someone born on 29 February
/// turns a year older on 1 March in years without 29 February.
public struct CalendarDate: Comparable, Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (ISO), `YYYYMMDD` (the BRP's own form) or `DD-MM-YYYY` (Dutch spreadsheets;
    /// also with `/` or `.`). Surrounding spaces are ignored. Returns nil for anything else, including
    /// the BRP's partly unknown dates such as `19700000`.
    public init?<Bytes: Sequence>(parsingBytes text: Bytes) where Bytes.Element == UInt8 {
        // Up to three groups of digits; no allocation, as this runs once per register row.
        var values = (0, 0, 0), lengths = (0, 0, 0)
        var group = 0, current = 0, length = 0, trailingSpace = false
        func store(_ g: Int, _ v: Int, _ l: Int) {
            switch g {
            case 0: values.0 = v; lengths.0 = l
            case 1: values.1 = v; lengths.1 = l
            default: values.2 = v; lengths.2 = l
            }
        }
        for b in text {
            if b >= 0x30 && b <= 0x39 {
                if trailingSpace { return nil }   // digits after inner spaces: "2010 01 01" is not a date
                current = current * 10 + Int(b - 0x30)
                length += 1
                if length > 8 { return nil }
            } else if b == 0x2D || b == 0x2F || b == 0x2E { // - / .
                guard length > 0, group < 2 else { return nil }
                store(group, current, length)
                group += 1; current = 0; length = 0
            } else if b == 0x20 || b == 0x09 {
                if length > 0 || group > 0 { trailingSpace = true }
            } else {
                return nil
            }
        }
        guard length > 0 else { return nil }
        store(group, current, length)
        switch (group, lengths.0, lengths.1, lengths.2) {
        case (0, 8, _, _):
            self.init(year: values.0 / 10000, month: (values.0 / 100) % 100, day: values.0 % 100)
        case (2, 4, 1...2, 1...2):
            self.init(year: values.0, month: values.1, day: values.2)
        case (2, 1...2, 1...2, 4):
            self.init(year: values.2, month: values.1, day: values.0)
        default:
            return nil
        }
    }

    public init?(parsing text: String) {
        self.init(parsingBytes: text.utf8)
    }

    /// Completed years of age on `reference` for someone born on this date (negative if born after it).
    public func age(on reference: CalendarDate) -> Int {
        var age = reference.year - year
        if (reference.month, reference.day) < (month, day) { age -= 1 }
        return age
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ v: Int, _ n: Int) -> String { String(repeating: "0", count: max(0, n - String(v).count)) + String(v) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// The derived stratum column `age_band`.
///
/// Its bands are those of `strata-templates/nl-gemeente.yaml` (`AgeBands.nlGemeente`, the one place that maps ages
/// to bands): `16-24`, `25-34`, `35-44`, `45-54`, `55-64`, `65-74`, `75+`. Anyone younger than 16 (only possible with
/// `--min-age` below 16) falls in `0-15`. Labels use an ASCII hyphen.
public enum AgeBand {
    /// The derived column's name.
    public static let column = "age_band"
    /// The label for ages below the first band.
    static let underFirst = "0-\(AgeBands.nlGemeente.youngest - 1)"
    /// Every label, youngest first.
    public static let labels = [underFirst] + AgeBands.nlGemeente.labels

    /// The band for an age in completed years.
    public static func label(forAge age: Int) -> String { AgeBands.nlGemeente.label(forAge: age) ?? underFirst }
}
