import Foundation

/// The checks of a workflow's numbers and lists, shared by every front end, so that the CLI and the web app refuse
/// the same values with the same message. The messages name the CLI option (e.g. `--time-limit`).
public enum RequestChecks {
    /// A time limit for the solver, which counts in whole milliseconds: a positive, finite number of seconds up to a
    /// million (11 days); `inf`, `nan`, 0 and negative numbers are refused.
    public static func timeLimit(_ seconds: Double?) throws -> Double? {
        guard let seconds else { return nil }
        guard seconds.isFinite, seconds > 0, seconds <= 1_000_000 else {
            throw KleroterionError("the time limit \(seconds) is not a number of seconds between 0 and 1000000",
                                   fix: "give --time-limit a number of seconds above 0, e.g. 60, or leave it out to wait for the exact result")
        }
        return seconds
    }

    /// Refuses a number outside the range that makes sense for the option, before any arithmetic uses it.
    public static func range(_ value: Int?, option: String, _ range: ClosedRange<Int>, meaning: String) throws {
        guard let value, !range.contains(value) else { return }
        throw KleroterionError("\(option) is \(value), outside \(range.lowerBound)–\(range.upperBound) \(meaning)",
                               fix: "give \(option) a whole number from \(range.lowerBound) to \(range.upperBound)")
    }

    /// Refuses a negative count (of residents, letters): a report would show nonsense.
    public static func count(_ value: Int?, option: String) throws -> Int? {
        guard let value else { return nil }
        guard value >= 0 else {
            throw KleroterionError("\(option) is \(value), a negative number of people", fix: "give the count as 0 or more, e.g. \(option) 12000")
        }
        return value
    }

    /// Splits a comma-separated list such as `street,postcode`. A list that is given but names no column (`''`,
    /// `,,`) is refused: silently dropping the household rule or the strata would change the draw.
    public static func columnList(_ text: String?, option: String, example: String = "street,postcode") throws -> [String] {
        let names = (text ?? "").split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        if let text, names.isEmpty {
            throw KleroterionError("\(option) '\(text)' names no column", fix: "give the column names separated by commas, e.g. \(option) \(example), or leave the option out")
        }
        return names
    }

    /// The warnings for pool or quota values that a spreadsheet would run as formulas (see `SpreadsheetSafety`).
    public static func formulaWarnings(_ tables: Table..., language: ReportLanguage = .en) -> [String] {
        tables.compactMap { SpreadsheetSafety.warning($0, language: language) }
    }
}
