import Crypto
import Foundation
import GRDB
import Hummingbird

/// The log-in sessions, kept in the app's SQLite database so that a restart of the server (an update, a reboot)
/// does not log everybody out in the middle of an assembly.
///
/// hummingbird-auth's `SessionMiddleware` stores each session under the random id it puts in the cookie. Only the
/// SHA-256 of that id is written here: whoever reads a copy of the database (a backup) cannot use it to log in.
/// Expired sessions read as absent and are removed whenever a new one is created.
struct SessionStore: PersistDriver {
    let db: AppDatabase

    static func migrate(_ m: inout DatabaseMigrator) {
        m.registerMigration("v2-sessions") { db in
            try db.create(table: "session") { t in
                t.primaryKey("keyHash", .text)
                t.column("value", .blob).notNull()
                t.column("expiresAt", .double)   // seconds since 1970; NULL: never
            }
        }
    }

    private static func hash(_ key: String) -> String {
        SHA256.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    private static func expiry(_ expires: Duration?) -> Double? {
        expires.map { Date().timeIntervalSince1970 + Double($0.components.seconds) + Double($0.components.attoseconds) * 1e-18 }
    }

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let data = try JSONEncoder().encode(value)
        try await db.pool.write { db in
            try db.execute(sql: "DELETE FROM session WHERE expiresAt < ?", arguments: [Date().timeIntervalSince1970])
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM session WHERE keyHash = ?", arguments: [Self.hash(key)]) == true {
                throw PersistError.duplicate
            }
            try db.execute(sql: "INSERT INTO session (keyHash, value, expiresAt) VALUES (?, ?, ?)",
                           arguments: [Self.hash(key), data, Self.expiry(expires)])
        }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let data = try JSONEncoder().encode(value)
        // Like hummingbird's own drivers: without a new expiry the old one stays.
        try await db.pool.write { db in
            try db.execute(sql: """
                INSERT INTO session (keyHash, value, expiresAt) VALUES (?, ?, ?)
                ON CONFLICT(keyHash) DO UPDATE SET value = excluded.value, expiresAt = coalesce(excluded.expiresAt, session.expiresAt)
                """, arguments: [Self.hash(key), data, Self.expiry(expires)])
        }
    }

    func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: Object.self)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        let found: (value: Data, expiresAt: Double?)? = try await db.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT value, expiresAt FROM session WHERE keyHash = ?", arguments: [Self.hash(key)])
                .map { ($0["value"], $0["expiresAt"]) }
        }
        guard let (data, expiresAt) = found else { return nil }
        let now = Date().timeIntervalSince1970
        if let expiresAt, expiresAt < now { return nil }
        guard let object = try? JSONDecoder().decode(Object.self, from: data) else { throw PersistError.invalidConversion }
        return (object, expiresAt.map { .milliseconds(Int64(($0 - now) * 1000)) })
    }

    func remove(key: String) async throws {
        try await db.pool.write { db in
            try db.execute(sql: "DELETE FROM session WHERE keyHash = ?", arguments: [Self.hash(key)])
        }
    }
}
