import Foundation
import Testing
@testable import Kleroterion

/// Compares the byte scanner with Python's `csv` module (an independent, widely used parser) on random documents
/// that contain every RFC 4180 corner case: quoted delimiters, doubled quotes, CR/LF/CRLF inside quotes, empty
/// and quoted-empty fields, ragged rows, blank lines, CR/LF/CRLF line ends, no final line end, and non-ASCII text.
@Suite struct CSVDifferentialTests {
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A small deterministic generator (SplitMix64), so every run checks the same documents.
    struct Mix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
    }

    /// One random document and the delimiter it uses.
    static func document(_ r: inout Mix) -> (text: String, delimiter: Character) {
        let d: Character = r.below(2) == 0 ? "," : ";"
        let plain = ["a", "Zeist", "16-24", "é", "Ünal", "€", " ", "x y", "5\"", "a\"b\"", "🇳🇱", "0,27", "0;27", "\t"]
            .filter { !$0.contains(d) }
        let inner = ["", "a", String(d), "\"\"", "\n", "\r\n", "\r", " ", "é", "line1\nline2", "\"\"\"\"", ",;", "🇳🇱"]
        let ends = ["\n", "\r\n", "\r"]
        var text = ""
        for _ in 0..<(1 + r.below(12)) {
            if r.below(8) == 0 { text += r.pick(ends) } // a blank line
            var fields: [String] = []
            for _ in 0..<(1 + r.below(5)) {
                switch r.below(4) {
                case 0: fields.append("")
                case 1: fields.append("\"" + (0..<r.below(4)).map { _ in r.pick(inner) }.joined() + "\"")
                default:
                    // An unquoted field must not start with (spaces and) a quote: that would open a quoted field.
                    var f = (0..<(1 + r.below(3))).map { _ in r.pick(plain) }.joined()
                    if f.drop(while: { $0 == " " || $0 == "\t" }).first == "\"" { f = "q" + f }
                    fields.append(f)
                }
            }
            text += fields.joined(separator: String(d)) + r.pick(ends)
        }
        if r.below(3) == 0 { text.removeLast() } // no line end after the last record (may drop half a CRLF: fine)
        return (text, d)
    }

    /// Records with their start lines, as the scanner sees them.
    static func scan(_ text: String, delimiter: Character) throws -> [(line: Int, fields: [String])] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            var s = CSVScanner(base: base, count: buffer.count, start: 0, delimiter: delimiter.asciiValue!)
            defer { s.release() }
            var out: [(Int, [String])] = []
            while try s.next() {
                out.append((s.recordLine, s.spans.map { CSVRecord.decode(base, $0) }))
            }
            return out
        }
    }

    @Test(.enabled(if: python != nil, "python3 is not installed: the differential test against Python's csv module is skipped"))
    func agreesWithPythonCSV() throws {
        let dir = temporaryDirectory()
        var r = Mix(state: 2021)
        var documents: [(path: String, text: String, delimiter: Character)] = []
        for k in 0..<400 {
            let (text, d) = Self.document(&r)
            let path = dir + "/doc\(k).csv"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            documents.append((path, text, d))
        }
        // Python reads each file with newline='' (line ends untranslated), reports each record and its start line,
        // and skips blank lines (which it returns as []), as the scanner does.
        let script = """
        import csv, json, sys
        out = []
        for path, delim in json.load(sys.stdin):
            recs = []
            with open(path, newline='', encoding='utf-8') as f:
                reader = csv.reader(f, delimiter=delim, strict=True)
                prev = 0
                for row in reader:
                    if row:
                        recs.append([prev + 1, row])
                    prev = reader.line_num
            out.append(recs)
        json.dump(out, sys.stdout)
        """
        let input = try JSONSerialization.data(withJSONObject: documents.map { [$0.path, String($0.delimiter)] })
        let output = try runPython(script: script, input: input)
        let expected = try #require(try JSONSerialization.jsonObject(with: output) as? [[[Any]]])
        #expect(expected.count == documents.count)
        var compared = 0
        for (doc, pyRecords) in zip(documents, expected) {
            let ours = try Self.scan(doc.text, delimiter: doc.delimiter)
            let theirs = pyRecords.map { ($0[0] as! Int, $0[1] as! [String]) }
            #expect(ours.map(\.fields) == theirs.map(\.1), "fields differ for \(doc.text.debugDescription)")
            #expect(ours.map(\.line) == theirs.map(\.0), "start lines differ for \(doc.text.debugDescription)")
            compared += ours.count
        }
        #expect(compared > 1000)
    }

    func runPython(script: String, input: Data) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.python!)
        p.arguments = ["-c", script]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        p.standardInput = stdin
        p.standardOutput = stdout
        p.standardError = stderr
        try p.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "python3 failed: \(String(decoding: err, as: UTF8.self))")
        return data
    }

    /// The independent oracle for the scanner's own rules beyond Python's: delimiter detection.
    @Test func delimiterDetection() throws {
        #expect(try parseCSV("id;a\n1;2\n").delimiter == UInt8(ascii: ";"))
        #expect(try parseCSV("\"x;y;z\",a\n1,2\n").delimiter == UInt8(ascii: ","))
        #expect(try parseCSV("\"x,y,z\";a\n1;2\n").delimiter == UInt8(ascii: ";"))
        #expect(try parseCSV("\u{FEFF}id;a\r\n1;2\r\n").delimiter == UInt8(ascii: ";"))
    }
}
