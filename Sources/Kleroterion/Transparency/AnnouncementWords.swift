/// Every word of `announcement.md`, per language (see `TextTableKey`). Plain language: the announcement is read by
/// residents, journalists and council members before the seed exists.
public enum AnnouncementKey: String, TextTableKey {
    case title, intro, fingerprintHeading, fingerprintIntro, fingerprintTamper
    case chanceHeading, chanceIntro, sourceMissing, seedFormat, canonical, strong, weak, weakOnly, weakUnknown, rule
    case checkHeading, checkIntro, colFile, colSha256, checkThen, check1, check2, check3, check4, withTool, withoutTool, prepared
    case lessThan, about, dice, lotto, drand, nist, text

    public static func table(_ language: ReportLanguage) -> [AnnouncementKey: String] {
        switch language {
        case .nl: return dutch
        case .en: return english
        case .de: return german
        }
    }

    static let english: [AnnouncementKey: String] = [
        .title: "Announcement of a public lottery for a citizens' panel",
        .intro: "We will choose a panel of **{0}** people from the **{1}** people who registered. We have already prepared **{2}** possible panels, numbered 1 to {3}. Every one of them meets the agreed quotas and has at most one person per household. Each of them is equally likely to be chosen. They were computed with the \"{4}\" method, which gives every registered person as equal a chance as the quotas allow; numbering the panels moves nobody's chance by more than {5} percentage points.",
        .fingerprintHeading: "The fingerprint of the lottery",
        .fingerprintIntro: "The full list of panels and all settings are fixed by this fingerprint (SHA-256 of `manifest.json`):",
        .fingerprintTamper: "If anyone changed even one character of the lottery, of the registrations or of the quotas after today, the fingerprint would no longer match.",
        .chanceHeading: "Where the chance comes from",
        .chanceIntro: "The number of the panel is decided by a public seed that does not exist yet:",
        .sourceMissing: "[Not yet stated. Fill this in before publishing: where the seed comes from and when, e.g. \"the six numbers of the national lottery draw of Saturday 14 March 2026\".]",
        .seedFormat: "Nobody, including us, can know this seed today. It will be written in the format **`{0}`**: {1}",
        .canonical: "Any other way of writing the same result gives the same canonical text; anything else is refused.",
        .strong: "This format has {0} equally likely outcomes, more than 2^24: even someone who prepared this lottery a billion times over could not pick one that favours anybody noticeably.",
        .weak: "**Warning: this seed has {0} possible outcomes.** Whoever prepares the lottery could prepare it many times and keep a version in which those few seeds favour someone: after a billion attempts, one person's chance could have been moved by up to **{1} percentage points**. Ask for a seed with more outcomes (ten dice, a lotto draw, a public beacon) if that matters.",
        .weakOnly: "only {0}",
        .weakUnknown: "an unknown number of",
        .rule: "After the seed is known, the panel number follows from a fixed rule: SHA-256 of the lottery table's fingerprint (in `manifest.json`), the seed format and the canonical seed text, read as a number without bias (the rule `{0}`: {1})",
        .checkHeading: "How anyone can check",
        .checkIntro: "After the draw we publish the seed and the folder with these files (they contain pseudonyms and quota values only; no ids, names or addresses):",
        .colFile: "file",
        .colSha256: "SHA-256",
        .checkThen: "Then anyone can check, without trusting us:",
        .check1: "that the files have the fingerprints above;",
        .check2: "that the seed gives the panel number that was announced;",
        .check3: "that this panel, and every other panel in the list, meets the quotas;",
        .check4: "that the list is fair: solving the same problem again from `members.csv` and `quotas.csv` gives everyone a chance within the stated rounding bound of their share of the panels.",
        .withTool: "With Kleroterion: `kleroterion verify --commitment FOLDER --seed \"SEED\"`.",
        .withoutTool: "Without it: `python3 verify_draw.py FOLDER \"SEED\" {0}` (Python's standard library only) and `python3 verify_fairness.py FOLDER` (an independent recomputation with the HiGHS solver), both published with Kleroterion in `docs/`.",
        .prepared: "Prepared on {0} with {1}.",
        .lessThan: "less than {0}",
        .about: "about 10^{0}",
        .dice: "the faces of {0} six-sided dice, read in order, e.g. `{1}`.",
        .lotto: "{0} numbers from 1 to {1} in the order they are drawn, e.g. `{2}`.",
        .drand: "the randomness of drand round {0} (64 hexadecimal digits).",
        .nist: "the output value of the NIST beacon pulse at {0} ms after 1970-01-01 UTC (128 hexadecimal digits).",
        .text: "free text (spaces and Unicode forms are normalised).",
    ]

