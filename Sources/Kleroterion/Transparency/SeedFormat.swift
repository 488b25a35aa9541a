import Foundation

/// The declared form of a lottery's public seed: how it is written, how many outcomes it has, and its one
/// canonical text.
///
/// Why: the seed rule hashes text. If any spelling were accepted, whoever types the seed could try `5,9,…`,
/// `05 09 …`, a trailing space or a non-breaking space until one gives a panel they like. With a declared format
/// every accepted spelling of one throw or draw maps to the same canonical text, and anything else is refused.
/// Why the outcome count: with S equally likely seeds, an organiser who regenerates the commitment G times and
/// keeps the one that suits them can move a person's chance by about sqrt(2 ln G · p(1−p) / S); that is large for
/// 216 seeds (three dice) and negligible from 2^24 on (`minimumOutcomes`).
public enum SeedFormat: Sendable, Equatable, CustomStringConvertible {
    /// N six-sided dice, read in order: canonical `4 2 6 1 1 5`.
    case dice(Int)
    /// K numbers from 1…N in drawing order: canonical `5 9 12 23 31 40`.
    case lotto(k: Int, n: Int)
    /// The 32-byte randomness of a drand round (64 hex digits): canonical lower-case hex.
    case drand(round: UInt64)
    /// The 64-byte output value of a NIST beacon pulse (128 hex digits): canonical lower-case hex.
    case nist(unixMs: UInt64)
    /// Free text (NFC, spaces collapsed, trimmed); its number of outcomes is unknown, so it needs `--allow-weak-seed`.
    case text

    /// Fewer equally likely outcomes than this need `--allow-weak-seed`.
    public static let minimumOutcomes = 16_777_216.0   // 2^24
    /// The number of regenerated commitments the announced grinding bound allows for.
    public static let grindingAttempts = 1e9

    /// The spellings `commit --seed-format` accepts.
    public static let usage = "dice:N, lotto:K/N (e.g. lotto:6/45), beacon:drand:ROUND, beacon:nist:UNIX_MS or text"

