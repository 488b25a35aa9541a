import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A CSV file read one row at a time, for registers too big to hold as text (15 million rows and more).
///
/// Opening the stream maps the file into memory (no copy), skips a UTF-8 byte-order mark, detects the delimiter
/// (`,` or `;`) and reads and checks the header. `forEachRow` then hands every data row to a closure as a
/// `CSVRecord`, which only knows where its fields lie; a `String` is made only for the fields the caller asks for.
/// Memory therefore grows with what the caller keeps, not with the file: pages already read are given back to
/// the operating system as the stream moves on.
///
/// Every row is checked before the caller sees it: valid UTF-8, no NUL bytes, exactly as many fields as the
/// header. Rows whose fields are all empty (blank lines, or `;;;` lines from Excel) are skipped. Every error names
/// the file, the physical line, the column and the fix.
///
/// ```swift
/// let csv = try CSVStream(path: "register.csv")
/// let district = try csv.requireColumn("district")
/// var perDistrict: [String: Int] = [:]
/// try csv.forEachRow { row in perDistrict[row.trimmed(district), default: 0] += 1 }
/// ```
public final class CSVStream {
    /// The file name as the user gave it, used in error messages.
    public let source: String
    /// The detected delimiter: `,` or `;`.
    public let delimiter: UInt8
    /// The column names, trimmed of surrounding white space.
    public private(set) var header: [String] = []
    /// The physical line the header is on (1 unless blank lines precede it).
    public private(set) var headerLine = 1
    /// The number of data rows handed out so far.
    public private(set) var rowCount = 0
    /// The size of the file in bytes.
    public var byteCount: Int { storage.count }

    private let storage: Storage
    private var scanner: CSVScanner
    /// Bytes before this offset have been given back to the operating system.
    private var releasedUpTo = 0

    /// Opens a file. The file is mapped, not read, so opening is cheap even for gigabytes.
    public convenience init(path: String) throws {
        try self.init(storage: Storage.openFile(path: path), source: path)
    }

    /// Reads CSV bytes held in memory; `source` names them in error messages.
    public convenience init(bytes: [UInt8], source: String) throws {
        try self.init(storage: Storage.copy(bytes), source: source)
    }

    private init(storage: Storage, source: String) throws {
        self.storage = storage
        self.source = source
        let p = storage.pointer, n = storage.count
        if let encoding = Self.otherEncoding(p, n) {
            throw KleroterionError(file: source, line: 1, "the file is \(encoding) encoded, not UTF-8",
                                   fix: "save the spreadsheet as 'CSV UTF-8 (comma delimited)', or convert it with: iconv -f \(encoding.prefix(8).filter { $0 != " " }) -t utf-8")
        }
        let start = n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0
        if start == 3 && n >= 6 && p[3] == 0xEF && p[4] == 0xBB && p[5] == 0xBF {
            throw KleroterionError(file: source, line: 1, "the file starts with two byte-order marks (invisible characters) instead of one",
                                   fix: "open it in a text editor and save it again as UTF-8, or remove the first 3 bytes: tail -c +4")
        }
        delimiter = CSVScanner.detectDelimiter(p, count: n, from: start)
        scanner = CSVScanner(base: p, count: n, start: start, delimiter: delimiter)
        try readHeader()
    }

