/// The keys of one published text (`announcement.md`, `relaxation.md`, …), with a table of words per language.
///
/// A conformer gives one dictionary per language; `table(_:)` picks the one of a language. Placeholders are `{0}`,
/// `{1}`, …. A test checks that every key has a text in every language and that the Dutch and German tables hold
/// none of the English words a reader would stumble over.
public protocol TextTableKey: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    static var dutch: [Self: String] { get }
    static var english: [Self: String] { get }
    static var german: [Self: String] { get }
}

extension TextTableKey {
    /// The whole table of one language.
    public static func table(_ language: ReportLanguage) -> [Self: String] {
        switch language {
        case .nl: return dutch
        case .en: return english
        case .de: return german
        }
    }
}

/// Looks up and fills in the words of one published text in one language, with the figures in that language's
/// format (`ReportFormat`: `6.500` and `27,3%` in Dutch).
public struct TextTable<Key: TextTableKey>: Sendable {
    public let language: ReportLanguage
    public let format: ReportFormat
    private let table: [Key: String]

    public init(_ language: ReportLanguage) {
        self.language = language
        self.format = ReportFormat(language)
        self.table = Key.table(language)
    }

    /// The text for `key` with `{0}`, `{1}`, … replaced by `arguments`.
    public func callAsFunction(_ key: Key, _ arguments: String...) -> String {
        var text = table[key] ?? key.rawValue
        for (i, a) in arguments.enumerated() { text = text.replacingOccurrences(of: "{\(i)}", with: a) }
        return text
    }

    /// `n` with the singular or the plural text, e.g. `1 zetel` / `3 zetels`.
    public func counted(_ n: Int, one: Key, many: Key) -> String {
        self(n == 1 ? one : many, format.count(n))
    }
}