    static let dutch: [AnnouncementKey: String] = [
        .title: "Aankondiging van een openbare loting voor een burgerpanel",
        .intro: "We kiezen een panel van **{0}** mensen uit de **{1}** mensen die zich hebben aangemeld. We hebben al **{2}** mogelijke panels klaargezet, genummerd van 1 tot en met {3}. Elk van die panels haalt de afgesproken quota en heeft hoogstens één persoon per huishouden. Elk panel heeft precies dezelfde kans om gekozen te worden. De panels zijn berekend met de methode \"{4}\". Die geeft iedere aanmelder een zo gelijk mogelijke kans, voor zover de quota dat toelaten. Door de panels te nummeren verandert niemands kans met meer dan {5} procentpunt.",
        .fingerprintHeading: "De vingerafdruk van de loting",
        .fingerprintIntro: "Deze vingerafdruk (de SHA-256 van `manifest.json`) legt de hele lijst van panels en alle instellingen vast:",
        .fingerprintTamper: "Als iemand na vandaag ook maar één teken verandert aan de loting, de aanmeldingen of de quota, dan klopt de vingerafdruk niet meer.",
        .chanceHeading: "Waar het toeval vandaan komt",
        .chanceIntro: "Welk panel het wordt, hangt af van een openbare startwaarde die nu nog niet bestaat:",
        .sourceMissing: "[Nog niet ingevuld. Vul dit in voordat u de tekst publiceert: waar de startwaarde vandaan komt en wanneer, bijvoorbeeld \"de zes getallen van de lottotrekking van zaterdag 14 maart 2026\".]",
        .seedFormat: "Niemand, ook wij niet, kan deze startwaarde vandaag weten. Ze wordt geschreven in de vorm **`{0}`**: {1}",
        .canonical: "Wie dezelfde uitkomst anders opschrijft, krijgt dezelfde vaste tekst. Wat niet in deze vorm past, wordt geweigerd.",
        .strong: "Deze vorm heeft {0} even waarschijnlijke uitkomsten, meer dan 2^24. Zelfs wie deze loting een miljard keer opnieuw zou maken, kan geen versie kiezen die iemand merkbaar bevoordeelt.",
        .weak: "**Let op: deze startwaarde heeft {0} mogelijke uitkomsten.** Wie de loting voorbereidt, kan haar vaak opnieuw maken en een versie bewaren waarin die paar startwaarden iemand bevoordelen. Na een miljard pogingen kan de kans van één persoon dan tot **{1} procentpunt** verschoven zijn. Vraag om een startwaarde met meer uitkomsten (tien dobbelstenen, een lottotrekking, een openbaar baken) als dat belangrijk is.",
        .weakOnly: "maar {0}",
        .weakUnknown: "een onbekend aantal",
        .rule: "Als de startwaarde bekend is, volgt het nummer van het panel uit een vaste rekenregel. Die neemt de SHA-256 van de vingerafdruk van de lotingtabel (in `manifest.json`), de vorm van de startwaarde en de vaste tekst van de startwaarde, en leest de uitkomst als een getal, zonder voorkeur voor een panel (de regel `{0}`, uitgeschreven in `manifest.json` en in `docs/verification.md`).",
        .checkHeading: "Zo kan iedereen het controleren",
        .checkIntro: "Na de loting publiceren we de startwaarde en de map met deze bestanden. Daarin staan alleen schuilnamen en de kenmerken voor de quota; geen nummers, namen of adressen:",
        .colFile: "bestand",
        .colSha256: "SHA-256",
        .checkThen: "Daarna kan iedereen zelf nagaan, zonder ons te hoeven vertrouwen:",
        .check1: "dat de bestanden de vingerafdrukken hierboven hebben;",
        .check2: "dat de startwaarde het nummer geeft van het panel dat is bekendgemaakt;",
        .check3: "dat dit panel, en elk ander panel in de lijst, de quota haalt;",
        .check4: "dat de lijst eerlijk is: wie hetzelfde probleem opnieuw oplost uit `members.csv` en `quotas.csv`, vindt voor iedereen een kans die niet meer dan de genoemde afrondingsgrens verschilt van zijn aandeel in de panels.",
        .withTool: "Met Kleroterion: `kleroterion verify --commitment MAP --seed \"STARTWAARDE\"`.",
        .withoutTool: "Zonder Kleroterion: `python3 verify_draw.py MAP \"STARTWAARDE\" {0}` (alleen met de standaardonderdelen van Python) en `python3 verify_fairness.py MAP` (een onafhankelijke herberekening met het rekenprogramma HiGHS). Beide staan bij Kleroterion in `docs/`.",
        .prepared: "Voorbereid op {0} met {1}.",
        .lessThan: "minder dan {0}",
        .about: "ongeveer 10^{0}",
        .dice: "de ogen van {0} dobbelstenen met zes zijden, op volgorde gelezen, bijvoorbeeld `{1}`.",
        .lotto: "{0} getallen van 1 tot en met {1}, in de volgorde waarin ze getrokken worden, bijvoorbeeld `{2}`.",
        .drand: "het toevalsgetal van ronde {0} van drand (64 hexadecimale tekens).",
        .nist: "de uitkomst van de puls van het NIST-baken op {0} ms na 1 januari 1970 (UTC), 128 hexadecimale tekens.",
        .text: "vrije tekst (spaties en verschillende Unicode-schrijfwijzen worden gelijkgetrokken).",
    ]

