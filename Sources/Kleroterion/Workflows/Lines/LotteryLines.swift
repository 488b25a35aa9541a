/// What `commit`, `draw` and `verify` say on the console, one line per step, in the organiser's language (see
/// `TextTableKey`). The fingerprint and what to do next stay visible; the rounding's figures, the members' ids and
/// every check's hashes are the results' `details` (`--verbose`).
public enum LotteryLine: String, TextTableKey {
    // commit
    case committed, rounding, roundingDetail, weakSeed, alternates, alternatesDetail, fingerprint, publish, commitNext, noSeedSource, idsLookPersonal
    // draw
    case seedGives, drawn, drawnAlternates, drawPublish, drawNext, memberIDs, alternateIDs
    // verify
    case verifying, verified, notVerified, fingerprintAnnounced, fingerprintUnannounced, panelsMeetQuotas, fairChances, inputsCommitted

    public static let english: [LotteryLine: String] = [
        .committed: "Lottery prepared: {0} equally likely panels of {1} members ({2} distinct), from {3} respondents.",
        .rounding: "Numbering the panels moves nobody's chance by more than {0} percentage points.",
        .roundingDetail: "Largest change of anyone's chance by rounding: {0} (the naive worst case k/m is {1}); local-search moves: {2}.",
        .weakSeed: "Weak seed ({0}): regenerating the commitment a billion times could move one person's chance by up to {1} percentage points; the announcement says so.",
        .alternates: "Each panel has {0} ranked alternates; kleroterion verify recomputes them. The largest chance of anyone to be an alternate: {1}.",
        .alternatesDetail: "Alternates: {0}, chosen by the rule {1} for the drop-out rates in {2}; the largest chance of anyone to be an alternate: {3}.",
        .fingerprint: "Fingerprint of the lottery (SHA-256 of manifest.json): {0}",
        .publish: "Publish everything except {0}: it links the pseudonyms to the residents and stays private.",
        .commitNext: "Next: publish announcement.md now, before the seed exists. After the seed is known: kleroterion draw --commitment {0} --seed \"…\"",
        .noSeedSource: "no --seed-source given; fill in where and when the seed comes from in announcement.md before publishing it",
        .idsLookPersonal: "some ids look like citizen service numbers or e-mail addresses; they are not published (the published files carry pseudonyms), but keep {0} as safe as the register itself",
        .seedGives: "The seed gives panel {0} of {1}.",
        .drawn: "Panel drawn: {0} members (panel.csv).",
        .drawnAlternates: "Its {0} committed alternates, in rank order: alternates.csv.",
        .drawPublish: "Publish audit.json with the commitment folder (pseudonyms only); {0} (real ids, names, addresses) and the report's folder stay private until you have checked them.",
        .drawNext: "Next: anyone can check the draw with kleroterion verify --commitment {0} --seed {1}",
        .memberIDs: "Members (pool ids): {0}",
        .alternateIDs: "Alternates in rank order (pool ids): {0}",
        .verifying: "Checking the fingerprints, the panels, the fair chances (computed again) and the seed.",
        .verified: "Verified: everything in {0} is in order.",
        .notVerified: "NOT verified: {0} in {1}",
        .fingerprintAnnounced: "The fingerprint {0} is the announced one.",
        .fingerprintUnannounced: "There is no announced fingerprint to compare with: check that the announcement published before the draw says {0}.",
        .panelsMeetQuotas: "All {0} panels meet the quotas and the one-per-household rule.",
        .fairChances: "The fair chances were computed again: the lottery gives everyone their fair chance, within the announced rounding.",
        .inputsCommitted: "The files you gave ({0}) are the committed ones.",
    ]

    public static let dutch: [LotteryLine: String] = [
        .committed: "Loting klaargezet: {0} even waarschijnlijke panels van {1} leden ({2} verschillende), uit {3} aanmelders.",
        .rounding: "Door de panels te nummeren verandert niemands kans met meer dan {0} procentpunt.",
        .roundingDetail: "Grootste verandering van iemands kans door het afronden: {0} (in het slechtste geval k/m = {1}); stappen van het zoeken naar verbetering: {2}.",
        .weakSeed: "Zwakke startwaarde ({0}): wie de loting een miljard keer opnieuw maakt, kan de kans van één persoon tot {1} procentpunt verschuiven. De aankondiging zegt dat.",
        .alternates: "Elk panel heeft {0} reserveleden op volgorde; kleroterion verify rekent ze na. De grootste kans van iemand om reservelid te zijn: {1}.",
        .alternatesDetail: "Reserveleden: {0}, gekozen met de regel {1} voor de kansen op afvallen in {2}; de grootste kans van iemand om reservelid te zijn: {3}.",
        .fingerprint: "Vingerafdruk van de loting (SHA-256 van manifest.json): {0}",
        .publish: "Publiceer alles behalve {0}: dat bestand koppelt de schuilnamen aan de inwoners en blijft geheim.",
        .commitNext: "Wat nu: publiceer announcement.md nu, voordat de startwaarde bestaat. Als de startwaarde bekend is: kleroterion draw --commitment {0} --seed \"…\"",
        .noSeedSource: "geen --seed-source opgegeven; vul in announcement.md in waar en wanneer de startwaarde vandaan komt, voordat u de tekst publiceert",
        .idsLookPersonal: "sommige nummers lijken op burgerservicenummers of e-mailadressen. Ze worden niet gepubliceerd (de openbare bestanden hebben schuilnamen), maar bewaar {0} even veilig als de basisregistratie zelf",
        .seedGives: "De startwaarde geeft panel {0} van {1}.",
        .drawn: "Panel geloot: {0} leden (panel.csv).",
        .drawnAlternates: "De {0} vastgelegde reserveleden, op volgorde: alternates.csv.",
        .drawPublish: "Publiceer audit.json bij de map van de loting (alleen schuilnamen). {0} (echte nummers, namen, adressen) en de map van het verslag blijven geheim tot u ze hebt gecontroleerd.",
        .drawNext: "Wat nu: iedereen kan de loting nakijken met kleroterion verify --commitment {0} --seed {1}",
        .memberIDs: "Leden (nummers uit de aanmeldingen): {0}",
        .alternateIDs: "Reserveleden op volgorde (nummers uit de aanmeldingen): {0}",
        .verifying: "De vingerafdrukken, de panels, de eerlijke kansen (opnieuw berekend) en de startwaarde worden nagekeken.",
        .verified: "In orde: alles in {0} klopt.",
        .notVerified: "NIET in orde: {0} in {1}",
        .fingerprintAnnounced: "De vingerafdruk {0} is de aangekondigde.",
        .fingerprintUnannounced: "Er is geen aangekondigde vingerafdruk om mee te vergelijken: kijk na of de aankondiging van vóór de loting {0} noemt.",
        .panelsMeetQuotas: "Alle {0} panels halen de quota en de regel van één persoon per huishouden.",
        .fairChances: "De eerlijke kansen zijn opnieuw berekend: de loting geeft iedereen zijn eerlijke kans, binnen de aangekondigde afronding.",
        .inputsCommitted: "De opgegeven bestanden ({0}) zijn de vastgelegde.",
    ]

