import ArgumentParser
import Foundation
import Kleroterion

/// Runs a command body and turns a `KleroterionError` into one clear message on stderr and exit code 2.
///
/// Users are civil servants, not programmers: they get the file, the line, the problem and the fix,
/// never a stack trace. Any other error that escapes (from Foundation, say) is reported the same way, with
/// exit code 2, rather than in ArgumentParser's format; `ExitCode` and `CleanExit` pass through unchanged.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
        for line in pendingNotes { note(line) }   // after success only: a bad input gets one message, nothing else
    } catch let error as KleroterionError {
        FileHandle.standardError.write(Data(("error: " + error.description + "\n").utf8))
        throw ExitCode(2)
    } catch let error as ExitCode {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch {
        FileHandle.standardError.write(Data(("error: " + error.localizedDescription + "\n").utf8))
        throw ExitCode(2)
    }
}

/// Checks a `--time-limit` before it reaches the solver, which counts in whole milliseconds: a positive,
/// finite number of seconds up to a million (11 days); `inf`, `nan`, 0 and negative numbers are refused.
func checkedTimeLimit(_ seconds: Double?) throws -> Double? {
    guard let seconds else { return nil }
    guard seconds.isFinite, seconds > 0, seconds <= 1_000_000 else {
        throw KleroterionError("the time limit \(seconds) is not a number of seconds between 0 and 1000000",
                               fix: "give --time-limit a number of seconds above 0, e.g. 60, or leave it out to wait for the exact result")
    }
    return seconds
}

/// Refuses a number outside the range that makes sense for the option, before any arithmetic uses it.
func checkedRange(_ value: Int?, option: String, _ range: ClosedRange<Int>, meaning: String) throws {
    guard let value, !range.contains(value) else { return }
    throw KleroterionError("\(option) is \(value), outside \(range.lowerBound)–\(range.upperBound) \(meaning)",
                           fix: "give \(option) a whole number from \(range.lowerBound) to \(range.upperBound)")
}

/// Refuses a negative count (of residents, letters): a report would show nonsense.
func checkedCount(_ value: Int?, option: String) throws -> Int? {
    guard let value else { return nil }
    guard value >= 0 else {
        throw KleroterionError("\(option) is \(value), a negative number of people", fix: "give the count as 0 or more, e.g. \(option) 12000")
    }
    return value
}

/// Warns about pool or quota values that a spreadsheet would run as formulas (see `SpreadsheetSafety`).
func warnAboutFormulas(_ tables: Table...) {
    for table in tables { if let warning = SpreadsheetSafety.warning(table) { note(warning) } }
}

/// Remarks on how the inputs were read (column mapping, derived age bands), printed once the command has succeeded.
nonisolated(unsafe) var pendingNotes: [String] = []

/// Prints a workflow's result: its lines on stdout, then its warnings on stderr (after the files are written).
func show(_ lines: [String], warnings: [String]) {
    for line in lines { print(line) }
    for line in warnings { note(line) }
}

/// Writes a line to stderr (progress and warnings; stdout is kept for results).
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Splits a comma-separated option value such as `street,postcode`. An option that is given but names no column
/// (`''`, `,,`) is refused: silently dropping the household rule or the strata would change the draw.
func columnList(_ text: String?, option: String, example: String = "street,postcode") throws -> [String] {
    let names = (text ?? "").split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    if text != nil && names.isEmpty {
        throw KleroterionError("\(option) '\(text!)' names no column", fix: "give the column names separated by commas, e.g. \(option) \(example), or leave the option out")
    }
    return names
}
