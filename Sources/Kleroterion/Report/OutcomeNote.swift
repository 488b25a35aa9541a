/// A remark on how a draw was made (the report's "Notes", the console's remarks), as a kind with its figures, so
/// that each language says it in its own words (`text(_:labels:)`, words in `NoteKey`). `report.json` stores the
/// kind and the figures; a `report.json` written before notes had kinds holds sentences, read as `.text`.
public enum OutcomeNote: Sendable, Equatable {
    /// LEXIMIN by its relaxation route: the relaxation's stages, the cuts added, and the mix of compositions that
    /// attains it (found by column generation towards it, or by walking down its faces).
    case leximinRelaxation(stages: Int, cuts: Int, compositions: Int, byColumnGeneration: Bool)
    /// LEXIMIN by column generation over panels.
    case leximinColumnGeneration(stages: Int)
    /// MAXIMIN: the smallest chance, by the relaxation route (attained by a mix of compositions) or by column
    /// generation (proven optimal within `tolerance`).
    case maximinRelaxation(minimum: Double, compositions: Int)
    case maximinColumnGeneration(minimum: Double, tolerance: Double)
    /// NASH: how far the sum of log chances may be from the optimum (the Frank–Wolfe duality gap).
    case nash(gap: Double)
    /// The legacy method's chances, estimated from this many repeated draws.
    case legacyEstimate(draws: Int)
    /// `--time-limit` stopped the optimisation: another run may give another panel.
    case timeLimit(seconds: Double, algorithm: String)
    /// The fair distribution's size and how it was found.
    case distribution(algorithm: String, panels: Int, compositions: Int, classes: Int, pricingILPs: Int)
    /// `--robust`: the mix reweighted towards panels with slack on the quotas.
    case robust(algorithm: String, epsilon: Double, largestChange: Double, slackBefore: Double, slackAfter: Double)
    /// The drawn panel's alternates, how they were chosen, and the expected seats off quota without and with them.
    case alternates(count: Int, exact: Bool, patterns: Int, provenOptimal: Bool, seatsOffWithout: Double, seatsOffWith: Double,
                    chancesEstimated: Bool, estimatePanels: Int)
    /// `--relax` changed these quotas (the changed rows).
    case relaxed(changes: [QuotaRelaxation.Row])
    /// A committed draw: the lottery's panels, and how far rounding moved anyone's chance.
    case committedLottery(panels: Int, distinct: Int)
    case committedRounding(algorithm: String, largestChange: Double, worstCase: Double)
    /// A committed draw's alternates: per panel, the published rule and rates, and the largest chance to be one.
    case committedAlternates(panels: Int, count: Int, file: String, rule: String, ratesFile: String, largestChance: Double)
    /// A replacement draw: who dropped out, who stayed, who took the seats, out of how many who could be drawn.
    case replacement(dropouts: Int, confirmed: Int, alternatesSeated: Int, drawn: Int, eligible: Int)
    /// A replacement that breaks these quotas (the smallest relaxation's changed rows); replacement.md says why.
    case quotasBroken(changes: [QuotaRelaxation.Row])
    /// A sentence as written (a report.json from before notes had kinds).
    case text(String)

    /// Whether the note is about the solver (stages, classes, ILPs, mixes) rather than about the draw's outcome: the
    /// console shows these only with `--verbose`; the report shows every note.
    public var isTechnical: Bool {
        switch self {
        case .leximinRelaxation, .leximinColumnGeneration, .maximinRelaxation, .maximinColumnGeneration, .nash, .distribution, .robust, .alternates:
            return true
        case .legacyEstimate, .timeLimit, .relaxed, .committedLottery, .committedRounding, .committedAlternates, .replacement, .quotasBroken, .text:
            return false
        }
    }
}

