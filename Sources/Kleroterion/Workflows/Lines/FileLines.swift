/// What `inspect`, `dropout-rates` and `report` say on the console, one line per step, in the organiser's language
/// (see `TextTableKey`).
public enum FileLine: String, TextTableKey {
    // inspect
    case summary, comma, semicolon, column, readAs, originBRP, originTemplate, noMapping, formulas, formulaOne, formulaMany, formulaCell, formulaMore
    // dropout-rates
    case ratesHeading, rateRow
    // report
    case printing

    public static let english: [FileLine: String] = [
        .summary: "{0}: {1} rows, {2} columns, delimiter {3}, {4} bytes, read in {5} s",
        .comma: "',' (comma)",
        .semicolon: "';' (semicolon)",
        .column: "  {0}: {1} empty",
        .readAs: "  → read as {0} ({1})",
        .originBRP: "BRP header",
        .originTemplate: "the template's columns:",
        .noMapping: "Column names: nothing to rename (no --columns, no recognised BRP headers).",
        .formulas: "Spreadsheet safety: {0} (open the file as text; see docs/input-files.md):",
        .formulaOne: "1 value starts with = + - or @, which a spreadsheet may run as a formula",
        .formulaMany: "{0} values start with = + - or @, which a spreadsheet may run as a formula",
        .formulaCell: "  line {0}, column '{1}': {2}",
        .formulaMore: "  … and {0} more",
        .ratesHeading: "Drop-out rates from {0} members, {1} drop-outs ({2} % intervals):",
        .rateRow: "  {0} = {1}: {2} of {3}, rate {4} ({5} to {6})",
        .printing: "Printing report.pdf with Chromium.",
    ]

    public static let dutch: [FileLine: String] = [
        .summary: "{0}: {1} regels, {2} kolommen, scheidingsteken {3}, {4} bytes, gelezen in {5} s",
        .comma: "',' (komma)",
        .semicolon: "';' (puntkomma)",
        .column: "  {0}: {1} leeg",
        .readAs: "  → gelezen als {0} ({1})",
        .originBRP: "bekende kolomnaam van de BRP",
        .originTemplate: "kolommen van het sjabloon",
        .noMapping: "Kolomnamen: niets te vertalen (geen --columns, geen bekende kolomnamen van de BRP).",
        .formulas: "Veilig openen in een rekenblad: {0} (open het bestand als tekst; zie docs/input-files.md):",
        .formulaOne: "1 waarde begint met = + - of @, wat een rekenblad als formule kan uitvoeren",
        .formulaMany: "{0} waarden beginnen met = + - of @, wat een rekenblad als formule kan uitvoeren",
        .formulaCell: "  regel {0}, kolom '{1}': {2}",
        .formulaMore: "  … en nog {0}",
        .ratesHeading: "Kans op afvallen, uit {0} leden van wie {1} afvielen (betrouwbaarheid {2} %):",
        .rateRow: "  {0} = {1}: {2} van {3}, kans {4} ({5} tot {6})",
        .printing: "report.pdf wordt afgedrukt met Chromium.",
    ]

    public static let german: [FileLine: String] = [
        .summary: "{0}: {1} Zeilen, {2} Spalten, Trennzeichen {3}, {4} Bytes, gelesen in {5} s",
        .comma: "',' (Komma)",
        .semicolon: "';' (Semikolon)",
        .column: "  {0}: {1} leer",
        .readAs: "  → gelesen als {0} ({1})",
        .originBRP: "bekannter Spaltenname der BRP",
        .originTemplate: "Spalten der Vorlage",
        .noMapping: "Spaltennamen: nichts umzubenennen (kein --columns, keine bekannten Spaltennamen der BRP).",
        .formulas: "Sicher öffnen in einer Tabellenkalkulation: {0} (öffnen Sie die Datei als Text; siehe docs/input-files.md):",
        .formulaOne: "1 Wert beginnt mit = + - oder @, was eine Tabellenkalkulation als Formel ausführen kann",
        .formulaMany: "{0} Werte beginnen mit = + - oder @, was eine Tabellenkalkulation als Formel ausführen kann",
        .formulaCell: "  Zeile {0}, Spalte '{1}': {2}",
        .formulaMore: "  … und {0} weitere",
        .ratesHeading: "Ausfallquoten aus {0} Mitgliedern, von denen {1} ausfielen ({2}-%-Intervalle):",
        .rateRow: "  {0} = {1}: {2} von {3}, Quote {4} ({5} bis {6})",
        .printing: "report.pdf wird mit Chromium gedruckt.",
    ]
}
