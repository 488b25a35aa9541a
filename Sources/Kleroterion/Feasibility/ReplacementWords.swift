/// Every word of `replacement.md`, per language (see `TextTableKey`).
public enum ReplacementKey: String, TextTableKey {
    case title, seed, counts, alternates, drawn, chance, chanceEstimated, drawnNone
    case warning, why, conflicting, with, separately, notes
    case tableHeading, colFeature, colValue, colMin, colMax, colSeats, colAlternates, colDrawn, offQuota, allHold, someBroken

    public static func table(_ language: ReportLanguage) -> [ReplacementKey: String] {
        switch language {
        case .nl: return dutch
        case .en: return english
        case .de: return german
        }
    }

    static let english: [ReplacementKey: String] = [
        .title: "Replacement draw",
        .seed: "Seed: {0} (stream purpose `replace`)",
        .counts: "Dropouts: {0}; confirmed members kept: {1}; seats filled: {2}",
        .alternates: "Alternates: {0} given, {1} seated (like for like first, then in rank order where the quotas allow), {2} left for later drop-outs (alternates.csv)",
        .drawn: "Drawn from the pool: {0}, with {1}, over the {2} respondents who could still be drawn",
        .chance: "Each eligible respondent's chance of being drawn as a replacement: from {0} to {1}",
        .chanceEstimated: "Each eligible respondent's estimated chance of being drawn as a replacement: from {0} to {1}",
        .drawnNone: "Drawn from the pool: none (the alternates filled every seat)",
        .warning: "**Warning: the quotas could not all be met.** No completion of the panel meets them, so the seats were filled with the completion that breaks them least ({0}):",
        .why: "Why:",
        .conflicting: "Conflicting quotas: {0}.",
        .with: " with ",
        .separately: "; and separately ",
        .notes: "Notes:",
        .tableHeading: "The completed panel against the quotas",
        .colFeature: "feature",
        .colValue: "value",
        .colMin: "min",
        .colMax: "max",
        .colSeats: "seats",
        .colAlternates: "of which alternates",
        .colDrawn: "of which drawn",
        .offQuota: "**(off quota)**",
        .allHold: "Every quota and the one-per-household rule hold for the completed panel. The replacements are recorded in `audit.json`.",
        .someBroken: "The one-per-household rule holds; the quotas marked off quota do not (see the warning). The replacements are recorded in `audit.json`.",
    ]

    static let dutch: [ReplacementKey: String] = [
        .title: "Loting van vervangers",
        .seed: "Startwaarde: {0} (toevalsstroom `replace`)",
        .counts: "Afgevallen leden: {0}; leden die blijven: {1}; zetels opnieuw gevuld: {2}",
        .alternates: "Reserveleden: {0} opgegeven, {1} in het panel gekomen (eerst gelijk voor gelijk, daarna op volgorde van rang waar de quota dat toelaten), {2} over voor latere uitval (alternates.csv)",
        .drawn: "Geloot uit de aanmelders: {0}, met de methode {1}, uit de {2} aanmelders die nog geloot konden worden",
        .chance: "De kans van elke aanmelder die mee kon loten om als vervanger geloot te worden: van {0} tot {1}",
        .chanceEstimated: "De geschatte kans van elke aanmelder die mee kon loten om als vervanger geloot te worden: van {0} tot {1}",
        .drawnNone: "Geloot uit de aanmelders: niemand (de reserveleden vulden alle zetels)",
        .warning: "**Let op: niet alle quota konden worden gehaald.** Geen enkele aanvulling van het panel haalt ze. Daarom zijn de zetels gevuld met de aanvulling die de quota het minst breekt ({0}):",
        .why: "Waarom:",
        .conflicting: "Deze quota botsen met elkaar: {0}.",
        .with: " met ",
        .separately: "; en los daarvan ",
        .notes: "Opmerkingen:",
        .tableHeading: "Het aangevulde panel en de quota",
        .colFeature: "kenmerk",
        .colValue: "waarde",
        .colMin: "minimum",
        .colMax: "maximum",
        .colSeats: "zetels",
        .colAlternates: "waarvan reserveleden",
        .colDrawn: "waarvan geloot",
        .offQuota: "**(buiten quotum)**",
        .allHold: "Alle quota en de regel van één persoon per huishouden gelden voor het aangevulde panel. De vervangers zijn vastgelegd in `audit.json`.",
        .someBroken: "De regel van één persoon per huishouden geldt. De quota die als buiten quotum gemarkeerd zijn, gelden niet (zie de waarschuwing). De vervangers zijn vastgelegd in `audit.json`.",
    ]

    static let german: [ReplacementKey: String] = [
        .title: "Auslosung von Nachrückern",
        .seed: "Startwert: {0} (Zufallsstrom `replace`)",
        .counts: "Ausgefallene Mitglieder: {0}; bleibende Mitglieder: {1}; neu besetzte Sitze: {2}",
        .alternates: "Nachrücker: {0} angegeben, {1} ins Gremium gekommen (zuerst Gleiches für Gleiches, dann nach Rang, wo die Quoten es erlauben), {2} übrig für spätere Ausfälle (alternates.csv)",
        .drawn: "Aus den Angemeldeten ausgelost: {0}, mit dem Verfahren {1}, aus den {2} Angemeldeten, die noch ausgelost werden konnten",
        .chance: "Die Chance jeder angemeldeten Person, die noch infrage kam, als Nachrücker ausgelost zu werden: von {0} bis {1}",
        .chanceEstimated: "Die geschätzte Chance jeder angemeldeten Person, die noch infrage kam, als Nachrücker ausgelost zu werden: von {0} bis {1}",
        .drawnNone: "Aus den Angemeldeten ausgelost: niemand (die Nachrücker haben alle Sitze besetzt)",
        .warning: "**Achtung: nicht alle Quoten konnten erfüllt werden.** Keine Ergänzung des Gremiums erfüllt sie. Deshalb wurden die Sitze mit der Ergänzung besetzt, die die Quoten am wenigsten verletzt ({0}):",
        .why: "Warum:",
        .conflicting: "Diese Quoten widersprechen sich: {0}.",
        .with: " mit ",
        .separately: "; und unabhängig davon ",
        .notes: "Anmerkungen:",
        .tableHeading: "Das ergänzte Gremium und die Quoten",
        .colFeature: "Merkmal",
        .colValue: "Wert",
        .colMin: "Mindestzahl",
        .colMax: "Höchstzahl",
        .colSeats: "Sitze",
        .colAlternates: "davon Nachrücker",
        .colDrawn: "davon ausgelost",
        .offQuota: "**(außerhalb der Quote)**",
        .allHold: "Alle Quoten und die Regel „eine Person pro Haushalt“ gelten für das ergänzte Gremium. Die Nachrücker sind in `audit.json` festgehalten.",
        .someBroken: "Die Regel „eine Person pro Haushalt“ gilt. Die als außerhalb der Quote markierten Quoten gelten nicht (siehe die Warnung). Die Nachrücker sind in `audit.json` festgehalten.",
    ]
}
