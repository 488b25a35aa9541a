/// Writes CSV text: fields are quoted only when they must be (delimiter, quote, CR or LF inside).
public enum CSVWriter {
    /// One CSV document with a header and rows, LF line ends.
    public static func document(header: [String], rows: [[String]], delimiter: Character = ",") -> String {
        var out = line(header, delimiter: delimiter)
        for row in rows { out += line(row, delimiter: delimiter) }
        return out
    }

    /// One record followed by `\n`.
    public static func line(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map { escape($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\n"
    }

    /// The field as it must appear in a CSV file.
    public static func escape(_ field: String, delimiter: Character = ",") -> String {
        let needsQuotes = field.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
