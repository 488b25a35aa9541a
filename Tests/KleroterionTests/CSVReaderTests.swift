import Testing
@testable import Kleroterion

@Suite struct CSVReaderTests {
    @Test func semicolonsBOMAndCRLF() throws {
        let t = try CSVReader.parse([0xEF, 0xBB, 0xBF] + Array("id; gender \r\n1;v\r\n2;m\r\n".utf8), source: "p.csv")
        #expect(t.header == ["id", "gender"])
        #expect(t.rows == [["1", "v"], ["2", "m"]])
        #expect(t.delimiter == UInt8(ascii: ";"))
    }

    @Test func quotedFieldsWithDelimitersQuotesAndNewlines() throws {
        let t = try parseCSV("id,address\n1,\"Kerkstraat 1, Zeist\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,x\n")
        #expect(t.rows.map { $0[1] } == ["Kerkstraat 1, Zeist", "say \"hi\"", "two\nlines", "x"])
        #expect(t.lineNumbers == [2, 3, 4, 6])
    }

    @Test func raggedRowNamesFileAndLine() throws {
        let e = #expect(throws: KleroterionError.self) { try parseCSV("id,a\n1,x\n2\n", name: "pool.csv") }
        #expect(e?.file == "pool.csv")
        #expect(e?.line == 3)
    }
}
