import ArgumentParser
import Foundation
import Kleroterion

/// `kleroterion verify`: check a committed lottery and its draw without trusting the organisers (issue #4).
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a lottery's fingerprints, its panels, its fairness (recomputed), and which panel the seed gives.",
        discussion: "Exits 0 and says so when everything matches; exits 1 and names each file that differs."
    )

    @Option(help: "The commitment folder (as published).") var commitment: String
    @Option(help: "The public seed, exactly as announced and observed.") var seed: String
    @Option(help: "The pool file, to check that it is the committed one.") var people: String?
    @Option(help: "The quotas file, to check that it is the committed one.") var quotas: String?
    @Option(help: "The folder with audit.json (default: COMMITMENT/draw, then COMMITMENT).") var draw: String?
    @Option(help: "The fingerprint published in the announcement (default: the one in announcement.md).") var announcedHash: String?
    @Option(help: "Language of the verdict, of what differs and of every check: nl (default), en or de.") var language: String = "nl"
    @Flag(help: "Also show every check with its figures and hashes.") var verbose = false

    func run() throws {
        var request = VerifyWorkflow.Request(commitment: commitment, seed: seed)
        request.people = people
        request.quotas = quotas
        request.draw = draw
        request.announcedHash = announcedHash
        // A malformed fingerprint or a seed that is not a valid spelling under the announced format is a usage
        // error (exit 2, one message), not a finding of the verification.
        try reportingErrors {
            request.language = try ReportFiles.language(language)
            try request.validate()
        }
        let result = try VerifyWorkflow.run(request, events: .silent)
        show(result.lines, warnings: [], details: result.details, verbose: verbose)
        if !result.verified { throw ExitCode(1) }
    }
}
