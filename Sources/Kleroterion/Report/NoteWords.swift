import Foundation

/// Every word of the outcome notes, per language (see `TextTableKey`). The English texts are the sentences the
/// algorithms wrote before notes had kinds, so that an English report reads as it did.
public enum NoteKey: String, TextTableKey {
    case leximinRelaxation, stageOne, stageMany, cutOne, cutMany, byColumns, byFaces, leximinColumnGeneration
    case maximinRelaxation, maximinColumnGeneration, nash, legacyEstimate, timeLimit, distribution, robust
    case alternates, alternatesExact, alternatesGreedy, alternatesTimeLimit, alternatesEstimated, alternatesExactChances
    case relaxed, committedLottery, committedRounding, committedAlternates, replacement, quotasBroken
}

extension OutcomeNote: CustomStringConvertible {
    /// In English, with the column names (as tests and logs read it).
    public var description: String { text(.en, labels: .raw) }

    /// The note in `language`; features and values named by `labels`. Names from input files (the algorithm, file
    /// names, a sentence as written) go through `escape`, so that report.md can make them inert Markdown.
    public func text(_ language: ReportLanguage, labels: FeatureLabels, escape: (String) -> String = { $0 }) -> String {
        let w = TextTable<NoteKey>(language), f = w.format, n = f.count
        func changes(_ rows: [QuotaRelaxation.Row]) -> String {
            QuotaRelaxation(rows: rows).summary(language, labels: labels).joined(separator: "; ")
        }
        func seats(_ rows: [QuotaRelaxation.Row]) -> String {
            TextTable<RelaxationKey>(language).counted(QuotaRelaxation(rows: rows).seats, one: .seatOne, many: .seatMany)
        }
        /// A number as C's %g would write it, with the language's decimal mark.
        func g(_ x: Double, _ format: String = "%g") -> String {
            String(format: format, x).replacingOccurrences(of: ".", with: language == .en ? "." : ",")
        }
        switch self {
        case let .leximinRelaxation(stages, cuts, compositions, byColumnGeneration):
            let cutText = cuts == 0 ? "" : w.counted(cuts, one: .cutOne, many: .cutMany)
            return w(.leximinRelaxation, w.counted(stages, one: .stageOne, many: .stageMany), cutText, n(compositions),
                     w(byColumnGeneration ? .byColumns : .byFaces))
        case let .leximinColumnGeneration(stages):
            return w(.leximinColumnGeneration, w.counted(stages, one: .stageOne, many: .stageMany))
        case let .maximinRelaxation(minimum, compositions):
            return w(.maximinRelaxation, f.chance(minimum), n(compositions))
        case let .maximinColumnGeneration(minimum, tolerance):
            return w(.maximinColumnGeneration, f.chance(minimum), g(tolerance))
        case let .nash(gap):
            return w(.nash, g(max(gap, 0), "%.2g"))
        case let .legacyEstimate(draws):
            return w(.legacyEstimate, n(draws))
        case let .timeLimit(seconds, algorithm):
            return w(.timeLimit, g(seconds), escape(algorithm))
        case let .distribution(algorithm, panels, compositions, classes, pricingILPs):
            return w(.distribution, escape(algorithm), n(panels), n(compositions), n(classes), n(pricingILPs))
        case let .robust(algorithm, epsilon, largestChange, slackBefore, slackAfter):
            return w(.robust, g(epsilon), escape(algorithm), g(largestChange, "%.4g"), g(slackBefore, "%.4g"), g(slackAfter, "%.4g"))
        case let .alternates(count, exact, patterns, provenOptimal, without, with, estimated, panels):
            let how = w(exact ? .alternatesExact : .alternatesGreedy, n(patterns))
            let limit = exact && !provenOptimal ? w(.alternatesTimeLimit) : ""
            let chances = estimated ? w(.alternatesEstimated, n(panels)) : w(.alternatesExactChances)
            return w(.alternates, n(count), how, limit, f.decimal(without, digits: 2), f.decimal(with, digits: 2), chances)
        case let .relaxed(rows):
            return w(.relaxed, seats(rows), changes(rows))
        case let .committedLottery(panels, distinct):
            return w(.committedLottery, n(panels), n(distinct))
        case let .committedRounding(algorithm, largestChange, worstCase):
            return w(.committedRounding, escape(algorithm), f.decimal(largestChange, digits: 5), f.decimal(worstCase, digits: 5))
        case let .committedAlternates(panels, count, file, rule, ratesFile, largestChance):
            return w(.committedAlternates, n(panels), n(count), escape(file), escape(rule), escape(ratesFile), f.decimal(largestChance, digits: 3))
        case let .replacement(dropouts, confirmed, seated, drawn, eligible):
            return w(.replacement, n(dropouts), n(confirmed), n(seated), n(drawn), n(eligible))
        case let .quotasBroken(rows):
            return w(.quotasBroken, seats(rows), changes(rows))
        case let .text(sentence):
            return escape(sentence)
        }
    }
}

