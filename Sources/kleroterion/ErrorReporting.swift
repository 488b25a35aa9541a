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

/// Prints a workflow's result: its lines on stdout, the technical details after them only with `--verbose`, then its
/// warnings on stderr (after the files are written).
func show(_ lines: [String], warnings: [String], details: [String] = [], verbose: Bool = false) {
    for line in lines { print(line) }
    if verbose { for line in details { print(line) } }
    for line in warnings { note(line) }
}

/// The events of a command run: the solver's details live on stderr with `--verbose`, else none; the steps are said
/// once everything is written (the result's lines), so that a failing run prints only its one error.
func events(verbose: Bool) -> WorkflowEvents {
    verbose ? WorkflowEvents(detail: { note($0) }) : WorkflowEvents()
}

/// Writes a line to stderr (progress and warnings; stdout is kept for results).
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Splits a comma-separated option value such as `street,postcode` (see `RequestChecks.columnList`).
func columnList(_ text: String?, option: String, example: String = "street,postcode") throws -> [String] {
    try RequestChecks.columnList(text, option: option, example: example)
}
