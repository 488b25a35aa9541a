import ArgumentParser
import Kleroterion

/// `kleroterion quotas`: derive quota bands from population shares (issue #2).
struct QuotasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quotas", abstract: "Derive quotas from a template and population shares.")
    func run() throws {
        try reportingErrors { throw KleroterionError("quotas is not built yet") }
    }
}
