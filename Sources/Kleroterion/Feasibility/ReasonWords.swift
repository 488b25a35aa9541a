/// The sentences of `InfeasibilityReason`, per language (see `TextTableKey`). The English ones are the sentences
/// `check` has always printed.
public enum ReasonKey: String, TextTableKey {
    case addressesAfterConfirmed, addresses, confirmedAboveMaximum
    case shortageSitting, shortageNone, shortageNoneOther, shortageOne, shortageOneOther, shortageMany, shortageManyOther
    case shortageAddresses, shortageAddressesOther
    case minimaAboveSeats, maximaBelowSeats, capacityBelowSeats, capacityMaximum, capacityAll
    case minimumWithMaximum, maximumWithMaximum, minimumWithMinimum, minimaOfValues, combined, poolCannotFill
    case atLeast, atMost, and

    public static let english: [ReasonKey: String] = [
        .addressesAfterConfirmed: "{0} members are confirmed and only {1} more can be drawn ({2} respondents at {1} addresses, one per address), which cannot fill {3} seats",
        .addresses: "the {0} respondents live at only {1} addresses and at most one person per address may sit, so {2} seats cannot be filled",
        .confirmedAboveMaximum: "the confirmed members already include {0} with {1}, but the quotas allow at most {2}",
        .shortageSitting: "the confirmed members include {0} with {1} and ",
        .shortageNone: "no respondent has {0}, but the quotas ask for at least {1}",
        .shortageNoneOther: "no other respondent has {0}, but the quotas ask for at least {1}",
        .shortageOne: "only 1 respondent has {0}, but the quotas ask for at least {1}",
        .shortageOneOther: "only 1 other respondent has {0}, but the quotas ask for at least {1}",
        .shortageMany: "only {0} respondents have {1}, but the quotas ask for at least {2}",
        .shortageManyOther: "only {0} other respondents have {1}, but the quotas ask for at least {2}",
        .shortageAddresses: "{0} respondents have {1}, but they live at only {2} addresses and at most one person per address may sit, while the quotas ask for at least {3}",
        .shortageAddressesOther: "{0} other respondents have {1}, but they live at only {2} addresses and at most one person per address may sit, while the quotas ask for at least {3}",
        .minimaAboveSeats: "the minima of {0} add up to {1} > {2} seats",
        .maximaBelowSeats: "the maxima of {0} add up to {1} < {2} seats",
        .capacityBelowSeats: "{0} can fill at most {1} of {2} seats: {3}",
        .capacityMaximum: "{0} at most {1} (its maximum)",
        .capacityAll: "{0} {1} (all there are)",
        .minimumWithMaximum: "the quotas ask for at least {0} seats for {1}, but only {2} of the people with {1} do not have {3}, and {3} may have at most {4} seats: {2} + {4} = {5} < {0}",
        .maximumWithMaximum: "at most {0} seats may go to {1} and at most {2} to {3}, and only {4} people have neither: {0} + {2} + {4} = {5} < {6} seats",
        .minimumWithMinimum: "the quotas ask for at least {0} seats for {1} and at least {2} for {3}, but only {4} people have both, so that needs at least {0} + {2} − {4} = {5} > {6} seats",
        .minimaOfValues: "the minima of {0} {1} alone add up to {2} > {3} seats",
        .combined: "no panel meets all of these quotas at once, because of the way the features combine in the pool: {0}",
        .poolCannotFill: "the pool cannot fill {0} seats with one person per address",
        .atLeast: "{0} at least {1}",
        .atMost: "{0} at most {1}",
        .and: " and ",
    ]

    public static let dutch: [ReasonKey: String] = [
        .addressesAfterConfirmed: "{0} leden blijven in het panel en er kunnen er nog maar {1} bij geloot worden ({2} aanmelders op {1} adressen, één per adres); zo zijn {3} zetels niet te vullen",
        .addresses: "de {0} aanmelders wonen op maar {1} adressen en per adres mag maar één persoon in het panel, dus {2} zetels zijn niet te vullen",
        .confirmedAboveMaximum: "bij de leden die blijven, zijn er al {0} met {1}, maar de quota staan er hoogstens {2} toe",
        .shortageSitting: "bij de leden die blijven, zijn er {0} met {1}, en ",
        .shortageNone: "er is geen aanmelder met {0}, maar de quota vragen er minstens {1}",
        .shortageNoneOther: "er is geen andere aanmelder met {0}, maar de quota vragen er minstens {1}",
        .shortageOne: "er is maar 1 aanmelder met {0}, terwijl de quota er minstens {1} vragen",
        .shortageOneOther: "er is maar 1 andere aanmelder met {0}, terwijl de quota er minstens {1} vragen",
        .shortageMany: "er zijn maar {0} aanmelders met {1}, terwijl de quota er minstens {2} vragen",
        .shortageManyOther: "er zijn maar {0} andere aanmelders met {1}, terwijl de quota er minstens {2} vragen",
        .shortageAddresses: "er zijn {0} aanmelders met {1}, maar ze wonen op maar {2} adressen en per adres mag maar één persoon in het panel, terwijl de quota er minstens {3} vragen",
        .shortageAddressesOther: "er zijn {0} andere aanmelders met {1}, maar ze wonen op maar {2} adressen en per adres mag maar één persoon in het panel, terwijl de quota er minstens {3} vragen",
        .minimaAboveSeats: "de minimumaantallen van {0} zijn samen {1}, meer dan de {2} zetels",
        .maximaBelowSeats: "de maximumaantallen van {0} zijn samen {1}, minder dan de {2} zetels",
        .capacityBelowSeats: "{0} kan hoogstens {1} van de {2} zetels vullen: {3}",
        .capacityMaximum: "{0} hoogstens {1} (het maximum)",
        .capacityAll: "{0} {1} (alle die er zijn)",
        .minimumWithMaximum: "de quota vragen minstens {0} zetels voor {1}. Van de mensen met {1} hebben er maar {2} niet {3}, en {3} mag hoogstens {4} zetels krijgen: {2} + {4} = {5}, minder dan {0}",
        .maximumWithMaximum: "hoogstens {0} zetels mogen naar {1} en hoogstens {2} naar {3}, en maar {4} mensen hebben geen van beide: {0} + {2} + {4} = {5}, minder dan {6} zetels",
        .minimumWithMinimum: "de quota vragen minstens {0} zetels voor {1} en minstens {2} voor {3}. Er zijn maar {4} mensen met beide, dus dat vraagt minstens {0} + {2} − {4} = {5} zetels, meer dan de {6} die er zijn",
        .minimaOfValues: "alleen al de minimumaantallen van {0} {1} zijn samen {2}, meer dan de {3} zetels",
        .combined: "geen enkel panel haalt al deze quota tegelijk, door de manier waarop de kenmerken bij de aanmelders samen voorkomen: {0}",
        .poolCannotFill: "met één persoon per adres zijn de {0} zetels niet te vullen uit de aanmelders",
        .atLeast: "{0} minstens {1}",
        .atMost: "{0} hoogstens {1}",
        .and: " en ",
    ]

