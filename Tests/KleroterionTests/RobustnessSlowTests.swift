import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The long robustness runs of issue #12, behind `make test-robustness` (they need minutes, so `make test` skips
/// them): `select` killed with SIGKILL at 20 moments of its run and at each rename and flush, and a seeded fuzz
/// over the numeric options and the quota file.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["KLEROTERION_ROBUSTNESS"] != nil, "set KLEROTERION_ROBUSTNESS=1 (make test-robustness)"))
struct RobustnessSlowTests {
    /// A synthetic pool of `n` respondents (two per address for a tenth of them) and proportional quotas.
    static func writePool(_ n: Int, to dir: String) throws {
        var r = CSVDifferentialTests.Mix(state: 12)
        let genders = ["v", "m"], ages = ["16-24", "25-44", "45-64", "65+"], districts = ["Noord", "Oost", "Zuid", "West", "Centrum"]
        var lines = ["id,gender,age,district,street,postcode"]
        for i in 0..<n {
            let address = i % 10 == 1 ? i - 1 : i
            lines.append("r\(i),\(r.pick(genders)),\(r.pick(ages)),\(r.pick(districts)),Straat \(address),\(1000 + address % 97) AB")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: dir + "/pool.csv", atomically: true, encoding: .utf8)
        var quotas = ["feature,value,min,max"]
        for g in genders { quotas.append("gender,\(g),20,30") }
        for a in ages { quotas.append("age,\(a),8,17") }
        for d in districts { quotas.append("district,\(d),6,14") }
        try (quotas.joined(separator: "\n") + "\n").write(toFile: dir + "/quotas.csv", atomically: true, encoding: .utf8)
    }

    static func select(_ dir: String, seed: String, out: String, replace: Bool) -> [String] {
        ["select", "--people", dir + "/pool.csv", "--quotas", dir + "/quotas.csv", "--panel-size", "50", "--seed", seed,
         "--out", out, "--household-columns", "street,postcode", "--algorithm", "maximin"] + (replace ? ["--replace"] : [])
    }

