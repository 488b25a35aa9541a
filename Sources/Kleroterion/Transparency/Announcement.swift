import Foundation

/// `announcement.md`: the plain-language text organisers publish *before* the seed exists.
///
/// It fixes, in public, the one number that pins the whole lottery (the manifest's SHA-256), says where and when
/// the seed will come from, and tells anyone how to check the draw afterwards.
public enum Announcement {
    public static func text(manifest: Manifest, manifestHash: String) -> String {
        let s = manifest.settings
        // The seed source is typed by the organiser: inert Markdown only, so it cannot carry a tag or a link.
        let source = manifest.seedSource.trimmingSpaces().isEmpty
            ? "**[Not yet stated. Fill this in before publishing: where the seed comes from and when, e.g. \"the six numbers of the national lottery draw of Saturday 14 March 2026\".]**"
            : PublishedText.escapeMarkdown(manifest.seedSource)
        let format = (try? manifest.seed.parsed()) ?? .text
        var out = """
        # Announcement of a public lottery for a citizens' panel

        We will choose a panel of **\(s.panelSize)** people from the **\(s.poolSize)** people who registered.
        We have already prepared **\(s.panels)** possible panels, numbered 1 to \(s.panels). Every one of them meets the
        agreed quotas and has at most one person per household. Each of them is equally likely to be chosen.
        They were computed with the "\(PublishedText.escapeMarkdown(s.algorithm))" method, which gives every registered person as equal a chance as
        the quotas allow; numbering the panels moves nobody's chance by more than \(percent(manifest.rounding.maxChange))
        percentage points.

        ## The fingerprint of the lottery

        The full list of panels and all settings are fixed by this fingerprint (SHA-256 of `manifest.json`):

            \(manifestHash)

        If anyone changed even one character of the lottery, of the registrations or of the quotas after today, the
        fingerprint would no longer match.

        ## Where the chance comes from

        The number of the panel is decided by a public seed that does not exist yet:

        > \(source)

        Nobody, including us, can know this seed today. It will be written in the format **`\(format)`**: \(formatWords(format))
        Any other way of writing the same result gives the same canonical text; anything else is refused.

        \(strength(manifest, format))

        After the seed is known, the panel number follows from a fixed rule: SHA-256 of the lottery table's
        fingerprint (in `manifest.json`), the seed format and the canonical seed text, read as a number without bias
        (the rule `\(manifest.drawRule.name)`: \(manifest.drawRule.description))

        ## How anyone can check

        After the draw we publish the seed and the folder with these files (they contain pseudonyms and quota values
        only; no ids, names or addresses):

        | file | SHA-256 |
        |---|---|

        """
        for name in manifest.files.keys.sorted() {
            out += "| `\(name)` | `\(manifest.files[name]!)` |\n"
        }
        out += """

        Then anyone can check, without trusting us:

        1. that the files have the fingerprints above;
        2. that the seed gives the panel number that was announced;
        3. that this panel, and every other panel in the list, meets the quotas;
        4. that the list is fair: solving the same problem again from `members.csv` and `quotas.csv` gives everyone a
           chance within the stated rounding bound of their share of the panels.

        With Kleroterion: `kleroterion verify --commitment FOLDER --seed "SEED"`.
        Without it: `python3 verify_draw.py FOLDER "SEED" \(manifestHash)` (Python's standard library only) and
        `python3 verify_fairness.py FOLDER` (an independent recomputation with the HiGHS solver), both published
        with Kleroterion in `docs/`.

        Prepared on \(manifest.createdUtc) with \(manifest.tool).

        """
        return out
    }

    /// How the seed is written, in words.
    static func formatWords(_ f: SeedFormat) -> String {
        switch f {
        case .dice(let n): return "the faces of \(n) six-sided dice, read in order, e.g. `\((try? f.canonical(String("42611534621234".prefix(n)))) ?? "")`."
        case .lotto(let k, let n): return "\(k) numbers from 1 to \(n) in the order they are drawn, e.g. `\((1...k).map { String(min(n, $0 * 3 - 1)) }.joined(separator: " "))`."
        case .drand(let r): return "the randomness of drand round \(r) (64 hexadecimal digits)."
        case .nist(let t): return "the output value of the NIST beacon pulse at \(t) ms after 1970-01-01 UTC (128 hexadecimal digits)."
        case .text: return "free text (spaces and Unicode forms are normalised)."
        }
    }

    /// Whether the seed has enough outcomes, and if not, how much regenerating the commitment could buy.
    static func strength(_ m: Manifest, _ f: SeedFormat) -> String {
        guard m.seed.weak else {
            return "This format has \(f.outcomes.map(count) ?? "?") equally likely outcomes, more than 2^24: even someone who prepared this lottery a billion times over could not pick one that favours anybody noticeably."
        }
        let bound = m.seed.grindingBound ?? 1
        let outcomes = f.outcomes.map { "only " + count($0) } ?? "an unknown number of"
        return "**Warning: this seed has \(outcomes) possible outcomes.** Whoever prepares the lottery could prepare it many times and keep a version in which those few seeds favour someone: after a billion attempts, one person's chance could have been moved by up to **\(percent(bound)) percentage points**. Ask for a seed with more outcomes (ten dice, a lotto draw, a public beacon) if that matters."
    }

    /// 5,864,443,200; beyond 10^15 as a power of ten.
    static func count(_ x: Double) -> String {
        guard x < 1e15 else { return "about 10^\(Int(log10(x)))" }
        let digits = String(Int64(x.rounded()))
        return String(digits.reversed().enumerated().map { $0 > 0 && $0 % 3 == 0 ? ",\($1)" : "\($1)" }.joined().reversed())
    }

    private static func percent(_ x: Double) -> String {
        let p = x * 100
        return p < 0.01 ? "less than 0.01" : String(Double((p * 100).rounded(.up)) / 100)
    }
}
