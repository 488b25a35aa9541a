import Foundation
import Yams

/// A strata template: the features a panel is balanced on, and where each feature's population shares come from.
///
/// Templates live in `strata-templates/*.yaml` (see the README there). Each feature takes its shares `from`:
/// - `birth_date`: ages at the reference date, counted over the register and grouped into `bands`;
/// - `register`: the values of a register column (`column`, default the feature's name), counted over the register;
/// - `shares_file`: a shares file given with `--shares` (for what a register does not hold, such as education);
/// - `template`: shares and/or fixed seats written in the template itself, with their source;
/// - `unpublished`: a criterion the assembly balanced on whose numbers (or categories) were never published. It is
///   left out of the quotas, with a note, unless a `--shares` file gives its shares. Nothing is guessed for it.
public struct StrataTemplate: Sendable {
    /// Where a feature's shares come from.
    public enum Origin: String, Sendable, Decodable {
        case birthDate = "birth_date"
        case register
        case sharesFile = "shares_file"
        case template
        case unpublished
    }

    /// What a template records about the real assembly it comes from (all as the sources write it; optional).
    public struct Assembly: Sendable, Decodable, Equatable {
        public var seats: String?
        public var invitations: String?
        public var registrations: String?
        public var year: String?
    }

    /// One value of a feature as the template lists it.
    public struct Value: Sendable, Equatable {
        public var value: String
        /// The population share (0…1), when the template gives it.
        public var share: Double?
        /// Fixed seats from the source, which replace the derived band (e.g. a deliberate over-representation).
        public var min: Int?
        public var max: Int?
        public var note: String?
    }

    /// One feature of the template.
    public struct Feature: Sendable {
        public var name: String
        public var from: Origin
        /// The register column (`birth_date` and `register` features).
        public var column: String?
        /// The age bands (`birth_date` features).
        public var bands: AgeBands?
        /// The values, in output order; empty means "as found in the register or the shares file".
        public var values: [Value]
        /// What the values mean, e.g. the CBS definition of education levels.
        public var definition: String?
        /// Where the numbers come from.
        public var source: String?
        /// The feature's name for readers, per language code (`nl`, `en`, `de`), e.g. `{nl: Leeftijd}`.
        public var labels: [String: String] = [:]
        /// The values' names for readers where a value is a code or a word of one language only: value → language
        /// code → label, e.g. `{hoog: {en: high, de: hoch}}` (from `value_labels:`).
        public var valueLabels: [String: [String: String]] = [:]
        /// Why the numbers are missing, for `unpublished` features.
        public var note: String?

        /// The feature's name for readers in `language`, falling back to English, then the column name.
        public func label(_ language: String) -> String { labels[language] ?? labels["en"] ?? name }

        /// The values the template fixes: its listed values, or the age bands' labels.
        public var listedValues: [String] { values.isEmpty ? (bands?.labels ?? []) : values.map(\.value) }
    }

    public var name: String
    /// The title in English (`title:`), and in other languages (`titles: {nl: …, de: …}`).
    public var title: String?
    public var titles: [String: String] = [:]
    /// Youngest age counted when ages are used (overridden by `--min-age`); default: the youngest band.
    public var minAge: Int?
    /// The panel size that fixed seats in this template were set for.
    public var panelSize: Int?
    public var features: [Feature]
    /// The real assembly the template describes, when it describes one.
    public var assembly: Assembly?
    /// The published sources the template's criteria and numbers come from (URLs as found).
    public var sources: [String]
    /// A municipality's own column names: canonical name → the register's header (`columns: {gender: geslacht}`).
    public var columns: [(canonical: String, header: String)] = []
    /// The file it was read from.
    public var path: String

    /// The title for readers in `language`, falling back to the English title, then the name.
    public func title(_ language: String) -> String { titles[language] ?? title ?? name }

    /// The template's `columns:` block as column-mapping pairs.
    public var columnPairs: [(canonical: String, header: String, origin: String)] {
        columns.map { ($0.canonical, $0.header, Self.columnsOrigin) }
    }

    /// The origin of a rename a template's `columns:` block asks for (error messages name it).
    public static let columnsOrigin = "the template's columns:"

