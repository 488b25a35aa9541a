import ArgumentParser
import Foundation
import Kleroterion
import KleroterionWeb

/// `kleroterion serve`: the organisers' web app (issue #13), on this computer by default.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the web app for organisers: a whole assembly, from register to report, in a browser.",
        discussion: "Keeps everything in DIR: kleroterion.sqlite, the uploaded files (by SHA-256) and each step's files. Listens on 127.0.0.1 (this computer only) unless --host says otherwise; then it needs accounts (--add-account)."
    )

    @Option(help: "The data folder (created if missing).") var data: String = "kleroterion-data"
    @Option(help: "The port to listen on.") var port: Int = 8080
    @Option(help: "The address to listen on; anything but 127.0.0.1 needs accounts.") var host: String = "127.0.0.1"
    @Option(help: "The largest upload, in megabytes.") var uploadLimit: Int = 4000
    @Option(help: "Create an account with this name (asks for the password, or reads KLEROTERION_PASSWORD) and stop.") var addAccount: String?
    @Option(help: "The new account's role: organiser or observer.") var role: String = "organiser"
    @Flag(help: "Print the OpenAPI description of the HTTP API and stop.") var printOpenapi = false

    func run() throws {
        try reportingErrors {
            if printOpenapi { print(WebApp.openAPI, terminator: ""); return }
            guard (1...65535).contains(port) else { throw KleroterionError("--port \(port) is not a port", fix: "give a number from 1 to 65535, e.g. --port 8080") }
            guard (1...1_000_000).contains(uploadLimit) else { throw KleroterionError("--upload-limit \(uploadLimit) is out of range", fix: "give megabytes from 1 to 1000000") }
            if let name = addAccount {
                let password = ProcessInfo.processInfo.environment["KLEROTERION_PASSWORD"] ?? String(cString: getpass("Password for \(name): "))
                try Accounts.add(name: name, password: password, role: role, data: data)
                print("Account \(name) (\(role)) added to \(data).")
                return
            }
            let settings = WebSettings(data: data, host: host, port: port, uploadLimit: Int64(uploadLimit) * 1_000_000,
                                       templateDirectories: QuotasWorkflow.templateDirectories())
            print("Kleroterion web app: http://\(host == "::1" ? "[::1]" : host):\(port)/  (data in \(data); stop with Ctrl-C)")
            let done = DispatchSemaphore(value: 0)
            let failure = Failure()
            Task {
                do { try await WebApp.run(settings) } catch { failure.error = error }
                done.signal()
            }
            done.wait()
            if let error = failure.error { throw error }
        }
    }

    private final class Failure: @unchecked Sendable { var error: (any Error)? }
}
