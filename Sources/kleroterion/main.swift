import ArgumentParser
import Foundation
import Kleroterion

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
            ReportCommand.self,
            InspectCommand.self,
            CommitCommand.self,
            DrawCommand.self,
            VerifyCommand.self,
        ]
    )
}

// `kleroterion help TOPIC` with an unknown topic would print the general help and exit 0, which reads as success.
let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "help", let topic = arguments.dropFirst().first,
   !KleroterionCommand.configuration.subcommands.contains(where: { $0.configuration.commandName == topic }) {
    let names = KleroterionCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
    FileHandle.standardError.write(Data("error: there is no command '\(topic)'\nfix: choose one of: \(names.joined(separator: ", ")) (e.g. kleroterion help select)\n".utf8))
    exit(2)
}

KleroterionCommand.main()
