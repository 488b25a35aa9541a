import Foundation
import Testing

/// The bad-input catalogue (issue #6, "Bad input, all of it").
///
/// Each folder in `Fixtures/bad-inputs/` is one case: its input files, `args.txt` (the `kleroterion` arguments, one per
/// line, paths relative to the folder, `{out}` for the output folder) and `expected.txt` (exactly what must appear on
/// stderr, `{out}` again for the output folder). The built `kleroterion` binary runs in the case folder and must exit
/// with code 2, print exactly the expected message (file, line, column and fix), show no stack trace, and leave
/// the output folder without any file, not even a temporary one, and the case folder exactly as it was: no new file,
/// no removed file, no changed byte (issue #12: the cases where `--out` is, holds or reaches an input).
@Suite struct BadInputCatalogueTests {
    static let casesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/bad-inputs")

    /// Every case folder, sorted.
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: casesFolder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && FileManager.default.fileExists(atPath: casesFolder.appendingPathComponent("\($0)/args.txt").path) }.sorted()
    }()

    @Test func catalogueHasAtLeastFortyCases() {
        #expect(Self.cases.count >= 40 + 45) // issue #6's 40, and issue #12's 45 more
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

        let before = Self.snapshot(folder.path)
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
        let after = Self.snapshot(folder.path)
        #expect(after.keys.sorted() == before.keys.sorted(), "\(name) changed the files of its folder")
        for (path, bytes) in before where after[path] != bytes { Issue.record("\(name) changed \(path)") }
    }

    /// Every file and symlink below `root` (symlinks not followed), by relative path, with its bytes or link target.
    static func snapshot(_ root: String) -> [String: Data] {
        var result: [String: Data] = [:]
        func walk(_ relative: String) {
            let path = relative.isEmpty ? root : root + "/" + relative
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                let child = relative.isEmpty ? name : relative + "/" + name, full = root + "/" + child
                let type = (try? FileManager.default.attributesOfItem(atPath: full))?[.type] as? FileAttributeType
                if type == .typeSymbolicLink {
                    result[child] = Data(((try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "").utf8)
                } else if type == .typeDirectory {
                    result[child + "/"] = Data()
                    walk(child)
                } else {
                    result[child] = FileManager.default.contents(atPath: full) ?? Data()
                }
            }
        }
        walk("")
        return result
    }
}
