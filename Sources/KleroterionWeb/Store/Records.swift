import Foundation
import GRDB

/// One citizens' assembly, from the register to the published report. Every step's outcome is a field here, so
/// the assembly's state is one row: a page shows what is done and what comes next.
public struct Assembly: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var name: String
    public var municipality: String
    public var panelSize: Int
    /// The date ages are counted on (YYYY-MM-DD), usually the date of the letters.
    public var referenceDate: String
    /// The language of the published texts and of the pages by default: nl, en or de.
    public var language: String
    public var createdAt: Date

    // Step 2: the register (a stored upload) and how its columns are read.
    public var registerFile: String?
    public var registerName: String?
    /// The `--columns` mapping, as name=column pairs.
    public var columnMapping: String?
    /// Columns that together form an address (one letter per address, one member per address).
    public var householdColumns: String?
    public var minAge: Int?
    /// The census of the register (JSON of `RegisterSummary`), once read.
    public var censusJSON: String?

    // Step 3: strata and quotas.
    public var templateName: String?
    /// The quotas file (a stored upload: feature,value,min,max[,population_share]).
    public var quotasFile: String?

    // Step 4: invitations (a run folder, relative to the data folder), their public seed, response rates (a stored
    // upload), and the secret key of the letters' reply codes (never shown, never published).
    public var invitationsFolder: String?
    public var invitationSeed: String?
    public var responseRatesFile: String?
    public var replySecret: String?
    // Step 5: respondents (a stored file built from the uploads and the form) and what was flagged on the way in.
    public var respondentsFile: String?
    public var registrationFlags: String?
    // Step 6: commitment (a run folder) and when the seed may be entered.
    public var commitmentFolder: String?
    public var drawNotBefore: Date?
    public var seedSource: String?
    // Step 7: the draw.
    public var seed: String?
    public var drawFolder: String?
    // Step 8: the latest completed panel after replacements (a run folder), if any.
    public var replacementFolder: String?
    /// Set when the organiser deleted the register and the respondents (the published files stay).
    public var personalDataDeletedAt: Date?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public init(name: String, municipality: String, panelSize: Int, referenceDate: String, language: String, createdAt: Date = Date()) {
        self.name = name
        self.municipality = municipality
        self.panelSize = panelSize
        self.referenceDate = referenceDate
        self.language = language
        self.createdAt = createdAt
    }
}

/// A long piece of work (a census of a large register, a LEXIMIN commitment) that runs in the background.
/// A job is never left "running" across a restart: the server marks such jobs failed when it starts.
public struct Job: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public enum State: String, Codable, Sendable { case running, done, failed, cancelled }
    public var id: Int64?
    public var assemblyID: Int64
    /// What the job does: census, quotas, invite, commit, draw, replace.
    public var kind: String
    public var state: State
    /// The latest progress line, in plain words.
    public var progress: String
    /// The outcome in plain words (the error message with its fix, when it failed).
    public var message: String?
    public var createdAt: Date
    public var finishedAt: Date?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The assembly's audit log: every step, who did it and when. Rows are only ever added.
public struct AuditEntry: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var assemblyID: Int64
    public var at: Date
    public var actor: String
    public var action: String
    public var detail: String

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A check of a published draw (the public verify page): the zip by its hash, the seed, and the outcome.
public struct Verification: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var zipFile: String
    public var seed: String
    public var verified: Bool
    /// The findings, one per line (✓ checked, ✗ problem).
    public var findings: String
    public var at: Date

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A stored upload: the file itself lives in the data folder under its SHA-256.
public struct StoredFile: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public var sha256: String
    public var size: Int64
    public var originalName: String
    public var storedAt: Date
}

/// A person who may log in (needed when the app listens on anything but the loopback address).
public struct Account: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public enum Role: String, Codable, Sendable { case organiser, observer }
    public var id: Int64?
    public var name: String
    /// bcrypt hash of the password.
    public var passwordHash: String
    public var role: Role

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
