import Foundation
import Testing
@testable import Kleroterion

@Suite struct SeedFormatTests {
    @Test func everySpellingOfOneThrowIsOneCanonicalText() throws {
        let dice = try SeedFormat(parsing: "dice:6")
        let spellings = ["4 2 6 1 1 5", "4,2,6,1,1,5", "426115", " 4  2 6 1 1 5 ", "4\u{00A0}2\u{00A0}6 1 1 5", "4-2-6-1-1-5",
                         "4;2;6;1;1;5", "04 02 06 01 01 05", "4, 2, 6, 1, 1, 5\n", "4\t2\t6\t1\t1\t5"]
        for s in spellings { #expect(try dice.canonical(s) == "4 2 6 1 1 5", "\(s)") }
        // Property: random throws, each written in a random style, always come back as the canonical text.
        let random = try SeededRandom(seed: "spellings")
        let separators = [" ", ",", ", ", "  ", "\u{00A0}", "-", ";", " - "]
        for _ in 0..<200 {
            let faces = (0..<6).map { _ in 1 + random.int(below: 6) }
            let sep = separators[random.int(below: separators.count)]
            let written = faces.map { random.int(below: 2) == 0 ? "0\($0)" : "\($0)" }.joined(separator: sep)
            #expect(try dice.canonical(written) == faces.map(String.init).joined(separator: " "), "\(written)")
        }
        let lotto = try SeedFormat(parsing: "lotto:6/45")
        for s in ["5,9,12,23,31,40", "05 09 12 23 31 40", "5 9 12 23 31 40 ", "5\u{00A0}9 12 23 31 40", "5 - 9 - 12 - 23 - 31 - 40"] {
            #expect(try lotto.canonical(s) == "5 9 12 23 31 40", "\(s)")
        }
        let drand = try SeedFormat(parsing: "beacon:drand:1234")
        let hex = String(repeating: "ab", count: 32)
        #expect(try drand.canonical(hex.uppercased()) == hex && drand.canonical("0x" + hex + " ") == hex)
        #expect(try SeedFormat(parsing: "text").canonical("  Zeist,\u{00A0} 14  March ") == "Zeist, 14 March")
    }

    @Test func wrongSeedsAreRefusedNamingTheFormat() throws {
        let dice = try SeedFormat(parsing: "dice:6"), lotto = try SeedFormat(parsing: "lotto:6/45")
        for (format, seed) in [(dice, "4 2 7 1 1 5"), (dice, "4 2 0 1 1 5"), (dice, "4 2 6 1 1"), (dice, "4 2 6 1 1 5 3"), (dice, "four two"),
                               (lotto, "5 9 12 23 31 46"), (lotto, "5 9 12 23 31 0"), (lotto, "5 9 12 23 31 31"), (lotto, "5 9 12 23 31"),
                               (lotto, "5 9 12 23 31 40 41"), (try SeedFormat(parsing: "beacon:nist:1700000000000"), "abc")] {
            let error = #expect(throws: KleroterionError.self, "\(format) \(seed)") { try format.canonical(seed) }
            #expect(error?.message.contains(format.description) == true)
        }
        for bad in ["dice", "dice:0", "lotto:7/6", "lotto:6", "beacon:drand", "coin", ""] {
            #expect(throws: KleroterionError.self, "\(bad)") { try SeedFormat(parsing: bad) }
        }
    }

    @Test func theOutcomeRuleSeparatesWeakFromStrong() throws {
        #expect(try !SeedFormat(parsing: "dice:3").isStrong)       // 216
        #expect(try !SeedFormat(parsing: "dice:9").isStrong)       // 10,077,696
        #expect(try SeedFormat(parsing: "dice:10").isStrong)       // 60,466,176
        #expect(try SeedFormat(parsing: "lotto:6/45").isStrong)    // 5,864,443,200 ordered draws
        #expect(try !SeedFormat(parsing: "lotto:3/40").isStrong)   // 59,280
        #expect(try SeedFormat(parsing: "beacon:drand:1").isStrong && !SeedFormat(parsing: "text").isStrong)
    }

    @Test func commitRefusesAWeakFormatUnlessAllowedAndThenStatesTheBound() throws {
        let f = try LotteryFixture()
        let binary = try kleroterionBinary()
        let base = ["commit", "--people", f.poolPath, "--quotas", f.quotasPath, "--panel-size", "6", "--panels", "100",
                    "--household-columns", "street,postcode"]
        let refused = try runProgram(binary, base + ["--seed-format", "dice:3", "--out", f.directory + "/weak"])
        #expect(refused.status == 2 && refused.output.contains("2^24"), "\(refused.output)")
        #expect(!FileManager.default.fileExists(atPath: f.directory + "/weak/manifest.json"))
        let allowed = try runProgram(binary, base + ["--seed-format", "dice:3", "--allow-weak-seed", "--out", f.directory + "/weak2"])
        #expect(allowed.status == 0, "\(allowed.output)")
        let announcement = try String(contentsOfFile: f.directory + "/weak2/announcement.md", encoding: .utf8)
        // Dutch by default (commit --language): the weak seed and its bound in plain words.
        #expect(announcement.contains("maar 216 mogelijke uitkomsten") && announcement.contains("procentpunt"), "\(announcement)")
        // The drawn seed must be a valid throw of three dice: anything else is exit 2, naming the format.
        let bad = try runProgram(binary, ["draw", "--commitment", f.directory + "/weak2", "--seed", "4 2 7"])
        #expect(bad.status == 2 && bad.output.contains("dice:3"), "\(bad.output)")
        let badVerify = try runProgram(binary, ["verify", "--commitment", f.directory + "/weak2", "--seed", "4 2"])
        #expect(badVerify.status == 2 && badVerify.output.contains("dice:3"), "\(badVerify.output)")
        let good = try runProgram(binary, ["draw", "--commitment", f.directory + "/weak2", "--seed", "4,2,6"])
        #expect(good.status == 0, "\(good.output)")
        let verified = try runProgram(binary, ["verify", "--commitment", f.directory + "/weak2", "--seed", "04 02 06"])
        #expect(verified.status == 0, "\(verified.output)")
    }

    /// An organiser regenerates the commitment 1,000 times (each time the lottery table, and so its hash, differs)
    /// and keeps the one whose 36 seeds (two dice) favour someone most: the announced bound covers that gain.
    @Test func theAnnouncedGrindingBoundCoversTheMeasuredGain() throws {
        let f = try LotteryFixture(panels: 100, seedFormat: .dice(2))
        let format = SeedFormat.dice(2)
        let bound = try #require(f.built.manifest.seed.grindingBound)
        let panels = try CommitmentFolder.load(f.commitment).lotteryPanels()
        let seeds = (1...6).flatMap { a in (1...6).map { b in "\(a) \(b)" } }
        let chance = f.built.rounding.lottery
        let ids = f.built.problem.ids
        var largestGain = 0.0
        for g in 0..<1000 {
            // A regenerated commitment: the same panels under another relabelling give another table hash.
            let hash = Hashing.sha256("regenerated lottery \(g)")
            var hits = [Int](repeating: 0, count: ids.count)
            for seed in seeds {
                let panel = SeedRule.panel(lotteryHash: hash, format: format.description, seed: seed, panelCount: panels.count).panel
                for p in panels[panel - 1] { hits[Int(p)! - 1] += 1 }
            }
            for i in ids.indices { largestGain = max(largestGain, Double(hits[i]) / Double(seeds.count) - chance[i]) }
        }
        #expect(largestGain > 0.1, "the attack is real: \(largestGain)")
        #expect(bound >= largestGain, "bound \(bound) < measured gain \(largestGain)")
        let announcement = try String(contentsOfFile: f.path("announcement.md"), encoding: .utf8)
        #expect(announcement.contains("maar 36 mogelijke uitkomsten"))
    }
}

@Suite struct PublishableCheckTests {
    @Test func bsnLikeNumbersAndEmailAddressesAreRecognised() {
        #expect(PublishableCheck.looksLikeBSN("111222333"))      // 9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3−3 = 66 ≡ 0 (mod 11)
        #expect(PublishableCheck.looksLikeBSN("1112.22.333"))
        #expect(!PublishableCheck.looksLikeBSN("123456789"))     // 147 ≢ 0
        #expect(!PublishableCheck.looksLikeBSN("11122233") && !PublishableCheck.looksLikeBSN("000000000"))
        #expect(PublishableCheck.looksLikeEmail("jan@zeist.nl") && !PublishableCheck.looksLikeEmail("16-24") && !PublishableCheck.looksLikeEmail("@home"))
    }

