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

    /// The `kleroterion` binary of this build: next to the test bundle (whatever the configuration or triple),
    /// or `$KLEROTERION_BIN`, or the package's `.build/debug`.
    static let binary: URL? = {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["KLEROTERION_BIN"] { candidates.append(URL(fileURLWithPath: env)) }
        for start in [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0]),
                      URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "/")]
            .compactMap({ $0 }) {
            var dir = start.deletingLastPathComponent()
            for _ in 0..<4 { // the bundle may be a folder (macOS .xctest) a few levels below the build folder
                candidates.append(dir.appendingPathComponent("kleroterion"))
                dir = dir.deletingLastPathComponent()
            }
        }
        let root = casesFolder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/kleroterion"))
        return candidates.first { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: $0.path, isDirectory: &d) && !d.boolValue && FileManager.default.isExecutableFile(atPath: $0.path) }
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
        let binary = try #require(Self.binary, "build the kleroterion executable first: swift build (make test does)")
        let folder = Self.casesFolder.appendingPathComponent(name)
        let out = temporaryDirectory() + "/out"
        let arguments = try String(contentsOf: folder.appendingPathComponent("args.txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .map { $0.replacingOccurrences(of: "{out}", with: out) }
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
            .replacingOccurrences(of: "{out}", with: out)

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let errData = stderr.fileHandleForReading.readDataToEndOfFile()
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let err = String(decoding: errData, as: UTF8.self)

        #expect(process.terminationStatus == 2, "\(name): exit code \(process.terminationStatus), stderr: \(err)")
        #expect(err == expected, "\(name)")
        #expect(outData.isEmpty, "\(name) printed to stdout: \(String(decoding: outData, as: UTF8.self))")
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
