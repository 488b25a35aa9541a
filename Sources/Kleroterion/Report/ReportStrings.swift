/// The languages a report can be written in. Dutch comes first: it is the organisers' language.
public enum ReportLanguage: String, CaseIterable, Sendable {
    case nl, en
}

/// Every word of the report, one table per language. Placeholders are `{0}`, `{1}`, …
///
/// A test checks that every key has a text in every language, so that no report shows a key or falls back
/// to another language.
public enum ReportKey: String, CaseIterable, Sendable {
    case title, subtitle, generatedBy, privacy, notKnown, sectionsLabel
    case summaryHeading, summaryPanel, summaryAllQuotasMet, summaryQuotasBroken, summaryNoDifference, summaryDifference, summaryNoShares, summaryFairness
    case funnelHeading, funnelIntro, funnelRegister, funnelInvited, funnelRespondents, funnelPanel, funnelStep, funnelCount, funnelOfPrevious
    case funnelResponseRate, funnelRegistrations, funnelRate, funnelStrataHeading, funnelStratum, funnelPopulation, funnelLetters, funnelWeight, funnelWeighting, funnelChart
    case compositionHeading, compositionIntro, colValue, colPopulation, colPoolCount, colPoolShare, colQuota, colPanelCount, colPanelShare
    case colProportional, colDeviation, colFlag, flagOutside, flagFar, legendOutsideQuota, legendFar, legendPopulation, legendPool, legendPanel, legendQuota, chartCaption
    case sharesSum, sharesSource, sharesFromQuotas
    case statisticsHeading, statisticsIntro, colFeature, colTest, colPValuePanel, colReading, colPValuePool, colPoolReading
    case methodChiSquare, methodHypergeometric, methodBinomial, methodMultinomial, methodSimulated
    case readingNoEvidence, readingEvidence, readingNoShares, readingPoolNoEvidence, readingPoolEvidence, simulatedNote
    case fairnessHeading, fairnessIntro, fairnessMinimum, fairnessMaximum, fairnessMean, fairnessGini, fairnessAtMinimum
    case fairnessPanels, fairnessEstimate, fairnessExact, histogramCaption, histogramX, histogramY
    case guaranteeLegacy, guaranteeLeximin, guaranteeMaximin, guaranteeNash, guaranteeOther
    case methodHeading, methodSeed, methodAlgorithm, methodPanelSize, methodMatching, methodNotes
    case transparencyHeading, transparencyAbsent, transparencySeedSource, transparencyCommittedAt, transparencyHashes, colFile
    case colSha256, transparencyLottery, transparencyPanelNumber, transparencyVerify
}

/// Looks up and fills in the report's texts in one language.
public struct ReportStrings: Sendable {
    public let language: ReportLanguage
    public init(_ language: ReportLanguage) { self.language = language }

    /// The text for `key` with `{0}`, `{1}`, … replaced by `arguments`.
    public func callAsFunction(_ key: ReportKey, _ arguments: String...) -> String {
        var text = ReportStrings.table(language)[key] ?? key.rawValue
        for (i, a) in arguments.enumerated() { text = text.replacingOccurrences(of: "{\(i)}", with: a) }
        return text
    }

    /// The whole table of one language.
    public static func table(_ language: ReportLanguage) -> [ReportKey: String] {
        switch language {
        case .nl: return dutch
        case .en: return english
        }
    }

