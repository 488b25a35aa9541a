/// `announcement.md`: the plain-language text organisers publish *before* the seed exists.
///
/// It fixes, in public, the one number that pins the whole lottery (the manifest's SHA-256), says where and when
/// the seed will come from, and tells anyone how to check the draw afterwards.
public enum Announcement {
    public static func text(manifest: Manifest, manifestHash: String) -> String {
        let s = manifest.settings
        let source = manifest.seedSource.trimmingSpaces().isEmpty
            ? "**[Not yet stated. Fill this in before publishing: where the seed comes from and when, e.g. \"the six numbers of the national lottery draw of Saturday 14 March 2026\".]**"
            : manifest.seedSource
        var out = """
        # Announcement of a public lottery for a citizens' panel

        We will choose a panel of **\(s.panelSize)** people from the **\(s.poolSize)** people who registered.
        We have already prepared **\(s.panels)** possible panels, numbered 1 to \(s.panels). Every one of them meets the
        agreed quotas and has at most one person per household. Each of them is equally likely to be chosen.
        They were computed with the "\(s.algorithm)" method, which gives every registered person as equal a chance as
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

        Nobody, including us, can know this seed today. After the seed is known, the panel number follows from a fixed
        rule: SHA-256 of the fingerprint above, the byte 0x1F and the seed text, read as a number without bias (the
        rule `\(manifest.drawRule.name)`: \(manifest.drawRule.description))

        ## How anyone can check

        After the draw we publish the seed and the folder with these files (they contain pseudonymous numbers and
        quota values only; no names or addresses):

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
        3. that this panel, and every other panel in the list, meets the quotas.

        With Kleroterion: `kleroterion verify --commitment FOLDER --seed "SEED"`.
        Without it: `python3 verify_draw.py FOLDER "SEED" \(manifestHash)` (a 40-line script using only Python's
        standard library, published with Kleroterion in `docs/verify_draw.py`).

        Prepared on \(manifest.createdUtc) with \(manifest.tool).

        """
        return out
    }

    private static func percent(_ x: Double) -> String {
        let p = x * 100
        return p < 0.01 ? "less than 0.01" : String(Double((p * 100).rounded(.up)) / 100)
    }
}