    /// Reads and checks a template file.
    public static func load(path: String) throws -> StrataTemplate {
        guard let text = String(data: try InputFile.read(path), encoding: .utf8) else {
            throw KleroterionError(file: path, "the template cannot be read", fix: "check the path, or name a template in strata-templates/")
        }
        return try parse(yaml: text, path: path)
    }

    /// Parses template YAML; `path` names it in error messages.
    public static func parse(yaml: String, path: String) throws -> StrataTemplate {
        let raw: RawTemplate
        do {
            raw = try YAMLDecoder().decode(RawTemplate.self, from: yaml)
        } catch let error as DecodingError {
            throw KleroterionError(file: path, "the template does not have the expected form: \(describe(error))",
                                   fix: "compare it with strata-templates/nl-gemeente.yaml and strata-templates/README.md")
        } catch {
            throw KleroterionError(file: path, "the template is not valid YAML: \(error)", fix: "correct the YAML (indentation, quotes, colons)")
        }
        return try raw.checked(path: path)
    }

    /// Finds a template by path, or by name (`nl-gemeente`) in the given folders as `NAME.yaml`.
    public static func locate(_ nameOrPath: String, in directories: [String]) throws -> String {
        let fm = FileManager.default
        if fm.fileExists(atPath: nameOrPath) && !nameOrPath.hasSuffix("/") { return nameOrPath }
        let file = nameOrPath.hasSuffix(".yaml") ? nameOrPath : nameOrPath + ".yaml"
        for dir in directories {
            // A name, or a path written relative to the repository (strata-templates/x.yaml) run from elsewhere.
            for name in [file, (file as NSString).lastPathComponent] {
                let candidate = (dir as NSString).appendingPathComponent(name)
                if fm.fileExists(atPath: candidate) { return candidate }
            }
        }
        let known = directories.flatMap { (try? fm.contentsOfDirectory(atPath: $0)) ?? [] }
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
        let choices = Array(Set(known)).sorted()
        throw KleroterionError("there is no template '\(nameOrPath)' (looked in: \(directories.joined(separator: ", ")))",
                               fix: choices.isEmpty ? "give the path of a template file" : "choose one of: \(choices.joined(separator: ", ")), or give a file path")
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0 + 1)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let ctx): return "'\(key.stringValue)' is missing" + (ctx.codingPath.isEmpty ? "" : " in \(path(ctx.codingPath))")
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx): return "\(path(ctx.codingPath)): \(ctx.debugDescription)"
        case .dataCorrupted(let ctx): return (ctx.codingPath.isEmpty ? "" : path(ctx.codingPath) + ": ") + ctx.debugDescription
        @unknown default: return "\(error)"
        }
    }
}

// MARK: - The YAML as written, before checking

private struct RawTemplate: Decodable {
    var name: String
    var title: String?
    var titles: [String: String]?
    var min_age: Int?
    var panel_size: Int?
    var features: [RawFeature]
    var assembly: StrataTemplate.Assembly?
    var sources: [String]?
    var columns: [String: String]?

