import ArgumentParser
import Foundation
import Kleroterion

/// Turns the argument parser's errors into the tool's own messages (issue #12): one line naming the option and
/// what is wrong, and a `Fix:` line, instead of the parser's Error/Usage block and exit code 64.
enum ArgumentErrors {
    /// The options that take a number with a fraction; every other numeric option takes a whole number.
    static let decimalOptions: Set<String> = ["--time-limit"]

    /// Refuses an option given twice (`--seed a --seed b` would silently use `b`).
    static func refuseRepeatedOptions(_ arguments: [String]) throws {
        var seen = Set<String>()
        for argument in arguments {
            if argument == "--" { break }
            guard argument.hasPrefix("--"), argument.count > 2 else { continue }
            let name = String(argument.split(separator: "=", maxSplits: 1)[0])
            if name == "--help" { continue }
            if !seen.insert(name).inserted {
                throw KleroterionError("\(name) is given more than once", fix: "give \(name) once, with the value you mean")
            }
        }
    }

    /// Refuses an argument whose bytes are not UTF-8 (Swift would silently turn them into '\u{FFFD}').
    static func refuseInvalidText() throws {
        var previous = "the command line"
        for i in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[i] else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw))
            if String(validating: bytes, as: UTF8.self) == nil {
                throw KleroterionError("the value after \(previous) contains bytes that are not UTF-8 text",
                                       fix: "type it again in a UTF-8 terminal (for a seed: exactly as announced)")
            }
            previous = String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The names of the commands a user may type (hidden benchmark commands left out).
    static var commandNames: [String] {
        KleroterionCommand.configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
    }

    /// Refuses `kleroterion help TOPIC` with an unknown topic, which would print the general help and exit 0: that
    /// reads as success (issue #15).
    static func refuseUnknownHelpTopic(_ arguments: [String]) throws {
        guard arguments.first == "help", let topic = arguments.dropFirst().first, !topic.hasPrefix("-") else { return }
        if !KleroterionCommand.configuration.subcommands.contains(where: { $0._commandName == topic }) {
            throw KleroterionError("there is no command '\(topic)'", fix: "choose one of: \(commandNames.joined(separator: ", ")) (e.g. kleroterion help select)")
        }
    }

    /// The message for an argument error, as a `KleroterionError` (which is printed as `error: …` and `Fix: …`).
    static func describe(_ error: Error, arguments: [String]) -> KleroterionError {
        if let error = error as? KleroterionError { return error }
        let help = "kleroterion " + (subcommand(arguments).map { $0 + " " } ?? "") + "--help"
        let names = KleroterionCommand.configuration.subcommands.map { $0._commandName }
        if let first = arguments.first, !first.hasPrefix("-"), first != "help", !names.contains(first) {
            return KleroterionError("'\(first)' is not a kleroterion command", fix: "choose one of: \(commandNames.joined(separator: ", "))")
        }
        let text = KleroterionCommand.message(for: error).split(separator: "\n").first.map(String.init) ?? "the arguments are not valid"
        if let (value, option) = match(text, #"^The value '(.*)' is invalid for '(--[a-z-]+)"#) {
            if decimalOptions.contains(option) {
                return KleroterionError("\(option): '\(value)' is not a number", fix: "write a number of seconds, e.g. \(option) 60")
            }
            return KleroterionError("\(option): '\(value)' is not a whole number", fix: "write a whole number without sign, decimals or spaces, e.g. \(option) 30")
        }
        if let (option, _) = match(text, #"^Unknown option '([^']*)'"#) {
            if option.count >= 2, option.dropFirst().allSatisfy({ $0.isNumber || $0 == "." }) {
                return KleroterionError("the number \(option) is negative (or the value of an option is missing before it)",
                                        fix: "numbers of seats, people and seconds are 0 or more; write e.g. --panel-size 30")
            }
            return KleroterionError("there is no option \(option)", fix: "check the spelling; `\(help)` lists the options")
        }
        if let (option, _) = match(text, #"^Missing value for '(-[^ ']*)"#) {
            if let i = arguments.firstIndex(of: option), i + 1 < arguments.count, arguments[i + 1].hasPrefix("-"),
               Double(arguments[i + 1]) != nil {
                return KleroterionError("\(option): '\(arguments[i + 1])' is negative",
                                        fix: "write a number of 0 or more without a sign, e.g. \(option) 30")
            }
            return KleroterionError("\(option) needs a value", fix: "write the value after it, e.g. \(option) VALUE (put quotes around a value with spaces or a leading '-')")
        }
        if let (name, _) = match(text, #"^Missing expected argument '(<[^>]*>)"#) {
            return KleroterionError("the \(name) argument is missing", fix: "write it after the command; `\(help)` explains it")
        }
        if let (option, _) = match(text, #"^Missing expected argument '(-?-?[^ ']*)"#) {
            return KleroterionError("\(option) is required", fix: "add \(option) with its value; `\(help)` explains it")
        }
        if let (value, _) = match(text, #"^Unexpected argument '([^']*)'"#) {
            return KleroterionError("'\(value)' is not an option of this command", fix: "put quotes around values with spaces; `\(help)` lists the options")
        }
        return KleroterionError(text.prefix(1).lowercased() + text.dropFirst(), fix: "`\(help)` lists the commands and options")
    }

    /// The subcommand named in the arguments, if any.
    static func subcommand(_ arguments: [String]) -> String? {
        let names = KleroterionCommand.configuration.subcommands.map { $0._commandName }
        return arguments.first.flatMap { names.contains($0) ? $0 : nil }
    }

    private static func match(_ text: String, _ pattern: String) -> (String, String)? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        func group(_ i: Int) -> String {
            guard i < m.numberOfRanges, let r = Range(m.range(at: i), in: text) else { return "" }
            return String(text[r])
        }
        return (group(1), group(2))
    }
}
