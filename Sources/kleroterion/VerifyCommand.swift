import ArgumentParser
import Foundation
import Kleroterion

/// `kleroterion verify`: check a committed lottery and its draw without trusting the organisers (issue #4).
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a lottery's fingerprints, its panels, its fairness (recomputed), and which panel the seed gives.",
        discussion: "Exits 0 and prints \"verified\" when everything matches; exits 1 and names each file that differs."
    )

    @Option(help: "The commitment folder (as published).") var commitment: String
    @Option(help: "The public seed, exactly as announced and observed.") var seed: String
    @Option(help: "The pool file, to check that it is the committed one.") var people: String?
    @Option(help: "The quotas file, to check that it is the committed one.") var quotas: String?
    @Option(help: "The folder with audit.json (default: COMMITMENT/draw, then COMMITMENT).") var draw: String?
    @Option(help: "The fingerprint published in the announcement (default: the one in announcement.md).") var announcedHash: String?

    func run() throws {
        // A malformed fingerprint or a seed that is not a valid spelling under the announced format is a usage
        // error (exit 2, one message), not a finding of the verification.
        try reportingErrors {
            if let announcedHash {
                let hex = announcedHash.trimmingSpaces().lowercased()
                guard hex.count == 64, hex.allSatisfy({ $0.isHexDigit }) else {
                    throw KleroterionError("--announced-hash '\(announcedHash)' is not a SHA-256 fingerprint (64 hexadecimal characters)",
                                           fix: "copy the fingerprint exactly as the announcement prints it, or leave the option out to use announcement.md")
                }
            }
            if let folder = try? CommitmentFolder.load(commitment) { _ = try folder.canonicalSeed(seed) }
        }
        let report = Verifier.verify(commitment: commitment, seed: seed, people: people, quotas: quotas,
                                     draw: draw, announcedHash: announcedHash)
        if report.verified {
            print("verified: \(commitment)")
            for line in report.checked { print("  ✓ " + line) }
            return
        }
        print("NOT verified: \(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") in \(commitment)")
        for problem in report.problems { print("  ✗ " + problem.description) }
        for line in report.checked { print("  ✓ " + line) }
        throw ExitCode(1)
    }
}
