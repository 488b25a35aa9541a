import CGSL
import Crypto
import Foundation

/// The one source of randomness in a draw: GSL's MT19937, seeded from a public seed text.
///
/// The derivation is written down in `docs/randomness.md` so that an independent program can
/// reproduce the stream:
///
/// 1. Take the UTF-8 bytes of the seed text exactly as given (no trimming, no normalisation).
/// 2. If a `purpose` label is given, append the byte 0x1F and the UTF-8 bytes of the label
///    (so that, say, the panel draw and the estimate of legacy chances use independent streams).
/// 3. Compute SHA-256 of those bytes; read its first four bytes as a big-endian unsigned 32-bit integer `s`.
/// 4. Seed `gsl_rng_mt19937` with `gsl_rng_set(r, s)`. (GSL maps `s == 0` to 4357, as does the reference MT19937.)
///
/// All draws go through GSL: `gsl_rng_uniform_int` for integers, `gsl_rng_uniform` for doubles,
/// `gsl_ran_choose`/`gsl_ran_shuffle` for samples and `gsl_ran_discrete` for weighted choices.
public final class SeededRandom {
    /// The seed text as given.
    public let seedText: String
    /// The 32-bit MT19937 seed derived from the seed text.
    public let mt19937Seed: UInt32
    let generator: UnsafeMutablePointer<gsl_rng>

    /// Creates a generator from a non-empty seed text.
    public init(seed: String, purpose: String? = nil) throws {
        guard !seed.isEmpty else {
            throw KleroterionError("the seed is empty", fix: "give a seed text, for example --seed \"2026-03-14 lotto 3 17 22 31 40 41\"")
        }
        guard !seed.allSatisfy({ $0.isWhitespace }) else {
            throw KleroterionError("the seed consists of spaces only", fix: "give the seed text as announced, for example --seed \"2026-03-14 lotto 3 17 22 31 40 41\"")
        }
        guard !seed.unicodeScalars.contains("\u{FFFD}") else {
            throw KleroterionError("the seed contains bytes that are not UTF-8 text", fix: "type the seed text again in a UTF-8 terminal, exactly as announced")
        }
        GSL.silenceAbort()
        self.seedText = seed
        self.mt19937Seed = SeededRandom.derive(seed: seed, purpose: purpose)
        guard let r = gsl_rng_alloc(kleroterion_gsl_mt19937()) else {
            fatalError("GSL could not allocate a random number generator (out of memory)")
        }
        gsl_rng_set(r, UInt(mt19937Seed))
        self.generator = r
    }

    deinit { gsl_rng_free(generator) }

    /// The documented seed derivation (see the type's documentation).
    public static func derive(seed: String, purpose: String? = nil) -> UInt32 {
        var bytes = Array(seed.utf8)
        if let purpose {
            bytes.append(0x1F)
            bytes.append(contentsOf: purpose.utf8)
        }
        let digest = Array(SHA256.hash(data: bytes))
        return UInt32(digest[0]) << 24 | UInt32(digest[1]) << 16 | UInt32(digest[2]) << 8 | UInt32(digest[3])
    }

    /// The next raw 32-bit output of MT19937.
    public func nextRaw() -> UInt32 { UInt32(truncatingIfNeeded: gsl_rng_get(generator)) }

    /// A uniform integer in `0..<n` (GSL's rejection method, free of modulo bias).
    public func int(below n: Int) -> Int {
        precondition(n > 0, "int(below:) needs a positive bound")
        return Int(gsl_rng_uniform_int(generator, UInt(n)))
    }

    /// A uniform double in [0, 1): raw output / 2^32 (`gsl_rng_uniform`).
    public func uniform() -> Double { gsl_rng_uniform(generator) }

    /// Chooses `k` of the given elements uniformly, keeping their order (`gsl_ran_choose`).
    public func choose<T>(_ k: Int, from elements: [T]) -> [T] {
        precondition(k >= 0 && k <= elements.count)
        if k == 0 { return [] }
        var indices = Array(0..<elements.count)
        var chosen = [Int](repeating: 0, count: k)
        indices.withUnsafeMutableBytes { src in
            chosen.withUnsafeMutableBytes { dst in
                _ = gsl_ran_choose(generator, dst.baseAddress, k, src.baseAddress, elements.count, MemoryLayout<Int>.stride)
            }
        }
        return chosen.map { elements[$0] }
    }

    /// Chooses `k` of the numbers `0..<n` uniformly, in ascending order (`gsl_ran_choose` over 32-bit indices).
    ///
    /// Gives the same choice as `choose(k, from: Array(0..<n))` (the same GSL call, the same random numbers),
    /// at half the memory, for strata of millions of residents.
    public func chooseIndices(_ k: Int, below n: Int) -> [Int] {
        precondition(k >= 0 && k <= n && n <= Int(UInt32.max))
        if k == 0 { return [] }
        var indices = (0..<UInt32(n)).map { $0 }
        var chosen = [UInt32](repeating: 0, count: k)
        indices.withUnsafeMutableBytes { src in
            chosen.withUnsafeMutableBytes { dst in
                _ = gsl_ran_choose(generator, dst.baseAddress, k, src.baseAddress, n, MemoryLayout<UInt32>.stride)
            }
        }
        return chosen.map { Int($0) }
    }

    /// Shuffles the array in place (`gsl_ran_shuffle`).
    public func shuffle<T>(_ elements: inout [T]) {
        guard elements.count > 1 else { return }
        var indices = Array(0..<elements.count)
        indices.withUnsafeMutableBytes { buf in
            gsl_ran_shuffle(generator, buf.baseAddress, elements.count, MemoryLayout<Int>.stride)
        }
        let copy = elements
        for (i, j) in indices.enumerated() { elements[i] = copy[j] }
    }

    /// Draws an index with probability proportional to `weights` (`gsl_ran_discrete`, Walker's alias method).
    public func weightedIndex(_ weights: [Double]) -> Int {
        precondition(!weights.isEmpty && weights.allSatisfy { $0 >= 0 })
        guard let table = weights.withUnsafeBufferPointer({ gsl_ran_discrete_preproc($0.count, $0.baseAddress) }) else {
            preconditionFailure("weights must have a positive sum")
        }
        defer { gsl_ran_discrete_free(table) }
        return Int(gsl_ran_discrete(generator, table))
    }
}

/// Process-wide GSL settings.
enum GSL {
    /// GSL's default error handler calls abort(); we check return codes instead.
    /// The handler is global C state, set once; setting it again is harmless.
    static func silenceAbort() { _ = onceOff }
    private static let onceOff: Void = { _ = gsl_set_error_handler_off() }()
}