    @Test func commitRefusesAQuotaValueThatWouldPublishABSNOrAnEmailAddress() throws {
        for bad in ["111222333", "jan@zeist.nl"] {
            let dir = temporaryDirectory()
            var pool = ["id,code"]
            for i in 0..<6 { pool.append("p\(i),\(i < 3 ? bad : "other")") }
            try (pool.joined(separator: "\n") + "\n").write(toFile: dir + "/pool.csv", atomically: true, encoding: .utf8)
            try "feature,value,min,max\ncode,\(bad),1,2\ncode,other,1,2\n".write(toFile: dir + "/quotas.csv", atomically: true, encoding: .utf8)
            let settings = Commitment.Settings(panels: 10, panelSize: 3, seedSource: "", seedFormat: .dice(10),
                                               people: .init(file: "pool.csv", sha256: ""), quotas: .init(file: "quotas.csv", sha256: ""))
            let error = #expect(throws: KleroterionError.self) {
                try Commitment.build(pool: try Pool.load(path: dir + "/pool.csv"), quotas: try QuotaSet.load(path: dir + "/quotas.csv"), settings: settings)
            }
            #expect(error?.message.contains(bad) == true && error?.file?.hasSuffix("quotas.csv") == true)
        }
    }
}

@Suite struct TimeLimitLabelTests {
    /// A run stopped by --time-limit says on stdout and in its report that another run may differ; commit has no such option.
    @Test func aStoppedRunIsLabelledNotReproducibleAndCommitRefusesAWallClock() throws {
        let f = try LotteryFixture()
        let binary = try kleroterionBinary()
        let out = f.directory + "/select"
        let run = try runProgram(binary, ["select", "--people", f.poolPath, "--quotas", f.quotasPath, "--panel-size", "6", "--seed", "s",
                                          "--household-columns", "street,postcode", "--time-limit", "0.000001", "--out", out])
        #expect(run.status == 0, "\(run.output)")
        // One microsecond is less than any LP takes, so the run always stops early.
        #expect(run.stdout.contains("Niet herhaalbaar: de tijdslimiet van 1e-06 s"), "\(run.stdout)")
        #expect(try String(contentsOfFile: out + "/report.md", encoding: .utf8).contains("Niet herhaalbaar"))
        let english = try runProgram(binary, ["report", "--run", out, "--language", "en"])
        let englishReport = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(english.status == 0 && englishReport.contains("Not reproducible"), "\(english.output)")
        let commit = try runProgram(binary, ["commit", "--people", f.poolPath, "--quotas", f.quotasPath, "--panel-size", "6",
                                             "--seed-format", "lotto:6/45", "--time-limit", "5", "--out", f.directory + "/c"])
        #expect(commit.status != 0 && commit.output.contains("time-limit"), "\(commit.output)")
    }
}
