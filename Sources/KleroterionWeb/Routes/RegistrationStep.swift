import Foundation
import Kleroterion

/// Building the respondents file from what comes in: an uploaded file (by reply code or by id) and single
/// registrations typed in by reply code. Unknown codes, ids that got no letter, and second registrations are
/// flagged and left out, never silently merged.
enum RegistrationStep {
    struct Built {
        var csv: String
        var count: Int
        var flags: [String]
    }

    /// The letters (register rows with reply codes) of the assembly's invitation lottery, if it ran.
    static func letters(_ a: Assembly, store: FileStore) throws -> Table? {
        guard let folder = a.invitationsFolder else { return nil }
        return try CSVReader.read(path: store.absolute(folder) + "/letters.csv")
    }

    /// The register's id column in the letters (the mapping's own name for `id`).
    static func idColumn(_ a: Assembly, header: [String]) throws -> String {
        try ColumnMapping(spec: a.columnMapping).renames(for: header).first { $0.canonical == "id" }?.header ?? "id"
    }

    /// Respondents from an uploaded table, with `language` for the flags.
    static func build(_ upload: Table, letters: Table?, a: Assembly, language: String) throws -> Built {
        var flags: [String] = []
        func flag(_ key: String, _ line: Int, _ value: String) {
            flags.append(WebText.word(key, language).replacingOccurrences(of: "{0}", with: String(line)).replacingOccurrences(of: "{1}", with: value))
        }
        if let code = upload.columnIndex("reply_code") {
            guard let letters else {
                throw KleroterionError(file: upload.source, line: 1, column: "reply_code", WebText.word("codes_without_letters", language),
                                       fix: WebText.word("codes_without_letters_fix", language))
            }
            let codes = ReplyCodes.indexByCode(letters)
            // The age group is derived from the letter's birth date when the pool is read, so a copy in the upload is
            // left out (a form entry then needs the same columns as the file).
            let extra = upload.header.indices.filter { $0 != code && letters.columnIndex(upload.header[$0]) == nil
                && upload.header[$0].lowercased() != AgeBand.column }
            var header = letters.header.filter { $0 != "reply_code" }
            header += extra.map { upload.header[$0] }
            var rows: [[String]] = [], seen = Set<Int>()
            for (n, row) in upload.rows.enumerated() {
                let typed = ReplyCodes.normalise(row[code])
                guard let r = codes[typed] else { flag("flag_unknown_code", n + 2, row[code]); continue }
                guard seen.insert(r).inserted else { flag("flag_second_registration", n + 2, typed); continue }
                rows.append(letterRow(letters, r) + extra.map { row[$0] })
            }
            return Built(csv: CSVWriter.document(header: header, rows: rows), count: rows.count, flags: flags)
        }
        let idName = try idColumn(a, header: upload.header)
        let id = try upload.requireColumn(idName, purpose: WebText.word("respondent_ids", language))
        let invited: Set<String>? = try letters.map { l in
            let c = try l.requireColumn(try idColumn(a, header: l.header))
            return Set(l.rows.map { $0[c].trimmingSpaces() })
        }
        var rows: [[String]] = [], seen = Set<String>()
        for (n, row) in upload.rows.enumerated() {
            let key = row[id].trimmingSpaces()
            if let invited, !invited.contains(key) { flag("flag_not_invited", n + 2, key); continue }
            guard seen.insert(key.lowercased()).inserted else { flag("flag_second_registration", n + 2, key); continue }
            rows.append(row)
        }
        return Built(csv: CSVWriter.document(header: upload.header, rows: rows), count: rows.count, flags: flags)
    }

    /// The letter's register columns, without its reply code.
    static func letterRow(_ letters: Table, _ r: Int) -> [String] {
        let code = letters.columnIndex("reply_code")
        return letters.rows[r].enumerated().filter { $0.offset != code }.map(\.element)
    }
}

extension ReplyCodes {
    /// The letters file's rows by their reply code.
    static func indexByCode(_ letters: Table) -> [String: Int] {
        guard let c = letters.columnIndex("reply_code") else { return [:] }
        var index: [String: Int] = [:]
        for (r, row) in letters.rows.enumerated() { index[normalise(row[c])] = r }
        return index
    }
}
