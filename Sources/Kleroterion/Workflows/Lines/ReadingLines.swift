/// What the readers of the input files remark on the console (stderr): a renamed column's codes, a derived age band,
/// values a spreadsheet would run as formulas, drop-out rates that would publish more than intended, and how the
/// quotas were derived (see `TextTableKey`). The library's readers take the language; it is English when a caller
/// gives none, as error messages are.
public enum ReadingLine: String, TextTableKey {
    case genderSpelled, ageDerived, ageExcluded, ageImputed, formulasOne, formulasMany
    case ratesPerPerson, ratesByHiddenOne, ratesByHiddenMany
    case jointReplaces, unusedFeature, sharesReplace, unpublished, scaled, agesCounted, registerExcluded, registerImputed

    public static let english: [ReadingLine: String] = [
        .genderSpelled: "{0}: gender M / V / O read as man / vrouw / overig.",
        .ageDerived: "{0}: {1} derived from {2} on {3} (bands {4}).",
        .ageExcluded: "{0}: {1} left out because their birth date is partly unknown (--unknown-birth-dates exclude).",
        .ageImputed: "{0}: {1} partly unknown birth dates set to the middle of the unknown period (--unknown-birth-dates impute).",
        .formulasOne: "{0}:{1}: column '{2}': 1 value (the first: '{3}') starts with = + - or @, which a spreadsheet may run as a formula; the output files keep them unchanged, so open them in a spreadsheet as text (see 'Spreadsheet safety' in docs/input-files.md)",
        .formulasMany: "{0}:{1}: column '{2}': {4} values (the first: '{3}') start with = + - or @, which a spreadsheet may run as a formula; the output files keep them unchanged, so open them in a spreadsheet as text (see 'Spreadsheet safety' in docs/input-files.md)",
        .ratesPerPerson: "{0} gives a drop-out rate per respondent; the published {1} shows each pseudonym's rate. If a rate says something personal, use rates per quota feature value (feature,value,dropout_rate) instead",
        .ratesByHiddenOne: "{0} sets drop-out rates by {1}, which is not a quota feature; the published {2} shows each pseudonym's rate, and so which of them have those values. Leave such rows out if that matters",
        .ratesByHiddenMany: "{0} sets drop-out rates by {1}, which are not quota features; the published {2} shows each pseudonym's rate, and so which of them have those values. Leave such rows out if that matters",
        .jointReplaces: "{0}: joint shares from {1} replace the register's joint counts.",
        .unusedFeature: "{0}: the feature '{1}' is not in the template {2} and was not used.",
        .sharesReplace: "{0}: shares from {1} replace the template's source ({2}).",
        .unpublished: "{0}: the source publishes no numbers for it{1}; it is left out. To include it, give its shares in a --shares file.",
        .scaled: "{0}: the shares in {1} add up to {2}; they were scaled to add up to 1.",
        .agesCounted: "Ages are counted in completed years on {0}; residents younger than {1} are left out.",
        .registerExcluded: "{0} residents with a partly unknown birth date were left out (--unknown-birth-dates exclude).",
        .registerImputed: "{0} partly unknown birth dates were set to the middle of the unknown period (--unknown-birth-dates impute).",
    ]

    public static let dutch: [ReadingLine: String] = [
        .genderSpelled: "{0}: geslacht M / V / O gelezen als man / vrouw / overig.",
        .ageDerived: "{0}: {1} afgeleid uit {2} op {3} (groepen {4}).",
        .ageExcluded: "{0}: {1} niet meegenomen, omdat hun geboortedatum deels onbekend is (--unknown-birth-dates exclude).",
        .ageImputed: "{0}: {1} deels onbekende geboortedata op het midden van de onbekende periode gezet (--unknown-birth-dates impute).",
        .formulasOne: "{0}:{1}: kolom '{2}': 1 waarde (de eerste: '{3}') begint met = + - of @, wat een rekenblad als formule kan uitvoeren. De geschreven bestanden houden de waarde zoals ze is: open ze in een rekenblad als tekst (zie docs/input-files.md)",
        .formulasMany: "{0}:{1}: kolom '{2}': {4} waarden (de eerste: '{3}') beginnen met = + - of @, wat een rekenblad als formule kan uitvoeren. De geschreven bestanden houden de waarden zoals ze zijn: open ze in een rekenblad als tekst (zie docs/input-files.md)",
        .ratesPerPerson: "{0} geeft een kans op afvallen per aanmelder; het openbare {1} toont de kans bij elke schuilnaam. Als een kans iets persoonlijks zegt, geef dan kansen per waarde van een kenmerk van de quota (feature,value,dropout_rate)",
        .ratesByHiddenOne: "{0} geeft kansen op afvallen per {1}, en dat is geen kenmerk van de quota; het openbare {2} toont de kans bij elke schuilnaam, en dus wie die waarden heeft. Laat zulke regels weg als dat ertoe doet",
        .ratesByHiddenMany: "{0} geeft kansen op afvallen per {1}, en dat zijn geen kenmerken van de quota; het openbare {2} toont de kans bij elke schuilnaam, en dus wie die waarden heeft. Laat zulke regels weg als dat ertoe doet",
        .jointReplaces: "{0}: de gezamenlijke aandelen uit {1} komen in plaats van de tellingen in de basisregistratie.",
        .unusedFeature: "{0}: het kenmerk '{1}' staat niet in het sjabloon {2} en is niet gebruikt.",
        .sharesReplace: "{0}: de aandelen uit {1} komen in plaats van de bron van het sjabloon ({2}).",
        .unpublished: "{0}: de bron publiceert er geen cijfers over{1}; het is weggelaten. Geef de aandelen in een bestand met --shares om het mee te nemen.",
        .scaled: "{0}: de aandelen in {1} tellen op tot {2}; ze zijn herschaald, zodat ze samen 1 zijn.",
        .agesCounted: "Leeftijden zijn geteld in volle jaren op {0}; inwoners jonger dan {1} zijn niet meegeteld.",
        .registerExcluded: "{0} inwoners met een deels onbekende geboortedatum zijn niet meegeteld (--unknown-birth-dates exclude).",
        .registerImputed: "{0} deels onbekende geboortedata zijn op het midden van de onbekende periode gezet (--unknown-birth-dates impute).",
    ]

