/// The one CSV scanner that every reader in Kleroterion shares (`CSVStream`, and through it `CSVReader`).
///
/// It walks raw bytes once and records where each field starts and ends; it never copies a field. Strings are made
/// only for the fields a caller asks for. The rules (RFC 4180, plus what spreadsheet exports do):
/// - records end at LF, CRLF or a lone CR (old Mac exports); a line end inside quotes belongs to the field;
/// - a field that starts with `"` (after optional spaces) is quoted: `""` inside stands for one `"`, and after the
///   closing quote only spaces, the delimiter or the line end may follow;
/// - a `"` in the middle of an unquoted field is kept as an ordinary character (as Python's `csv` does);
/// - empty lines are skipped.
///
/// Why bytes and a class table: a 1,000,000-row register must parse in well under a second (see
/// docs/performance.md), and the hot loop touches each byte once with a single table look-up.
struct CSVScanner {
    /// Where one field lies in the bytes: `start..<end`. `escaped` means it holds `""` pairs to be undone.
    struct Span {
        var start: Int
        var end: Int
        var escaped: Bool
    }

    /// What went wrong, before it is turned into a message with file and column names.
    enum Problem: Error {
        /// A quoted field opened on `line`, field number `field` (0-based), is never closed.
        case unclosedQuote(line: Int, field: Int)
        /// Something other than the delimiter or a line end follows a closing quote.
        case textAfterQuote(line: Int, field: Int)
    }

    // Byte classes for the hot loop. 0 = ordinary byte.
    static let delimiterClass: UInt8 = 1, quoteClass: UInt8 = 2, lineEndClass: UInt8 = 3, suspectClass: UInt8 = 4

    let base: UnsafePointer<UInt8>
    let count: Int
    let delimiter: UInt8
    private let classes: UnsafeMutablePointer<UInt8>

    /// The next byte to read.
    private(set) var position: Int
    /// The physical line (1-based) that `position` is on.
    private(set) var line = 1

    /// The fields of the current record.
    private(set) var spans: [Span] = []
    /// The line the current record starts on.
    private(set) var recordLine = 1
    /// The bytes of the current record, without its line end.
    private(set) var recordStart = 0, recordEnd = 0
    /// True when the current record holds a byte ≥ 0x80 or a NUL, so it must be checked before use.
    private(set) var recordIsSuspect = false

    /// Scans `count` bytes at `base`, starting at `start` (after a byte-order mark).
    /// The caller keeps the bytes alive and calls `release()` when done.
    init(base: UnsafePointer<UInt8>, count: Int, start: Int, delimiter: UInt8) {
        self.base = base
        self.count = count
        self.delimiter = delimiter
        self.position = start
        classes = .allocate(capacity: 256)
        classes.initialize(repeating: 0, count: 256)
        classes[Int(delimiter)] = CSVScanner.delimiterClass
        classes[Int(UInt8(ascii: "\""))] = CSVScanner.quoteClass
        classes[Int(UInt8(ascii: "\n"))] = CSVScanner.lineEndClass
        classes[Int(UInt8(ascii: "\r"))] = CSVScanner.lineEndClass
        classes[0] = CSVScanner.suspectClass
        for b in 0x80...0xFF { classes[b] = CSVScanner.suspectClass }
        spans.reserveCapacity(64)
    }

    /// Frees the class table.
    func release() { classes.deallocate() }