    public static let german: [ReasonKey: String] = [
        .addressesAfterConfirmed: "{0} Mitglieder bleiben im Gremium, und nur {1} weitere können ausgelost werden ({2} Angemeldete an {1} Adressen, eine Person pro Adresse); so lassen sich {3} Sitze nicht füllen",
        .addresses: "die {0} Angemeldeten wohnen an nur {1} Adressen, und pro Adresse darf nur eine Person ins Gremium, deshalb lassen sich {2} Sitze nicht füllen",
        .confirmedAboveMaximum: "unter den bleibenden Mitgliedern sind schon {0} mit {1}, aber die Quoten erlauben höchstens {2}",
        .shortageSitting: "unter den bleibenden Mitgliedern sind {0} mit {1}, und ",
        .shortageNone: "es gibt keine Angemeldeten mit {0}, aber die Quoten verlangen mindestens {1}",
        .shortageNoneOther: "es gibt keine weiteren Angemeldeten mit {0}, aber die Quoten verlangen mindestens {1}",
        .shortageOne: "es gibt nur 1 angemeldete Person mit {0}, aber die Quoten verlangen mindestens {1}",
        .shortageOneOther: "es gibt nur 1 weitere angemeldete Person mit {0}, aber die Quoten verlangen mindestens {1}",
        .shortageMany: "es gibt nur {0} Angemeldete mit {1}, aber die Quoten verlangen mindestens {2}",
        .shortageManyOther: "es gibt nur {0} weitere Angemeldete mit {1}, aber die Quoten verlangen mindestens {2}",
        .shortageAddresses: "es gibt {0} Angemeldete mit {1}, aber sie wohnen an nur {2} Adressen, und pro Adresse darf nur eine Person ins Gremium, während die Quoten mindestens {3} verlangen",
        .shortageAddressesOther: "es gibt {0} weitere Angemeldete mit {1}, aber sie wohnen an nur {2} Adressen, und pro Adresse darf nur eine Person ins Gremium, während die Quoten mindestens {3} verlangen",
        .minimaAboveSeats: "die Mindestzahlen von {0} ergeben zusammen {1}, mehr als die {2} Sitze",
        .maximaBelowSeats: "die Höchstzahlen von {0} ergeben zusammen {1}, weniger als die {2} Sitze",
        .capacityBelowSeats: "{0} kann höchstens {1} der {2} Sitze füllen: {3}",
        .capacityMaximum: "{0} höchstens {1} (die Höchstzahl)",
        .capacityAll: "{0} {1} (alle, die es gibt)",
        .minimumWithMaximum: "die Quoten verlangen mindestens {0} Sitze für {1}. Von den Personen mit {1} haben nur {2} nicht {3}, und {3} darf höchstens {4} Sitze bekommen: {2} + {4} = {5}, weniger als {0}",
        .maximumWithMaximum: "höchstens {0} Sitze dürfen an {1} gehen und höchstens {2} an {3}, und nur {4} Personen haben keins von beiden: {0} + {2} + {4} = {5}, weniger als {6} Sitze",
        .minimumWithMinimum: "die Quoten verlangen mindestens {0} Sitze für {1} und mindestens {2} für {3}. Nur {4} Personen haben beides, also braucht das mindestens {0} + {2} − {4} = {5} Sitze, mehr als die {6}, die es gibt",
        .minimaOfValues: "schon die Mindestzahlen von {0} {1} ergeben zusammen {2}, mehr als die {3} Sitze",
        .combined: "kein Gremium erfüllt alle diese Quoten zugleich, weil die Merkmale bei den Angemeldeten so zusammen auftreten: {0}",
        .poolCannotFill: "mit einer Person pro Adresse lassen sich die {0} Sitze aus den Angemeldeten nicht füllen",
        .atLeast: "{0} mindestens {1}",
        .atMost: "{0} höchstens {1}",
        .and: " und ",
    ]
}
