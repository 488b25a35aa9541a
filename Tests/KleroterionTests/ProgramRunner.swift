import Foundation
@testable import Kleroterion

/// What a program printed and how it ended, for tests that run `kleroterion` or `python3` as a user would.
struct ProgramRun {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Standard output followed by standard error, for messages that may go to either.
    var output: String { stdout + stderr }
}

/// Runs `program` (a path, or a name found on PATH) with `arguments`, optionally in `directory`.
///
/// Output goes to temporary files rather than pipes, so a chatty program cannot fill a pipe and hang the test.
func runProgram(_ program: String, _ arguments: [String], in directory: URL? = nil) throws -> ProgramRun {
    let process = Process()
    if program.contains("/") {
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
    } else {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
    }
    if let directory { process.currentDirectoryURL = directory }
    let folder = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let outPath = folder + "/stdout", errPath = folder + "/stderr"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return ProgramRun(status: process.terminationStatus,
                      stdout: String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self),
                      stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self))
}

/// The `kleroterion` binary of this build: `$KLEROTERION_BIN`, next to the test bundle (whatever the configuration
/// or triple), or the package's `.build/debug`.
let kleroterionBinaryURL: URL? = {
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
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(root.appendingPathComponent(".build/debug/kleroterion"))
    return candidates.first {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: $0.path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: $0.path)
    }
}()

/// The path of the `kleroterion` binary, or an error that says how to build it.
func kleroterionBinary() throws -> String {
    guard let url = kleroterionBinaryURL else {
        throw KleroterionError("the kleroterion program was not found next to \(CommandLine.arguments[0])",
                               fix: "run `swift build --build-tests` first (make test does)")
    }
    return url.path
}
