import Foundation
import Testing
@testable import Kleroterion

/// Every CSV edge case from issue #2 §2, each with the exact error it must give.
@Suite struct CSVEdgeCaseTests {
    /// Parses `text` and returns the error, or fails the test if there is none.
    func failure(_ text: String, name: String = "p.csv") -> KleroterionError? {
        failure(bytes: Array(text.utf8), name: name)
    }

    func failure(bytes: [UInt8], name: String = "p.csv") -> KleroterionError? {
        #expect(throws: KleroterionError.self) { try CSVReader.parse(bytes, source: name) }
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let t = try CSVReader.parse([0xEF, 0xBB, 0xBF] + Array("id,gender\n1,v\n".utf8), source: "p.csv")
        #expect(t.header == ["id", "gender"])
        #expect(t.rows == [["1", "v"]])
    }

    @Test func semicolonIsDetectedAndCommaStaysAValue() throws {
        let t = try parseCSV("id;name;share\n1;Jansen, P.;0,27\n")
        #expect(t.delimiter == UInt8(ascii: ";"))
        #expect(t.rows == [["1", "Jansen, P.", "0,27"]])
    }

    @Test func commaWinsATie() throws {
        #expect(try parseCSV("a;b,c\n1;2,3\n").delimiter == UInt8(ascii: ","))
    }

    @Test func crlfLfAndLoneCRLineEnds() throws {
        let t = try parseCSV("id,a\r\n1,x\r\n2,y\n3,z\r4,w")
        #expect(t.rows == [["1", "x"], ["2", "y"], ["3", "z"], ["4", "w"]])
        #expect(t.lineNumbers == [2, 3, 4, 5])
    }

    @Test func quotedDelimitersQuotesAndNewlines() throws {
        let t = try parseCSV("id,a,b\n1,\"x,y\",\"he said \"\"no\"\"\"\n2,\"two\r\nlines\",\"\"\n3,\"\",\"\"\"\"\n")
        #expect(t.rows == [["1", "x,y", "he said \"no\""], ["2", "two\r\nlines", ""], ["3", "", "\""]])
        #expect(t.lineNumbers == [2, 3, 5])
    }

    @Test func quoteInsideUnquotedFieldIsKept() throws {
        #expect(try parseCSV("id,a\n1,5\" screen\n").rows == [["1", "5\" screen"]])
    }

    @Test func spacesAroundQuotesAreTolerated() throws {
        #expect(try parseCSV("id,a\n1,  \"x,y\"  \n").rows == [["1", "x,y"]])
    }

    @Test func headerNamesAreTrimmedButValuesAreNot() throws {
        let t = try parseCSV(" id \t,\u{00A0}Gender \n 1 , v \n")
        #expect(t.header == ["id", "Gender"])
        #expect(t.rows == [[" 1 ", " v "]])
        #expect(t.columnIndex("GENDER ") == 1)
    }

    @Test func blankLinesAndEmptyExcelRowsAreSkipped() throws {
        let t = try parseCSV("\n\nid;a\n\n1;x\r\n\r\n;\n  ; \n2;y\n\n")
        #expect(t.rows == [["1", "x"], ["2", "y"]])
        #expect(t.lineNumbers == [5, 9])
    }

    @Test func lastLineWithoutNewline() throws {
        #expect(try parseCSV("id,a\n1,x").rows == [["1", "x"]])
        #expect(try parseCSV("id,a\n1,\"x\"").rows == [["1", "x"]])
        #expect(try parseCSV("id,a\n1,").rows == [["1", ""]])
    }

    @Test func tooFewFields() {
        let e = failure("id,gender,age\n1,v,30\n2,m\n")
        #expect(e?.description == "p.csv:3: column 'age': the row has 2 fields but the header has 3 columns (missing: 'age')\nFix: add the missing fields (an empty value still needs its ',')")
    }

    @Test func tooManyFields() {
        let e = failure("id;gender\n1;v\n2;m;x\n")
        #expect(e?.description == "p.csv:3: column '3': the row has 3 fields but the header has 2 columns\nFix: remove the extra fields, or quote values that contain ';'")
    }

    @Test func unclosedQuoteNamesTheLineItOpensOn() {
        let e = failure("id,a\n1,x\n2,\"open\nstill open\n3,y\n")
        #expect(e?.description == "p.csv:3: column 'a': a quoted field is never closed\nFix: add the closing quote (\") to the field, or write a quote inside a field as two quotes (\"\")")
    }

    @Test func textAfterClosingQuote() {
        let e = failure("id,a\n1,\"x\"y\n")
        #expect(e?.description == "p.csv:2: column 'a': a quoted field is followed by text after its closing quote\nFix: quote the whole field and write a quote inside it as two quotes (\"\")")
    }

    @Test func emptyFile() {
        for text in ["", "\n\r\n", "\u{FEFF}", "  \n", ";;\n"] {
            let e = failure(text)
            #expect(e?.description == "p.csv: the file is empty\nFix: export the file again with a header line and at least one row")
        }
    }