    func checked(path: String) throws -> StrataTemplate {
        func fail(_ message: String, _ fix: String) -> KleroterionError { KleroterionError(file: path, message, fix: fix) }
        guard !features.isEmpty else { throw fail("the template lists no features", "add a 'features:' list") }
        var seen = Set<String>()
        var result: [StrataTemplate.Feature] = []
        for f in features {
            let name = f.name.trimmingSpaces()
            guard !name.isEmpty else { throw fail("a feature has an empty name", "give every feature a name") }
            guard seen.insert(QuotaSet.matchKey(name)).inserted else { throw fail("the feature '\(name)' appears twice", "keep one entry per feature") }
            var bands: AgeBands?
            if f.from == .birthDate {
                guard let labels = f.bands, !labels.isEmpty else {
                    throw fail("the feature '\(name)' takes ages from the birth date but lists no 'bands'", "add bands: [16-24, 25-34, …, 75+]")
                }
                do { bands = try AgeBands(labels: labels) } catch var e as KleroterionError { e.file = path; throw e }
            }
            let values = f.values ?? []
            for v in values {
                if let lo = v.min, let hi = v.max, lo > hi {
                    throw fail("\(name) = \(v.value): min \(lo) is larger than max \(hi)", "make min at most max")
                }
                if (v.min == nil) != (v.max == nil) {
                    throw fail("\(name) = \(v.value) gives only one of min and max", "give both min and max, or neither")
                }
                if f.from == .template && v.share == nil && v.min == nil {
                    throw fail("\(name) = \(v.value) has neither a share nor fixed seats", "give 'share' (from a cited source) or 'min' and 'max', or leave the value out")
                }
            }
            if f.from == .unpublished && values.contains(where: { $0.share != nil || $0.min != nil }) {
                throw fail("the feature '\(name)' is marked unpublished but gives numbers", "use 'from: template' for numbers from a source, or remove them")
            }
            if f.from == .template && values.isEmpty {
                throw fail("the feature '\(name)' takes its shares from the template but lists no values", "list the values with their shares")
            }
            var feature = StrataTemplate.Feature(name: name, from: f.from,
                                                 column: f.column ?? (f.from == .birthDate ? "birth_date" : f.from == .register ? name : nil),
                                                 bands: bands, values: values, definition: f.definition, source: f.source,
                                                 labels: f.label ?? [:], note: f.note)
            feature.valueLabels = (f.value_labels ?? [:]).mapValues { labels in labels.mapValues { $0.trimmingSpaces() } }
            for (value, labels) in feature.valueLabels {
                if let unknown = labels.keys.first(where: { ReportLanguage(rawValue: $0) == nil }) {
                    throw fail("\(name) = \(value): the value label has the language '\(unknown)'", "use nl, en or de, e.g. {\(value): {nl: …, en: …, de: …}}")
                }
            }
            result.append(feature)
        }
        var template = StrataTemplate(name: name, title: title, minAge: min_age, panelSize: panel_size, features: result,
                                      assembly: assembly, sources: sources ?? [], path: path)
        if let unknown = (titles ?? [:]).keys.first(where: { ReportLanguage(rawValue: $0) == nil }) {
            throw fail("the title has the language '\(unknown)'", "use nl or de (the English title is 'title:'), e.g. titles: {nl: …, de: …}")
        }
        template.titles = titles ?? [:]
        template.columns = (columns ?? [:]).sorted { $0.key < $1.key }.map { (canonical: $0.key, header: $0.value) }
        return template
    }
}

private struct RawFeature: Decodable {
    var name: String
    var from: StrataTemplate.Origin
    var column: String?
    var bands: [String]?
    var values: [StrataTemplate.Value]?
    var definition: String?
    var source: String?
    var label: [String: String]?
    var value_labels: [String: [String: String]]?
    var note: String?
}

extension StrataTemplate.Value: Decodable {
    private enum Keys: String, CodingKey { case value, share, min, max, note }

    /// A value is either a plain name (`laag`) or a mapping (`{value: "16-29", share: 23.5%, min: 14, max: 15}`).
    public init(from decoder: Decoder) throws {
        if let name = try? decoder.singleValueContainer().decode(String.self) {
            self.init(value: name, share: nil, min: nil, max: nil, note: nil)
            return
        }
        let c = try decoder.container(keyedBy: Keys.self)
        var share: Double?
        if c.contains(.share) {
            if let x = try? c.decode(Double.self, forKey: .share), x >= 0, x <= 1 {
                share = x
            } else if let text = try? c.decode(String.self, forKey: .share), let x = PopulationShares.parseShare(text) {
                share = x
            } else {
                throw DecodingError.dataCorruptedError(forKey: .share, in: c, debugDescription: "a share must be a fraction (0.235) or a percentage (\"23.5%\")")
            }
        }
        self.init(value: try c.decode(String.self, forKey: .value).trimmingSpaces(), share: share,
                  min: try c.decodeIfPresent(Int.self, forKey: .min), max: try c.decodeIfPresent(Int.self, forKey: .max),
                  note: try c.decodeIfPresent(String.self, forKey: .note))
    }
}
