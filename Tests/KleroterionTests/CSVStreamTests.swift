import Foundation
import Testing
@testable import Kleroterion

@Suite struct CSVStreamTests {
    func file(_ text: String) throws -> String {
        let path = temporaryDirectory() + "/register.csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func streamsRowsWithFieldsOnRequest() throws {
        let csv = try CSVStream(path: file("\u{FEFF}id;district;gender\r\n1;\"Noord; oost\";v\r\n\r\n2;West;\"m\"\"x\"\r\n"))
        #expect(csv.header == ["id", "district", "gender"])
        #expect(csv.delimiter == UInt8(ascii: ";"))
        let district = try csv.requireColumn(" District ")
        var seen: [(Int, String, [UInt8], String)] = []
        try csv.forEachRow { row in
            let raw = csv.withFileBytes { String(decoding: $0[row.byteRange], as: UTF8.self) }
            seen.append((row.line, row[district], row.withBytes(2) { Array($0) }, raw))
        }
        #expect(seen.map(\.0) == [2, 4])
        #expect(seen.map(\.1) == ["Noord; oost", "West"])
        #expect(seen.map(\.2) == [Array("v".utf8), Array("m\"x".utf8)])
        #expect(seen.map(\.3) == ["1;\"Noord; oost\";v", "2;West;\"m\"\"x\""])
        #expect(csv.rowCount == 2)
    }

    @Test func requireColumnNamesTheColumns() throws {
        let csv = try CSVStream(bytes: Array("id,a\n1,2\n".utf8), source: "r.csv")
        let e = #expect(throws: KleroterionError.self) { try csv.requireColumn("birth_date") }
        #expect(e?.description == "r.csv:1: column 'birth_date': there is no column 'birth_date'; the columns are: id, a\nFix: add the column to the header, or name an existing column")
    }

    @Test func headerOnlyMayBeAllowed() throws {
        let csv = try CSVStream(bytes: Array("id,a\n".utf8), source: "r.csv")
        var n = 0
        try csv.forEachRow(allowNoRows: true) { _ in n += 1 }
        #expect(n == 0)
    }

    @Test func errorsUseHeaderNamesAndStopTheStream() throws {
        let csv = try CSVStream(bytes: Array("id,a,b\n1,2,3\n4,\"5\"x,6\n7,8,9\n".utf8), source: "r.csv")
        var lines: [Int] = []
        let e = #expect(throws: KleroterionError.self) { try csv.forEachRow { lines.append($0.line) } }
        #expect(lines == [2])
        #expect(e?.line == 3)
        #expect(e?.column == "a")
    }

    @Test func largeFileStreamsAndMatchesTheTableReader() throws {
        // 200,000 rows (~7 MB) over a mapped file: streaming and the table reader agree row for row.
        var text = "id,address,district\n"
        for i in 0..<200_000 {
            text += i % 4 == 0 ? "\(i),\"Kerkstraat \(i % 97), achter\",D\(i % 7)\n" : "\(i),Laan \(i % 89),D\(i % 7)\r\n"
        }
        let path = try file(text)
        let csv = try CSVStream(path: path)
        var count = 0, lastLine = 0, commas = 0
        try csv.forEachRow { row in
            count += 1
            lastLine = row.line
            commas += row.withBytes(1) { $0.contains(UInt8(ascii: ",")) ? 1 : 0 }
        }
        #expect(count == 200_000)
        #expect(lastLine == 200_001)
        #expect(commas == 50_000)
        let table = try CSVReader.read(path: path)
        #expect(table.rows.count == 200_000)
        #expect(table.rows[4] == ["4", "Kerkstraat 4, achter", "D4"])
    }
}

@Suite struct CSVStreamHeaderLineTests {
    @Test func headerAfterBlankLinesIsReportedOnItsLine() throws {
        let csv = try CSVStream(bytes: Array("\n\r\nid;a\n1;2\n".utf8), source: "r.csv")
        #expect(csv.headerLine == 3)
        #expect(csv.delimiter == UInt8(ascii: ";"))
        let e = #expect(throws: KleroterionError.self) { try csv.requireColumn("gender") }
        #expect(e?.line == 3)
    }
}
