/// Every word of `relaxation.md` and of the relaxation's one-line changes, per language (see `TextTableKey`).
public enum RelaxationKey: String, TextTableKey {
    case title, cannotMeet, smallest, seatOne, seatMany, sideBySide
    case colFeature, colValue, colMinBefore, colMinAfter, colMaxBefore, colMaxAfter, colTarget, fromPool, explanation
    case lower, raise, and, target

    public static let english: [RelaxationKey: String] = [
        .title: "Suggested relaxation of {0}",
        .cannotMeet: "The quotas cannot all be met for a panel of {0}:",
        .smallest: "The smallest change that makes a panel possible moves the bounds by **{0}** in total:",
        .seatOne: "{0} seat",
        .seatMany: "{0} seats",
        .sideBySide: "Side by side (changed rows marked ◀):",
        .colFeature: "feature",
        .colValue: "value",
        .colMinBefore: "min before",
        .colMinAfter: "min after",
        .colMaxBefore: "max before",
        .colMaxAfter: "max after",
        .colTarget: "target",
        .fromPool: "(pool)",
        .explanation: "Target = population share × panel size where the quotas give a population share; otherwise (marked \"pool\") the value's share of the respondents × panel size. Among the changes of the same size, those that move a bound towards its target are preferred. The suggested file is `quotas-relaxed.csv`.",
        .lower: "lower the minimum of {0} from {1} to {2}",
        .raise: "raise the maximum of {0} from {1} to {2}",
        .and: " and ",
        .target: " (target {0} seats)",
    ]

    public static let dutch: [RelaxationKey: String] = [
        .title: "Voorstel om de quota in {0} ruimer te maken",
        .cannotMeet: "Met deze quota is geen panel van {0} mogelijk:",
        .smallest: "De kleinste wijziging die een panel mogelijk maakt, verschuift de grenzen samen met **{0}**:",
        .seatOne: "{0} zetel",
        .seatMany: "{0} zetels",
        .sideBySide: "Naast elkaar (gewijzigde regels gemarkeerd met ◀):",
        .colFeature: "kenmerk",
        .colValue: "waarde",
        .colMinBefore: "minimum nu",
        .colMinAfter: "minimum nieuw",
        .colMaxBefore: "maximum nu",
        .colMaxAfter: "maximum nieuw",
        .colTarget: "doel",
        .fromPool: "(aanmelders)",
        .explanation: "Doel = bevolkingsaandeel × panelgrootte, als de quota een bevolkingsaandeel geven. Anders (gemarkeerd met \"aanmelders\") is het doel: het aandeel van de waarde onder de aanmelders × panelgrootte. Van de wijzigingen die even groot zijn, krijgen die de voorkeur die een grens naar het doel toe schuiven. Het voorgestelde bestand is `quotas-relaxed.csv`.",
        .lower: "verlaag het minimum van {0} van {1} naar {2}",
        .raise: "verhoog het maximum van {0} van {1} naar {2}",
        .and: " en ",
        .target: " (doel {0} zetels)",
    ]

    public static let german: [RelaxationKey: String] = [
        .title: "Vorschlag, die Quoten in {0} zu lockern",
        .cannotMeet: "Mit diesen Quoten ist kein Gremium von {0} möglich:",
        .smallest: "Die kleinste Änderung, die ein Gremium möglich macht, verschiebt die Grenzen insgesamt um **{0}**:",
        .seatOne: "{0} Sitz",
        .seatMany: "{0} Sitze",
        .sideBySide: "Nebeneinander (geänderte Zeilen mit ◀ markiert):",
        .colFeature: "Merkmal",
        .colValue: "Wert",
        .colMinBefore: "Mindestzahl bisher",
        .colMinAfter: "Mindestzahl neu",
        .colMaxBefore: "Höchstzahl bisher",
        .colMaxAfter: "Höchstzahl neu",
        .colTarget: "Ziel",
        .fromPool: "(Angemeldete)",
        .explanation: "Ziel = Bevölkerungsanteil × Größe des Gremiums, wenn die Quoten einen Bevölkerungsanteil angeben. Sonst (markiert mit „Angemeldete“) ist das Ziel der Anteil des Werts unter den Angemeldeten × Größe des Gremiums. Unter gleich großen Änderungen werden die bevorzugt, die eine Grenze zum Ziel hin verschieben. Die vorgeschlagene Datei ist `quotas-relaxed.csv`.",
        .lower: "die Mindestzahl von {0} von {1} auf {2} senken",
        .raise: "die Höchstzahl von {0} von {1} auf {2} erhöhen",
        .and: " und ",
        .target: " (Ziel {0} Sitze)",
    ]
}
