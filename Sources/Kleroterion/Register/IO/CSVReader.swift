/// Reads a whole CSV file into a `Table`, as municipal exports write them.
///
/// Handles a UTF-8 byte-order mark, `,` or `;` delimiters (detected from the header line, as Dutch Excel
/// writes `;`), CRLF, LF or CR line ends, and RFC 4180 quoted fields holding delimiters, quotes (`""`) or newlines.
/// Every problem is reported with file, line, column and fix.
///
/// This is `CSVStream` (the one scanner) collecting every row; use `CSVStream` directly for registers that are
/// too big to keep as text.
public enum CSVReader {
    /// Reads and parses a file.
    public static func read(path: String) throws -> Table {
        try table(from: CSVStream(path: path))
    }

    /// Parses CSV bytes; `source` names the file in error messages.
    public static func parse(_ bytes: [UInt8], source: String) throws -> Table {
        try table(from: CSVStream(bytes: bytes, source: source))
    }

    /// Collects every row of a stream (blank rows skipped, every row as long as the header).
    public static func table(from stream: CSVStream) throws -> Table {
        var rows: [[String]] = []
        var lines: [Int] = []
        try stream.forEachRow { record in
            rows.append(record.strings)
            lines.append(record.line)
        }
        return Table(source: stream.source, header: stream.header, rows: rows, lineNumbers: lines, delimiter: stream.delimiter)
    }
}