    static let german: [AnnouncementKey: String] = [
        .title: "Ankündigung einer öffentlichen Auslosung für einen Bürgerrat",
        .intro: "Wir losen ein Gremium von **{0}** Personen aus den **{1}** Personen aus, die sich angemeldet haben. Wir haben bereits **{2}** mögliche Gremien vorbereitet, nummeriert von 1 bis {3}. Jedes davon erfüllt die vereinbarten Quoten und hat höchstens eine Person pro Haushalt. Jedes Gremium hat genau die gleiche Chance, gezogen zu werden. Die Gremien wurden mit dem Verfahren „{4}“ berechnet. Es gibt jeder angemeldeten Person eine so gleiche Chance, wie die Quoten es erlauben. Das Nummerieren der Gremien verändert niemandes Chance um mehr als {5} Prozentpunkte.",
        .fingerprintHeading: "Der Fingerabdruck der Auslosung",
        .fingerprintIntro: "Dieser Fingerabdruck (die SHA-256-Prüfsumme von `manifest.json`) legt die ganze Liste der Gremien und alle Einstellungen fest:",
        .fingerprintTamper: "Wenn jemand nach heute auch nur ein Zeichen an der Auslosung, an den Anmeldungen oder an den Quoten ändert, stimmt der Fingerabdruck nicht mehr.",
        .chanceHeading: "Woher der Zufall kommt",
        .chanceIntro: "Welches Gremium es wird, hängt von einem öffentlichen Startwert ab, den es heute noch nicht gibt:",
        .sourceMissing: "[Noch nicht angegeben. Vor dem Veröffentlichen ausfüllen: woher der Startwert kommt und wann, zum Beispiel „die sechs Zahlen der Lottoziehung vom Samstag, 14. März 2026“.]",
        .seedFormat: "Niemand, auch wir nicht, kann diesen Startwert heute kennen. Er wird in der Form **`{0}`** geschrieben: {1}",
        .canonical: "Wer dasselbe Ergebnis anders schreibt, bekommt denselben festen Text. Was nicht in diese Form passt, wird abgelehnt.",
        .strong: "Diese Form hat {0} gleich wahrscheinliche Ergebnisse, mehr als 2^24. Selbst wer diese Auslosung eine Milliarde Mal neu vorbereitet, könnte keine Fassung wählen, die jemanden merklich bevorzugt.",
        .weak: "**Achtung: dieser Startwert hat {0} mögliche Ergebnisse.** Wer die Auslosung vorbereitet, könnte sie viele Male neu erstellen und eine Fassung behalten, in der diese wenigen Startwerte jemanden bevorzugen. Nach einer Milliarde Versuchen könnte die Chance einer Person so um bis zu **{1} Prozentpunkte** verschoben sein. Verlangen Sie einen Startwert mit mehr Ergebnissen (zehn Würfel, eine Lottoziehung, ein öffentlicher Zufallsdienst), wenn das wichtig ist.",
        .weakOnly: "nur {0}",
        .weakUnknown: "eine unbekannte Zahl",
        .rule: "Sobald der Startwert bekannt ist, folgt die Nummer des Gremiums aus einer festen Rechenregel. Sie nimmt die SHA-256-Prüfsumme des Fingerabdrucks der Lostabelle (in `manifest.json`), die Form des Startwerts und den festen Text des Startwerts und liest das Ergebnis als Zahl, ohne ein Gremium zu bevorzugen (die Regel `{0}`, ausgeschrieben in `manifest.json` und in `docs/verification.md`).",
        .checkHeading: "So kann jeder nachprüfen",
        .checkIntro: "Nach der Auslosung veröffentlichen wir den Startwert und den Ordner mit diesen Dateien. Sie enthalten nur Pseudonyme und die Merkmale für die Quoten; keine Nummern, Namen oder Adressen:",
        .colFile: "Datei",
        .colSha256: "SHA-256",
        .checkThen: "Dann kann jeder selbst prüfen, ohne uns vertrauen zu müssen:",
        .check1: "dass die Dateien die Fingerabdrücke oben haben;",
        .check2: "dass der Startwert die Nummer des angekündigten Gremiums ergibt;",
        .check3: "dass dieses Gremium, und jedes andere Gremium der Liste, die Quoten erfüllt;",
        .check4: "dass die Liste fair ist: wer dieselbe Aufgabe aus `members.csv` und `quotas.csv` neu löst, findet für jeden eine Chance, die höchstens um die genannte Rundungsgrenze von seinem Anteil an den Gremien abweicht.",
        .withTool: "Mit Kleroterion: `kleroterion verify --commitment ORDNER --seed \"STARTWERT\"`.",
        .withoutTool: "Ohne Kleroterion: `python3 verify_draw.py ORDNER \"STARTWERT\" {0}` (nur mit der Standardbibliothek von Python) und `python3 verify_fairness.py ORDNER` (eine unabhängige Neuberechnung mit dem Rechenprogramm HiGHS). Beide liegen Kleroterion in `docs/` bei.",
        .prepared: "Vorbereitet am {0} mit {1}.",
        .lessThan: "weniger als {0}",
        .about: "etwa 10^{0}",
        .dice: "die Augenzahlen von {0} sechsseitigen Würfeln, der Reihe nach gelesen, zum Beispiel `{1}`.",
        .lotto: "{0} Zahlen von 1 bis {1} in der Reihenfolge der Ziehung, zum Beispiel `{2}`.",
        .drand: "der Zufallswert der drand-Runde {0} (64 hexadezimale Zeichen).",
        .nist: "der Ausgabewert des NIST-Zufallsdienstes zum Zeitpunkt {0} ms nach dem 1. Januar 1970 (UTC), 128 hexadezimale Zeichen.",
        .text: "freier Text (Leerzeichen und Unicode-Schreibweisen werden vereinheitlicht).",
    ]
}
