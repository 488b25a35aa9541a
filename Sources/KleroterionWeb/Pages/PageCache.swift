import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// A short-lived cache of rendered pages, so that a page viewed again and again (an assembly's overview on a
/// projector, many observers on the draw page, a burst of reloads) is rendered once, not on every view.
///
/// A page depends on the database and on little else, so an entry is valid only while nothing was written to the
/// database since it was rendered (`WriteCounter` counts every commit), and for at most `lifetime` (a page may
/// also say what time it is: "the draw may start at 20:00"). The key holds the path with its query, the page
/// language and the account, so one person's page is never shown to another. The CSRF token differs per
/// browser: the entry keeps the page cut at its token, and each view gets its own token written back in.
/// Only plain `200` answers without cookies are kept: HTML pages and the API's JSON (a job's progress is polled);
/// files, the static assets and every other method go straight through.
final class PageCache: Sendable {
    struct Key: Hashable {
        var uri: String
        var language: String
        var account: Int64?
    }

    private struct Entry {
        var generation: UInt64
        var rendered: ContinuousClock.Instant
        var headers: HTTPFields
        /// The page's bytes between its CSRF tokens.
        var pieces: [ByteBuffer]
    }

    /// How long an entry may be served at most.
    static let lifetime: Duration = .seconds(1)
    /// More entries than this (a crawl through every assembly's pages) empties the cache first.
    static let capacity = 512

    let writes: WriteCounter
    private let entries = Mutex<[Key: Entry]>([:])
    /// How many views were served from the cache (for the tests and bench-serve's notes).
    private let served = Atomic<Int>(0)
    var hits: Int { served.load(ordering: .relaxed) }

    init(db: AppDatabase) {
        writes = WriteCounter()
        db.pool.add(transactionObserver: writes, extent: .databaseLifetime)
    }

    /// The page for `key` with `csrf` written in, if a valid one is kept.
    func page(_ key: Key, csrf: String) -> Response? {
        let now = ContinuousClock.now, generation = writes.generation
        guard let entry = entries.withLock({ $0[key] }), entry.generation == generation,
              now - entry.rendered < Self.lifetime else { return nil }
        served.add(1, ordering: .relaxed)
        var body = ByteBuffer()
        for (i, piece) in entry.pieces.enumerated() {
            if i > 0 { body.writeString(csrf) }
            body.writeImmutableBuffer(piece)
        }
        return Response(status: .ok, headers: entry.headers, body: .init(byteBuffer: body))
    }

    /// Keeps `bytes` (rendered while the database was at `generation`) for `key`.
    func keep(_ key: Key, generation: UInt64, headers: HTTPFields, bytes: ByteBuffer, csrf: String) {
        let token = Array(csrf.utf8)
        var pieces: [ByteBuffer] = []
        bytes.withUnsafeReadableBytes { raw in
            var start = 0
            while !token.isEmpty, let at = raw.firstOffset(of: token, from: start) {
                pieces.append(ByteBuffer(bytes: UnsafeRawBufferPointer(rebasing: raw[start..<at])))
                start = at + token.count
            }
            pieces.append(ByteBuffer(bytes: UnsafeRawBufferPointer(rebasing: raw[start...])))
        }
        let entry = Entry(generation: generation, rendered: .now, headers: headers, pieces: pieces)
        entries.withLock {
            if $0.count >= Self.capacity { $0.removeAll(keepingCapacity: true) }
            $0[key] = entry
        }
    }
}

/// Counts the database's commits: any change at all makes every cached page stale.
final class WriteCounter: TransactionObserver, Sendable {
    private let count = Atomic<UInt64>(0)
    var generation: UInt64 { count.load(ordering: .acquiring) }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { count.add(1, ordering: .releasing) }
    func databaseDidRollback(_ db: Database) {}
}

/// Serves pages from `PageCache` and keeps the pages it renders (after the log-in check: it never decides who may
/// see a page).
struct PageCacheMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let cache: PageCache

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard request.method == .get, !request.uri.path.hasPrefix("/static/") else {
            return try await next(request, context)
        }
        let key = PageCache.Key(uri: request.uri.description, language: context.language, account: context.account?.id)
        if let kept = cache.page(key, csrf: context.csrf) { return kept }
        let generation = cache.writes.generation
        let response = try await next(request, context)
        guard response.status == .ok, response.headers[.setCookie] == nil,
              let type = response.headers[.contentType], type.hasPrefix("text/html") || type.hasPrefix("application/json") else {
            return response
        }
        let collected = Collected()
        try await response.body.write(collected)
        cache.keep(key, generation: generation, headers: response.headers, bytes: collected.buffer, csrf: context.csrf)
        return Response(status: response.status, headers: response.headers, body: .init(byteBuffer: collected.buffer))
    }

    /// Gathers a response body (pages are rendered into one buffer, so this copies nothing large).
    final class Collected: ResponseBodyWriter, @unchecked Sendable {
        var buffer = ByteBuffer()
        func write(_ buffer: ByteBuffer) async throws { self.buffer.writeImmutableBuffer(buffer) }
        func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
