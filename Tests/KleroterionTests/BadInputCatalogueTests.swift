import Foundation
import Testing

/// The bad-input catalogue (issue #6, "Bad input, all of it").
///
/// Each folder in `Fixtures/bad-inputs/` is one case: its input files, `args.txt` (the `kleroterion` arguments, one per
/// line, paths relative to the folder, `{out}` for the output folder) and `expected.txt` (exactly what must appear on
/// stderr, `{out}` again for the output folder). The built `kleroterion` binary runs in the case folder and must exit
/// with code 2, print exactly the expected message (file, line, column and fix), show no stack trace, and leave
/// the output folder without any file, not even a temporary one.
@Suite struct BadInputCatalogueTests {
    static let casesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/bad-inputs")

    /// Every case folder, sorted.
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: casesFolder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && FileManager.default.fileExists(atPath: casesFolder.appendingPathComponent("\($0)/args.txt").path) }.sorted()
    }()

    @Test func catalogueHasAtLeastFortyCases() {
        #expect(Self.cases.count >= 40)
        for name in Self.cases {
            let expected = Self.casesFolder.appendingPathComponent("\(name)/expected.txt").path
            #expect(FileManager.default.fileExists(atPath: expected), "\(name) has no expected.txt")
        }
    }

    @Test(arguments: cases)
    func badInputGivesOneClearMessageAndNoFiles(_ name: String) throws {
        let binary = try kleroterionBinary()
        let folder = Self.casesFolder.appendingPathComponent(name)
        let out = temporaryDirectory() + "/out"
        let arguments = try String(contentsOf: folder.appendingPathComponent("args.txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .map { $0.replacingOccurrences(of: "{out}", with: out) }
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
            .replacingOccurrences(of: "{out}", with: out)

        let run = try runProgram(binary, arguments, in: folder)
        let err = run.stderr

        #expect(run.status == 2, "\(name): exit code \(run.status), stderr: \(err)")
        #expect(err == expected, "\(name)")
        #expect(run.stdout.isEmpty, "\(name) printed to stdout: \(run.stdout)")
        for trace in ["Fatal error", "Stack dump", "Backtrace", "Current stack trace", "💣", "Thread 0"] {
            #expect(!err.contains(trace), "\(name) shows a stack trace")
        }
        // Nothing written: the output folder is absent, or (when the case put it there) holds only what it held.
        let left = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        #expect(left.isEmpty, "\(name) left files in the output folder: \(left)")
        // And nothing written next to the inputs either.
        let inputs = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") || $0.hasSuffix(".tmp") }
        #expect(inputs.isEmpty, "\(name) left temporary files in its folder: \(inputs)")
    }
}
