/// An error meant for a person, not a programmer.
///
/// Every error says *where* (file, line, column when known), *what* is wrong, and *how to fix it*.
/// The CLI prints it as one block and exits with code 2; it never shows a stack trace.
public struct KleroterionError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file the problem is in, as the user named it.
    public var file: String?
    /// 1-based physical line in that file (the line where the record starts).
    public var line: Int?
    /// The column's header name (or 1-based number when there is no header).
    public var column: String?
    /// What is wrong, in the organiser's words.
    public var message: String
    /// What to do about it.
    public var fix: String?

    public init(file: String? = nil, line: Int? = nil, column: String? = nil, _ message: String, fix: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.fix = fix
    }

    /// `file:line: column 'x': message` followed by `Fix: …` on its own line.
    public var description: String {
        var place: [String] = []
        if let file { place.append(line.map { "\(file):\($0)" } ?? file) }
        if let column { place.append("column '\(column)'") }
        let head = place.isEmpty ? message : place.joined(separator: ": ") + ": " + message
        guard let fix else { return head }
        return head + "\nFix: " + fix
    }
}
