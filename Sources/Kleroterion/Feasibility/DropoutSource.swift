/// Where a drop-out model's rates came from, with its figures and file name (issue #15): the report's section
/// "After drop-outs" says it in the report's language (`text(_:)`); the manifest's `rates_source` and
/// `DropoutModel.summary` keep the English sentence (`text(.en)`), as before.
public enum DropoutSource: Sendable, Equatable {
    /// The same rate for everybody (no rates file).
    case uniform(rate: Double)
    /// `feature,value,dropout_rate`: the base rate and the features whose values have a rate (`DropoutModel`'s product).
    case perFeature(base: Double, features: [String], file: String)
    /// `id,dropout_rate`: how many respondents the file lists, and the rate of the others.
    case perRespondent(file: String, listed: Int, others: Double)
    /// As an older report.json or manifest wrote it (a sentence, shown as written).
    case text(String)

    /// The source in `language`.
    public func text(_ language: ReportLanguage) -> String {
        let w = TextTable<DropoutSourceKey>(language)
        let percent = { (x: Double) in language == .en ? DropoutModel.percent(x) : DropoutModel.percent(x).replacingOccurrences(of: ".", with: ",") }
        switch self {
        case .uniform(let rate): return w(.uniform, percent(rate))
        case .perFeature(let base, let features, let file):
            return features.isEmpty ? w(.perFeatureNone, percent(base), file) : w(.perFeature, percent(base), features.joined(separator: ", "), file)
        case .perRespondent(let file, let listed, let others): return w(.perRespondent, file, "\(listed)", percent(others))
        case .text(let sentence): return sentence
        }
    }

    /// The same source with every name from the user (features, file, sentence) passed through `escape`.
    func map(_ escape: (String) -> String) -> DropoutSource {
        switch self {
        case .uniform: return self
        case .perFeature(let base, let features, let file): return .perFeature(base: base, features: features.map(escape), file: escape(file))
        case .perRespondent(let file, let listed, let others): return .perRespondent(file: escape(file), listed: listed, others: others)
        case .text(let sentence): return .text(escape(sentence))
        }
    }
}

extension DropoutSource: Codable {
    /// Flat objects, `{"kind": "per_feature", "base": 0.1, …}`, the same in manifest.json and report.json (one-word keys).
    private enum Key: String, CodingKey { case kind, rate, base, features, file, listed, others, text }

    public init(from decoder: any Decoder) throws {
        if let sentence = try? decoder.singleValueContainer().decode(String.self) { self = .text(sentence); return }
        let c = try decoder.container(keyedBy: Key.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "uniform": self = .uniform(rate: try c.decode(Double.self, forKey: .rate))
        case "per_feature":
            self = .perFeature(base: try c.decode(Double.self, forKey: .base), features: try c.decode([String].self, forKey: .features),
                               file: try c.decode(String.self, forKey: .file))
        case "per_respondent":
            self = .perRespondent(file: try c.decode(String.self, forKey: .file), listed: try c.decode(Int.self, forKey: .listed),
                                  others: try c.decode(Double.self, forKey: .others))
        case "text": self = .text(try c.decode(String.self, forKey: .text))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown kind of drop-out rates '\(other)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .uniform(let rate): try c.encode("uniform", forKey: .kind); try c.encode(rate, forKey: .rate)
        case .perFeature(let base, let features, let file):
            try c.encode("per_feature", forKey: .kind); try c.encode(base, forKey: .base); try c.encode(features, forKey: .features)
            try c.encode(file, forKey: .file)
        case .perRespondent(let file, let listed, let others):
            try c.encode("per_respondent", forKey: .kind); try c.encode(file, forKey: .file); try c.encode(listed, forKey: .listed)
            try c.encode(others, forKey: .others)
        case .text(let sentence): try c.encode("text", forKey: .kind); try c.encode(sentence, forKey: .text)
        }
    }
}

/// The words of `DropoutSource`, per language (see `TextTableKey`). The English texts are the sentences
/// `DropoutModel.summary` always was.
public enum DropoutSourceKey: String, TextTableKey {
    case uniform, perFeature, perFeatureNone, perRespondent

    public static let english: [DropoutSourceKey: String] = [
        .uniform: "{0} for everybody (the default)",
        .perFeature: "base {0}, relative risks per value of {1} from {2}, multiplied",
        .perFeatureNone: "base {0}, relative risks per value of no feature from {1}, multiplied",
        .perRespondent: "per respondent from {0} ({1} listed; the others {2})",
    ]

    public static let dutch: [DropoutSourceKey: String] = [
        .uniform: "{0} voor iedereen (de standaardwaarde)",
        .perFeature: "{0} als basis, per waarde van {1} hoger of lager volgens {2} (de factoren met elkaar vermenigvuldigd)",
        .perFeatureNone: "{0} voor iedereen, uit {1} (zonder kenmerken)",
        .perRespondent: "per aanmelder uit {0} ({1} genoemd; voor de anderen {2})",
    ]

    public static let german: [DropoutSourceKey: String] = [
        .uniform: "{0} für alle (der Standardwert)",
        .perFeature: "{0} als Grundwert, je Wert von {1} höher oder niedriger nach {2} (die Faktoren miteinander multipliziert)",
        .perFeatureNone: "{0} für alle, aus {1} (ohne Merkmale)",
        .perRespondent: "je Angemeldetem aus {0} ({1} genannt; für die anderen {2})",
    ]
}
