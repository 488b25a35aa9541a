import Crypto
import Foundation

/// The public rule that turns a seed into a panel number, free of modulo bias.
///
/// Written out in `docs/verification.md` and in every `manifest.json` (`draw_rule`), so that anyone can
/// redo it with a few lines of code:
///
/// 1. `H₀ = SHA-256(L ‖ 0x1F ‖ F ‖ 0x1F ‖ S)`, where `L` is the SHA-256 of `lottery.csv` written as 64 lower-case
///    hex characters, `F` the seed format as in the manifest (e.g. `lotto:6/45`) and `S` the seed's canonical
///    text under that format (`SeedFormat.canonical`), all as UTF-8.
/// 2. Read `H₀` as four 64-bit big-endian unsigned integers `w₁…w₄`. Let `L = 2⁶⁴ − (2⁶⁴ mod m)`.
///    The first `w` with `w < L` gives the panel number `1 + (w mod m)`.
/// 3. If all four are `≥ L` (for m = 1000 this happens with probability about 10⁻⁶³), continue with
///    `H₁ = SHA-256(H₀)`, `H₂ = SHA-256(H₁)`, … in the same way.
///
/// Because every accepted `w` lies in `0..<L`, a multiple of `m`, each panel number is exactly equally likely.
/// Why the lottery's hash and not the manifest's: the manifest holds free fields (a creation time, file names);
/// `lottery.csv` is a deterministic function of the published members and quotas, so nothing the organiser can
/// vary freely moves the map from seeds to panels. Hashing it in means a seed known before the commitment cannot be
/// aimed at a panel, and the canonical seed text means nobody can try spellings.
public enum SeedRule {
    /// The rule in words, for the manifest.
    public static let description = "H0 = SHA-256(lottery_csv_sha256_hex || 0x1F || seed_format || 0x1F || canonical_seed_utf8); read H as four 64-bit big-endian words w; L = 2^64 - (2^64 mod m); the first w < L gives panel 1 + (w mod m); if none, H(k+1) = SHA-256(H(k)) and repeat."
    /// A short name for the rule, stored in the manifest so a later version cannot silently change it.
    public static let name = "sha256-rejection-v2"

    /// The hash blocks and the panel number a seed gives.
    public struct Outcome: Sendable, Equatable {
        /// The panel number, 1…m.
        public var panel: Int
        /// The hash blocks used, as hex (normally just H₀).
        public var blocks: [String]
        /// The accepted 64-bit word, in decimal (for the audit record).
        public var word: UInt64
    }

    /// The panel number for the canonical seed text `seed` of format `format`, for the lottery table with SHA-256
    /// `lotteryHash` (hex), out of `m` panels.
    public static func panel(lotteryHash: String, format: String, seed: String, panelCount m: Int) -> Outcome {
        precondition(m >= 1)
        var bytes = Array(lotteryHash.lowercased().utf8)
        bytes.append(0x1F)
        bytes.append(contentsOf: format.utf8)
        bytes.append(0x1F)
        bytes.append(contentsOf: seed.utf8)
        var block = Array(SHA256.hash(data: bytes))
        var blocks: [String] = []
        let mm = UInt64(m)
        // 2⁶⁴ mod m, computed without overflow: (2⁶⁴ − m) mod m == 2⁶⁴ mod m.
        let excess = (UInt64.max - mm + 1) % mm
        while true {
            blocks.append(Hashing.hex(block))
            for k in 0..<4 {
                let w = block[(8 * k)..<(8 * k + 8)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                // w < L  ⇔  w ≤ 2⁶⁴ − 1 − excess (L = 2⁶⁴ − excess does not fit in 64 bits when excess = 0).
                if w <= UInt64.max - excess {
                    return Outcome(panel: 1 + Int(w % mm), blocks: blocks, word: w)
                }
            }
            block = Array(SHA256.hash(data: block))
        }
    }
}

/// SHA-256 helpers: every hash in a commitment is lower-case hex of SHA-256 over the file's bytes.
public enum Hashing {
    /// Lower-case hex of the bytes.
    public static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    /// SHA-256 of the data, as hex.
    public static func sha256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    /// SHA-256 of a UTF-8 text, as hex.
    public static func sha256(_ text: String) -> String { sha256(Data(text.utf8)) }

    /// SHA-256 of a file's bytes, or `nil` when it cannot be read.
    public static func sha256(file path: String) -> String? {
        FileManager.default.contents(atPath: path).map(sha256)
    }
}
