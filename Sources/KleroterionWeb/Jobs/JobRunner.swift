import Foundation
import Kleroterion
import Synchronization

/// Runs long work (a census of a large register, a commitment with LEXIMIN) in the background, one job per
/// assembly at a time, and keeps its state in the database so that a page can show it live.
///
/// The work runs on its own thread, not on the server's event loops or Swift's small cooperative pool: the solver
/// blocks for seconds to minutes. Closing the browser does not stop a job; the cancel button does (the workflow
/// checks `isCancelled` between its steps and in the solver's loops); a restart marks a running job failed.
public final class JobRunner: Sendable {
    let db: AppDatabase
    private let cancelled = Mutex<Set<Int64>>([])

    init(db: AppDatabase) { self.db = db }

    /// What a job's work can do: report progress in plain words, and see whether it was cancelled.
    public struct Context: Sendable {
        let runner: JobRunner
        public let id: Int64
        public func progress(_ line: String) {
            try? runner.db.pool.write { try $0.execute(sql: "UPDATE job SET progress = ? WHERE id = ?", arguments: [line, id]) }
        }
        public var isCancelled: Bool { runner.cancelled.withLock { $0.contains(id) } }
    }

    /// Starts `work` for an assembly; it returns the outcome line shown when the job is done.
    /// Refuses when the assembly already has a job running.
    @discardableResult
    public func start(assembly: Int64, kind: String, language: String, first: String,
                      work: @escaping @Sendable (Context) throws -> String) throws -> Int64 {
        let id: Int64 = try db.pool.write { db in
            if try Job.filter(Column("assemblyID") == assembly && Column("state") == Job.State.running.rawValue).fetchCount(db) > 0 {
                throw KleroterionError(WebText.word("job_busy", language), fix: WebText.word("job_busy_fix", language))
            }
            var job = Job(assemblyID: assembly, kind: kind, state: .running, progress: first, createdAt: Date())
            try job.insert(db)
            return job.id!
        }
        let context = Context(runner: self, id: id)
        let thread = Thread { [self] in
            let state: Job.State, message: String
            do {
                message = try work(context)
                state = context.isCancelled ? .cancelled : .done
            } catch let error as KleroterionError {
                (state, message) = (.failed, error.description)
            } catch is WorkCancelled {
                (state, message) = (.cancelled, WebText.word("job_was_cancelled", language))
            } catch {
                (state, message) = (.failed, "\(error)")
            }
            try? self.db.pool.write { db in
                try db.execute(sql: "UPDATE job SET state = ?, message = ?, finishedAt = ? WHERE id = ?",
                               arguments: [state.rawValue, message, Date(), id])
            }
            _ = self.cancelled.withLock { $0.remove(id) }
        }
        thread.stackSize = 16 << 20   // GLPK recurses on large models
        thread.start()
        return id
    }

    /// Asks a running job to stop; it stops at its next check and stores nothing half-done.
    public func cancel(_ id: Int64) { _ = cancelled.withLock { $0.insert(id) } }

    public func job(_ id: Int64) throws -> Job? { try db.pool.read { try Job.fetchOne($0, key: id) } }

    /// Waits until the job is no longer running (for tests and the API's `wait` parameter).
    public func wait(_ id: Int64, timeout: TimeInterval = 600) throws -> Job? {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if let job = try job(id), job.state != .running { return job }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return try job(id)
    }
}

/// Thrown by a job's work when it sees that it was cancelled.
public struct WorkCancelled: Error {}

import GRDB
