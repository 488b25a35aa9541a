import Foundation

/// Everything the published account of a draw says, as figures: the one model that `report.json` stores and
/// that the Markdown and HTML renderers read. It is language-free; the words come from `ReportStrings`.
///
/// It holds aggregates only (counts, shares, chances summarised), never names, addresses or ids, so that it can be
/// published as it is.
public struct RepresentativenessReport: Codable, Sendable, Equatable {
    /// Bumped when a field changes meaning, so that old `report.json` files are recognised.
    public var formatVersion: Int
    public var panelSize: Int
    /// The public seed text, exactly as given.
    public var seed: String
    public var algorithm: String
    /// Remarks from the algorithm and the builder (e.g. a time limit that stopped the optimisation early), as kinds
    /// with figures that the renderers say in the report's language (a report.json of an older version holds
    /// sentences: they load as `.text` and are shown as written).
    public var notes: [OutcomeNote]
    /// Values are matched trimmed and case-insensitively between the pool and the quotas.
    public var valuesMatchedCaseInsensitively: Bool
    /// The file the population shares came from (name only), when not from the quotas file.
    public var populationSharesSource: String?
    public var funnel: Funnel
    public var features: [FeatureComposition]
    public var fairness: Fairness
    /// Commitment and seed source, filled by `draw` (issue 4); `nil` for a plain `select`.
    public var transparency: Transparency?
    /// The expected composition after drop-outs, without and with alternates (issue #14); `nil` unless `select`
    /// was given `--alternates` or `--dropout-rates`. Aggregates only.
    public var dropouts: DropoutOutlook?

    public init(formatVersion: Int = 1, panelSize: Int, seed: String, algorithm: String, notes: [OutcomeNote] = [],
                valuesMatchedCaseInsensitively: Bool = true, populationSharesSource: String? = nil, funnel: Funnel,
                features: [FeatureComposition], fairness: Fairness, transparency: Transparency? = nil) {
        self.formatVersion = formatVersion; self.panelSize = panelSize; self.seed = seed; self.algorithm = algorithm
        self.notes = notes; self.valuesMatchedCaseInsensitively = valuesMatchedCaseInsensitively
        self.populationSharesSource = populationSharesSource; self.funnel = funnel; self.features = features
        self.fairness = fairness; self.transparency = transparency
    }
}

/// Register → letters → respondents → panel.
public struct Funnel: Codable, Sendable, Equatable {
    /// All residents in the register (every row, of any age), when known.
    public var allResidentsCount: Int?
    /// The youngest age that could take part, when known (the register count below is of this age and older).
    public var minimumAge: Int?
    /// Residents in the register old enough to take part (the eligible population), when known.
    public var registerCount: Int?
    /// Invitation letters sent, when known.
    public var invitedCount: Int?
    /// Respondents who registered: the pool.
    public var respondentCount: Int
    public var panelCount: Int
    /// Letters per stratum, from `invite`'s report, when known.
    public var strata: [FunnelStratum]
    /// How letters were weighted, in the organisers' words (from `invite`), when known.
    public var weighting: String?
    /// With one letter per address: each resident's chance of a letter alone at an address and at the fullest one.
    public var addressChances: AddressChances?

    public init(registerCount: Int? = nil, invitedCount: Int? = nil, respondentCount: Int, panelCount: Int,
                strata: [FunnelStratum] = [], weighting: String? = nil) {
        self.registerCount = registerCount; self.invitedCount = invitedCount; self.respondentCount = respondentCount
        self.panelCount = panelCount; self.strata = strata; self.weighting = weighting
    }

    /// Respondents per letter sent, when the letters are known.
    public var responseRate: Double? {
        guard let invitedCount, invitedCount > 0 else { return nil }
        return Double(respondentCount) / Double(invitedCount)
    }
}

/// One letter per address means that a resident's chance of a letter falls with the number of residents at the
/// address: the letter goes to one of them. These are the two ends, as a reader needs them.
public struct AddressChances: Codable, Sendable, Equatable {
    /// The chance of a letter for someone who lives alone (averaged over the strata).
    public var alone: Double
    /// The most eligible residents at one address (e.g. a care home).
    public var largestAddress: Int
    /// The chance of a letter for each resident of that address.
    public var atLargestAddress: Double

