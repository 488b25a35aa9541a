/// Escaping of input values (feature names, values, seeds, seed sources, file names) before they enter a
/// published Markdown or HTML text.
///
/// Why: `report.md`, `announcement.md`, `relaxation.md` and `replacement.md` are opened in Markdown viewers
/// (GitLab, a council's CMS, an e-mail client). A value such as `<img src=x onerror=…>`, `[l](javascript:…)` or
/// `![](http://tracker/…)` typed into a pool file would otherwise become a live tag, link or remote image.
/// Markdown escapes use HTML character references, not backslashes, because every renderer (CommonMark,
/// Python-Markdown, GFM) shows a reference as its character and never reads it as syntax.
public enum PublishedText {
    /// The value as inert Markdown text: no tag, link, image, emphasis, code span, table cell break or heading can
    /// start inside it, and no URL or e-mail address in it is auto-linked. Line breaks become spaces.
    public static func escapeMarkdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        let chars = Array(text)
        for (k, c) in chars.enumerated() {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "[": out += "&#91;"
            case "]": out += "&#93;"
            case "(": out += "&#40;"
            case ")": out += "&#41;"
            case "!": out += "&#33;"
            case "*": out += "&#42;"
            case "_": out += "&#95;"
            case "`": out += "&#96;"
            case "|": out += "&#124;"
            case "\\": out += "&#92;"
            case "#": out += "&#35;"
            case "~": out += "&#126;"
            case "@": out += "&#64;"   // e-mail autolinks (GFM)
            case ":" where k + 2 < chars.count && chars[k + 1] == "/" && chars[k + 2] == "/": out += "&#58;"   // URL autolinks
            case "." where k >= 3 && String(chars[(k - 3)..<k]).lowercased() == "www": out += "&#46;"   // www. autolinks
            case "\n", "\r", "\t": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// The value as HTML text or attribute content.
    public static func escapeHTML(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A copy of the report whose input-derived texts are escaped for Markdown (for `report.md` only; the HTML
    /// report escapes at its own output points, and `report.json` keeps the values as they are).
    public static func markdownSafe(_ report: RepresentativenessReport) -> RepresentativenessReport {
        var r = report
        let e = escapeMarkdown
        r.seed = e(r.seed)
        r.algorithm = e(r.algorithm)
        r.populationSharesSource = r.populationSharesSource.map(e)
        r.funnel.weighting = r.funnel.weighting.map(e)
        r.funnel.strata = r.funnel.strata.map { var s = $0; s.name = e(s.name); return s }
        r.features = r.features.map { feature in
            var f = feature
            f.name = e(f.name)
            f.values = f.values.map { var v = $0; v.value = e(v.value); v.labels = v.labels?.mapValues(e); return v }
            // `kind:file`: the kind is ours, the file name came from the user.
            f.sharesOrigin = f.sharesOrigin.map { origin in
                guard let colon = origin.firstIndex(of: ":") else { return e(origin) }
                return String(origin[...colon]) + e(String(origin[origin.index(after: colon)...]))
            }
            f.labels = f.labels?.mapValues(e)
            return f
        }
        if var certain = r.fairness.certain {
            certain.groups = certain.groups.map { var g = $0; g.feature = e(g.feature); g.value = e(g.value); return g }
            r.fairness.certain = certain
        }
        if var d = r.dropouts {
            d.seed = e(d.seed)
            d.model = e(d.model)
            d.modelSource = d.modelSource?.map(e)
            d.values = d.values.map { var v = $0; v.feature = e(v.feature); v.value = e(v.value); return v }
            r.dropouts = d
        }
        if var t = r.transparency {
            t.seedSource = t.seedSource.map(e)
            t.hashes = t.hashes.map { CommittedHash(file: e($0.file), sha256: e($0.sha256)) }
            r.transparency = t
        }
        return r
    }
}
