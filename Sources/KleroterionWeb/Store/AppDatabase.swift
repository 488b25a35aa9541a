import Foundation
import GRDB

/// The app's state in SQLite (`DIR/kleroterion.sqlite`), in WAL mode so that a killed server loses no committed
/// transaction and leaves no half-written row.
public struct AppDatabase: Sendable {
    public let pool: DatabasePool

    public init(path: String) throws {
        var config = Configuration()
        config.busyMode = .timeout(5)
        pool = try DatabasePool(path: path, configuration: config)
        try Self.migrator.migrate(pool)
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.create(table: "assembly") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("municipality", .text).notNull()
                t.column("panelSize", .integer).notNull()
                t.column("referenceDate", .text).notNull()
                t.column("language", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                for c in ["registerFile", "registerName", "columnMapping", "householdColumns", "censusJSON", "templateName",
                          "quotasFile", "invitationsFolder", "respondentsFile", "commitmentFolder", "seedSource", "seed",
                          "drawFolder", "replacementFolder", "invitationSeed", "responseRatesFile", "replySecret", "registrationFlags"] {
                    t.column(c, .text)
                }
                t.column("minAge", .integer)
                t.column("drawNotBefore", .datetime)
                t.column("personalDataDeletedAt", .datetime)
            }
            try db.create(table: "job") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("assemblyID", .integer).notNull().references("assembly", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("state", .text).notNull()
                t.column("progress", .text).notNull()
                t.column("message", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("finishedAt", .datetime)
            }
            try db.create(table: "auditEntry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("assemblyID", .integer).notNull().references("assembly", onDelete: .cascade)
                t.column("at", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("detail", .text).notNull()
            }
            // Append-only: the database itself refuses to change or remove an audit entry.
            try db.execute(sql: """
                CREATE TRIGGER auditEntryNoUpdate BEFORE UPDATE ON auditEntry BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
            try db.execute(sql: """
                CREATE TRIGGER auditEntryNoDelete BEFORE DELETE ON auditEntry BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
            try db.create(table: "storedFile") { t in
                t.primaryKey("sha256", .text)
                t.column("size", .integer).notNull()
                t.column("originalName", .text).notNull()
                t.column("storedAt", .datetime).notNull()
            }
            try db.create(table: "verification") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("zipFile", .text).notNull()
                t.column("seed", .text).notNull()
                t.column("verified", .boolean).notNull()
                t.column("findings", .text).notNull()
                t.column("at", .datetime).notNull()
            }
            try db.create(table: "account") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique()
                t.column("passwordHash", .text).notNull()
                t.column("role", .text).notNull()
            }
        }
        SessionStore.migrate(&m)
        return m
    }

    /// Marks every job that was running when the server stopped as failed: its work was not finished, and its
    /// output folder, if any, was never published (the run folders are written all or nothing).
    public func failInterruptedJobs() throws -> Int {
        try pool.write { db in
            try db.execute(sql: "UPDATE job SET state = 'failed', message = ?, finishedAt = ? WHERE state = 'running'",
                           arguments: [WebText.interrupted, Date()])
            return db.changesCount
        }
    }

    public func assembly(_ id: Int64) throws -> Assembly? {
        try pool.read { try Assembly.fetchOne($0, key: id) }
    }

    public func update(_ assembly: Assembly) throws {
        try pool.write { try assembly.update($0) }
    }

    /// Changes the assembly as it is stored now, in one transaction (a job's outcome must not overwrite what the
    /// organiser changed meanwhile with the copy the job started from).
    public func change(_ id: Int64, _ edit: @Sendable (inout Assembly) throws -> Void) throws {
        try pool.write { db in
            guard var a = try Assembly.fetchOne(db, key: id) else { return }
            try edit(&a)
            try a.update(db)
        }
    }

    /// Adds an entry to the assembly's audit log.
    public func audit(_ assemblyID: Int64, actor: String, _ action: String, _ detail: String = "") throws {
        try pool.write { db in
            var entry = AuditEntry(assemblyID: assemblyID, at: Date(), actor: actor, action: action, detail: detail)
            try entry.insert(db)
        }
    }
}