extension FeatureLabels {
    /// The labels a report carries (each feature's and value's `labels`), so that its notes name them as its tables do.
    public init(report: RepresentativenessReport) {
        self.init()
        for feature in report.features {
            if let labels = feature.labels, !labels.isEmpty { features[QuotaSet.matchKey(feature.name)] = labels }
            for value in feature.values {
                if let labels = value.labels, !labels.isEmpty { values[Self.key(feature.name, value.value)] = labels }
            }
        }
    }
}

/// The tables of `NoteKey`.
extension NoteKey {
    public static let english: [NoteKey: String] = [
        .leximinRelaxation: "Leximin: {0} over the linear relaxation of the quota constraints{1}; the optimum was then written as a mix of {2} valid panel compositions ({3}), which proves it attainable, so it is the exact leximin.",
        .stageOne: "{0} stage",
        .stageMany: "{0} stages",
        .cutOne: " after {0} cut that no mix of panels crosses",
        .cutMany: " after {0} cuts that no mix of panels crosses",
        .byColumns: "found by column generation towards it",
        .byFaces: "found by walking down its faces",
        .leximinColumnGeneration: "Leximin: {0} of column generation.",
        .maximinRelaxation: "Maximin: the smallest chance is {0}, optimal over the linear relaxation of the quota constraints and attained by a mix of {1} valid panel compositions.",
        .maximinColumnGeneration: "Maximin: the smallest chance is {0}, proven optimal within {1} by the pricing ILP or the relaxation's bound.",
        .nash: "Nash: the sum of log chances is within {0} of the optimum (Frank–Wolfe duality gap).",
        .legacyEstimate: "Chances are estimated from {0} repeated legacy draws.",
        .timeLimit: "Not reproducible: the time limit of {0} s stopped the optimisation early, so another run with the same seed and inputs may give another lottery and another panel (where a wall clock stops depends on the machine's load). The panel was drawn from the best distribution found so far, which meets every quota but may not be fully {1}-optimal.",
        .distribution: "The {0} distribution has {1} panels, built from {2} compositions over {3} classes of interchangeable respondents ({4} pricing ILPs).",
        .robust: "--robust: the fair mix was reweighted towards panels with slack on the quotas, keeping every chance within ε = {0} of {1}'s (largest change {2}); expected minimums broken by drop-outs (members' drop-out rate × their values at a minimum), on average per panel: {3} → {4}. The panel was drawn from the reweighted mix (stream robust).",
        .alternates: "{0} alternates (alternates.csv) were chosen for this panel to minimise the expected misrepresentation after drop-outs, over {1}{2}: expected seats off quota {3} without alternates, {4} with them. Everybody's chance of being on the panel is unchanged; each respondent's chance of being an alternate is in alternate-probabilities.csv ({5}).",
        .alternatesExact: "every drop-out pattern ({0}), by an exact integer program",
        .alternatesGreedy: "{0} sampled drop-out patterns, one alternate at a time (greedy)",
        .alternatesTimeLimit: ", the best set found within the solver's time limit",
        .alternatesEstimated: "estimated from {0} panels of the distribution",
        .alternatesExactChances: "exact, over every panel of the distribution",
        .relaxed: "The quotas were relaxed with --relax by {0}, because they could not be met: {1}. See relaxation.md.",
        .committedLottery: "Drawn from a committed lottery of {0} equally likely panels ({1} distinct); the chances are each person's share of those panels.",
        .committedRounding: "Rounding the {0} distribution to these panels changed anyone's chance by at most {1} (the naive worst case k/m is {2}); each person's change is in probabilities.csv of the commitment.",
        .committedAlternates: "Each of the {0} panels of the lottery came with {1} ranked alternates, fixed in the commitment before the seed ({2}, rule {3}, drop-out rates {4}); this panel's are in alternates.csv. Everybody's chance of being on the panel is as committed; each respondent's chance of being an alternate is their share of the {0} lists (alternate-probabilities.csv; the largest is {5}).",
        .replacement: "Replacement draw: {0} member(s) dropped out; {1} confirmed members stayed; {2} alternate(s) and {3} respondent(s) from the pool took the seats. The chances below are those of the {4} respondents who could still be drawn, of being drawn as a replacement.",
        .quotasBroken: "Warning: the completed panel breaks the quotas by {0}: {1}. replacement.md says why.",
    ]