    /// Reads `dice:10`, `lotto:6/45`, `beacon:drand:123456`, `beacon:nist:1700000000000` or `text`.
    public init(parsing spec: String) throws {
        let s = spec.trimmingCharacters(in: .whitespaces).lowercased()
        let fail = KleroterionError("the seed format '\(spec)' is not one Kleroterion knows", fix: "use --seed-format \(Self.usage)")
        let parts = s.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first ?? "", parts.count) {
        case ("dice", 2):
            guard let n = Int(parts[1]), (1...100).contains(n) else { throw fail }
            self = .dice(n)
        case ("lotto", 2):
            let kn = parts[1].split(separator: "/", omittingEmptySubsequences: false)
            guard kn.count == 2, let k = Int(kn[0]), let n = Int(kn[1]), k >= 1, n >= k, n <= 1000 else { throw fail }
            self = .lotto(k: k, n: n)
        case ("beacon", 3) where parts[1] == "drand":
            guard let r = UInt64(parts[2]) else { throw fail }
            self = .drand(round: r)
        case ("beacon", 3) where parts[1] == "nist":
            guard let t = UInt64(parts[2]) else { throw fail }
            self = .nist(unixMs: t)
        case ("text", 1):
            self = .text
        default:
            throw fail
        }
    }

    /// The format as written in the manifest (and accepted by `init(parsing:)`).
    public var description: String {
        switch self {
        case .dice(let n): return "dice:\(n)"
        case .lotto(let k, let n): return "lotto:\(k)/\(n)"
        case .drand(let r): return "beacon:drand:\(r)"
        case .nist(let t): return "beacon:nist:\(t)"
        case .text: return "text"
        }
    }

    /// The number of equally likely seeds, or `nil` when unknown (free text).
    public var outcomes: Double? {
        switch self {
        case .dice(let n): return pow(6, Double(n))
        case .lotto(let k, let n): return (0..<k).reduce(1.0) { $0 * Double(n - $1) }   // ordered draws
        case .drand: return pow(2, 256)
        case .nist: return pow(2, 512)
        case .text: return nil
        }
    }

    /// True when the format has at least 2^24 equally likely outcomes.
    public var isStrong: Bool { (outcomes ?? 0) >= Self.minimumOutcomes }

    /// The largest gain in any one person's chance that keeping the best of `attempts` regenerated commitments
    /// could buy, for `people` respondents (nil when the number of seeds is unknown).
    ///
    /// Each commitment maps the S seeds to panels as independent uniform draws (the seed rule is a hash), so a
    /// person's share of the seeds is a mean of S Bernoulli(p) variables. Hoeffding's inequality with a union bound
    /// over all commitments and people gives P(some gain ≥ t) ≤ G·n·exp(−2 S t²); we state the t at which that is
    /// 1/1000: t = sqrt(ln(1000·G·n) / (2S)), capped at 1.
    public func grindingBound(people: Int, attempts: Double = SeedFormat.grindingAttempts) -> Double? {
        guard let s = outcomes else { return nil }
        return min(1, (log(1000 * attempts * Double(max(people, 1))) / (2 * s)).squareRoot())
    }

    /// The canonical text of `seed` under this format, or an error (exit 2) naming the format and the fix.
    public func canonical(_ seed: String) throws -> String {
        func fail(_ why: String, _ example: String) -> KleroterionError {
            KleroterionError("the seed \"\(seed)\" is not a valid \(description) seed: \(why)",
                             fix: "give the seed as the announcement's format says, e.g. --seed \"\(example)\"")
        }
        switch self {
        case .dice(let n):
            let example = Array("42611534621234".prefix(n)).map(String.init).joined(separator: " ")
            let tokens = Self.numberTokens(seed)
            // Written without separators ("426115"): one digit per die.
            let faces: [Substring] = tokens.count == 1 && n > 1 && tokens[0].count == n ? tokens[0].map { Substring(String($0)) } : tokens
            guard faces.count == n else { throw fail("it has \(faces.count) \(faces.count == 1 ? "die" : "dice"), not \(n)", example) }
            let values = faces.map { Int($0) }
            if let bad = zip(faces, values).first(where: { $0.1 == nil || !(1...6).contains($0.1!) }) {
                throw fail("'\(bad.0)' is not a die face 1 to 6", example)
            }
            return values.map { String($0!) }.joined(separator: " ")
        case .lotto(let k, let n):
            let example = (1...k).map { String(min(n, $0 * 3 - 1)) }.joined(separator: " ")
            let tokens = Self.numberTokens(seed)
            guard tokens.count == k else { throw fail("it has \(tokens.count) numbers, not \(k)", example) }
            var seen = Set<Int>()
            var values: [Int] = []
            for t in tokens {
                guard let v = Int(t), (1...n).contains(v) else { throw fail("'\(t)' is not a number from 1 to \(n)", example) }
                guard seen.insert(v).inserted else { throw fail("\(v) is drawn twice", example) }
                values.append(v)
            }
            return values.map(String.init).joined(separator: " ")
        case .drand, .nist:
            let digits = isDrand ? 64 : 128
            let example = String(repeating: "0f", count: digits / 2)
            var hex = Self.normalised(seed).lowercased().filter { !$0.isWhitespace }
            if hex.hasPrefix("0x") { hex.removeFirst(2) }
            guard hex.allSatisfy({ $0.isHexDigit && $0.isASCII }) else { throw fail("it is not hexadecimal", example) }
            guard hex.count == digits else { throw fail("it has \(hex.count) hex digits, not \(digits)", example) }
            return hex
        case .text:
            let text = Self.normalised(seed)
            guard !text.isEmpty else { throw fail("it is empty", "Zeist, 14 March 2027") }
            return text
        }
    }

    private var isDrand: Bool { if case .drand = self { return true }; return false }

    /// NFC, every run of white space (including non-breaking spaces) as one ASCII space, trimmed.
    static func normalised(_ s: String) -> String {
        s.precomposedStringWithCanonicalMapping
            .split(whereSeparator: { $0.isWhitespace || $0 == "\u{00A0}" || $0 == "\u{202F}" })
            .joined(separator: " ")
    }

    /// The runs of characters between separators (white space of any kind, commas, semicolons, dashes, dots,
    /// slashes), for dice and lotto numbers. Leading zeros are kept here and removed by reading them as numbers.
    static func numberTokens(_ s: String) -> [Substring] {
        let separators: Set<Character> = [",", ";", "-", "–", "—", ".", "/", "|", "+"]
        return normalised(s).split(whereSeparator: { $0 == " " || separators.contains($0) })
    }
}
