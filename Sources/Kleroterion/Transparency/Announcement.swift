import Foundation

/// `announcement.md`: the plain-language text organisers publish *before* the seed exists, in Dutch (the default),
/// English or German (`commit --language`).
///
/// It fixes, in public, the one number that pins the whole lottery (the manifest's SHA-256), says where and when
/// the seed will come from, and tells anyone how to check the draw afterwards. The text is not hashed into the
/// manifest (it quotes the manifest's hash) and `verify` only reads the fingerprint line from it, so its language
/// changes nothing that is checked.
public enum Announcement {
    public static func text(manifest: Manifest, manifestHash: String, language: ReportLanguage = .nl) -> String {
        let w = TextTable<AnnouncementKey>(language)
        let s = manifest.settings
        // The seed source is typed by the organiser: inert Markdown only, so it cannot carry a tag or a link.
        let source = manifest.seedSource.trimmingSpaces().isEmpty
            ? "**" + w(.sourceMissing) + "**"
            : PublishedText.escapeMarkdown(manifest.seedSource)
        let format = (try? manifest.seed.parsed()) ?? .text
        var out = "# \(w(.title))\n\n"
        out += w(.intro, w.format.count(s.panelSize), w.format.count(s.poolSize), w.format.count(s.panels), w.format.count(s.panels),
                 PublishedText.escapeMarkdown(s.algorithm), percent(manifest.rounding.maxChange, w)) + "\n\n"
        out += "## \(w(.fingerprintHeading))\n\n\(w(.fingerprintIntro))\n\n    \(manifestHash)\n\n\(w(.fingerprintTamper))\n\n"
        out += "## \(w(.chanceHeading))\n\n\(w(.chanceIntro))\n\n> \(source)\n\n"
        out += w(.seedFormat, "\(format)", formatWords(format, w)) + "\n" + w(.canonical) + "\n\n"
        out += strength(manifest, format, w) + "\n\n"
        out += w(.rule, manifest.drawRule.name, manifest.drawRule.description) + "\n\n"
        out += "## \(w(.checkHeading))\n\n\(w(.checkIntro))\n\n| \(w(.colFile)) | \(w(.colSha256)) |\n|---|---|\n"
        for name in manifest.files.keys.sorted() {
            out += "| `\(name)` | `\(manifest.files[name]!)` |\n"
        }
        out += "\n\(w(.checkThen))\n\n"
        for (n, key) in [AnnouncementKey.check1, .check2, .check3, .check4].enumerated() { out += "\(n + 1). \(w(key))\n" }
        out += "\n\(w(.withTool))\n\(w(.withoutTool, manifestHash))\n\n"
        out += w(.prepared, manifest.createdUtc, manifest.tool) + "\n"
        return out
    }

    /// How the seed is written, in words.
    static func formatWords(_ f: SeedFormat, _ w: TextTable<AnnouncementKey>) -> String {
        switch f {
        case .dice(let n): return w(.dice, "\(n)", (try? f.canonical(String("42611534621234".prefix(n)))) ?? "")
        case .lotto(let k, let n): return w(.lotto, "\(k)", "\(n)", (1...k).map { String(min(n, $0 * 3 - 1)) }.joined(separator: " "))
        case .drand(let r): return w(.drand, "\(r)")
        case .nist(let t): return w(.nist, "\(t)")
        case .text: return w(.text)
        }
    }

    /// Whether the seed has enough outcomes, and if not, how much regenerating the commitment could buy.
    static func strength(_ m: Manifest, _ f: SeedFormat, _ w: TextTable<AnnouncementKey>) -> String {
        guard m.seed.weak else { return w(.strong, f.outcomes.map { count($0, w) } ?? "?") }
        let outcomes = f.outcomes.map { w(.weakOnly, count($0, w)) } ?? w(.weakUnknown)
        return w(.weak, outcomes, percent(m.seed.grindingBound ?? 1, w))
    }

    /// 5,864,443,200 (5.864.443.200 in Dutch and German); beyond 10^15 as a power of ten.
    static func count(_ x: Double, _ w: TextTable<AnnouncementKey>) -> String {
        guard x < 1e15 else { return w(.about, "\(Int(log10(x)))") }
        return w.format.count(Int(x.rounded()))
    }

    /// Percentage points, rounded up to two decimals (never understating a change).
    static func percent(_ x: Double, _ w: TextTable<AnnouncementKey>) -> String {
        let p = x * 100
        let mark = w.language == .en ? "." : ","
        if p < 0.01 { return w(.lessThan, "0" + mark + "01") }
        return String(Double((p * 100).rounded(.up)) / 100).replacingOccurrences(of: ".", with: mark)
    }
}