    public static let dutch: [NoteKey: String] = [
        .leximinRelaxation: "LEXIMIN: {0} over een vereenvoudigde vorm van de quota (de lineaire relaxatie){1}. Die uitkomst is daarna geschreven als een mengsel van {2} geldige samenstellingen van het panel ({3}). Dat bewijst dat ze haalbaar is: het is dus precies de leximin-uitkomst.",
        .stageOne: "{0} ronde",
        .stageMany: "{0} rondes",
        .cutOne: ", na {0} extra grens die geen mengsel van panels overschrijdt",
        .cutMany: ", na {0} extra grenzen die geen mengsel van panels overschrijdt",
        .byColumns: "gevonden door stap voor stap panels toe te voegen",
        .byFaces: "gevonden door langs de zijvlakken af te dalen",
        .leximinColumnGeneration: "LEXIMIN: {0} waarin telkens panels zijn toegevoegd (kolomgeneratie).",
        .maximinRelaxation: "MAXIMIN: de kleinste kans is {0}. Dat is het beste over een vereenvoudigde vorm van de quota (de lineaire relaxatie), en het wordt gehaald met een mengsel van {1} geldige samenstellingen van het panel.",
        .maximinColumnGeneration: "MAXIMIN: de kleinste kans is {0}. Dat is bewezen het beste, op {1} na, door het rekenmodel dat nieuwe panels zoekt of door de grens van de relaxatie.",
        .nash: "NASH: de som van de logaritmen van de kansen ligt binnen {0} van het beste (dualiteitsgat volgens Frank–Wolfe).",
        .legacyEstimate: "De kansen zijn geschat uit {0} herhaalde lotingen met de klassieke methode.",
        .timeLimit: "Niet herhaalbaar: de tijdslimiet van {0} s heeft de berekening vroeg gestopt. Een nieuwe loting met dezelfde startwaarde en bestanden kan dus een andere verdeling en een ander panel geven (waar de klok stopt, hangt af van hoe druk de computer is). Het panel is geloot uit de beste verdeling die tot dan gevonden was. Die haalt alle quota, maar is misschien niet helemaal de beste volgens {1}.",
        .distribution: "De verdeling van {0} heeft {1} panels, opgebouwd uit {2} samenstellingen over {3} groepen van onderling verwisselbare aanmelders ({4} keer het rekenmodel dat nieuwe panels zoekt).",
        .robust: "--robust: het eerlijke mengsel is herwogen naar panels met ruimte boven de quota, waarbij ieders kans binnen ε = {0} blijft van die bij {1} (grootste verandering {2}). Verwacht aantal minimums dat door afvallers niet meer gehaald wordt (kans op afvallen van de leden × hun waarden op een minimum), gemiddeld per panel: {3} → {4}. Het panel is geloot uit het herwogen mengsel (toevalsstroom robust).",
        .alternates: "{0} reserveleden (alternates.csv) zijn voor dit panel gekozen, zodat het panel na afvallers zo goed mogelijk bij de quota blijft passen, over {1}{2}: verwacht aantal zetels buiten de quota {3} zonder reserveleden, {4} met. Ieders kans om in het panel te komen is niet veranderd. De kans van elke aanmelder om reservelid te zijn staat in alternate-probabilities.csv ({5}).",
        .alternatesExact: "alle mogelijke patronen van afvallers ({0}), met een exact rekenmodel",
        .alternatesGreedy: "{0} getrokken patronen van afvallers, één reservelid per keer",
        .alternatesTimeLimit: ", de beste keuze die binnen de tijdslimiet van het rekenmodel is gevonden",
        .alternatesEstimated: "geschat uit {0} panels van de verdeling",
        .alternatesExactChances: "exact, over alle panels van de verdeling",
        .relaxed: "De quota zijn met --relax {0} ruimer gemaakt, omdat ze niet te halen waren: {1}. Zie relaxation.md.",
        .committedLottery: "Geloot uit een vooraf vastgelegde loting van {0} even waarschijnlijke panels ({1} verschillende). De kansen zijn ieders aandeel in die panels.",
        .committedRounding: "Door de verdeling van {0} af te ronden naar deze panels veranderde ieders kans met hoogstens {1} (in het slechtste geval zou dat k/m = {2} zijn). Ieders verandering staat in probabilities.csv van de vastgelegde loting.",
        .committedAlternates: "Elk van de {0} panels van de loting had {1} reserveleden op volgorde, vastgelegd voordat de startwaarde bestond ({2}, regel {3}, kansen op afvallen in {4}); die van dit panel staan in alternates.csv. Ieders kans om in het panel te komen is zoals vastgelegd. De kans van elke aanmelder om reservelid te zijn is zijn aandeel in de {0} lijsten (alternate-probabilities.csv; de grootste is {5}).",
        .replacement: "Loting van vervangers: {0} leden vielen af en {1} leden bleven. {2} reserveleden en {3} aanmelders namen de zetels in. De kansen hieronder zijn die van de {4} aanmelders die nog geloot konden worden, om als vervanger geloot te worden.",
        .quotasBroken: "Let op: het aangevulde panel haalt de quota niet, het verschil is {0}: {1}. In replacement.md staat waarom.",
    ]