extension OutcomeNote: Codable {
    /// Flat objects, `{"kind": "leximin_relaxation", "stages": 3, …}`: readable in the published report.json.
    private enum Key: String, CodingKey {
        case kind, stages, cuts, compositions, byColumnGeneration, minimum, tolerance, gap, draws, seconds, algorithm, panels, classes
        case pricingIlps, epsilon, largestChange, slackBefore, slackAfter, count, exact, patterns, provenOptimal, seatsOffWithout
        case seatsOffWith, chancesEstimated, estimatePanels, changes, distinct, worstCase, file, rule, ratesFile, largestChance
        case dropouts, confirmed, alternatesSeated, drawn, eligible, text
    }

    public init(from decoder: any Decoder) throws {
        // An older report.json holds each note as a sentence.
        if let sentence = try? decoder.singleValueContainer().decode(String.self) { self = .text(sentence); return }
        let c = try decoder.container(keyedBy: Key.self)
        func int(_ k: Key) throws -> Int { try c.decode(Int.self, forKey: k) }
        func double(_ k: Key) throws -> Double { try c.decode(Double.self, forKey: k) }
        func bool(_ k: Key) throws -> Bool { try c.decode(Bool.self, forKey: k) }
        func string(_ k: Key) throws -> String { try c.decode(String.self, forKey: k) }
        func rows() throws -> [QuotaRelaxation.Row] { try c.decode([QuotaRelaxation.Row].self, forKey: .changes) }
        switch try string(.kind) {
        case "leximin_relaxation":
            self = .leximinRelaxation(stages: try int(.stages), cuts: try int(.cuts), compositions: try int(.compositions),
                                      byColumnGeneration: try bool(.byColumnGeneration))
        case "leximin_column_generation": self = .leximinColumnGeneration(stages: try int(.stages))
        case "maximin_relaxation": self = .maximinRelaxation(minimum: try double(.minimum), compositions: try int(.compositions))
        case "maximin_column_generation": self = .maximinColumnGeneration(minimum: try double(.minimum), tolerance: try double(.tolerance))
        case "nash": self = .nash(gap: try double(.gap))
        case "legacy_estimate": self = .legacyEstimate(draws: try int(.draws))
        case "time_limit": self = .timeLimit(seconds: try double(.seconds), algorithm: try string(.algorithm))
        case "distribution":
            self = .distribution(algorithm: try string(.algorithm), panels: try int(.panels), compositions: try int(.compositions),
                                 classes: try int(.classes), pricingILPs: try int(.pricingIlps))
        case "robust":
            self = .robust(algorithm: try string(.algorithm), epsilon: try double(.epsilon), largestChange: try double(.largestChange),
                           slackBefore: try double(.slackBefore), slackAfter: try double(.slackAfter))
        case "alternates":
            self = .alternates(count: try int(.count), exact: try bool(.exact), patterns: try int(.patterns), provenOptimal: try bool(.provenOptimal),
                               seatsOffWithout: try double(.seatsOffWithout), seatsOffWith: try double(.seatsOffWith),
                               chancesEstimated: try bool(.chancesEstimated), estimatePanels: try int(.estimatePanels))
        case "relaxed": self = .relaxed(changes: try rows())
        case "committed_lottery": self = .committedLottery(panels: try int(.panels), distinct: try int(.distinct))
        case "committed_rounding":
            self = .committedRounding(algorithm: try string(.algorithm), largestChange: try double(.largestChange), worstCase: try double(.worstCase))
        case "committed_alternates":
            self = .committedAlternates(panels: try int(.panels), count: try int(.count), file: try string(.file), rule: try string(.rule),
                                        ratesFile: try string(.ratesFile), largestChance: try double(.largestChance))
        case "replacement":
            self = .replacement(dropouts: try int(.dropouts), confirmed: try int(.confirmed), alternatesSeated: try int(.alternatesSeated),
                                drawn: try int(.drawn), eligible: try int(.eligible))
        case "quotas_broken": self = .quotasBroken(changes: try rows())
        case "text": self = .text(try string(.text))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown kind of note '\(other)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        func kind(_ name: String) throws { try c.encode(name, forKey: .kind) }
        switch self {
        case let .leximinRelaxation(stages, cuts, compositions, byColumnGeneration):
            try kind("leximin_relaxation"); try c.encode(stages, forKey: .stages); try c.encode(cuts, forKey: .cuts)
            try c.encode(compositions, forKey: .compositions); try c.encode(byColumnGeneration, forKey: .byColumnGeneration)
        case let .leximinColumnGeneration(stages):
            try kind("leximin_column_generation"); try c.encode(stages, forKey: .stages)
        case let .maximinRelaxation(minimum, compositions):
            try kind("maximin_relaxation"); try c.encode(minimum, forKey: .minimum); try c.encode(compositions, forKey: .compositions)
        case let .maximinColumnGeneration(minimum, tolerance):
            try kind("maximin_column_generation"); try c.encode(minimum, forKey: .minimum); try c.encode(tolerance, forKey: .tolerance)
        case let .nash(gap):
            try kind("nash"); try c.encode(gap, forKey: .gap)
        case let .legacyEstimate(draws):
            try kind("legacy_estimate"); try c.encode(draws, forKey: .draws)
        case let .timeLimit(seconds, algorithm):
            try kind("time_limit"); try c.encode(seconds, forKey: .seconds); try c.encode(algorithm, forKey: .algorithm)
        case let .distribution(algorithm, panels, compositions, classes, pricingILPs):
            try kind("distribution"); try c.encode(algorithm, forKey: .algorithm); try c.encode(panels, forKey: .panels)
            try c.encode(compositions, forKey: .compositions); try c.encode(classes, forKey: .classes); try c.encode(pricingILPs, forKey: .pricingIlps)
        case let .robust(algorithm, epsilon, largestChange, slackBefore, slackAfter):
            try kind("robust"); try c.encode(algorithm, forKey: .algorithm); try c.encode(epsilon, forKey: .epsilon)
            try c.encode(largestChange, forKey: .largestChange); try c.encode(slackBefore, forKey: .slackBefore); try c.encode(slackAfter, forKey: .slackAfter)
        case let .alternates(count, exact, patterns, provenOptimal, seatsOffWithout, seatsOffWith, chancesEstimated, estimatePanels):
            try kind("alternates"); try c.encode(count, forKey: .count); try c.encode(exact, forKey: .exact); try c.encode(patterns, forKey: .patterns)
            try c.encode(provenOptimal, forKey: .provenOptimal); try c.encode(seatsOffWithout, forKey: .seatsOffWithout)
            try c.encode(seatsOffWith, forKey: .seatsOffWith); try c.encode(chancesEstimated, forKey: .chancesEstimated)
            try c.encode(estimatePanels, forKey: .estimatePanels)
        case let .relaxed(changes):
            try kind("relaxed"); try c.encode(changes, forKey: .changes)
        case let .committedLottery(panels, distinct):
            try kind("committed_lottery"); try c.encode(panels, forKey: .panels); try c.encode(distinct, forKey: .distinct)
        case let .committedRounding(algorithm, largestChange, worstCase):
            try kind("committed_rounding"); try c.encode(algorithm, forKey: .algorithm); try c.encode(largestChange, forKey: .largestChange)
            try c.encode(worstCase, forKey: .worstCase)
        case let .committedAlternates(panels, count, file, rule, ratesFile, largestChance):
            try kind("committed_alternates"); try c.encode(panels, forKey: .panels); try c.encode(count, forKey: .count)
            try c.encode(file, forKey: .file); try c.encode(rule, forKey: .rule); try c.encode(ratesFile, forKey: .ratesFile)
            try c.encode(largestChance, forKey: .largestChance)
        case let .replacement(dropouts, confirmed, alternatesSeated, drawn, eligible):
            try kind("replacement"); try c.encode(dropouts, forKey: .dropouts); try c.encode(confirmed, forKey: .confirmed)
            try c.encode(alternatesSeated, forKey: .alternatesSeated); try c.encode(drawn, forKey: .drawn); try c.encode(eligible, forKey: .eligible)
        case let .quotasBroken(changes):
            try kind("quotas_broken"); try c.encode(changes, forKey: .changes)
        case let .text(sentence):
            try kind("text"); try c.encode(sentence, forKey: .text)
        }
    }
}
