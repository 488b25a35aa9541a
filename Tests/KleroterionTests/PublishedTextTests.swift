import Foundation
import Testing
@testable import Kleroterion

/// Input values that would be live HTML or links in a Markdown viewer; none may survive rendering.
@Suite struct PublishedTextTests {
    static let attacks = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
                          "![](http://tracker.example/t.png)", "a|b", "<http://evil.example>", "http://evil.example/x", "mail@evil.example"]

    /// Renders Markdown with Python-Markdown (from .venv-verify) and returns the HTML.
    func render(_ markdown: String) throws -> String? {
        guard let python = verifyVenvPython() else { return nil }
        let dir = temporaryDirectory()
        let path = dir + "/in.md"
        try markdown.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try runProgram(python, ["-c", "import sys, markdown; print(markdown.markdown(open(sys.argv[1], encoding='utf-8').read(), extensions=['tables']))", path])
        #expect(run.status == 0, "\(run.output)")
        return run.stdout
    }

    /// No element from an input value: every tag in the HTML is one our own Markdown makes (headings, lists,
    /// tables, emphasis, code), with no attribute but table alignment; so no script, image or link at all.
    func expectInert(_ html: String, _ what: String) {
        let allowed: Set<String> = ["h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
                                    "strong", "em", "code", "pre", "hr", "blockquote", "br"]
        let tag = try! NSRegularExpression(pattern: "<\\s*(/?)\\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
        for match in tag.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let name = String(html[Range(match.range(at: 2), in: html)!]).lowercased()
            let attributes = String(html[Range(match.range(at: 3), in: html)!]).trimmingCharacters(in: .whitespaces)
            #expect(allowed.contains(name), "\(what): the rendered HTML holds a <\(name)> element")
            #expect(attributes.isEmpty || attributes == "/" || attributes.hasPrefix("align=") || attributes.hasPrefix("style=\"text-align"),
                    "\(what): <\(name) \(attributes)>")
        }
    }

    @Test func escapedValuesRenderAsText() throws {
        for attack in Self.attacks {
            let markdown = "# Title\n\n- value: \(PublishedText.escapeMarkdown(attack))\n\n| a | b |\n|---|---|\n| \(PublishedText.escapeMarkdown(attack)) | x |\n"
            guard let html = try render(markdown) else { Issue.record(".venv-verify is missing (make test creates it)"); return }
            expectInert(html, attack)
            // The table keeps two columns: the pipe in the value did not split the cell.
            #expect(!html.contains("<td>a</td>"), "\(attack): \(html)")
        }
    }

    @Test func announcementAndReportOfALotteryWithHostileInputsAreInert() throws {
        let dir = temporaryDirectory()
        let feature = "<script>alert(1)</script>", other = "[x](javascript:alert(1))"
        let values = ["<img src=x onerror=alert(1)>", "![](http://tracker.example/t.png)"]
        let others = ["a|b", "<http://evil.example>"]
        var pool = ["id,\"\(feature)\",\"\(other)\""]
        for i in 0..<12 { pool.append("p\(i),\"\(values[i % 2])\",\"\(others[(i / 2) % 2])\"") }
        try (pool.joined(separator: "\n") + "\n").write(toFile: dir + "/pool.csv", atomically: true, encoding: .utf8)
        var quotas = ["feature,value,min,max"]
        for v in values { quotas.append("\"\(feature)\",\"\(v)\",2,2") }
        for v in others { quotas.append("\"\(other)\",\"\(v)\",1,3") }
        try (quotas.joined(separator: "\n") + "\n").write(toFile: dir + "/quotas.csv", atomically: true, encoding: .utf8)
        let settings = Commitment.Settings(panels: 50, panelSize: 4, seedSource: "![](http://tracker.example/s.png) <script>x</script> [l](javascript:x)",
                                           seedFormat: .text, allowWeakSeed: true,
                                           people: .init(file: dir + "/pool.csv", sha256: Hashing.sha256(file: dir + "/pool.csv")!),
                                           quotas: .init(file: dir + "/quotas.csv", sha256: Hashing.sha256(file: dir + "/quotas.csv")!))
        let built = try Commitment.build(pool: try Pool.load(path: dir + "/pool.csv"), quotas: try QuotaSet.load(path: dir + "/quotas.csv"), settings: settings)
        try built.write(to: dir + "/c")
        let result = try LotteryDraw.perform(commitment: dir + "/c", seed: "<img src=x onerror=alert(2)> [s](javascript:y) | x")
        try result.write(to: dir + "/c/draw", language: .en)
        for name in ["c/announcement.md", "c/draw/report.md"] {
            let text = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            guard let html = try render(text) else { Issue.record(".venv-verify is missing (make test creates it)"); return }
            expectInert(html, name)
        }
        // The HTML report escapes on its own; check it holds no tag from the inputs either.
        let page = try String(contentsOfFile: dir + "/c/draw/report.html", encoding: .utf8)
        #expect(!page.contains("<script>alert") && !page.contains("<img src=x"))
    }
}
