/// A CSV file read into memory: a header and rows of text fields.
///
/// Header names are trimmed. Every row remembers the physical line it starts on, so that
/// errors can point at it.
public struct Table: Sendable {
    /// The file name as the user gave it, used in error messages.
    public var source: String
    /// Column names, trimmed of surrounding white space.
    public var header: [String]
    /// The data rows; every row has exactly `header.count` fields.
    public var rows: [[String]]
    /// The 1-based physical line on which each row starts.
    public var lineNumbers: [Int]
    /// The field delimiter that was detected (`,` or `;`), kept so outputs can use the same one.
    public var delimiter: UInt8

    public init(source: String, header: [String], rows: [[String]], lineNumbers: [Int], delimiter: UInt8 = UInt8(ascii: ",")) {
        self.source = source
        self.header = header
        self.rows = rows
        self.lineNumbers = lineNumbers
        self.delimiter = delimiter
    }

    /// The index of the column named `name` (trimmed, case-insensitive), or `nil`.
    public func columnIndex(_ name: String) -> Int? {
        let wanted = name.trimmingSpaces().lowercased()
        return header.firstIndex { $0.lowercased() == wanted }
    }

    /// The index of the column named `name`, or an error that lists the columns there are.
    public func requireColumn(_ name: String, purpose: String? = nil) throws -> Int {
        if let i = columnIndex(name) { return i }
        let why = purpose.map { " (\($0))" } ?? ""
        throw KleroterionError(file: source, line: 1, column: name.trimmingSpaces(), "there is no column '\(name)'\(why); the columns are: \(header.joined(separator: ", "))",
                               fix: "add the column to the header, or name an existing column")
    }
}

extension String {
    /// Trims spaces, tabs and other Unicode white space (not only ASCII), as spreadsheet exports need.
    public func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
