import Foundation
import Testing
@testable import Kleroterion

/// "Nothing lost, ever" (issue #12), as a user meets it: concurrent runs, pipes, file-size limits, bytes that are
/// not UTF-8, numbers at the edge of every numeric option, and spreadsheet formulas in the pool. The slow kill and
/// fuzz runs are in `RobustnessSlowTests` (`make test-robustness`).
@Suite struct RobustnessCLITests {
    static let good = BadInputCatalogueTests.casesFolder.appendingPathComponent("seed-empty")

    /// A folder with the catalogue's good pool and quotas (10 respondents, panel of 4).
    static func workFolder() throws -> String {
        let dir = temporaryDirectory()
        for name in ["pool.csv", "quotas.csv"] {
            try FileManager.default.copyItem(atPath: good.appendingPathComponent(name).path, toPath: dir + "/" + name)
        }
        return dir
    }

    static func select(_ dir: String, seed: String, out: String, extra: [String] = []) -> [String] {
        ["select", "--people", dir + "/pool.csv", "--quotas", dir + "/quotas.csv", "--panel-size", "4", "--seed", seed,
         "--out", out, "--algorithm", "legacy"] + extra
    }

    /// The ids of a CSV file's first column, without the header.
    static func ids(_ path: String) -> [String] {
        let text = (FileManager.default.contents(atPath: path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return text.split(separator: "\n").dropFirst().map { String($0.split(separator: ",").first ?? "") }
    }

    /// Starts `kleroterion` without waiting; output goes to files in `logs`.
    static func start(_ arguments: [String], logs: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try kleroterionBinary())
        process.arguments = arguments
        #expect(FileManager.default.createFile(atPath: logs + ".out", contents: nil))
        #expect(FileManager.default.createFile(atPath: logs + ".err", contents: nil))
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: logs + ".out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logs + ".err"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func tenPairsOfConcurrentSelectsIntoOneFolder() throws {
        let dir = try Self.workFolder()
        let binary = try kleroterionBinary()
        let pool = Self.ids(dir + "/pool.csv").sorted()
        // The panel each seed gives, drawn alone.
        var reference: [String: [String]] = [:]
        for seed in ["left", "right"] {
            let run = try runProgram(binary, Self.select(dir, seed: seed, out: dir + "/ref-" + seed))
            #expect(run.status == 0, "\(run.stderr)")
            reference[seed] = Self.ids(dir + "/ref-\(seed)/panel.csv")
        }
        #expect(reference["left"] != reference["right"], "the two seeds must give different panels for this test to tell them apart")
        for trial in 0..<10 {
            let out = dir + "/out\(trial)"
            let a = try Self.start(Self.select(dir, seed: "left", out: out), logs: dir + "/a\(trial)")
            let b = try Self.start(Self.select(dir, seed: "right", out: out), logs: dir + "/b\(trial)")
            a.waitUntilExit()
            b.waitUntilExit()
            let statuses = [a.terminationStatus, b.terminationStatus]
            #expect(statuses.sorted() == [0, 2], "trial \(trial): exit codes \(statuses)")
            let loser = a.terminationStatus == 2 ? "a" : "b", winner = loser == "a" ? "right" : "left"
            let message = String(decoding: FileManager.default.contents(atPath: dir + "/\(loser)\(trial).err") ?? Data(), as: UTF8.self)
            #expect(message.contains("error: ") && message.contains("already exists and is not empty") && message.contains("Fix: "), "trial \(trial): \(message)")
            // The folder is the winner's, whole: its panel, and panel + remaining = pool.
            let panel = Self.ids(out + "/panel.csv"), remaining = Self.ids(out + "/remaining.csv")
            #expect(panel == reference[winner], "trial \(trial): the folder mixes runs")
            #expect((panel + remaining).sorted() == pool, "trial \(trial)")
            let probabilities = Self.ids(out + "/probabilities.csv")
            #expect(probabilities.sorted() == pool)
        }
        let hidden = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "staging folders left: \(hidden)")
    }

    @Test func aNamedPipeIsRefusedAtOnce() throws {
        let dir = try Self.workFolder()
        #expect(mkfifo(dir + "/fifo.csv", 0o600) == 0)
        let started = Date()
        let run = try runProgram(try kleroterionBinary(), ["select", "--people", dir + "/fifo.csv", "--quotas", dir + "/quotas.csv",
                                                           "--panel-size", "4", "--seed", "x", "--out", dir + "/out"])
        #expect(Date().timeIntervalSince(started) < 20, "reading a pipe must not block")
        #expect(run.status == 2)
        #expect(run.stderr == "error: \(dir)/fifo.csv: this is a named pipe, not a regular file\nFix: save the data to a file first and give that file's path\n")
    }