    static let dutch: [ReportKey: String] = [
        .title: "Verantwoording van de loting",
        .subtitle: "Hoe representatief is het panel? {0} leden, geloot uit {1} aanmelders.",
        .generatedBy: "Gemaakt met Kleroterion uit de gegevens van de loting.",
        .privacy: "Dit verslag bevat alleen totalen: geen namen, adressen of nummers van personen.",
        .notKnown: "onbekend",
        .sectionsLabel: "Inhoud",
        .summaryHeading: "Samenvatting",
        .summaryPanel: "Uit {0} aanmelders zijn {1} panelleden geloot met de methode {2}.",
        .summaryAllQuotasMet: "Alle quota zijn gehaald.",
        .summaryQuotasBroken: "Let op: {0} quota zijn niet gehaald (rood gemarkeerd).",
        .summaryNoDifference: "Op geen van de getoetste kenmerken is er aanwijzing dat het panel afwijkt van de bevolking.",
        .summaryDifference: "Het panel wijkt af van de bevolking in: {0}.",
        .summaryNoShares: "Er zijn geen bevolkingsaandelen opgegeven, dus het panel is niet met de bevolking vergeleken.",
        .summaryFairness: "De kans om geloot te worden lag tussen {0} en {1} (Gini-coëfficiënt {2}).",
        .funnelHeading: "Van inwoners naar panel",
        .funnelIntro: "Elke stap van de loting, met de aantallen voor zover bekend.",
        .funnelRegister: "Inwoners in de basisregistratie (BRP)",
        .funnelInvited: "Uitnodigingsbrieven",
        .funnelRespondents: "Aanmeldingen (de pool)",
        .funnelPanel: "Panelleden",
        .funnelStep: "Stap",
        .funnelCount: "Aantal",
        .funnelOfPrevious: "van de vorige stap",
        .funnelResponseRate: "Respons: {0} van de aangeschreven inwoners meldde zich aan.",
        .funnelRegistrations: "Aanmeldingen",
        .funnelRate: "Respons",
        .funnelStrataHeading: "Brieven en aanmeldingen per groep",
        .funnelStratum: "Groep",
        .funnelPopulation: "Inwoners",
        .funnelLetters: "Brieven",
        .funnelWeight: "Weging",
        .funnelWeighting: "Weging van de brieven: {0}",
        .funnelChart: "Trechter van de loting",
        .compositionHeading: "Samenstelling per kenmerk",
        .compositionIntro: "Per kenmerk: het aandeel in de bevolking, onder de aanmelders (pool) en in het panel, met het quotum. \"Evenredig\" is het aantal zetels dat precies bij het bevolkingsaandeel past (aandeel × panelgrootte); \"afwijking\" is het verschil tussen panel en evenredig.",
        .colValue: "Waarde",
        .colPopulation: "Bevolking",
        .colPoolCount: "Pool (n)",
        .colPoolShare: "Pool",
        .colQuota: "Quotum",
        .colPanelCount: "Panel (n)",
        .colPanelShare: "Panel",
        .colProportional: "Evenredig",
        .colDeviation: "Afwijking",
        .colFlag: "Let op",
        .flagOutside: "buiten quotum",
        .flagFar: "ver van evenredig",
        .legendOutsideQuota: "buiten het quotum",
        .legendFar: "meer dan 1 zetel én meer dan 10% van evenredig af",
        .legendPopulation: "Bevolking",
        .legendPool: "Aanmelders",
        .legendPanel: "Panel",
        .legendQuota: "Quotum (min–max)",
        .chartCaption: "{0}: aandelen in bevolking, pool en panel; het gearceerde vlak is het quotum.",
        .sharesSum: "De bevolkingsaandelen van {0} tellen op tot {1}; de toetsen rekenen met de aandelen herschaald naar 100%.",
        .sharesSource: "Bevolkingsaandelen: {0}.",
        .sharesFromQuotas: "Bevolkingsaandelen: uit het quotabestand.",
        .statisticsHeading: "Toetsen: panel en aanmelders tegen de bevolking",
        .statisticsIntro: "Per kenmerk toetst een goodness-of-fit-toets of de verdeling over de waarden past bij de bevolking. Een p-waarde onder 0,05 geeft aan dat het verschil waarschijnlijk niet op toeval berust. Waar de verwachte aantallen klein zijn (onder 5) wordt een exacte toets gebruikt.",
        .colFeature: "Kenmerk",
        .colTest: "Toets",
        .colPValuePanel: "p (panel)",
        .colReading: "Betekenis",
        .colPValuePool: "p (aanmelders)",
        .colPoolReading: "Aanmelders",
        .methodChiSquare: "chi-kwadraat (χ² = {0}, vg = {1})",
        .methodHypergeometric: "exact hypergeometrisch",
        .methodBinomial: "exact binomiaal",
        .methodMultinomial: "exact multinomiaal",
        .methodSimulated: "exact multinomiaal, gesimuleerd",
        .readingNoEvidence: "Geen aanwijzing dat het panel afwijkt van de bevolking in {0}.",
        .readingEvidence: "Het panel wijkt af van de bevolking in {0}.",
        .readingNoShares: "Geen bevolkingsaandelen bekend voor {0}; niet getoetst.",
        .readingPoolNoEvidence: "geen aanwijzing voor scheefheid",
        .readingPoolEvidence: "scheef ten opzichte van de bevolking",
        .simulatedNote: "Gesimuleerde p-waarden zijn geschat uit {0} trekkingen (standaardfout tussen haakjes).",
        .fairnessHeading: "Eerlijkheid: ieders kans om geloot te worden",
        .fairnessIntro: "Hoe gelijk was de kans op een plek in het panel verdeeld over de {0} aanmelders?",
        .fairnessMinimum: "Kleinste kans",
        .fairnessMaximum: "Grootste kans",
        .fairnessMean: "Gemiddelde kans",
        .fairnessGini: "Gini-coëfficiënt (0 = iedereen gelijk)",
        .fairnessAtMinimum: "Aanmelders met de kleinste kans",
        .fairnessPanels: "Panels in de kansverdeling",
        .fairnessEstimate: "Dit zijn schattingen uit {0} herhaalde lotingen; de grootste standaardfout is {1}.",
        .fairnessExact: "Dit zijn exacte kansen, berekend uit de kansverdeling over panels.",
        .histogramCaption: "Verdeling van de selectiekansen over de aanmelders.",
        .histogramX: "kans om geloot te worden",
        .histogramY: "aanmelders",
        .guaranteeLegacy: "De klassieke methode (legacy) haalt de quota, maar garandeert geen eerlijke kansen: sommige aanmelders kunnen een heel kleine kans krijgen. De kansen zijn daarom alleen geschat.",
        .guaranteeLeximin: "LEXIMIN (Flanigan e.a., Nature 2021) haalt altijd de quota en maakt de kleinste kans zo groot mogelijk; daarna de op één na kleinste, enzovoort. Niemand krijgt een kleinere kans dan nodig is om de quota te halen.",
        .guaranteeMaximin: "Maximin haalt altijd de quota en maakt de kleinste kans van alle aanmelders zo groot mogelijk.",
        .guaranteeNash: "Nash haalt altijd de quota en maximaliseert het product van alle kansen: een evenwicht tussen gelijke kansen en een panel dat bij de bevolking past.",
        .guaranteeOther: "Methode {0}: zie de documentatie voor wat zij garandeert.",
        .methodHeading: "Werkwijze",
        .methodSeed: "Startwaarde (seed)",
        .methodAlgorithm: "Methode",
        .methodPanelSize: "Panelgrootte",
        .methodMatching: "Waarden uit de pool zijn met de quota vergeleken zonder op hoofdletters en spaties aan begin en eind te letten.",
        .methodNotes: "Opmerkingen",
        .transparencyHeading: "Controleerbaarheid",
        .transparencyAbsent: "Deze loting is niet vooraf vastgelegd met hashes. Iedereen met dezelfde invoerbestanden en dezelfde startwaarde krijgt met Kleroterion precies hetzelfde panel.",
        .transparencySeedSource: "Herkomst van de startwaarde",
        .transparencyCommittedAt: "Vastgelegd op",
        .transparencyHashes: "Vooraf gepubliceerde vingerafdrukken (SHA-256)",
        .colFile: "Bestand",
        .colSha256: "SHA-256",
        .transparencyLottery: "Aantal even waarschijnlijke panels",
        .transparencyPanelNumber: "Getrokken panelnummer",
        .transparencyVerify: "Zelf controleren",
    ]

