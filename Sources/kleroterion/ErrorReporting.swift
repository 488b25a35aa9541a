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

/// Remarks on how the inputs were read (column mapping, derived age bands), printed once the command has succeeded.
nonisolated(unsafe) var pendingNotes: [String] = []

/// Writes a line to stderr (progress and warnings; stdout is kept for results).
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Splits a comma-separated option value such as `street,postcode`.
func columnList(_ text: String?) -> [String] {
    (text ?? "").split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
}