    /// The name of a UTF-16 or UTF-32 encoding the bytes are in (with or without byte-order mark), or `nil`.
    /// Without a mark, the zero bytes beside the ASCII letters of the header give the encoding away.
    static func otherEncoding(_ p: UnsafePointer<UInt8>, _ n: Int) -> String? {
        if n >= 4 && p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0 { return "UTF-32LE" }
        if n >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF { return "UTF-32BE" }
        if n >= 2 && p[0] == 0xFF && p[1] == 0xFE { return "UTF-16LE (Excel's 'Unicode text')" }
        if n >= 2 && p[0] == 0xFE && p[1] == 0xFF { return "UTF-16BE" }
        guard n >= 4 else { return nil }
        if p[0] != 0 && p[1] == 0 && p[2] == 0 && p[3] == 0 { return "UTF-32LE" }
        if p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] != 0 { return "UTF-32BE" }
        if p[0] != 0 && p[1] == 0 && p[2] != 0 && p[3] == 0 { return "UTF-16LE" }
        if p[0] == 0 && p[1] != 0 && p[2] == 0 && p[3] != 0 { return "UTF-16BE" }
        return nil
    }

    deinit {
        scanner.release()
        storage.free()
    }

    /// Calls `body` with every data row, in file order.
    ///
    /// The record (and any pointer from `withBytes`) is valid only inside `body`: copy what you keep.
    /// A stream can be read once. With `allowNoRows: false` (the default) a file with a header but no rows is an error.
    public func forEachRow(allowNoRows: Bool = false, _ body: (CSVRecord) throws -> Void) throws {
        while try nextRecord() {
            let spans = scanner.spans
            if isBlankRecord(spans) { continue }
            if spans.count != header.count { throw raggedRow(fields: spans.count) }
            rowCount += 1
            try body(CSVRecord(base: storage.pointer, spans: spans, line: scanner.recordLine,
                               byteRange: scanner.recordStart..<scanner.recordEnd))
            giveBackPagesBefore(scanner.position)
        }
        if rowCount == 0 && !allowNoRows {
            throw KleroterionError(file: source, "the file has a header but no rows", fix: "add at least one row below the header")
        }
    }

    /// The index of the column named `name` (trimmed, case-insensitive), or `nil`.
    public func columnIndex(_ name: String) -> Int? { headerTable.columnIndex(name) }

    /// The index of the column named `name`, or an error that lists the columns there are.
    public func requireColumn(_ name: String, purpose: String? = nil) throws -> Int {
        do {
            return try headerTable.requireColumn(name, purpose: purpose)
        } catch var error as KleroterionError {
            error.line = headerLine // the header need not be on line 1 when blank lines precede it
            throw error
        }
    }

    /// The raw bytes of the file (valid while the stream lives), e.g. to copy a record's text via `byteRange`.
    public func withFileBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage.pointer, count: storage.count))
    }

    // MARK: - Internals

    private var headerTable: Table { Table(source: source, header: header, rows: [], lineNumbers: [], delimiter: delimiter) }

    private func readHeader() throws {
        repeat {
            guard try nextRecord() else {
                throw KleroterionError(file: source, "the file is empty", fix: "export the file again with a header line and at least one row")
            }
        } while isBlankRecord(scanner.spans)
        headerLine = scanner.recordLine
        let names = scanner.spans.map { CSVRecord.decode(storage.pointer, $0).trimmingSpaces() }
        var seen: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            if name.isEmpty {
                throw KleroterionError(file: source, line: headerLine, column: "\(i + 1)", "the header has an empty column name (column \(i + 1))",
                                       fix: "give every column a name in the first line")
            }
            if let j = seen[name.lowercased()] {
                throw KleroterionError(file: source, line: headerLine, column: name, "the column name appears twice (columns \(j + 1) and \(i + 1))",
                                       fix: "rename one of the two columns")
            }
            seen[name.lowercased()] = i
        }
        header = names
    }

    /// Advances the scanner, turning its problems into messages and checking the text of suspect records.
    private func nextRecord() throws -> Bool {
        do throws(CSVScanner.Problem) {
            guard try scanner.next() else { return false }
        } catch {
            switch error {
            case .unclosedQuote(let line, let field):
                throw KleroterionError(file: source, line: line, column: columnName(field), "a quoted field is never closed",
                                       fix: "add the closing quote (\") to the field, or write a quote inside a field as two quotes (\"\")")
            case .textAfterQuote(let line, let field):
                throw KleroterionError(file: source, line: line, column: columnName(field), "a quoted field is followed by text after its closing quote",
                                       fix: "quote the whole field and write a quote inside it as two quotes (\"\")")
            }
        }
        if scanner.recordIsSuspect { try checkText() }
        return true
    }

    /// Rejects NUL bytes (a binary file) and bytes that are not UTF-8 (usually Latin-1), naming line and column.
    private func checkText() throws {
        let p = storage.pointer
        for (f, span) in scanner.spans.enumerated() {
            var k = span.start
            while k < span.end {
                if p[k] == 0 {
                    throw KleroterionError(file: source, line: lineOf(offset: k), column: columnName(f),
                                           "this is not a text file (it contains NUL bytes)",
                                           fix: "save the spreadsheet as CSV (UTF-8), not as .xlsx or another binary format")
                }
                k += 1
            }
            if let bad = UTF8Check.firstInvalid(p, from: span.start, to: span.end) {
                throw KleroterionError(file: source, line: lineOf(offset: bad), column: columnName(f),
                                       "the file is not valid UTF-8 (byte 0x\(String(p[bad], radix: 16, uppercase: true)); perhaps Latin-1 or Windows-1252)",
                                       fix: "save the file as 'CSV UTF-8' in Excel, or convert it with: iconv -f latin1 -t utf-8")
            }
        }
    }

    /// The physical line of a byte in the current record.
    private func lineOf(offset: Int) -> Int {
        let p = storage.pointer
        var line = scanner.recordLine, k = scanner.recordStart
        while k < offset {
            if p[k] == UInt8(ascii: "\n") || (p[k] == UInt8(ascii: "\r") && (k + 1 == storage.count || p[k + 1] != UInt8(ascii: "\n"))) { line += 1 }
            k += 1
        }
        return line
    }

    /// The header name of field `i` when known, else its 1-based number.
    private func columnName(_ i: Int) -> String { i < header.count ? header[i] : "\(i + 1)" }

    private func isBlankRecord(_ spans: [CSVScanner.Span]) -> Bool {
        let p = storage.pointer
        for s in spans {
            var k = s.start
            while k < s.end { if p[k] != 0x20 && p[k] != 0x09 { return false }; k += 1 }
        }
        return true
    }

    private func raggedRow(fields n: Int) -> KleroterionError {
        let d = String(Character(UnicodeScalar(delimiter)))
        let plural = n == 1 ? "field" : "fields"
        if n < header.count {
            let missing = header[n...].map { "'\($0)'" }.joined(separator: ", ")
            return KleroterionError(file: source, line: scanner.recordLine, column: header[n],
                                    "the row has \(n) \(plural) but the header has \(header.count) columns (missing: \(missing))",
                                    fix: "add the missing fields (an empty value still needs its '\(d)')")
        }
        return KleroterionError(file: source, line: scanner.recordLine, column: "\(header.count + 1)",
                                "the row has \(n) \(plural) but the header has \(header.count) columns",
                                fix: "remove the extra fields, or quote values that contain '\(d)'")
    }

    /// Tells the kernel that mapped pages already read will not be needed again, so that peak memory stays
    /// small on registers of many gigabytes. Done in 32 MB steps; a no-op for bytes held in memory.
    private func giveBackPagesBefore(_ offset: Int) {
        guard storage.isMapped, offset - releasedUpTo >= 32 << 20 else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = (offset / page) * page
        guard end > releasedUpTo else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: storage.pointer + releasedUpTo), end - releasedUpTo, Int32(MADV_DONTNEED))
        releasedUpTo = end
    }
}

