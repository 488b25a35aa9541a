/// The readers' names of features and values, per language: `Leeftijd` for the column `age_band`, `hoog` → `high`.
///
/// They come from a strata template (`label:` and `value_labels:`), travel in the quotas file that `quotas` writes
/// (columns `feature_label` and `value_label`, e.g. `nl=Leeftijd|en=Age|de=Alter`), and are used by every
/// published text. The column names in CSV files never change; only what a reader sees does. Without a label a
/// feature keeps its column name and a value stays as written, except for `age_band`, the column Kleroterion derives
/// itself, which always reads as "Leeftijd" / "Age" / "Alter".
public struct FeatureLabels: Sendable, Equatable {
    /// Feature (match key) → language code → label.
    public var features: [String: [String: String]] = [:]
    /// Feature and value (match keys, see `key`) → language code → label.
    public var values: [String: [String: String]] = [:]

    /// Whether `age_band` reads as "Leeftijd" / "Age" / "Alter" when nothing else names it (false: the column name).
    public var namesDerivedAge = true
    /// Whether every name is returned as inert Markdown (`PublishedText.escapeMarkdown`): names come from input
    /// files, while the sentences around them are Kleroterion's own and stay as written.
    public var escapesMarkdown = false

    public init() {}

    /// No labels at all (column names and values as written, `age_band` excepted).
    public static let none = FeatureLabels()

    /// Column names and values exactly as written, `age_band` included: the console's and error messages' form.
    public static let raw: FeatureLabels = { var l = FeatureLabels(); l.namesDerivedAge = false; return l }()

    /// The labels of the derived age column, used when nothing else names it.
    public static let ageBand: [String: String] = ["nl": "Leeftijd", "en": "Age", "de": "Alter"]

    /// The labels the quotas carry (`feature_label` and `value_label` columns).
    public init(quotas: QuotaSet) {
        for q in quotas.quotas {
            if !q.featureLabels.isEmpty { features[QuotaSet.matchKey(q.feature)] = q.featureLabels }
            if !q.valueLabels.isEmpty { values[Self.key(q.feature, q.value)] = q.valueLabels }
        }
    }

    /// The labels of a template's features and values.
    public init(template: StrataTemplate) {
        for f in template.features {
            if !f.labels.isEmpty { features[QuotaSet.matchKey(f.name)] = f.labels }
            for (value, labels) in f.valueLabels where !labels.isEmpty { values[Self.key(f.name, value)] = labels }
        }
    }

    /// The same labels, every name escaped for Markdown (for the published `.md` texts).
    public func escapingMarkdown() -> FeatureLabels {
        var copy = self
        copy.escapesMarkdown = true
        return copy
    }

    private func out(_ name: String) -> String { escapesMarkdown ? PublishedText.escapeMarkdown(name) : name }

    static func key(_ feature: String, _ value: String) -> String {
        QuotaSet.matchKey(feature) + "\u{1F}" + QuotaSet.matchKey(value)
    }

    /// A plain feature's name (one part of a combination).
    func part(_ name: String, _ language: ReportLanguage) -> String {
        let key = QuotaSet.matchKey(name)
        if let label = features[key]?[language.rawValue] { return out(label) }
        if namesDerivedAge && key == AgeBand.column { return Self.ageBand[language.rawValue] ?? out(name) }
        return out(name)
    }

    /// A plain feature's value (one part of a combination's value).
    func partValue(_ value: String, of feature: String, _ language: ReportLanguage) -> String {
        out(values[Self.key(feature, value)]?[language.rawValue] ?? value)
    }

    /// The feature's name for readers; a combination `gender&age_band` as `Geslacht & Leeftijd`.
    public func feature(_ name: String, _ language: ReportLanguage) -> String {
        if let label = features[QuotaSet.matchKey(name)]?[language.rawValue] { return out(label) }
        let parts = QuotaSet.combinationParts(name)
        return parts.count > 1 ? parts.map { part($0, language) }.joined(separator: " & ") : part(name, language)
    }

    /// The value for readers; a combination's `vrouw&16-24` as `vrouw & 16-24`, its catch-all row in words.
    public func value(_ value: String, of feature: String, _ language: ReportLanguage) -> String {
        let parts = QuotaSet.combinationParts(feature)
        guard parts.count > 1 else { return partValue(value, of: feature, language) }
        if value == SelectionProblem.otherCombination { return Self.otherCombination[language.rawValue] ?? value }
        let values = QuotaSet.combinationParts(value)
        guard values.count == parts.count else { return out(value) }
        return zip(parts, values).map { partValue($1, of: $0, language) }.joined(separator: " & ")
    }

    /// A quota's value with its feature, as in "Leeftijd 16-24" or "(Geslacht vrouw & Leeftijd 16-24)"; in English
    /// with `.raw` labels exactly `SelectionProblem.label`'s form.
    public func quotaValue(_ value: String, of feature: String, _ language: ReportLanguage) -> String {
        let parts = QuotaSet.combinationParts(feature)
        guard parts.count > 1 else { return part(feature, language) + " " + partValue(value, of: feature, language) }
        if value == SelectionProblem.otherCombination {
            return "(" + parts.map { part($0, language) }.joined(separator: " & ") + "): " + (Self.otherCombination[language.rawValue] ?? value)
        }
        let values = QuotaSet.combinationParts(value)
        guard values.count == parts.count else { return out(feature) + " " + out(value) }
        return "(" + zip(parts, values).map { part($0, language) + " " + partValue($1, of: $0, language) }.joined(separator: " & ") + ")"
    }

    static let otherCombination = ["nl": "elke andere combinatie", "en": SelectionProblem.otherCombination, "de": "jede andere Kombination"]
}
