import ArgumentParser
import Foundation
import Kleroterion
#if canImport(Glibc)
import Glibc
#endif

/// `kleroterion`: draw citizens' assemblies by lot.
struct KleroterionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kleroterion",
        abstract: "Draw citizens' assemblies by lot: invitations, quota panels, verifiable draws and reports.",
        version: kleroterionVersion,
        subcommands: [
            InviteCommand.self,
            QuotasCommand.self,
            SelectCommand.self,
            CheckCommand.self,
            ReplaceCommand.self,
            DropoutRatesCommand.self,
            BenchDropoutCommand.self,
            ReportCommand.self,
            InspectCommand.self,
            CommitCommand.self,
            DrawCommand.self,
            VerifyCommand.self,
            ServeCommand.self,
        ]
    )
}

// A file-size limit (ulimit -f) must fail a write with EFBIG, which OutputFiles turns into a message and a clean-up,
// not kill the program half-way with SIGXFSZ.
signal(SIGXFSZ, SIG_IGN)

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    try ArgumentErrors.refuseInvalidText()
    try ArgumentErrors.refuseRepeatedOptions(arguments)
    try ArgumentErrors.refuseUnknownHelpTopic(arguments)
    var command = try KleroterionCommand.parseAsRoot(arguments)
    try command.run()
} catch let error as KleroterionError {
    FileHandle.standardError.write(Data(("error: " + error.description + "\n").utf8))
    exit(2)
} catch {
    // Argument errors get the contract of every other bad input (exit 2, one message, the fix); help, version and
    // the exit codes the commands chose pass through unchanged.
    if KleroterionCommand.exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data(("error: " + ArgumentErrors.describe(error, arguments: arguments).description + "\n").utf8))
        exit(2)
    }
    KleroterionCommand.exit(withError: error)
}
