import ArgumentParser
import Kleroterion

/// `kleroterion`: draw citizens' assemblies by lot.
struct KleroterionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kleroterion",
        abstract: "Draw citizens' assemblies by lot: invitations, quota panels, verifiable draws and reports.",
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
        ]
    )
}

KleroterionCommand.main()
