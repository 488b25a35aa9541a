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
    public init?(parsing text: Substring.UTF8View) {
        var digits: [Int] = []
        var groups: [Int] = []   // length of each digit group
        var separators = 0
        var current = 0, length = 0
        for b in text {
            if b >= 0x30 && b <= 0x39 {
                current = current * 10 + Int(b - 0x30)
                length += 1
                if length > 8 { return nil }
            } else if b == 0x2D || b == 0x2F || b == 0x2E { // - / .
                guard length > 0 else { return nil }
                digits.append(current); groups.append(length)
                current = 0; length = 0; separators += 1
            } else if b == 0x20 || b == 0x09 {
                continue
            } else {
                return nil
            }
        }
        guard length > 0 else { return nil }
        digits.append(current); groups.append(length)
        switch groups {
        case [8]:
            let v = digits[0]
            self.init(year: v / 10000, month: (v / 100) % 100, day: v % 100)
        case [4, 2, 2], [4, 1, 1], [4, 1, 2], [4, 2, 1]:
            self.init(year: digits[0], month: digits[1], day: digits[2])
        case [2, 2, 4], [1, 1, 4], [1, 2, 4], [2, 1, 4]:
            self.init(year: digits[2], month: digits[1], day: digits[0])
        default:
            return nil
        }
    }

    public init?(parsing text: String) {
        self.init(parsing: Substring(text).utf8)
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
