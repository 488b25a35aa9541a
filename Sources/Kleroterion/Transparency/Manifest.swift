import Foundation

/// The version written into every manifest and audit record.
public enum ToolVersion {
    public static let current = "0.1.0"
}

/// `manifest.json`: everything a lottery commitment fixes, published (with its hash) before the seed exists.
///
/// It names the inputs by SHA-256 only (never their contents), lists the SHA-256 of every published file of the
/// commitment, the settings, and the rule that maps a seed to a panel number. Its own SHA-256, announced in
/// `announcement.md`, pins all of it: the seed rule hashes it in, so nobody can aim a seed at a panel.
public struct Manifest: Codable, Sendable, Equatable {
    /// One input file: the name the organiser gave and the SHA-256 of its bytes.
    public struct Input: Codable, Sendable, Equatable {
        public var file: String
        public var sha256: String
        public init(file: String, sha256: String) { self.file = file; self.sha256 = sha256 }
    }

    /// The inputs: the pool and the quotas.
    public struct Inputs: Codable, Sendable, Equatable {
        public var people: Input
        public var quotas: Input
    }

    /// The settings that produced the lottery.
    public struct Settings: Codable, Sendable, Equatable {
        public var panelSize: Int
        public var panels: Int
        public var algorithm: String
        public var idColumn: String
        public var householdColumns: [String]
        public var poolSize: Int
        /// How the respondents file was read, when not as it is (`--columns`, derived age bands): `draw` and
        /// `verify --people` read it the same way. Absent in older manifests and for files read as they are.
        public var poolReading: PoolReading?
        enum CodingKeys: String, CodingKey {
            case panelSize = "panel_size", panels, algorithm, idColumn = "id_column"
            case householdColumns = "household_columns", poolSize = "pool_size", poolReading = "pool_reading"
        }
    }

    /// The column mapping and age-band derivation the pool was read with (see `PoolColumns`).
    public struct PoolReading: Codable, Sendable, Equatable {
        /// The mapping as `name=column` pairs (`--columns`), after a template's; BRP headers are recognised anyway.
        public var columns: String
        public var referenceDate: String?
        public var birthDateColumn: String
        public var unknownBirthDates: String
        enum CodingKeys: String, CodingKey {
            case columns, referenceDate = "reference_date", birthDateColumn = "birth_date_column", unknownBirthDates = "unknown_birth_dates"
        }
    }

    /// How the fair distribution was rounded to the lottery, and how far anyone's chance moved.
    public struct Rounding: Codable, Sendable, Equatable {
        public var method: String
        /// The support of the fair distribution (panels with positive probability).
        public var supportPanels: Int
        /// Distinct panels used by the lottery.
        public var distinctPanels: Int
        /// The stated bound: nobody's lottery chance differs from their optimal chance by more than this.
        public var maxChange: Double
        /// k/m, the worst case of a naive rounding, for comparison.
        public var worstCase: Double
        enum CodingKeys: String, CodingKey {
            case method, supportPanels = "support_panels", distinctPanels = "distinct_panels"
            case maxChange = "max_change", worstCase = "worst_case_k_over_m"
        }
    }

    /// The seed-to-panel rule.
    public struct DrawRule: Codable, Sendable, Equatable {
        public var name: String
        public var description: String
    }

    /// The seed's declared format and strength.
    public struct Seed: Codable, Sendable, Equatable {
        /// As given to `commit --seed-format`, e.g. `lotto:6/45`; `draw` and `verify` parse the seed under it.
        public var format: String
        /// The number of equally likely seeds (nil for free text).
        public var outcomes: Double?
        /// True when the format has fewer than 2^24 outcomes (accepted with `--allow-weak-seed`).
        public var weak: Bool
        /// For a weak format: the largest gain in one person's chance that a billion regenerated commitments could buy.
        public var grindingBound: Double?
        enum CodingKeys: String, CodingKey { case format, outcomes, weak, grindingBound = "grinding_bound" }

        /// The parsed format.
        public func parsed() throws -> SeedFormat { try SeedFormat(parsing: format) }
    }