    @Test func aFileSizeLimitGivesAMessageAndLeavesNothing() throws {
        let dir = try Self.workFolder()
        // ulimit -f counts 512-byte blocks in sh (dash): 4 blocks = 2 KB, less than report.html.
        let command = "ulimit -f 4; exec \"$0\" \"$@\""
        let run = try runProgram("/bin/sh", ["-c", command, try kleroterionBinary()] + Self.select(dir, seed: "x", out: dir + "/out"))
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("file-size limit") && run.stderr.contains("nothing was written"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["pool.csv", "quotas.csv"])
    }

    @Test func aSeedThatIsNotUTF8IsRefused() throws {
        let dir = try Self.workFolder()
        let command = "exec \"$0\" \"$@\" --seed \"$(printf 'lotto \\377\\376')\""
        var arguments = Self.select(dir, seed: "unused", out: dir + "/out")
        arguments.removeSubrange(7...8) // drop --seed unused
        let run = try runProgram("/bin/sh", ["-c", command, try kleroterionBinary()] + arguments)
        #expect(run.status == 2)
        #expect(run.stderr == "error: the value after --seed contains bytes that are not UTF-8 text\nFix: type it again in a UTF-8 terminal (for a seed: exactly as announced)\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    /// Every line a failing or succeeding run writes to stderr is one of the tool's: a message and its fix, a
    /// warning, or progress; never a backtrace.
    static func stderrIsTheTools(_ stderr: String) -> Bool {
        let forbidden = ["Fatal error", "Backtrace", "Stack dump", "Thread 0", "Usage:", "Error: ", "Help:", "💣"]
        guard !forbidden.contains(where: stderr.contains) else { return false }
        return stderr.split(separator: "\n").allSatisfy { line in
            ["error: ", "Fix: ", "warning: ", "note: ", "leximin", "maximin", "nash", "legacy", "The quotas", "  "].contains { line.hasPrefix($0) }
        }
    }

    @Test func extremeNumbersInEveryNumericOptionAndQuotaColumnNeverCrash() throws {
        let dir = try Self.workFolder()
        let binary = try kleroterionBinary()
        let register = BadInputCatalogueTests.casesFolder.appendingPathComponent("invite-response-rate-above-one/register.csv").path
        let run0 = try runProgram(binary, Self.select(dir, seed: "base", out: dir + "/run"))
        #expect(run0.status == 0)
        let values = ["9223372036854775807", "-9223372036854775808", "1e30", "inf", "nan", "-0"]
        let pool = dir + "/pool.csv", quotas = dir + "/quotas.csv"
        let commands: [(option: String, base: [String])] = [
            ("--panel-size", ["select", "--people", pool, "--quotas", quotas, "--seed", "s", "--algorithm", "legacy"]),
            ("--time-limit", ["select", "--people", pool, "--quotas", quotas, "--panel-size", "4", "--seed", "s"]),
            ("--register-count", ["select", "--people", pool, "--quotas", quotas, "--panel-size", "4", "--seed", "s", "--algorithm", "legacy"]),
            ("--invited-count", ["select", "--people", pool, "--quotas", quotas, "--panel-size", "4", "--seed", "s", "--algorithm", "legacy"]),
            ("--panel-size", ["check", "--people", pool, "--quotas", quotas]),
            ("--panels", ["commit", "--people", pool, "--quotas", quotas, "--panel-size", "4"]),
            ("--time-limit", ["commit", "--people", pool, "--quotas", quotas, "--panel-size", "4", "--panels", "10"]),
            ("--count", ["invite", "--register", register, "--seed", "s"]),
            ("--min-age", ["invite", "--register", register, "--seed", "s", "--count", "2", "--reference-date", "2026-01-01"]),
            ("--max-age", ["invite", "--register", register, "--seed", "s", "--count", "2", "--reference-date", "2026-01-01"]),
            ("--panel-size", ["quotas", "--template", "nl-gemeente", "--register", register, "--reference-date", "2026-01-01"]),
            ("--tolerance", ["quotas", "--template", "nl-gemeente", "--register", register, "--panel-size", "10", "--reference-date", "2026-01-01"]),
            ("--min-age", ["quotas", "--template", "nl-gemeente", "--register", register, "--panel-size", "10", "--reference-date", "2026-01-01"]),
            ("--register-count", ["report", "--run", dir + "/run"]),
            ("--invited-count", ["report", "--run", dir + "/run"]),
        ]
        var k = 0
        for (option, base) in commands {
            for value in values {
                k += 1
                let out = dir + "/o\(k)" + (base[0] == "quotas" ? ".csv" : "")
                let arguments = base + [option, value] + (base[0] == "report" || base[0] == "check" ? [] : ["--out", out])
                let run = try runProgram(binary, arguments, in: URL(fileURLWithPath: dir))
                #expect([0, 1, 2].contains(run.status), "\(base[0]) \(option) \(value): exit \(run.status): \(run.stderr)")
                #expect(Self.stderrIsTheTools(run.stderr), "\(base[0]) \(option) \(value): \(run.stderr)")
                if run.status == 2 { #expect(run.stderr.hasPrefix("error: ") && run.stderr.contains("\nFix: "), "\(base[0]) \(option) \(value)") }
            }
        }
        // The quota columns.
        let original = try String(contentsOfFile: quotas, encoding: .utf8)
        for column in [2, 3] {
            for value in values {
                var lines = original.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
                lines[1][column] = value
                try (lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n").write(toFile: dir + "/q.csv", atomically: true, encoding: .utf8)
                k += 1
                let run = try runProgram(binary, ["select", "--people", pool, "--quotas", dir + "/q.csv", "--panel-size", "4", "--seed", "s",
                                                  "--algorithm", "legacy", "--out", dir + "/o\(k)"])
                #expect([0, 1, 2].contains(run.status), "quota column \(column) = \(value): exit \(run.status): \(run.stderr)")
                #expect(Self.stderrIsTheTools(run.stderr), "quota column \(column) = \(value): \(run.stderr)")
            }
        }
    }

    @Test func formulaValuesAreWarnedAboutListedByInspectAndKeptByteForByte() throws {
        let dir = try Self.workFolder()
        let binary = try kleroterionBinary()
        var pool = try String(contentsOfFile: dir + "/pool.csv", encoding: .utf8)
        pool = pool.replacingOccurrences(of: "Bram Jansen", with: "=HYPERLINK(\"http://x\")")
        try pool.write(toFile: dir + "/pool.csv", atomically: true, encoding: .utf8)
        let run = try runProgram(binary, Self.select(dir, seed: "x", out: dir + "/out"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("let op: \(dir)/pool.csv:3: kolom 'name': 1 waarde (de eerste: '=HYPERLINK(\"http://x\")') begint met = + - of @"), "\(run.stderr)")
        let englishRun = try runProgram(binary, Self.select(dir, seed: "x", out: dir + "/out-en") + ["--language", "en"])
        #expect(englishRun.stderr.contains("warning: \(dir)/pool.csv:3: column 'name': 1 value (the first: '=HYPERLINK(\"http://x\")') starts with = + - or @"), "\(englishRun.stderr)")
        // panel.csv + remaining.csv carry the value unchanged (they must be the pool).
        let both = try String(contentsOfFile: dir + "/out/panel.csv", encoding: .utf8) + String(contentsOfFile: dir + "/out/remaining.csv", encoding: .utf8)
        #expect(both.contains("=HYPERLINK(\"\"http://x\"\")") || both.contains("=HYPERLINK(\"http://x\")"))
        let inspect = try runProgram(binary, ["inspect", dir + "/pool.csv"])
        #expect(inspect.status == 0)
        #expect(inspect.stdout.contains("Veilig openen in een rekenblad: 1 waarde begint met = + - of @") && inspect.stdout.contains("regel 3, kolom 'name': =HYPERLINK"), "\(inspect.stdout)")
        let english = try runProgram(binary, ["inspect", dir + "/pool.csv", "--language", "en"])
        #expect(english.stdout.contains("Spreadsheet safety: 1 value starts with = + - or @") && english.stdout.contains("line 3, column 'name': =HYPERLINK"), "\(english.stdout)")
        // A plain negative number is no formula.
        #expect(!SpreadsheetSafety.looksLikeFormula("-5") && SpreadsheetSafety.looksLikeFormula("-A1") && SpreadsheetSafety.looksLikeFormula("\t=1"))
    }

    @Test func aShortFuzzOfNumbersAndQuotaFiles() throws {
        // 30 cases here; `make test-robustness` runs 400 with another seed.
        let outcomes = try RobustnessSlowTests.fuzz(cases: 30, seed: 30)
        #expect(outcomes[2, default: 0] >= 5, "\(outcomes)")
    }

    @Test func helpIsUnchangedAndExitsZero() throws {
        let run = try runProgram(try kleroterionBinary(), ["select", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("OVERVIEW: Draw a panel from the respondents that meets the quotas."))
        #expect(run.stdout.contains("USAGE: kleroterion select"))
    }
}
