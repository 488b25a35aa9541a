import Crypto
import Foundation

/// A personal reply code per invitation letter, with which the invitee registers (on a form or a website).
///
/// The code is an HMAC of the resident's id under a secret key kept by the organiser, so it cannot be guessed from
/// the id (nobody can register in another resident's name) and the same letter always has the same code. Codes are
/// eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), written as two groups of four.
public struct ReplyCodes: Sendable {
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    let secret: Data

    /// A new secret key, as 64 hexadecimal characters (store it with the assembly, never publish it).
    public static func newSecret() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
    }

    public init(secret: String) {
        self.secret = Data(secret.utf8)
    }

    /// The reply code of the resident with this id, e.g. `K7QD-M3XP`.
    public func code(for id: String) -> String {
        let mac = Array(HMAC<SHA256>.authenticationCode(for: Data(id.utf8), using: SymmetricKey(data: secret)))
        var value = mac.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        var chars: [Character] = []
        for _ in 0..<8 {
            chars.append(Self.alphabet[Int(value % UInt64(Self.alphabet.count))])
            value /= UInt64(Self.alphabet.count)
        }
        return String(chars[0..<4]) + "-" + String(chars[4..<8])
    }

    /// A code as typed by a person: spaces and dashes dropped, upper case, look-alikes read as what they resemble.
    public static func normalise(_ typed: String) -> String {
        let map: [Character: Character] = ["0": "Q", "O": "Q", "1": "J", "I": "J", "L": "J"]
        let letters = typed.uppercased().filter { !$0.isWhitespace && $0 != "-" }.map { map[$0] ?? $0 }
        guard letters.count == 8 else { return String(letters) }
        return String(letters[0..<4]) + "-" + String(letters[4..<8])
    }

    /// The letters file for a mail merge: `invitations.csv` (the register rows that got a letter) with a
    /// `reply_code` column added after the id column.
    public func lettersCSV(invitations: Table, idColumn: String) throws -> String {
        let c = try invitations.requireColumn(idColumn, purpose: "the reply codes")
        var out = CSVWriter.line(invitations.header + ["reply_code"])
        for row in invitations.rows {
            out += CSVWriter.line(row + [code(for: row[c].trimmingSpaces())])
        }
        return out
    }
}
