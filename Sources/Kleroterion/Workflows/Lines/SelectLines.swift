/// What `select`, `check` and `replace` say on the console, one line per step, in the organiser's language (see
/// `TextTableKey`). The solver's own details (stages, classes, ILPs) are `WorkflowEvents.detail` and the results'
/// `details`, shown with `--verbose` only.
public enum SelectLine: String, TextTableKey {
    // select
    case read, feasible, fair, estimated, relaxed, alternates, drawn
    // check
    case checkedPossible, checkedImpossible, checkFeasible, checkInfeasible, checkWhy, checkConflict, checkConflictMore
    case checkSmallest, checkNoChange, checkNext
    // replace
    case replaceRead, replaced, replacedAlternates, replacedDrawn, quotasMet, quotasBroken, memberOne, memberMany

    public static let english: [SelectLine: String] = [
        .read: "Registrations read: {0} people.",
        .feasible: "Quotas checked: a panel is possible.",
        .fair: "Fairest lottery computed: everyone has at least {0} chance.",
        .estimated: "Panel drawn with the classic method; the chances are estimated (smallest {0}).",
        .relaxed: "The quotas cannot be met; they were relaxed by {0} (--relax): {1}",
        .alternates: "Alternates chosen: {0}, in rank order (alternates.csv).",
        .drawn: "Panel of {0} drawn from {1} respondents.",
        .checkedPossible: "Quotas checked: a panel is possible.",
        .checkedImpossible: "Quotas checked: no panel meets them all.",
        .checkFeasible: "Feasible: at least one panel of {0} meets every quota and the one-per-household rule.",
        .checkInfeasible: "Infeasible: no panel of {0} meets every quota and the one-per-household rule.",
        .checkWhy: "Why:",
        .checkConflict: "These quotas conflict (drop any one of them and the rest of this list can be met):",
        .checkConflictMore: "And, separately, these conflict with each other:",
        .checkSmallest: "Smallest relaxation ({0} of change in total):",
        .checkNoChange: "No change to the quotas can help: lower the panel size or invite more people.",
        .checkNext: "Next: change the quotas as suggested (quotas-relaxed.csv holds them), or draw with kleroterion select --relax.",
        .replaceRead: "Drop-outs read: {0} of the {1} members.",
        .replaced: "Replaced {0} by {1}.",
        .replacedAlternates: "Of them from the alternates: {0}.",
        .replacedDrawn: "Of them drawn from the respondents: {0}, with the method {1}.",
        .quotasMet: "The completed panel meets every quota and the one-per-household rule.",
        .quotasBroken: "the completed panel breaks the quotas by {0}: {1}. Why: {2}",
        .memberOne: "{0} member",
        .memberMany: "{0} members",
    ]

    public static let dutch: [SelectLine: String] = [
        .read: "Aanmeldingen gelezen: {0} mensen.",
        .feasible: "Quota gecontroleerd: er is een panel mogelijk.",
        .fair: "Eerlijkste loting berekend: ieder heeft minstens {0} kans.",
        .estimated: "Panel geloot met de klassieke methode; de kansen zijn geschat (kleinste {0}).",
        .relaxed: "De quota zijn niet te halen; ze zijn met --relax {0} ruimer gemaakt: {1}",
        .alternates: "Reserveleden gekozen: {0}, op volgorde (alternates.csv).",
        .drawn: "Panel van {0} geloot uit {1} aanmelders.",
        .checkedPossible: "Quota gecontroleerd: er is een panel mogelijk.",
        .checkedImpossible: "Quota gecontroleerd: geen enkel panel haalt ze allemaal.",
        .checkFeasible: "Haalbaar: minstens één panel van {0} haalt alle quota en de regel van één persoon per huishouden.",
        .checkInfeasible: "Niet haalbaar: geen enkel panel van {0} haalt alle quota en de regel van één persoon per huishouden.",
        .checkWhy: "Waarom:",
        .checkConflict: "Deze quota botsen met elkaar (laat er één weg, dan is de rest van deze lijst te halen):",
        .checkConflictMore: "En los daarvan botsen deze met elkaar:",
        .checkSmallest: "Kleinste wijziging (in totaal {0}):",
        .checkNoChange: "Geen wijziging van de quota helpt: maak het panel kleiner of nodig meer mensen uit.",
        .checkNext: "Wat nu: pas de quota aan zoals voorgesteld (quotas-relaxed.csv bevat ze), of loot met kleroterion select --relax.",
        .replaceRead: "Afvallers gelezen: {0} van de {1} leden.",
        .replaced: "{0} vervangen door {1}.",
        .replacedAlternates: "Daarvan uit de reserveleden: {0}.",
        .replacedDrawn: "Daarvan geloot uit de aanmelders: {0}, met de methode {1}.",
        .quotasMet: "Het aangevulde panel haalt alle quota en de regel van één persoon per huishouden.",
        .quotasBroken: "het aangevulde panel haalt de quota niet, het verschil is {0}: {1}. Waarom: {2}",
        .memberOne: "{0} lid",
        .memberMany: "{0} leden",
    ]

    public static let german: [SelectLine: String] = [
        .read: "Anmeldungen gelesen: {0} Personen.",
        .feasible: "Quoten geprüft: ein Gremium ist möglich.",
        .fair: "Fairste Auslosung berechnet: jeder hat mindestens {0} Chance.",
        .estimated: "Gremium mit dem klassischen Verfahren ausgelost; die Chancen sind geschätzt (kleinste {0}).",
        .relaxed: "Die Quoten sind nicht erfüllbar; sie wurden mit --relax um {0} gelockert: {1}",
        .alternates: "Nachrücker gewählt: {0}, nach Rang (alternates.csv).",
        .drawn: "Gremium von {0} aus {1} Angemeldeten ausgelost.",
        .checkedPossible: "Quoten geprüft: ein Gremium ist möglich.",
        .checkedImpossible: "Quoten geprüft: kein Gremium erfüllt sie alle.",
        .checkFeasible: "Machbar: mindestens ein Gremium von {0} erfüllt alle Quoten und die Regel „eine Person pro Haushalt“.",
        .checkInfeasible: "Nicht machbar: kein Gremium von {0} erfüllt alle Quoten und die Regel „eine Person pro Haushalt“.",
        .checkWhy: "Warum:",
        .checkConflict: "Diese Quoten widersprechen sich (lassen Sie eine davon weg, dann ist der Rest dieser Liste erfüllbar):",
        .checkConflictMore: "Und unabhängig davon widersprechen sich diese:",
        .checkSmallest: "Kleinste Lockerung (insgesamt {0}):",
        .checkNoChange: "Keine Änderung der Quoten hilft: verkleinern Sie das Gremium oder laden Sie mehr Menschen ein.",
        .checkNext: "Als Nächstes: ändern Sie die Quoten wie vorgeschlagen (quotas-relaxed.csv enthält sie), oder losen Sie mit kleroterion select --relax.",
        .replaceRead: "Ausfälle gelesen: {0} von {1} Mitgliedern.",
        .replaced: "{0} ersetzt durch {1}.",
        .replacedAlternates: "Davon aus den Nachrückern: {0}.",
        .replacedDrawn: "Davon aus den Angemeldeten ausgelost: {0}, mit dem Verfahren {1}.",
        .quotasMet: "Das ergänzte Gremium erfüllt alle Quoten und die Regel „eine Person pro Haushalt“.",
        .quotasBroken: "das ergänzte Gremium verletzt die Quoten um {0}: {1}. Warum: {2}",
        .memberOne: "{0} Mitglied",
        .memberMany: "{0} Mitglieder",
    ]
}
