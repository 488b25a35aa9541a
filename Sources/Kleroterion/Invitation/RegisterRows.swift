/// Reads the population register row by row, in two passes, through `CSVStream` (memory-mapped, byte-level).
///
/// The invitation lottery never needs the whole register at once: pass 1 (`scan`) looks at a few fields of every
/// row, pass 2 (`copy`) takes out the rows that got a letter. Everything that reads the register goes through
/// this type.
struct RegisterRows {
    let path: String

    /// Opens the register, lets `prepare` find its columns, then calls `row` with every data row and its
    /// 0-based row number.
    func scan(prepare: (CSVStream) throws -> Void, row: (_ index: Int, _ record: CSVRecord) throws -> Void) throws {
        let stream = try CSVStream(path: path)
        try prepare(stream)
        var index = 0
        try stream.forEachRow { record in
            try row(index, record)
            index += 1
        }
    }

    /// The header and the rows whose 0-based numbers are in `rows` (ascending), as CSV bytes with `,`.
    /// Rows of a `,`-separated register are copied byte for byte (quotes and all); rows of a `;`-separated one
    /// are written again with `,`.
    func copy(rows: [Int]) throws -> [UInt8] {
        let stream = try CSVStream(path: path)
        var out = Array(CSVWriter.line(stream.header).utf8)
        var index = 0, next = 0
        let verbatim = stream.delimiter == UInt8(ascii: ",")
        try stream.withFileBytes { file in
            try stream.forEachRow { record in
                defer { index += 1 }
                guard next < rows.count && rows[next] == index else { return }
                next += 1
                if verbatim {
                    out.append(contentsOf: file[record.byteRange])
                    out.append(UInt8(ascii: "\n"))
                } else {
                    out.append(contentsOf: CSVWriter.line(record.strings).utf8)
                }
            }
        }
        return out
    }
}
