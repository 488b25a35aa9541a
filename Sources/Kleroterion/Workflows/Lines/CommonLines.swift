/// The console's words that every workflow shares: where the files went, and the prefixes of warnings and remarks
/// (see `TextTableKey`). A workflow's own lines are in the file of its family (`SelectLine`, `LotteryLine`,
/// `InvitationLine`, `FileLine`); each line is one step, in plain words, in the organiser's language.
public enum CommonLine: String, TextTableKey {
    case wrote, wroteFile, warning, note, and, problemOne, problemMany

    public static let english: [CommonLine: String] = [
        .wrote: "Files written to {0}: {1}",
        .wroteFile: "File written: {0}",
        .warning: "warning: {0}",
        .note: "note: {0}",
        .and: " and ",
        .problemOne: "{0} problem",
        .problemMany: "{0} problems",
    ]

    public static let dutch: [CommonLine: String] = [
        .wrote: "Bestanden geschreven in {0}: {1}",
        .wroteFile: "Bestand geschreven: {0}",
        .warning: "let op: {0}",
        .note: "opmerking: {0}",
        .and: " en ",
        .problemOne: "{0} probleem",
        .problemMany: "{0} problemen",
    ]

    public static let german: [CommonLine: String] = [
        .wrote: "Dateien geschrieben in {0}: {1}",
        .wroteFile: "Datei geschrieben: {0}",
        .warning: "Achtung: {0}",
        .note: "Hinweis: {0}",
        .and: " und ",
        .problemOne: "{0} Problem",
        .problemMany: "{0} Probleme",
    ]
}

extension TextTable {
    /// `a, b and c` with the language's "and".
    func list(_ items: [String]) -> String {
        let and = TextTable<CommonLine>(language)(.and)
        return items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + and + items.last!
    }
}
