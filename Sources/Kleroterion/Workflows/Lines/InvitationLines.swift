/// What `invite` and `quotas` say on the console, one line per step, in the organiser's language (see `TextTableKey`).
public enum InvitationLine: String, TextTableKey {
    // invite
    case inviteStep, invited, invitedAddresses, stratumOne, stratumMany, leftOut, expected
    // quotas
    case quotasHeading, quotasHeadingTolerance, counted
    case sourceSharesFile, sourceRegister, sourceRegisterAges, sourceUnpublished, sourceTemplate, sourceJointShares, sourceJointCounts

    public static let english: [InvitationLine: String] = [
        .inviteStep: "Drawing {0} letters from the register.",
        .invited: "Letters drawn: {0} from {1} eligible residents, in {2}.",
        .invitedAddresses: "Letters drawn: {0} from {1} eligible residents at {2} addresses (one per address), in {3}.",
        .stratumOne: "{0} stratum",
        .stratumMany: "{0} strata",
        .leftOut: "Left out: {0} residents with a partly unknown birth date (--unknown-birth-dates exclude).",
        .expected: "Expected respondents: {0} ({1} with proportional letters); expected pool vs population distance {2} ({3} with proportional letters).",
        .quotasHeading: "Quotas for a panel of {0} from template {1} ({2}):",
        .quotasHeadingTolerance: "Quotas for a panel of {0} from template {1} ({2}), tolerance ±{3}:",
        .counted: "{0} residents counted in {1}",
        .sourceSharesFile: "shares file {0}",
        .sourceRegister: "register {0}, column '{1}'",
        .sourceRegisterAges: "register {0}, ages from column '{1}'",
        .sourceUnpublished: "not published: left out",
        .sourceTemplate: "template {0}",
        .sourceJointShares: "joint shares in {0}",
        .sourceJointCounts: "register {0}, joint counts",
    ]

    public static let dutch: [InvitationLine: String] = [
        .inviteStep: "{0} brieven loten uit de basisregistratie.",
        .invited: "Brieven geloot: {0} onder {1} inwoners die mogen meedoen, in {2}.",
        .invitedAddresses: "Brieven geloot: {0} onder {1} inwoners die mogen meedoen, op {2} adressen (één brief per adres), in {3}.",
        .stratumOne: "{0} groep",
        .stratumMany: "{0} groepen",
        .leftOut: "Niet meegeloot: {0} inwoners met een deels onbekende geboortedatum (--unknown-birth-dates exclude).",
        .expected: "Verwachte aanmelders: {0} ({1} bij brieven naar verhouding); verwacht verschil tussen aanmelders en bevolking {2} ({3} bij brieven naar verhouding).",
        .quotasHeading: "Quota voor een panel van {0} uit sjabloon {1} ({2}):",
        .quotasHeadingTolerance: "Quota voor een panel van {0} uit sjabloon {1} ({2}), speelruimte ±{3}:",
        .counted: "{0} inwoners geteld in {1}",
        .sourceSharesFile: "bestand met bevolkingsaandelen {0}",
        .sourceRegister: "basisregistratie {0}, kolom '{1}'",
        .sourceRegisterAges: "basisregistratie {0}, leeftijden uit kolom '{1}'",
        .sourceUnpublished: "niet gepubliceerd: weggelaten",
        .sourceTemplate: "sjabloon {0}",
        .sourceJointShares: "gezamenlijke aandelen in {0}",
        .sourceJointCounts: "basisregistratie {0}, samen geteld",
    ]

    public static let german: [InvitationLine: String] = [
        .inviteStep: "{0} Briefe aus dem Melderegister auslosen.",
        .invited: "Briefe ausgelost: {0} unter {1} Einwohnern, die teilnehmen dürfen, in {2}.",
        .invitedAddresses: "Briefe ausgelost: {0} unter {1} Einwohnern, die teilnehmen dürfen, an {2} Adressen (ein Brief pro Adresse), in {3}.",
        .stratumOne: "{0} Gruppe",
        .stratumMany: "{0} Gruppen",
        .leftOut: "Nicht mitgelost: {0} Einwohner mit einem teilweise unbekannten Geburtsdatum (--unknown-birth-dates exclude).",
        .expected: "Erwartete Anmeldungen: {0} ({1} bei Briefen im Verhältnis); erwarteter Abstand zwischen Angemeldeten und Bevölkerung {2} ({3} bei Briefen im Verhältnis).",
        .quotasHeading: "Quoten für ein Gremium von {0} aus der Vorlage {1} ({2}):",
        .quotasHeadingTolerance: "Quoten für ein Gremium von {0} aus der Vorlage {1} ({2}), Spielraum ±{3}:",
        .counted: "{0} Einwohner gezählt in {1}",
        .sourceSharesFile: "Datei mit Bevölkerungsanteilen {0}",
        .sourceRegister: "Melderegister {0}, Spalte '{1}'",
        .sourceRegisterAges: "Melderegister {0}, Alter aus Spalte '{1}'",
        .sourceUnpublished: "nicht veröffentlicht: weggelassen",
        .sourceTemplate: "Vorlage {0}",
        .sourceJointShares: "gemeinsame Anteile in {0}",
        .sourceJointCounts: "Melderegister {0}, gemeinsam gezählt",
    ]
}

extension QuotaDerivation.Source {
    /// Where a feature's shares came from, in `language`.
    public func text(_ language: ReportLanguage) -> String {
        let w = TextTable<InvitationLine>(language)
        switch self {
        case .sharesFile(let file): return w(.sourceSharesFile, file)
        case let .register(file, column, ages): return w(ages ? .sourceRegisterAges : .sourceRegister, file, column)
        case .unpublished: return w(.sourceUnpublished)
        case let .template(path, source): return w(.sourceTemplate, path) + (source.map { " (\($0))" } ?? "")
        case .jointShares(let file): return w(.sourceJointShares, file)
        case .jointCounts(let file): return w(.sourceJointCounts, file)
        }
    }
}
