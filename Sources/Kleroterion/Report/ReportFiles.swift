/// The report files a draw writes: `report.md`, `report.json`, `report.html`, all from one model.
public enum ReportFiles {
    /// A file format of the report. `pdf` is printed from `report.html` by headless Chromium (CLI only).
    public enum Format: String, CaseIterable, Sendable {
        case html, md, json, pdf

        public var fileName: String { "report." + rawValue }

        /// Parses `html,md,json`.
        public static func list(_ text: String) throws -> [Format] {
            let names = text.split(separator: ",").map { String($0).trimmingSpaces().lowercased() }.filter { !$0.isEmpty }
            guard !names.isEmpty else { throw KleroterionError("no report format given", fix: "use for example --format html,md,json") }
            return try names.map { name in
                guard let format = Format(rawValue: name == "markdown" ? "md" : name) else {
                    throw KleroterionError("there is no report format '\(name)'", fix: "choose from: html, md, json, pdf")
                }
                return format
            }
        }
    }

    public static let defaultFormats: [Format] = [.md, .json, .html]

    /// The parsed `--language` value.
    public static func language(_ text: String) throws -> ReportLanguage {
        guard let language = ReportLanguage(rawValue: text.trimmingSpaces().lowercased()) else {
            throw KleroterionError("there is no report language '\(text)'", fix: "use --language nl (Dutch), en (English) or de (German)")
        }
        return language
    }

    /// Queues the text formats (`md`, `json`, `html`) on `files`; `pdf` is left to the caller.
    public static func add(_ report: RepresentativenessReport, language: ReportLanguage, formats: [Format] = defaultFormats,
                           to files: inout OutputFiles) throws {
        for format in formats {
            switch format {
            case .md: files.add(format.fileName, MarkdownReport.render(report, language: language))
            case .json: files.add(format.fileName, try report.jsonText())
            case .html: files.add(format.fileName, HTMLReport.render(report, language: language))
            case .pdf: break
            }
        }
    }
}