    public static let german: [ReadingLine: String] = [
        .genderSpelled: "{0}: Geschlecht M / V / O gelesen als man / vrouw / overig.",
        .ageDerived: "{0}: {1} abgeleitet aus {2} am {3} (Gruppen {4}).",
        .ageExcluded: "{0}: {1} nicht berücksichtigt, weil ihr Geburtsdatum teilweise unbekannt ist (--unknown-birth-dates exclude).",
        .ageImputed: "{0}: {1} teilweise unbekannte Geburtsdaten auf die Mitte des unbekannten Zeitraums gesetzt (--unknown-birth-dates impute).",
        .formulasOne: "{0}:{1}: Spalte '{2}': 1 Wert (der erste: '{3}') beginnt mit = + - oder @, was eine Tabellenkalkulation als Formel ausführen kann. Die geschriebenen Dateien behalten den Wert unverändert: öffnen Sie sie in einer Tabellenkalkulation als Text (siehe docs/input-files.md)",
        .formulasMany: "{0}:{1}: Spalte '{2}': {4} Werte (der erste: '{3}') beginnen mit = + - oder @, was eine Tabellenkalkulation als Formel ausführen kann. Die geschriebenen Dateien behalten die Werte unverändert: öffnen Sie sie in einer Tabellenkalkulation als Text (siehe docs/input-files.md)",
        .ratesPerPerson: "{0} gibt eine Ausfallquote pro angemeldeter Person an; das veröffentlichte {1} zeigt die Quote jedes Pseudonyms. Wenn eine Quote etwas Persönliches verrät, geben Sie stattdessen Quoten pro Wert eines Merkmals der Quoten an (feature,value,dropout_rate)",
        .ratesByHiddenOne: "{0} legt Ausfallquoten nach {1} fest, und das ist kein Merkmal der Quoten; das veröffentlichte {2} zeigt die Quote jedes Pseudonyms und damit, wer diese Werte hat. Lassen Sie solche Zeilen weg, wenn das wichtig ist",
        .ratesByHiddenMany: "{0} legt Ausfallquoten nach {1} fest, und das sind keine Merkmale der Quoten; das veröffentlichte {2} zeigt die Quote jedes Pseudonyms und damit, wer diese Werte hat. Lassen Sie solche Zeilen weg, wenn das wichtig ist",
        .jointReplaces: "{0}: die gemeinsamen Anteile aus {1} ersetzen die Zählungen im Melderegister.",
        .unusedFeature: "{0}: das Merkmal '{1}' steht nicht in der Vorlage {2} und wurde nicht verwendet.",
        .sharesReplace: "{0}: die Anteile aus {1} ersetzen die Quelle der Vorlage ({2}).",
        .unpublished: "{0}: die Quelle veröffentlicht dafür keine Zahlen{1}; es wird weggelassen. Um es aufzunehmen, geben Sie die Anteile in einer Datei mit --shares an.",
        .scaled: "{0}: die Anteile in {1} ergeben zusammen {2}; sie wurden so umgerechnet, dass sie zusammen 1 ergeben.",
        .agesCounted: "Das Alter wird in vollendeten Jahren am {0} gezählt; Einwohner unter {1} Jahren werden nicht mitgezählt.",
        .registerExcluded: "{0} Einwohner mit teilweise unbekanntem Geburtsdatum wurden nicht mitgezählt (--unknown-birth-dates exclude).",
        .registerImputed: "{0} teilweise unbekannte Geburtsdaten wurden auf die Mitte des unbekannten Zeitraums gesetzt (--unknown-birth-dates impute).",
    ]
}
