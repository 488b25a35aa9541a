/// What `select` says, one line per step, in the organiser's language (`--language`): the lines a front end shows
/// as progress and as the result. The solver's own details (stages, classes, ILPs) are `WorkflowEvents.detail`.
public enum WorkflowText {
    /// The steps of a draw that have a plain-language line.
    public enum Step: Sendable { case read, feasible, fair, estimated, drawn, wrote }

    /// The line for `step`, with `a` and `b` filled in (counts, a chance, a folder and file names).
    public static func line(_ step: Step, _ language: ReportLanguage, _ a: String = "", _ b: String = "") -> String {
        let text: String
        switch (language, step) {
        case (.nl, .read): text = "Aanmeldingen gelezen: {0} mensen."
        case (.nl, .feasible): text = "Quota gecontroleerd: er is een panel mogelijk."
        case (.nl, .fair): text = "Eerlijkste loting berekend: ieder heeft minstens {0} kans."
        case (.nl, .estimated): text = "Panel geloot met de klassieke methode; de kansen zijn geschat (kleinste {0})."
        case (.nl, .drawn): text = "Panel van {0} geloot uit {1} aanmelders."
        case (.nl, .wrote): text = "Bestanden geschreven in {0}: {1}"
        case (.en, .read): text = "Registrations read: {0} people."
        case (.en, .feasible): text = "Quotas checked: a panel is possible."
        case (.en, .fair): text = "Fairest lottery computed: everyone has at least {0} chance."
        case (.en, .estimated): text = "Panel drawn with the classic method; the chances are estimated (smallest {0})."
        case (.en, .drawn): text = "Panel of {0} drawn from {1} respondents."
        case (.en, .wrote): text = "Files written to {0}: {1}"
        case (.de, .read): text = "Anmeldungen gelesen: {0} Personen."
        case (.de, .feasible): text = "Quoten geprüft: ein Gremium ist möglich."
        case (.de, .fair): text = "Fairste Auslosung berechnet: jeder hat mindestens {0} Chance."
        case (.de, .estimated): text = "Gremium mit dem klassischen Verfahren ausgelost; die Chancen sind geschätzt (kleinste {0})."
        case (.de, .drawn): text = "Gremium von {0} aus {1} Angemeldeten ausgelost."
        case (.de, .wrote): text = "Dateien geschrieben in {0}: {1}"
        }
        return text.replacingOccurrences(of: "{0}", with: a).replacingOccurrences(of: "{1}", with: b)
    }
}
