import Foundation

/// Reads CSV files as municipal exports write them.
///
/// Handles a UTF-8 byte-order mark, `,` or `;` delimiters (detected from the header line, as Dutch Excel
/// writes `;`), CRLF or LF line ends, and RFC 4180 quoted fields holding delimiters, quotes (`""`) or newlines.
/// Every problem is reported with file, line and column.
public enum CSVReader {
    /// Reads and parses a file.
    public static func read(path: String) throws -> Table {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw KleroterionError(file: path, exists ? "the file cannot be read" : "the file does not exist",
                                   fix: exists ? "check the file's permissions" : "check the path and the file name")
        }
        return try parse([UInt8](data), source: path)
    }

    /// Parses CSV bytes; `source` names the file in error messages.
    public static func parse(_ bytes: [UInt8], source: String) throws -> Table {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        if bytes[start...].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw KleroterionError(file: source, "the file is empty", fix: "export the file again with a header line and at least one row")
        }
        if bytes.contains(0) {
            throw KleroterionError(file: source, "this is not a text file (it contains NUL bytes)",
                                   fix: "save the spreadsheet as CSV (UTF-8), not as .xlsx or another binary format")
        }
        if String(validating: bytes[start...], as: UTF8.self) == nil {
            let line = firstInvalidUTF8Line(bytes, from: start)
            throw KleroterionError(file: source, line: line, "the file is not valid UTF-8 (perhaps Latin-1 or Windows-1252)",
                                   fix: "save the file as 'CSV UTF-8' in Excel, or convert it with: iconv -f latin1 -t utf-8")
        }
        let delimiter = detectDelimiter(bytes, from: start)
        var records: [[String]] = []
        var lines: [Int] = []
        try scan(bytes, from: start, delimiter: delimiter, source: source) { fields, line in
            records.append(fields)
            lines.append(line)
        }
        guard let headerRow = records.first else {
            throw KleroterionError(file: source, "the file is empty", fix: "export the file again with a header line")
        }
        let header = headerRow.map { $0.trimmingSpaces() }
        var seen: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            if name.isEmpty {
                throw KleroterionError(file: source, line: lines[0], column: "\(i + 1)", "the header has an empty column name",
                                       fix: "give every column a name in the first line")
            }
            if let j = seen[name.lowercased()] {
                throw KleroterionError(file: source, line: lines[0], column: name, "the column name appears twice (columns \(j + 1) and \(i + 1))",
                                       fix: "rename one of the two columns")
            }
            seen[name.lowercased()] = i
        }
        var rows: [[String]] = []
        var rowLines: [Int] = []
        rows.reserveCapacity(records.count - 1)
        for (r, line) in zip(records.dropFirst(), lines.dropFirst()) {
            if r.count == 1 && r[0].isEmpty { continue } // a blank line
            guard r.count == header.count else {
                let more = r.count > header.count
                throw KleroterionError(file: source, line: line,
                                       "the row has \(r.count) fields but the header has \(header.count)",
                                       fix: more ? "remove the extra fields, or quote values that contain '\(Character(UnicodeScalar(delimiter)))'"
                                                 : "add the missing fields (an empty value still needs its '\(Character(UnicodeScalar(delimiter)))')")
            }
            rows.append(r)
            rowLines.append(line)
        }
        if rows.isEmpty {
            throw KleroterionError(file: source, "the file has a header but no rows", fix: "add at least one row below the header")
        }
        return Table(source: source, header: header, rows: rows, lineNumbers: rowLines, delimiter: delimiter)
    }

    /// `;` if the header line (outside quotes) holds more semicolons than commas, else `,`.
    static func detectDelimiter(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var commas = 0, semicolons = 0, inQuotes = false
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { inQuotes.toggle() }
            else if !inQuotes {
                if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { break }
                if b == UInt8(ascii: ",") { commas += 1 }
                if b == UInt8(ascii: ";") { semicolons += 1 }
            }
            i += 1
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Calls `emit` with each record and the line it starts on.
    static func scan(_ bytes: [UInt8], from start: Int, delimiter: UInt8, source: String,
                     emit: ([String], Int) throws -> Void) throws {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1
        var i = start
        var quoted = false          // inside a quoted field
        var fieldWasQuoted = false
        var quoteLine = 1
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == quote {
                    if i + 1 < bytes.count && bytes[i + 1] == quote { field.append(quote); i += 2; continue }
                    quoted = false
                    i += 1
                    // After a closing quote only a delimiter or line end may follow (spaces are tolerated).
                    while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
                    if i < bytes.count && bytes[i] != delimiter && bytes[i] != cr && bytes[i] != lf {
                        throw KleroterionError(file: source, line: line, column: "\(fields.count + 1)",
                                               "a quoted field is followed by text after its closing quote",
                                               fix: "write a quote inside a quoted field as two quotes (\"\")")
                    }
                    continue
                }
                if b == lf { line += 1 }
                field.append(b)
                i += 1
                continue
            }
            switch b {
            case quote where field.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) && !fieldWasQuoted:
                field.removeAll(keepingCapacity: true)
                quoted = true
                fieldWasQuoted = true
                quoteLine = line
                i += 1
            case delimiter:
                endField()
                i += 1
            case cr, lf:
                endField()
                try emit(fields, recordLine)
                fields.removeAll(keepingCapacity: true)
                if b == cr && i + 1 < bytes.count && bytes[i + 1] == lf { i += 1 }
                i += 1
                line += 1
                recordLine = line
            default:
                field.append(b)
                i += 1
            }
        }
        if quoted {
            throw KleroterionError(file: source, line: quoteLine, column: "\(fields.count + 1)",
                                   "a quoted field is never closed", fix: "add the closing quote (\") to the field")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted {
            endField()
            try emit(fields, recordLine)
        }
    }

    static func firstInvalidUTF8Line(_ bytes: [UInt8], from start: Int) -> Int {
        var lineStart = start, line = 1
        for i in start..<bytes.count where bytes[i] == UInt8(ascii: "\n") {
            if String(validating: bytes[lineStart...i], as: UTF8.self) == nil { return line }
            line += 1
            lineStart = i + 1
        }
        return line
    }
}
