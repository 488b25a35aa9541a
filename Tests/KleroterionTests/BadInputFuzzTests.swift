import Foundation
import Testing

/// Random damage to a good pool and quotas file (seeded, so every run checks the same files): whatever the damage,
/// `select` either draws a panel or exits with code 2 and one `error:` message, never a crash or a stack trace,
/// and writes nothing when it fails.
@Suite struct BadInputFuzzTests {
    static let good = BadInputCatalogueTests.casesFolder.appendingPathComponent("seed-empty")

    /// Applies 1–3 random edits: delete bytes, insert troublesome bytes, flip a byte, duplicate or drop a line.
    static func damage(_ input: [UInt8], _ r: inout CSVDifferentialTests.Mix) -> [UInt8] {
        var b = input
        let inserts: [[UInt8]] = [[0x22], [0x22, 0x22], [0x0D, 0x0A], [0x2C, 0x2C], [0x3B], [0x00], [0xE9], Array("-1".utf8),
                                  Array("99999999999999999999".utf8), [0xEF, 0xBB, 0xBF], [0x09], [0x0A]]
        for _ in 0...r.below(3) {
            let i = r.below(b.count + 1)
            switch r.below(5) {
            case 0 where !b.isEmpty: b.removeSubrange(i..<min(b.count, i + 1 + r.below(20)))
            case 1: b.insert(contentsOf: r.pick(inserts), at: i)
            case 2 where !b.isEmpty: b[min(i, b.count - 1)] = UInt8(r.below(256))
            case 3:
                var lines = b.split(separator: 0x0A, omittingEmptySubsequences: false)
                lines.insert(lines[r.below(lines.count)], at: r.below(lines.count))
                b = Array(lines.joined(separator: [0x0A]))
            default:
                var lines = b.split(separator: 0x0A, omittingEmptySubsequences: false)
                if lines.count > 1 { lines.remove(at: r.below(lines.count)) }
                b = Array(lines.joined(separator: [0x0A]))
            }
        }
        return b
    }

    @Test func damagedInputsNeverCrash() throws {
        let binary = try kleroterionBinary()
        let pool = try Array(Data(contentsOf: Self.good.appendingPathComponent("pool.csv")))
        let quotas = try Array(Data(contentsOf: Self.good.appendingPathComponent("quotas.csv")))
        var r = CSVDifferentialTests.Mix(state: 6)
        var outcomes: [Int32: Int] = [:]
        for k in 0..<40 {
            let dir = temporaryDirectory()
            let p = k % 3 == 1 ? pool : Self.damage(pool, &r), q = k % 3 == 2 ? quotas : Self.damage(quotas, &r)
            try Data(p).write(to: URL(fileURLWithPath: dir + "/pool.csv"))
            try Data(q).write(to: URL(fileURLWithPath: dir + "/quotas.csv"))
            let arguments = ["select", "--people", "pool.csv", "--quotas", "quotas.csv", "--panel-size", "\(r.pick([1, 4, 4, 6]))",
                             "--seed", "fuzz \(k)", "--out", dir + "/out", "--algorithm", "legacy"]
                + (k % 2 == 0 ? ["--household-columns", "street,postcode"] : [])
            let run = try runProgram(binary, arguments, in: URL(fileURLWithPath: dir))
            let message = run.stderr
            let status = run.status
            outcomes[status, default: 0] += 1
            let written = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/out")) ?? []
            #expect(status == 0 || status == 2, "case \(k): exit \(status): \(message)")
            if status == 2 {
                #expect(message.hasPrefix("error: ") && message.contains("\nFix: "), "case \(k): \(message)")
                #expect(written.isEmpty, "case \(k) failed but wrote \(written)")
            } else {
                #expect(written.contains("panel.csv") && written.contains("remaining.csv"), "case \(k)")
            }
            #expect(!message.contains("Fatal error") && !message.contains("Stack dump"), "case \(k): \(message)")
        }
        // The damage must really produce errors, and some files must survive it.
        #expect(outcomes[2, default: 0] >= 10)
        #expect(outcomes[0, default: 0] >= 1)
    }
}
