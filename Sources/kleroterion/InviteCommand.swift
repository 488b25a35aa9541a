import ArgumentParser
import Kleroterion

/// `kleroterion invite`: the invitation lottery over the population register (issues #2 and #5).
struct InviteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "invite", abstract: "Draw who gets an invitation letter from the register.")
    func run() throws {
        try reportingErrors { throw KleroterionError("invite is not built yet") }
    }
}