    public init(alone: Double, largestAddress: Int, atLargestAddress: Double) {
        self.alone = alone; self.largestAddress = largestAddress; self.atLargestAddress = atLargestAddress
    }
}

/// One stratum of the invitation lottery.
public struct FunnelStratum: Codable, Sendable, Equatable {
    public var name: String
    public var population: Int?
    public var invited: Int?
    public var respondents: Int?
    /// The oversampling weight of the stratum (1 = proportional).
    public var weight: Double?

    public init(name: String, population: Int? = nil, invited: Int? = nil, respondents: Int? = nil, weight: Double? = nil) {
        self.name = name; self.population = population; self.invited = invited; self.respondents = respondents; self.weight = weight
    }

    public var responseRate: Double? {
        guard let invited, invited > 0, let respondents else { return nil }
        return Double(respondents) / Double(invited)
    }
}

/// One feature (e.g. age band): its values side by side, and the tests against the population.
public struct FeatureComposition: Codable, Sendable, Equatable {
    public var name: String
    public var values: [ValueComposition]
    /// The panel against the population shares; `nil` when the shares are not all known.
    public var panelTest: FitTest?
    /// The pool (respondents) against the population shares: how skewed the response was.
    public var poolTest: FitTest?
    /// The known shares of this feature add up to this (1 when complete); tests use them normalised.
    public var populationShareTotal: Double?
    /// Where the population shares came from: `register:FILE`, `shares_file:FILE`, `template:NAME`, `quotas:FILE`.
    public var sharesOrigin: String?
    /// The feature's name for readers per language, from the template (via the quotas file); empty when none.
    public var labels: [String: String]?

    public init(name: String, values: [ValueComposition], panelTest: FitTest? = nil, poolTest: FitTest? = nil, populationShareTotal: Double? = nil) {
        self.name = name; self.values = values; self.panelTest = panelTest; self.poolTest = poolTest
        self.populationShareTotal = populationShareTotal
    }
}

/// One value of a feature (e.g. age 16–24).
public struct ValueComposition: Codable, Sendable, Equatable {
    public var value: String
    public var populationShare: Double?
    public var poolCount: Int
    public var poolShare: Double
    public var quotaMin: Int
    public var quotaMax: Int
    public var panelCount: Int
    public var panelShare: Double
    /// Population share × panel size: the seats a perfectly proportional panel would give.
    public var proportionalSeats: Double?
    /// Panel seats minus proportional seats.
    public var deviation: Double?
    /// The panel count lies outside [quotaMin, quotaMax].
    public var outsideQuota: Bool
    /// The panel is more than one seat and more than 10% away from proportional (see `ReportBuilder.isFar`).
    public var farFromProportional: Bool
    /// The value's name for readers per language, from the template's `value_labels:` (via the quotas file);
    /// nil when the value reads as written.
    public var labels: [String: String]?

    public init(value: String, populationShare: Double?, poolCount: Int, poolShare: Double, quotaMin: Int, quotaMax: Int,
                panelCount: Int, panelShare: Double, proportionalSeats: Double?, deviation: Double?,
                outsideQuota: Bool, farFromProportional: Bool) {
        self.value = value; self.populationShare = populationShare; self.poolCount = poolCount; self.poolShare = poolShare
        self.quotaMin = quotaMin; self.quotaMax = quotaMax; self.panelCount = panelCount; self.panelShare = panelShare
        self.proportionalSeats = proportionalSeats; self.deviation = deviation; self.outsideQuota = outsideQuota
        self.farFromProportional = farFromProportional
    }
}

/// How evenly the chance of selection was spread over the respondents.
public struct Fairness: Codable, Sendable, Equatable {
    public var respondentCount: Int
    /// True when the chances are estimated from repeated draws (legacy), not exact.
    public var isEstimate: Bool
    public var estimateRuns: Int?
    public var minimum: Double
    public var maximum: Double
    public var mean: Double
    public var gini: Double
    /// Respondents whose chance equals the minimum (within 1e-9).
    public var atMinimum: Int
    /// The largest standard error of an estimated chance.
    public var largestStandardError: Double?
    /// Panels with positive probability in the distribution (fair algorithms).
    public var panelsInDistribution: Int?
    public var histogram: [HistogramBin]
    /// Respondents certain to be chosen (chance 1), and the small groups that explain why; nil when none are.
    public var certain: CertainSelection?

