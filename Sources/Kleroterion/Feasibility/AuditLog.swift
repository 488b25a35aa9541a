import Crypto
import Foundation

/// The append-only record of replacements, `audit.json`, kept next to the panel.
///
/// The file is one JSON array with one object per `replace` run. A new run appends its object; the bytes of
/// the earlier entries are never rewritten (the new text is the old text up to its closing bracket, then the
/// new entry), so an auditor can compare an old copy with a new one as a prefix.
public enum AuditLog {
    /// One replacement run.
    public struct Entry: Sendable {
        public var time: Date
        public var seed: String
        public var algorithm: String
        public var dropouts: [String]
        public var replacements: [String]
        public var confirmed: Int
        /// SHA-256 of the input files, by role ("people", "quotas", "panel").
        public var inputs: [String: String]
        /// Changes made to the quotas (`--relax`), in words; empty when none.
        public var relaxation: [String]
        /// The replacements that were alternates (`replace --alternates`), in the order they were seated.
        public var alternates: [String]
        /// The warning when the completed panel breaks the quotas (least-breaking completion).
        public var warning: String?

        public init(time: Date, seed: String, algorithm: String, dropouts: [String], replacements: [String],
                    confirmed: Int, inputs: [String: String], relaxation: [String] = [], alternates: [String] = [], warning: String? = nil) {
            self.time = time; self.seed = seed; self.algorithm = algorithm; self.dropouts = dropouts
            self.replacements = replacements; self.confirmed = confirmed; self.inputs = inputs; self.relaxation = relaxation
            self.alternates = alternates; self.warning = warning
        }

        /// The entry as a JSON object (keys sorted, indented for reading).
        public func json() -> String {
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            var object: [String: Any] = [
                "time": formatter.string(from: time), "seed": seed, "algorithm": algorithm,
                "dropouts": dropouts, "replacements": replacements, "confirmed_members": confirmed, "inputs": inputs,
            ]
            if !relaxation.isEmpty { object["relaxation"] = relaxation }
            if !alternates.isEmpty { object["alternates_seated"] = alternates }
            if let warning { object["warning"] = warning }
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            let text = String(decoding: data, as: UTF8.self)
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
        }
    }

    /// The new text of the log: `existing` (the current file, or `nil` when there is none) with `entry` appended.
    /// Fails if the existing file is not a JSON array, rather than overwrite a record.
    public static func appending(_ entry: Entry, to existing: String?, source: String) throws -> String {
        guard let existing, !existing.trimmingSpaces().isEmpty else { return "[\n" + entry.json() + "\n]\n" }
        // The first replacement after a committed draw continues the draw's own record (`draw`'s audit.json, one
        // JSON object): it is kept as it is, as the log's first entry, so the chain from the draw stays readable.
        if let parsed = try? JSONSerialization.jsonObject(with: Data(existing.utf8)) as? [String: Any],
           (parsed["format"] as? String)?.hasPrefix("kleroterion-draw") == true {
            var record = existing
            while let last = record.last, last.isWhitespace { record.removeLast() }
            return "[\n" + record + ",\n" + entry.json() + "\n]\n"
        }
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(existing.utf8)), parsed is [Any],
              let close = existing.lastIndex(of: "]") else {
            throw KleroterionError(file: source, "the audit log is not a JSON array of entries",
                                   fix: "restore audit.json from its backup; it is never rewritten, only appended to")
        }
        let empty = (parsed as! [Any]).isEmpty
        var head = String(existing[..<close])
        while let last = head.last, last == "\n" || last == " " || last == "\r" || last == "\t" { head.removeLast() }
        return head + (empty ? "\n" : ",\n") + entry.json() + "\n]\n"
    }

    /// SHA-256 of a file, in hex, so that an entry names exactly which inputs it used.
    public static func sha256(ofFile path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KleroterionError(file: path, "the file cannot be read", fix: "check the path and the file's permissions")
        }
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