    @Test func headerOnly() {
        let e = failure("id,gender\r\n\r\n")
        #expect(e?.description == "p.csv: the file has a header but no rows\nFix: add at least one row below the header")
    }

    @Test func binaryFile() {
        let e = failure(bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x0A])
        #expect(e?.description == "p.csv:1: column '1': this is not a text file (it contains NUL bytes)\nFix: save the spreadsheet as CSV (UTF-8), not as .xlsx or another binary format")
    }

    @Test func utf16File() {
        let e = failure(bytes: [0xFF, 0xFE, 0x69, 0x00, 0x64, 0x00])
        #expect(e?.description == "p.csv:1: the file is UTF-16LE (Excel's 'Unicode text') encoded, not UTF-8\nFix: save the spreadsheet as 'CSV UTF-8 (comma delimited)', or convert it with: iconv -f UTF-16LE -t utf-8")
    }

    @Test func latin1NamesLineAndColumn() {
        // "Café" in Latin-1 on line 3, inside a quoted field that spans lines 2–3.
        let e = failure(bytes: Array("id,name\n1,\"x\n".utf8) + [0x43, 0x61, 0x66, 0xE9] + Array("\"\n".utf8))
        #expect(e?.description == "p.csv:3: column 'name': the file is not valid UTF-8 (byte 0xE9; perhaps Latin-1 or Windows-1252)\nFix: save the file as 'CSV UTF-8' in Excel, or convert it with: iconv -f latin1 -t utf-8")
    }

    @Test func validUTF8IsAccepted() throws {
        let t = try parseCSV("id,name\n1,Zoë Ünal 🇳🇱\n2,\"Café, €5\"\n")
        #expect(t.rows.map { $0[1] } == ["Zoë Ünal 🇳🇱", "Café, €5"])
    }

    @Test func utf8ValidatorRejectsOverlongsAndSurrogates() {
        for bad: [UInt8] in [[0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF8]] {
            let r = bad.withUnsafeBufferPointer { UTF8Check.firstInvalid($0.baseAddress!, from: 0, to: $0.count) }
            #expect(r == 0, "\(bad)")
        }
        for good in ["é", "€", "😀", "\u{10FFFF}", "\u{D7FF}", "\u{E000}"] {
            let bytes = Array(good.utf8)
            #expect(bytes.withUnsafeBufferPointer { UTF8Check.firstInvalid($0.baseAddress!, from: 0, to: $0.count) } == nil)
        }
    }

    @Test func duplicateHeader() {
        let e = failure("id,Gender,gender \n1,v,v\n")
        #expect(e?.description == "p.csv:1: column 'gender': the column name appears twice (columns 2 and 3)\nFix: rename one of the two columns")
    }

    @Test func emptyHeaderName() {
        let e = failure("id,,age\n1,v,3\n")
        #expect(e?.description == "p.csv:1: column '2': the header has an empty column name (column 2)\nFix: give every column a name in the first line")
    }

    @Test func duplicateId() throws {
        let e = #expect(throws: KleroterionError.self) { try Pool(table: parseCSV("id,a\n7,x\n8,y\n 7 ,z\n", name: "pool.csv")) }
        #expect(e?.description == "pool.csv:4: column 'id': the id '7' is also on line 2\nFix: give every respondent a unique id (remove the duplicate registration)")
    }

    @Test func emptyId() throws {
        let e = #expect(throws: KleroterionError.self) { try Pool(table: parseCSV("id,a\n7,x\n  ,y\n", name: "pool.csv")) }
        #expect(e?.description == "pool.csv:3: column 'id': the id is empty\nFix: give every respondent a unique id")
    }

    @Test func missingColumn() throws {
        let e = #expect(throws: KleroterionError.self) { try Pool(table: parseCSV("nr,a\n7,x\n", name: "pool.csv")) }
        #expect(e?.description == "pool.csv:1: column 'id': there is no column 'id' (the respondents' ids; choose another with --id-column); the columns are: nr, a\nFix: add the column to the header, or name an existing column")
    }

    @Test func missingFileAndFolder() {
        let missing = #expect(throws: KleroterionError.self) { try CSVReader.read(path: "/nonexistent/pool.csv") }
        #expect(missing?.description == "/nonexistent/pool.csv: the file does not exist\nFix: check the path and the file name")
        let folder = #expect(throws: KleroterionError.self) { try CSVReader.read(path: NSTemporaryDirectory()) }
        #expect(folder?.message == "this is a folder, not a file")
    }

    @Test func readingAFileEqualsParsingItsBytes() throws {
        let text = "\u{FEFF}id;a\r\n1;\"x;\r\ny\"\r\n2;z"
        let path = temporaryDirectory() + "/p.csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let fromFile = try CSVReader.read(path: path), fromBytes = try parseCSV(text)
        #expect(fromFile.rows == fromBytes.rows)
        #expect(fromFile.rows == [["1", "x;\r\ny"], ["2", "z"]])
        #expect(fromFile.lineNumbers == [2, 4])
    }
}