    public init(respondentCount: Int, isEstimate: Bool, estimateRuns: Int?, minimum: Double, maximum: Double, mean: Double,
                gini: Double, atMinimum: Int, largestStandardError: Double?, panelsInDistribution: Int?, histogram: [HistogramBin]) {
        self.respondentCount = respondentCount; self.isEstimate = isEstimate; self.estimateRuns = estimateRuns
        self.minimum = minimum; self.maximum = maximum; self.mean = mean; self.gini = gini; self.atMinimum = atMinimum
        self.largestStandardError = largestStandardError; self.panelsInDistribution = panelsInDistribution; self.histogram = histogram
    }
}

/// Why some respondents were certain to be chosen: their group is so small that the quota needs every one of them.
/// It names groups, never persons.
public struct CertainSelection: Codable, Sendable, Equatable {
    /// One feature value whose quota minimum is at least the number of respondents with that value.
    public struct Group: Codable, Sendable, Equatable {
        public var feature: String
        public var value: String
        /// Respondents with this value.
        public var respondents: Int
        /// The quota's minimum for this value.
        public var quotaMin: Int
        public init(feature: String, value: String, respondents: Int, quotaMin: Int) {
            self.feature = feature; self.value = value; self.respondents = respondents; self.quotaMin = quotaMin
        }
    }
    /// How many respondents had a chance of 1.
    public var count: Int
    public var groups: [Group]
    /// Of them, how many are in none of these groups (their certainty comes from several quotas together).
    public var unexplained: Int

    public init(count: Int, groups: [Group], unexplained: Int) { self.count = count; self.groups = groups; self.unexplained = unexplained }
}

/// How the draw can be checked: filled by `kleroterion draw` from a commitment (issue 4).
public struct Transparency: Codable, Sendable, Equatable {
    /// Where the seed came from, in words (e.g. "Lotto draw of 14 March 2026, numbers 3 17 22 31 40 41").
    public var seedSource: String?
    /// When the commitment was published, as written in the manifest.
    public var committedAt: String?
    /// SHA-256 of each committed file (pool, quotas, lottery table, manifest…).
    public var hashes: [CommittedHash]
    /// The number of equally likely panels in the committed lottery.
    public var lotteryPanels: Int?
    /// The panel number the seed selected (1…lotteryPanels).
    public var panelNumber: Int?
    /// The command anyone can run to check the draw.
    public var verifyCommand: String?

    public init(seedSource: String? = nil, committedAt: String? = nil, hashes: [CommittedHash] = [], lotteryPanels: Int? = nil,
                panelNumber: Int? = nil, verifyCommand: String? = nil) {
        self.seedSource = seedSource; self.committedAt = committedAt; self.hashes = hashes; self.lotteryPanels = lotteryPanels
        self.panelNumber = panelNumber; self.verifyCommand = verifyCommand
    }
}

/// A file and its SHA-256 (hex), as committed before the seed was known.
public struct CommittedHash: Codable, Sendable, Equatable {
    public var file: String
    public var sha256: String
    public init(file: String, sha256: String) { self.file = file; self.sha256 = sha256 }
}

extension RepresentativenessReport {
    /// `report.json`: pretty-printed, keys sorted and in snake_case, so that it diffs well and is stable.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = try encoder.encode(self)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads a `report.json`.
    public static func load(path: String) throws -> RepresentativenessReport {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KleroterionError(file: path, "the report model cannot be read",
                                   fix: "give the folder a draw was written to (it holds report.json), or run `kleroterion select` again")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            let report = try decoder.decode(RepresentativenessReport.self, from: data)
            guard report.formatVersion == 1 else {
                throw KleroterionError(file: path, "report.json has format version \(report.formatVersion), this Kleroterion reads version 1",
                                       fix: "use the Kleroterion version that wrote it, or run the draw again")
            }
            return report
        } catch let error as KleroterionError {
            throw error
        } catch {
            throw KleroterionError(file: path, "report.json is not a Kleroterion report (\(error.localizedDescription))",
                                   fix: "do not edit report.json by hand; run the draw again to recreate it")
        }
    }
}