/// One row of a `CSVStream`: where its fields lie in the file, and their text on request.
///
/// Valid only inside the `forEachRow` closure that received it.
public struct CSVRecord {
    let base: UnsafePointer<UInt8>
    let spans: [CSVScanner.Span]
    /// The physical line (1-based) the row starts on.
    public let line: Int
    /// The row's bytes in the file (without its line end); with `CSVStream.withFileBytes` the row can be copied as is.
    public let byteRange: Range<Int>

    /// The number of fields (always the header's count for rows from `forEachRow`).
    public var count: Int { spans.count }

    /// Field `i` as text, exactly as in the file (quotes removed, `""` turned into `"`).
    public subscript(i: Int) -> String { CSVRecord.decode(base, spans[i]) }

    /// Field `i` trimmed of surrounding white space, as values are matched.
    public func trimmed(_ i: Int) -> String { self[i].trimmingSpaces() }

    /// All fields as text.
    public var strings: [String] { spans.map { CSVRecord.decode(base, $0) } }

    /// True when field `i` is empty or only spaces and tabs.
    public func isBlank(_ i: Int) -> Bool {
        let s = spans[i]
        var k = s.start
        while k < s.end { if base[k] != 0x20 && base[k] != 0x09 { return false }; k += 1 }
        return true
    }

    /// Calls `body` with field `i`'s UTF-8 bytes, without making a String (cheap for counting and hashing).
    /// The buffer is valid only inside `body`.
    public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let s = spans[i]
        if !s.escaped { return try body(UnsafeBufferPointer(start: base + s.start, count: s.end - s.start)) }
        let bytes = CSVRecord.unescape(base, s)
        return try bytes.withUnsafeBufferPointer(body)
    }

    static func decode(_ base: UnsafePointer<UInt8>, _ s: CSVScanner.Span) -> String {
        if !s.escaped { return String(decoding: UnsafeBufferPointer(start: base + s.start, count: s.end - s.start), as: UTF8.self) }
        return String(decoding: unescape(base, s), as: UTF8.self)
    }

    /// The field's bytes with every `""` turned into `"`.
    static func unescape(_ base: UnsafePointer<UInt8>, _ s: CSVScanner.Span) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.end - s.start)
        var k = s.start
        while k < s.end {
            out.append(base[k])
            k += base[k] == UInt8(ascii: "\"") ? 2 : 1
        }
        return out
    }
}

/// The bytes behind a stream: a read-only memory map of a regular file, or a private copy.
private struct Storage {
    let pointer: UnsafePointer<UInt8>
    let count: Int
    let isMapped: Bool

    static func copy(_ bytes: [UInt8]) -> Storage {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        bytes.withUnsafeBufferPointer { if let b = $0.baseAddress { p.initialize(from: b, count: bytes.count) } }
        return Storage(pointer: UnsafePointer(p), count: bytes.count, isMapped: false)
    }

    static func openFile(path: String) throws -> Storage {
        let (fd, size) = try InputFile.open(path) // regular files only, within the size limit
        defer { close(fd) }
        if size == 0 { return copy([]) }
        guard let m = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), m != MAP_FAILED else {
            throw KleroterionError(file: path, "the file cannot be read", fix: "check the file's permissions")
        }
        _ = madvise(m, size, Int32(MADV_SEQUENTIAL))
        return Storage(pointer: UnsafePointer(m.assumingMemoryBound(to: UInt8.self)), count: size, isMapped: true)
    }

    func free() {
        if isMapped { munmap(UnsafeMutableRawPointer(mutating: pointer), count) }
        else { UnsafeMutablePointer(mutating: pointer).deallocate() }
    }
}