    /// Every file of a folder with its bytes; `nil` when the folder does not exist.
    static func contents(_ folder: String) -> [String: Data]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        return Dictionary(uniqueKeysWithValues: names.map { ($0, FileManager.default.contents(atPath: folder + "/" + $0) ?? Data()) })
    }

    static func ids(_ data: Data?) -> [String] {
        String(decoding: data ?? Data(), as: UTF8.self).split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
    }

    /// After a kill, `out` is absent, the complete earlier folder, or the complete new one; panel + remaining = pool.
    static func checkAfterKill(_ out: String, earlier: [String: Data]?, new: [String: Data], pool: [String], _ label: String) {
        let now = contents(out)
        if let now {
            #expect(now == earlier || now == new, "\(label): --out is a mix: \(now.keys.sorted())")
            #expect((ids(now["panel.csv"]) + ids(now["remaining.csv"])).sorted() == pool, "\(label): panel + remaining is not the pool")
        } else {
            #expect(earlier == nil, "\(label): the earlier folder disappeared")
        }
    }

    @Test func selectKilledAtTwentyMomentsAndAtEveryRenameLeavesAWholeFolder() throws {
        let binary = try kleroterionBinary()
        let dir = temporaryDirectory()
        try Self.writePool(5000, to: dir)
        let pool = Self.ids(FileManager.default.contents(atPath: dir + "/pool.csv")).sorted()
        // The two complete folders a run can leave: the earlier one (seed "earlier") and the new one (seed "new").
        let started = Date()
        let newRun = try runProgram(binary, Self.select(dir, seed: "new", out: dir + "/new", replace: false))
        let duration = Date().timeIntervalSince(started)
        #expect(newRun.status == 0, "\(newRun.stderr)")
        let earlierRun = try runProgram(binary, Self.select(dir, seed: "earlier", out: dir + "/earlier", replace: false))
        #expect(earlierRun.status == 0)
        let new = try #require(Self.contents(dir + "/new")), earlier = try #require(Self.contents(dir + "/earlier"))
        print("kill test: one select of 5,000 respondents takes \(String(format: "%.1f", duration)) s; killing at 20 moments")
        var outcomes: [String: Int] = [:]
        for i in 1...20 {
            // Odd: a first run (no folder yet); even: --replace over the earlier folder.
            let out = dir + "/out\(i)", replace = i % 2 == 0
            if replace { try FileManager.default.copyItem(atPath: dir + "/earlier", toPath: out) }
            // Moments from 5 % to 105 % of a run's measured length: the last ones may come after it published.
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = Self.select(dir, seed: "new", out: out, replace: replace)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(duration * 1_000_000 * (0.05 + Double(i - 1) / 19)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = Self.contents(out)
            outcomes[now == nil ? "absent" : now == new ? "new" : now == earlier ? "earlier" : "mixed", default: 0] += 1
            Self.checkAfterKill(out, earlier: replace ? earlier : nil, new: new, pool: pool, "kill \(i) at \(Int((0.05 + Double(i - 1) / 19) * 100)) % of the run")
        }
        print("kill test, time points: \(outcomes.sorted { $0.key < $1.key })")
        // And exactly at each system call that publishes or flushes: the n-th rename / renameat2 / fsync / mkdir.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") else {
            Issue.record("strace is missing (make deps installs it)")
            return
        }
        var injected = 0
        for call in ["rename", "renameat2", "fsync", "mkdir", "openat"] {
            for n in [1, 2, 3, 5, 8] {
                let out = dir + "/s-\(call)-\(n)"
                try FileManager.default.copyItem(atPath: dir + "/earlier", toPath: out)
                let run = try runProgram("/usr/bin/strace", ["-f", "-o", "/dev/null", "-e", "trace=\(call)", "-e", "inject=\(call):signal=SIGKILL:when=\(n)", binary]
                                         + Self.select(dir, seed: "new", out: out, replace: true))
                if run.status != 0 { injected += 1 }
                Self.checkAfterKill(out, earlier: earlier, new: new, pool: pool, "SIGKILL at \(call) #\(n)")
            }
        }
        print("kill test: \(injected) of 25 strace-injected kills hit the run")
        #expect(injected >= 10)
        // A later run removes what the killed runs left beside --out.
        let last = try runProgram(binary, Self.select(dir, seed: "new", out: dir + "/final", replace: false))
        #expect(last.status == 0)
        let hidden = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".kleroterion-") }
        #expect(hidden.isEmpty, "staging leftovers of killed runs not cleaned up: \(hidden)")
    }

    @Test func diskFullAtAnyFlushLeavesNothing() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") else {
            Issue.record("strace is missing (make deps installs it)")
            return
        }
        let binary = try kleroterionBinary()
        let dir = temporaryDirectory()
        try Self.writePool(300, to: dir)
        for n in 1...8 {
            let out = dir + "/out\(n)"
            var arguments = Self.select(dir, seed: "x", out: out, replace: false)
            arguments[arguments.firstIndex(of: "50")!] = "20"
            try "feature,value,min,max\ngender,v,5,15\ngender,m,5,15\n".write(toFile: dir + "/quotas.csv", atomically: true, encoding: .utf8)
            let run = try runProgram("/usr/bin/strace", ["-f", "-o", "/dev/null", "-e", "trace=fsync", "-e", "inject=fsync:error=ENOSPC:when=\(n)", binary] + arguments)
            #expect(run.status == 2, "fsync #\(n): \(run.stderr)")
            #expect(run.stderr.contains("the disk is full; nothing was written"), "fsync #\(n): \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out), "fsync #\(n) left the folder")
            let hidden = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }
            #expect(hidden.isEmpty, "fsync #\(n) left \(hidden)")
        }
    }

    @Test func fuzzedNumbersAndQuotaFilesGiveOnlyTheToolsMessages() throws {
        let cases = Int(ProcessInfo.processInfo.environment["KLEROTERION_FUZZ_CASES"] ?? "") ?? 400
        let outcomes = try Self.fuzz(cases: cases, seed: 1212)
        print("fuzz: \(cases) cases, exit codes \(outcomes.sorted { $0.key < $1.key })")
        #expect(outcomes[0, default: 0] >= cases / 80 && outcomes[2, default: 0] >= cases / 8)
    }

    /// `cases` seeded random runs of `select` with odd numbers in the numeric options and the quota file: exit code
    /// 0, 1 or 2 only, stderr only the tool's lines, nothing written on failure, panel + remaining = pool on success.
    /// Returns how often each exit code came up.
    static func fuzz(cases: Int, seed: UInt64) throws -> [Int32: Int] {
        let binary = try kleroterionBinary()
        let dir = temporaryDirectory()
        let good = RobustnessCLITests.good
        let pool = dir + "/pool.csv"
        try FileManager.default.copyItem(atPath: good.appendingPathComponent("pool.csv").path, toPath: pool)
        var r = CSVDifferentialTests.Mix(state: seed)
        let numbers = ["0", "1", "2", "3", "4", "5", "10", "-1", "-0", "+4", " 4", "4 ", "4.0", "4,0", "1e3", "1e30", "inf", "-inf", "nan",
                       "9223372036854775807", "9223372036854775808", "-9223372036854775808", "99999999999999999999", "", "abc", "0x10",
                       "１２", "1000000", "1000001", "٣"]
        let shares = ["", "0.5", "0,5", "1", "1.5", "-0.1", "nan", "inf", "50%", "abc"]
        var outcomes: [Int32: Int] = [:]
        for k in 0..<cases {
            // A good quota file (min 1, max 3, no share), then 0–2 of its numbers replaced by odd ones.
            var rows: [[String]] = []
            for (feature, values) in [("gender", ["v", "m"]), ("age", ["16-39", "40+"]), ("district", ["Noord", "Zuid"])] {
                for value in values { rows.append([feature, value, "1", "3", ""]) }
            }
            for _ in 0..<r.below(3) {
                let column = 2 + r.below(3)
                rows[r.below(rows.count)][column] = column == 4 ? r.pick(shares) : r.pick(numbers)
            }
            let quota = ["feature,value,min,max,population_share"] + rows.map { $0.joined(separator: ",") }
            try (quota.joined(separator: "\n") + "\n").write(toFile: dir + "/quotas.csv", atomically: true, encoding: .utf8)
            var arguments = ["select", "--people", pool, "--quotas", dir + "/quotas.csv", "--seed", "fuzz \(k)", "--out", dir + "/out\(k)",
                             "--algorithm", r.pick(["legacy", "legacy", "maximin", "leximin"]),
                             "--panel-size", r.below(2) == 0 ? "4" : r.pick(numbers)]
            for option in ["--time-limit", "--register-count", "--invited-count"] where r.below(4) == 0 {
                arguments += [option, r.pick(numbers)]
            }
            if r.below(4) == 0 { arguments += ["--relax"] }
            let run = try runProgram(binary, arguments)
            outcomes[run.status, default: 0] += 1
            #expect([0, 1, 2].contains(run.status), "case \(k) \(arguments): exit \(run.status): \(run.stderr)")
            #expect(RobustnessCLITests.stderrIsTheTools(run.stderr), "case \(k) \(arguments): \(run.stderr)")
            let written = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/out\(k)")) ?? []
            if run.status == 0 {
                let panel = Self.ids(FileManager.default.contents(atPath: dir + "/out\(k)/panel.csv"))
                let remaining = Self.ids(FileManager.default.contents(atPath: dir + "/out\(k)/remaining.csv"))
                #expect((panel + remaining).sorted() == Self.ids(FileManager.default.contents(atPath: pool)).sorted(), "case \(k)")
            } else {
                #expect(written.isEmpty, "case \(k) failed but wrote \(written)")
            }
        }
        return outcomes
    }
}
