import Crypto
import Foundation

/// The numbers that stand for respondents in every published file of a commitment.
///
/// Why not the pool's ids: those are often register numbers (a BSN) or e-mail addresses, and anything published
/// stays published. A pseudonym is the rank (1, 2, …, n) of HMAC-SHA256(K, id), where the key K is SHA-256 of the
/// whole pool's content (its header and its rows, sorted, so the file's row order does not matter). Without the
/// pool nobody can compute K, so a pseudonym cannot be linked to a resident; with the pool, `draw` recomputes the
/// same numbers, and the same pool always gives the same pseudonyms (and therefore the same lottery).
///
/// The private file `private/pseudonyms.csv` lists `pseudonym,id,salt,commitment`; the published
/// `pseudonym_commitments.csv` lists `pseudonym,commitment` with commitment = SHA-256(salt ‖ 0x1F ‖ id) in hex.
/// To prove who a pseudonym is, the organiser reveals that one id and salt; the other rows reveal nothing.
public struct Pseudonyms: Sendable {
    public static let privateFile = "private/pseudonyms.csv"
    public static let commitmentsFile = "pseudonym_commitments.csv"
    public static let method = "rank of HMAC-SHA256(SHA-256(pool content), id); commitment SHA-256(salt || 0x1F || id)"

    /// The pseudonym (1…n) of each pool row, in pool order.
    public let number: [Int]
    /// The salt of each pool row (32 hex digits), in pool order.
    public let salt: [String]
    /// SHA-256(salt ‖ 0x1F ‖ id) of each pool row, in pool order.
    public let commitment: [String]
    /// Pool row of pseudonym `p` at `rowOf[p − 1]`.
    public let rowOf: [Int]

    /// Derives the pseudonyms of a pool (deterministic: the same pool content gives the same numbers).
    public init(pool: Pool) {
        let key = SymmetricKey(data: Self.contentKey(pool.table))
        let macs = pool.ids.map { Array(HMAC<SHA256>.authenticationCode(for: Data($0.utf8), using: key)) }
        let order = pool.ids.indices.sorted { macs[$0].lexicographicallyPrecedes(macs[$1]) }
        var number = [Int](repeating: 0, count: pool.count)
        for (rank, row) in order.enumerated() { number[row] = rank + 1 }
        self.number = number
        rowOf = order
        salt = pool.ids.map { Hashing.hex(HMAC<SHA256>.authenticationCode(for: Data(("salt\u{1F}" + $0).utf8), using: key).prefix(16)) }
        commitment = zip(pool.ids, salt).map { Hashing.sha256($1 + "\u{1F}" + $0) }
    }

    /// The pseudonym of pool row `row`, as published.
    public func pseudonym(_ row: Int) -> String { String(number[row]) }

    /// `pseudonym,id,salt,commitment`, by pseudonym: the private key file (never published).
    public func privateTable(_ pool: Pool) -> String {
        CSVWriter.document(header: ["pseudonym", "id", "salt", "commitment"],
                           rows: rowOf.map { [pseudonym($0), pool.ids[$0], salt[$0], commitment[$0]] })
    }

    /// `pseudonym,commitment`, by pseudonym: published, so that one pseudonym can later be proven without the others.
    public func commitmentsTable() -> String {
        CSVWriter.document(header: ["pseudonym", "commitment"], rows: rowOf.map { [pseudonym($0), commitment[$0]] })
    }

    /// SHA-256 over the header and the sorted rows (fields joined by 0x1F, rows by 0x1E).
    static func contentKey(_ table: Table) -> Data {
        var text = "kleroterion-pseudonym-key-v1\u{1E}" + table.header.joined(separator: "\u{1F}")
        for row in table.rows.map({ $0.joined(separator: "\u{1F}") }).sorted() { text += "\u{1E}" + row }
        return Data(SHA256.hash(data: Data(text.utf8)))
    }
}

/// Refuses values that look like a citizen service number or an e-mail address in a publishable file.
public enum PublishableCheck {
    /// True for 9 digits that pass the elfproef (11-test): 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11).
    public static func looksLikeBSN(_ s: String) -> Bool {
        let digits = s.trimmingSpaces().filter { $0 != "." && $0 != " " && $0 != "-" }
        guard digits.count == 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        let d = digits.map { Int(String($0))! }
        let sum = (0..<8).reduce(0) { $0 + (9 - $1) * d[$1] } - d[8]
        return sum % 11 == 0 && sum != 0
    }

    /// True for something@something.something.
    public static func looksLikeEmail(_ s: String) -> Bool {
        let t = s.trimmingSpaces()
        guard let at = t.firstIndex(of: "@"), at != t.startIndex else { return false }
        let domain = t[t.index(after: at)...]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".") && !t.contains(" ")
    }

    /// Throws (exit 2) naming the file and value when any value would publish a BSN-like number or an e-mail address.
    public static func check(_ values: [String], file: String, what: String) throws {
        for v in values {
            if looksLikeBSN(v) {
                throw KleroterionError(file: file, "\(what) '\(v)' looks like a citizen service number (BSN: 9 digits passing the elfproef), and it would be published",
                                       fix: "do not use BSNs in quota features or values; use categories such as age bands")
            }
            if looksLikeEmail(v) {
                throw KleroterionError(file: file, "\(what) '\(v)' looks like an e-mail address, and it would be published",
                                       fix: "do not use e-mail addresses in quota features or values")
            }
        }
    }
}