    /// Reads the next non-empty record into `spans`; returns false at the end of the bytes.
    mutating func next() throws(Problem) -> Bool {
        let p = base, n = count, cls = classes
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var i = position
        // Skip empty lines.
        while i < n && (p[i] == lf || p[i] == cr) {
            if p[i] == cr && i + 1 < n && p[i + 1] == lf { i += 1 }
            i += 1
            line += 1
        }
        guard i < n else { position = i; return false }
        spans.removeAll(keepingCapacity: true)
        recordLine = line
        recordStart = i
        var suspect = false
        while true {
            // One field.
            let fieldStart = i
            var quoted: Span?
            scan: while i < n {
                let c = cls[Int(p[i])]
                if c == 0 { i += 1; continue }
                switch c {
                case CSVScanner.suspectClass:
                    suspect = true
                    i += 1
                case CSVScanner.quoteClass:
                    if Self.onlySpaces(p, fieldStart, i) {
                        quoted = try quotedField(openingAt: i, field: spans.count, suspect: &suspect, next: &i)
                        break scan
                    }
                    i += 1 // a quote inside an unquoted field is an ordinary character
                default:
                    break scan // delimiter or line end
                }
            }
            spans.append(quoted ?? Span(start: fieldStart, end: i, escaped: false))
            if i == n { recordEnd = i; break }
            if p[i] == delimiter { i += 1; continue }
            recordEnd = i
            if p[i] == cr && i + 1 < n && p[i + 1] == lf { i += 1 }
            i += 1
            line += 1
            break
        }
        position = i
        recordIsSuspect = suspect
        return true
    }

    /// Reads a quoted field whose opening quote is at `open`; leaves `next` at the delimiter, line end or end.
    private mutating func quotedField(openingAt open: Int, field: Int, suspect: inout Bool, next: inout Int) throws(Problem) -> Span {
        let p = base, n = count
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let openLine = line
        var j = open + 1
        var escaped = false
        while true {
            guard j < n else { throw .unclosedQuote(line: openLine, field: field) }
            let b = p[j]
            if b == quote {
                if j + 1 < n && p[j + 1] == quote { escaped = true; j += 2; continue }
                break
            }
            if b == lf { line += 1 }
            else if b == cr { if !(j + 1 < n && p[j + 1] == lf) { line += 1 } }
            else if b >= 0x80 || b == 0 { suspect = true }
            j += 1
        }
        let span = Span(start: open + 1, end: j, escaped: escaped)
        var k = j + 1
        while k < n && (p[k] == 0x20 || p[k] == 0x09) { k += 1 }
        if k < n && p[k] != delimiter && p[k] != cr && p[k] != lf {
            throw .textAfterQuote(line: line, field: field)
        }
        next = k
        return span
    }

    /// True when every byte in `from..<to` is a space or a tab.
    @inline(__always)
    private static func onlySpaces(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var k = from
        while k < to { if p[k] != 0x20 && p[k] != 0x09 { return false }; k += 1 }
        return true
    }

    /// `;` if the first non-empty line (outside quotes) holds more semicolons than commas, else `,`.
    /// Dutch Excel writes `;` because the comma is the decimal separator.
    static func detectDelimiter(_ p: UnsafePointer<UInt8>, count n: Int, from start: Int) -> UInt8 {
        var commas = 0, semicolons = 0, inQuotes = false
        var i = start
        while i < n && (p[i] == UInt8(ascii: "\n") || p[i] == UInt8(ascii: "\r")) { i += 1 } // blank lines before the header
        while i < n {
            let b = p[i]
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
}

/// Strict UTF-8 validation without allocating (rejects overlong forms, surrogates and values above U+10FFFF).
enum UTF8Check {
    /// The offset of the first byte that starts an invalid sequence, or `nil` if all of `p[from..<to]` is valid.
    static func firstInvalid(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        var i = from
        while i < to {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            let need: Int, lo: UInt8, hi: UInt8
            switch b {
            case 0xC2...0xDF: need = 1; lo = 0x80; hi = 0xBF
            case 0xE0: need = 2; lo = 0xA0; hi = 0xBF
            case 0xE1...0xEC, 0xEE...0xEF: need = 2; lo = 0x80; hi = 0xBF
            case 0xED: need = 2; lo = 0x80; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90; hi = 0xBF
            case 0xF1...0xF3: need = 3; lo = 0x80; hi = 0xBF
            case 0xF4: need = 3; lo = 0x80; hi = 0x8F
            default: return i
            }
            guard i + need < to, p[i + 1] >= lo, p[i + 1] <= hi else { return i }
            for k in 2...max(2, need) where k <= need {
                if p[i + k] & 0xC0 != 0x80 { return i }
            }
            i += need + 1
        }
        return nil
    }
}