    static let english: [ReportKey: String] = [
        .title: "Account of the draw",
        .subtitle: "How representative is the panel? {0} members, drawn from {1} respondents.",
        .generatedBy: "Made with Kleroterion from the data of the draw.",
        .privacy: "This report holds aggregates only: no names, addresses or personal ids.",
        .notKnown: "not known",
        .sectionsLabel: "Contents",
        .summaryHeading: "Summary",
        .summaryPanel: "From {0} respondents, {1} panel members were drawn with the {2} method.",
        .summaryAllQuotasMet: "All quotas are met.",
        .summaryQuotasBroken: "Note: {0} quotas are not met (marked red).",
        .summaryNoDifference: "On none of the tested features is there evidence that the panel differs from the population.",
        .summaryDifference: "The panel differs from the population in: {0}.",
        .summaryNoShares: "No population shares were given, so the panel was not compared with the population.",
        .summaryFairness: "The chance of being selected ranged from {0} to {1} (Gini coefficient {2}).",
        .funnelHeading: "From residents to panel",
        .funnelIntro: "Every step of the draw, with the counts where known.",
        .funnelRegister: "Residents in the population register",
        .funnelInvited: "Invitation letters",
        .funnelRespondents: "Registrations (the pool)",
        .funnelPanel: "Panel members",
        .funnelStep: "Step",
        .funnelCount: "Count",
        .funnelOfPrevious: "of the previous step",
        .funnelResponseRate: "Response: {0} of the residents who got a letter registered.",
        .funnelRegistrations: "Registrations",
        .funnelRate: "Response",
        .funnelStrataHeading: "Letters and registrations per stratum",
        .funnelStratum: "Stratum",
        .funnelPopulation: "Residents",
        .funnelLetters: "Letters",
        .funnelWeight: "Weight",
        .funnelWeighting: "Weighting of the letters: {0}",
        .funnelChart: "Funnel of the draw",
        .compositionHeading: "Composition per feature",
        .compositionIntro: "Per feature: the share in the population, among the respondents (pool) and on the panel, with the quota. \"Proportional\" is the number of seats that exactly matches the population share (share × panel size); \"deviation\" is the panel minus proportional.",
        .colValue: "Value",
        .colPopulation: "Population",
        .colPoolCount: "Pool (n)",
        .colPoolShare: "Pool",
        .colQuota: "Quota",
        .colPanelCount: "Panel (n)",
        .colPanelShare: "Panel",
        .colProportional: "Proportional",
        .colDeviation: "Deviation",
        .colFlag: "Note",
        .flagOutside: "outside quota",
        .flagFar: "far from proportional",
        .legendOutsideQuota: "outside the quota",
        .legendFar: "more than 1 seat and more than 10% from proportional",
        .legendPopulation: "Population",
        .legendPool: "Respondents",
        .legendPanel: "Panel",
        .legendQuota: "Quota (min–max)",
        .chartCaption: "{0}: shares in population, pool and panel; the shaded band is the quota.",
        .sharesSum: "The population shares of {0} add up to {1}; the tests use them rescaled to 100%.",
        .sharesSource: "Population shares: {0}.",
        .sharesFromQuotas: "Population shares: from the quotas file.",
        .statisticsHeading: "Tests: panel and respondents against the population",
        .statisticsIntro: "Per feature, a goodness-of-fit test checks whether the spread over the values fits the population. A p-value below 0.05 indicates that the difference is unlikely to be chance. Where expected counts are small (below 5), an exact test is used.",
        .colFeature: "Feature",
        .colTest: "Test",
        .colPValuePanel: "p (panel)",
        .colReading: "Reading",
        .colPValuePool: "p (respondents)",
        .colPoolReading: "Respondents",
        .methodChiSquare: "chi-square (χ² = {0}, df = {1})",
        .methodHypergeometric: "exact hypergeometric",
        .methodBinomial: "exact binomial",
        .methodMultinomial: "exact multinomial",
        .methodSimulated: "exact multinomial, simulated",
        .readingNoEvidence: "No evidence that the panel differs from the population in {0}.",
        .readingEvidence: "The panel differs from the population in {0}.",
        .readingNoShares: "No population shares known for {0}; not tested.",
        .readingPoolNoEvidence: "no evidence of skew",
        .readingPoolEvidence: "skewed against the population",
        .simulatedNote: "Simulated p-values are estimated from {0} draws (standard error in brackets).",
        .fairnessHeading: "Fairness: everyone's chance of selection",
        .fairnessIntro: "How evenly was the chance of a seat spread over the {0} respondents?",
        .fairnessMinimum: "Smallest chance",
        .fairnessMaximum: "Largest chance",
        .fairnessMean: "Average chance",
        .fairnessGini: "Gini coefficient (0 = all equal)",
        .fairnessAtMinimum: "Respondents at the smallest chance",
        .fairnessPanels: "Panels in the distribution",
        .fairnessEstimate: "These are estimates from {0} repeated draws; the largest standard error is {1}.",
        .fairnessExact: "These are exact chances, computed from the distribution over panels.",
        .histogramCaption: "Spread of the selection chances over the respondents.",
        .histogramX: "chance of selection",
        .histogramY: "respondents",
        .guaranteeLegacy: "The classic method (legacy) meets the quotas but does not guarantee fair chances: some respondents may get a very small chance. Its chances are therefore only estimated.",
        .guaranteeLeximin: "LEXIMIN (Flanigan et al., Nature 2021) always meets the quotas and makes the smallest chance as large as possible, then the second smallest, and so on. Nobody gets a smaller chance than the quotas require.",
        .guaranteeMaximin: "Maximin always meets the quotas and makes the smallest chance of any respondent as large as possible.",
        .guaranteeNash: "Nash always meets the quotas and maximises the product of all chances: a balance between equal chances and a panel that fits the population.",
        .guaranteeOther: "Method {0}: see the documentation for what it guarantees.",
        .methodHeading: "Method",
        .methodSeed: "Seed",
        .methodAlgorithm: "Method",
        .methodPanelSize: "Panel size",
        .methodMatching: "Values in the pool were matched to the quotas ignoring case and leading or trailing spaces.",
        .methodNotes: "Notes",
        .transparencyHeading: "Verifiability",
        .transparencyAbsent: "This draw was not committed with hashes in advance. Anyone with the same input files and the same seed gets exactly the same panel from Kleroterion.",
        .transparencySeedSource: "Source of the seed",
        .transparencyCommittedAt: "Committed at",
        .transparencyHashes: "Fingerprints published in advance (SHA-256)",
        .colFile: "File",
        .colSha256: "SHA-256",
        .transparencyLottery: "Number of equally likely panels",
        .transparencyPanelNumber: "Panel number drawn",
        .transparencyVerify: "Check it yourself",
    ]
}
