import Foundation
@testable import Kleroterion

/// A small pool with personal columns (names, addresses) that must never reach a published file, its quotas,
/// and a commitment made with LEXIMIN (the fair algorithm `verify` recomputes).
struct LotteryFixture {
    let directory: String
    let poolPath: String
    let quotasPath: String
    let commitment: String
    let pool: Pool
    let quotas: QuotaSet
    let problem: SelectionProblem
    let built: Commitment.Built
    /// A made-up distribution over quota-feasible panels with uneven weights, for the rounding tests.
    var distribution: PanelDistribution { get throws { try Self.madeUpDistribution(problem, draws: 120) } }

    static let genders = ["female", "male"]
    static let ages = ["16-34", "35-59", "60+"]
    static let education = ["low", "high"]

    /// 36 respondents, panels of 6; persons 0–5 live in three two-person households.
    /// With `alternates`, each panel gets that many committed alternates (`LotteryAlternates`), for `dropoutModel`.
    init(panels: Int = 200, seedFormat: SeedFormat = .text, algorithm: String = "leximin", alternates: Int = 0,
         dropoutModel: DropoutModel? = nil) throws {
        directory = temporaryDirectory()
        poolPath = directory + "/pool.csv"
        quotasPath = directory + "/quotas.csv"
        commitment = directory + "/commitment"
        var rows = ["id,first_name,last_name,street,postcode,gender,age,education"]
        for i in 0..<36 {
            let house = i < 6 ? i / 2 : i   // 0,0,1,1,2,2 share addresses
            rows.append("r\(100 + i),Voornaam\(i)x,Achternaam\(i)q,Dorpsstraat \(house + 1)b,3701 ZZ\(house),"
                        + "\(Self.genders[i % 2]),\(Self.ages[i % 3]),\(Self.education[(i / 3) % 2])")
        }
        try rows.joined(separator: "\n").appending("\n").write(toFile: poolPath, atomically: true, encoding: .utf8)
        try """
        feature,value,min,max
        gender,female,3,3
        gender,male,3,3
        age,16-34,1,3
        age,35-59,1,3
        age,60+,1,3
        education,low,2,4
        education,high,2,4

        """.write(toFile: quotasPath, atomically: true, encoding: .utf8)
        pool = try Pool.load(path: poolPath)
        quotas = try QuotaSet.load(path: quotasPath)
        problem = try SelectionProblem(pool: pool, quotas: quotas, panelSize: 6, householdColumns: ["street", "postcode"])
        var settings = Commitment.Settings(panels: panels, panelSize: 6, algorithm: algorithm, householdColumns: ["street", "postcode"],
                                           seedSource: "three dice thrown at the council meeting of 1 April 2027",
                                           seedFormat: seedFormat, allowWeakSeed: true,
                                           people: .init(file: poolPath, sha256: Hashing.sha256(file: poolPath)!),
                                           quotas: .init(file: quotasPath, sha256: Hashing.sha256(file: quotasPath)!),
                                           created: Date(timeIntervalSince1970: 1_800_000_000))
        settings.alternates = alternates
        settings.dropoutModel = dropoutModel
        built = try Commitment.build(pool: pool, quotas: quotas, settings: settings)
        try built.write(to: commitment)
    }

    /// Quota-feasible panels from legacy draws, with uneven weights from the seeded generator.
    static func madeUpDistribution(_ problem: SelectionProblem, draws: Int) throws -> PanelDistribution {
        var panels: [[Int]] = []
        var seen = Set<[Int]>()
        for s in 0..<draws {
            if let panel = LegacySelection().drawPanel(problem, random: try SeededRandom(seed: "support \(s)")), seen.insert(panel.sorted()).inserted {
                panels.append(panel.sorted())
            }
        }
        let random = try SeededRandom(seed: "weights")
        let weights = panels.map { _ in 0.2 + random.uniform() }
        let total = weights.reduce(0, +)
        return PanelDistribution(panels: panels, probabilities: weights.map { $0 / total })
    }

    /// Draws with `seed` and writes the draw into `commitment/draw`.
    @discardableResult
    func draw(_ seed: String) throws -> LotteryDraw.Result {
        let result = try LotteryDraw.perform(commitment: commitment, seed: seed)
        try result.write(to: commitment + "/draw")
        return result
    }

    func path(_ name: String) -> String { commitment + "/" + name }

    /// Flips one byte of a file (the byte at `offset` from the end, a digit or letter, replaced by another).
    func changeOneByte(_ file: String, fromEnd offset: Int = 3) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        let i = bytes.count - offset
        bytes[i] = bytes[i] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        try Data(bytes).write(to: URL(fileURLWithPath: file))
    }

    /// The repository root (for docs/verify_draw.py).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}