    /// How the published pseudonyms were made and where their commitments are.
    public struct Pseudonyms: Codable, Sendable, Equatable {
        public var method: String
        /// The published file with one salted commitment per pseudonym.
        public var commitments: String
    }

    /// The committed alternates (issue #14): absent in commitments without them, which keep format
    /// `kleroterion-commitment-2` and stay byte for byte as before.
    public struct Alternates: Codable, Sendable, Equatable {
        /// Ranked alternates per panel.
        public var count: Int
        /// The rule that chose them (`LotteryAlternates.method`); `verify` recomputes them by it.
        public var method: String
        public var description: String
        /// The published files: the alternates per panel, the drop-out rate per pseudonym, the target seats per value.
        public var file: String
        public var dropoutRates: String
        public var targets: String
        /// Where the drop-out rates came from, in English words, and the rates file given to `commit` (nil: the default rate).
        public var ratesSource: String
        public var ratesInput: Input?
        /// The same source with its figures, for the report's words in its language (absent in older manifests).
        public var ratesModel: DropoutSource? = nil
        enum CodingKeys: String, CodingKey {
            case count, method, description, file, dropoutRates = "dropout_rates", targets
            case ratesSource = "rates_source", ratesInput = "rates_input", ratesModel = "rates_model"
        }
    }

    public var format: String
    public var tool: String
    public var createdUtc: String
    public var inputs: Inputs
    public var settings: Settings
    /// SHA-256 of each published file of the commitment, by file name.
    public var files: [String: String]
    public var rounding: Rounding
    public var drawRule: DrawRule
    /// Where and when the seed will come from, in the organisers' words.
    public var seedSource: String
    public var seed: Seed
    public var pseudonyms: Pseudonyms
    /// The committed alternates, if `commit --alternates` asked for them.
    public var alternates: Alternates?

    enum CodingKeys: String, CodingKey {
        case format, tool, createdUtc = "created_utc", inputs, settings, files, rounding
        case drawRule = "draw_rule", seedSource = "seed_source", seed, pseudonyms, alternates
    }

    /// The format of a commitment without alternates (unchanged since before alternates could be committed).
    public static let formatName = "kleroterion-commitment-2"
    /// The format of a commitment with alternates: a version that knows only format 2 refuses it rather than
    /// verify it without checking the alternates.
    public static let formatWithAlternates = "kleroterion-commitment-3"
    public static let knownFormats = [formatName, formatWithAlternates]

    /// The JSON text, with sorted keys and snake_case names (explicit coding keys) so that it is stable and easy to read in any language.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// Reads a manifest; `source` names the file in errors.
    public static func parse(_ data: Data, source: String) throws -> Manifest {
        let decoder = JSONDecoder()
        // An older format is named as such, before its missing fields could make it look broken.
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let format = object["format"] as? String,
           !knownFormats.contains(format) {
            throw KleroterionError(file: source, "this manifest has format '\(format)', not '\(formatName)' or '\(formatWithAlternates)'",
                                   fix: "use the Kleroterion version named in the manifest ('\(object["tool"] as? String ?? "?")')")
        }
        do {
            let manifest = try decoder.decode(Manifest.self, from: data)
            // The format says whether there are alternates to check, so that dropping them from a manifest shows.
            guard manifest.format == (manifest.alternates == nil ? formatName : formatWithAlternates) else {
                throw KleroterionError(file: source, manifest.alternates == nil
                                       ? "this manifest has format '\(manifest.format)' but lists no alternates"
                                       : "this manifest lists alternates but has format '\(manifest.format)', not '\(formatWithAlternates)'",
                                       fix: "use the manifest.json exactly as `kleroterion commit` wrote it")
            }
            return manifest
        } catch let error as KleroterionError {
            throw error
        } catch {
            throw KleroterionError(file: source, "the manifest is not a valid Kleroterion manifest (\(error.localizedDescription))",
                                   fix: "use the manifest.json exactly as `kleroterion commit` wrote it")
        }
    }
}