    public static let german: [LotteryLine: String] = [
        .committed: "Auslosung vorbereitet: {0} gleich wahrscheinliche Gremien von {1} Mitgliedern ({2} verschiedene), aus {3} Angemeldeten.",
        .rounding: "Das Nummerieren der Gremien verändert niemandes Chance um mehr als {0} Prozentpunkte.",
        .roundingDetail: "Größte Änderung der Chance einer Person durch das Runden: {0} (im schlechtesten Fall k/m = {1}); Schritte der Suche nach Verbesserung: {2}.",
        .weakSeed: "Schwacher Startwert ({0}): wer die Auslosung eine Milliarde Mal neu erstellt, könnte die Chance einer Person um bis zu {1} Prozentpunkte verschieben. Die Ankündigung sagt das.",
        .alternates: "Jedes Gremium hat {0} Nachrücker nach Rang; kleroterion verify rechnet sie nach. Die größte Chance einer Person, Nachrücker zu sein: {1}.",
        .alternatesDetail: "Nachrücker: {0}, gewählt mit der Regel {1} für die Ausfallquoten in {2}; die größte Chance einer Person, Nachrücker zu sein: {3}.",
        .fingerprint: "Fingerabdruck der Auslosung (SHA-256 von manifest.json): {0}",
        .publish: "Veröffentlichen Sie alles außer {0}: diese Datei verbindet die Pseudonyme mit den Einwohnern und bleibt vertraulich.",
        .commitNext: "Als Nächstes: veröffentlichen Sie announcement.md jetzt, bevor es den Startwert gibt. Sobald der Startwert bekannt ist: kleroterion draw --commitment {0} --seed \"…\"",
        .noSeedSource: "kein --seed-source angegeben; tragen Sie in announcement.md ein, woher und wann der Startwert kommt, bevor Sie den Text veröffentlichen",
        .idsLookPersonal: "einige Nummern sehen wie niederländische Bürgerservicenummern oder E-Mail-Adressen aus. Sie werden nicht veröffentlicht (die öffentlichen Dateien tragen Pseudonyme), aber bewahren Sie {0} so sicher auf wie das Melderegister selbst",
        .seedGives: "Der Startwert ergibt Gremium {0} von {1}.",
        .drawn: "Gremium ausgelost: {0} Mitglieder (panel.csv).",
        .drawnAlternates: "Die {0} festgelegten Nachrücker, nach Rang: alternates.csv.",
        .drawPublish: "Veröffentlichen Sie audit.json mit dem Ordner der Auslosung (nur Pseudonyme). {0} (echte Nummern, Namen, Adressen) und der Ordner des Berichts bleiben vertraulich, bis Sie sie geprüft haben.",
        .drawNext: "Als Nächstes: jeder kann die Auslosung prüfen mit kleroterion verify --commitment {0} --seed {1}",
        .memberIDs: "Mitglieder (Nummern aus den Anmeldungen): {0}",
        .alternateIDs: "Nachrücker nach Rang (Nummern aus den Anmeldungen): {0}",
        .verifying: "Fingerabdrücke, Gremien, faire Chancen (neu berechnet) und Startwert werden geprüft.",
        .verified: "In Ordnung: alles in {0} stimmt.",
        .notVerified: "NICHT in Ordnung: {0} in {1}",
        .fingerprintAnnounced: "Der Fingerabdruck {0} ist der angekündigte.",
        .fingerprintUnannounced: "Es gibt keinen angekündigten Fingerabdruck zum Vergleich: prüfen Sie, ob die vor der Auslosung veröffentlichte Ankündigung {0} nennt.",
        .panelsMeetQuotas: "Alle {0} Gremien erfüllen die Quoten und die Regel „eine Person pro Haushalt“.",
        .fairChances: "Die fairen Chancen wurden neu berechnet: die Auslosung gibt jedem seine faire Chance, innerhalb der angekündigten Rundung.",
        .inputsCommitted: "Die angegebenen Dateien ({0}) sind die festgelegten.",
    ]
}