    public static let german: [NoteKey: String] = [
        .leximinRelaxation: "LEXIMIN: {0} über eine vereinfachte Form der Quoten (die lineare Relaxation){1}. Das Ergebnis wurde dann als Mischung aus {2} gültigen Zusammensetzungen des Gremiums geschrieben ({3}). Das beweist, dass es erreichbar ist: es ist also genau das Leximin-Ergebnis.",
        .stageOne: "{0} Runde",
        .stageMany: "{0} Runden",
        .cutOne: ", nach {0} zusätzlichen Grenze, die keine Mischung von Gremien überschreitet",
        .cutMany: ", nach {0} zusätzlichen Grenzen, die keine Mischung von Gremien überschreitet",
        .byColumns: "gefunden, indem Schritt für Schritt Gremien hinzugefügt wurden",
        .byFaces: "gefunden durch Abstieg entlang der Seitenflächen",
        .leximinColumnGeneration: "LEXIMIN: {0}, in denen jeweils Gremien hinzugefügt wurden (Spaltengenerierung).",
        .maximinRelaxation: "MAXIMIN: die kleinste Chance ist {0}. Das ist das Beste über eine vereinfachte Form der Quoten (die lineare Relaxation), und es wird mit einer Mischung aus {1} gültigen Zusammensetzungen des Gremiums erreicht.",
        .maximinColumnGeneration: "MAXIMIN: die kleinste Chance ist {0}. Das ist bis auf {1} als das Beste bewiesen, durch das Rechenmodell, das neue Gremien sucht, oder durch die Grenze der Relaxation.",
        .nash: "NASH: die Summe der Logarithmen der Chancen liegt höchstens {0} unter dem Optimum (Dualitätslücke nach Frank–Wolfe).",
        .legacyEstimate: "Die Chancen sind aus {0} wiederholten Auslosungen mit dem klassischen Verfahren geschätzt.",
        .timeLimit: "Nicht wiederholbar: das Zeitlimit von {0} s hat die Berechnung früh beendet. Eine neue Auslosung mit demselben Startwert und denselben Dateien kann also eine andere Verteilung und ein anderes Gremium ergeben (wo die Uhr stoppt, hängt davon ab, wie ausgelastet der Computer ist). Das Gremium wurde aus der besten bis dahin gefundenen Verteilung ausgelost. Sie erfüllt alle Quoten, ist aber vielleicht nicht ganz die beste nach {1}.",
        .distribution: "Die Verteilung von {0} hat {1} Gremien, aufgebaut aus {2} Zusammensetzungen über {3} Gruppen untereinander austauschbarer Angemeldeter ({4}-mal das Rechenmodell, das neue Gremien sucht).",
        .robust: "--robust: die faire Mischung wurde zu Gremien mit Spielraum über den Quoten hin umgewichtet, wobei jede Chance innerhalb von ε = {0} von der bei {1} bleibt (größte Änderung {2}). Erwartete Zahl der Mindestzahlen, die durch Ausfälle nicht mehr erreicht werden (Ausfallquote der Mitglieder × ihre Werte an einer Mindestzahl), im Mittel pro Gremium: {3} → {4}. Das Gremium wurde aus der umgewichteten Mischung ausgelost (Zufallsstrom robust).",
        .alternates: "{0} Nachrücker (alternates.csv) wurden für dieses Gremium so gewählt, dass es nach Ausfällen möglichst gut zu den Quoten passt, über {1}{2}: erwartete Sitze außerhalb der Quoten {3} ohne Nachrücker, {4} mit ihnen. Die Chance jeder Person, ins Gremium zu kommen, ist unverändert. Die Chance jeder angemeldeten Person, Nachrücker zu sein, steht in alternate-probabilities.csv ({5}).",
        .alternatesExact: "alle Ausfallmuster ({0}), mit einem exakten Rechenmodell",
        .alternatesGreedy: "{0} gezogene Ausfallmuster, ein Nachrücker nach dem anderen",
        .alternatesTimeLimit: ", die beste Wahl, die innerhalb des Zeitlimits des Rechenmodells gefunden wurde",
        .alternatesEstimated: "geschätzt aus {0} Gremien der Verteilung",
        .alternatesExactChances: "exakt, über alle Gremien der Verteilung",
        .relaxed: "Die Quoten wurden mit --relax um {0} gelockert, weil sie nicht erfüllbar waren: {1}. Siehe relaxation.md.",
        .committedLottery: "Ausgelost aus einer vorab festgelegten Auslosung von {0} gleich wahrscheinlichen Gremien ({1} verschiedene). Die Chancen sind der Anteil jeder Person an diesen Gremien.",
        .committedRounding: "Das Runden der Verteilung von {0} auf diese Gremien hat die Chance jeder Person um höchstens {1} verändert (im schlechtesten Fall wären es k/m = {2}). Die Änderung jeder Person steht in probabilities.csv der festgelegten Auslosung.",
        .committedAlternates: "Jedes der {0} Gremien der Auslosung hatte {1} Nachrücker nach Rang, festgelegt, bevor es den Startwert gab ({2}, Regel {3}, Ausfallquoten in {4}); die dieses Gremiums stehen in alternates.csv. Die Chance jeder Person, ins Gremium zu kommen, ist wie festgelegt. Die Chance jeder angemeldeten Person, Nachrücker zu sein, ist ihr Anteil an den {0} Listen (alternate-probabilities.csv; die größte ist {5}).",
        .replacement: "Auslosung von Nachrückern: {0} Mitglieder sind ausgefallen und {1} Mitglieder geblieben. {2} Nachrücker und {3} Angemeldete haben die Sitze übernommen. Die Chancen unten sind die der {4} Angemeldeten, die noch ausgelost werden konnten, als Ersatz ausgelost zu werden.",
        .quotasBroken: "Achtung: das ergänzte Gremium verletzt die Quoten um {0}: {1}. In replacement.md steht, warum.",
    ]
}
