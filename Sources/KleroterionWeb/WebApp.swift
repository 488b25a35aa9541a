import Foundation
import Hummingbird
import HummingbirdAuth
import Kleroterion
import Logging
import Synchronization

/// How the web app is started (`kleroterion serve`).
public struct WebSettings: Sendable {
    /// The data folder: `kleroterion.sqlite`, the stored uploads (`files/`) and the run folders (`runs/`).
    public var data: String
    public var host: String
    public var port: Int
    /// The largest file an organiser may upload, in bytes (a 15M-row register is about 1.2 GB).
    public var uploadLimit: Int64
    /// Where the strata templates are (strata-templates/).
    public var templateDirectories: [String]

    public init(data: String, host: String = "127.0.0.1", port: Int = 8080, uploadLimit: Int64 = 4_000_000_000,
                templateDirectories: [String] = []) {
        self.data = data
        self.host = host
        self.port = port
        self.uploadLimit = uploadLimit
        self.templateDirectories = templateDirectories
    }

    /// Loopback only: anybody who can reach the app otherwise must log in.
    public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) }
}

/// The shared state of the running app: the database, the file store, the job runner and the templates.
public struct WebServices: Sendable {
    public let settings: WebSettings
    public let db: AppDatabase
    public let store: FileStore
    public let jobs: JobRunner
    let renderer: Renderer
    /// Feasibility verdicts by quotas and respondents (see `Verdict.compute`).
    let verdicts = VerdictCache()
    /// Rendered pages, valid until the next write to the database (see `PageCache`).
    let pages: PageCache

    /// Opens (or creates) the data folder. A job that was running when the server stopped is marked failed, and an
    /// upload that did not finish is removed: after a restart nothing is half-done.
    public init(settings: WebSettings) throws {
        self.settings = settings
        store = try FileStore(root: settings.data)
        db = try AppDatabase(path: settings.data + "/kleroterion.sqlite")
        store.removeIncoming()
        _ = try db.failInterruptedJobs()
        jobs = JobRunner(db: db)
        renderer = try Renderer()
        pages = PageCache(db: db)
    }

    /// Whether pages need a login: always when accounts exist; a non-loopback server refuses to start without them.
    public var accountsInUse: Bool { ((try? db.pool.read { try Account.fetchCount($0) }) ?? 0) > 0 }
}

/// The organisers' web app (issue #13): one page per step of an assembly, over the library's workflows.
public enum WebApp {
    /// The router with every page and API route.
    public static func router(_ services: WebServices) -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: RequestSecurity())
        router.add(middleware: SessionMiddleware(storage: SessionStore(db: services.db)))
        router.add(middleware: AccountMiddleware(services: services))
        router.add(middleware: PageCacheMiddleware(cache: services.pages))
        LoginRoutes(services: services).add(to: router)
        StaticRoutes.add(to: router)
        HomeRoutes(services: services).add(to: router)
        RegisterRoutes(services: services).add(to: router)
        JobRoutes(services: services).add(to: router)
        StepRoutes(services: services).add(to: router)
        return router
    }

    /// The application, ready to run (also used by the handler tests).
    public static func application(_ services: WebServices) -> some ApplicationProtocol {
        var logger = Logger(label: "kleroterion")
        logger.logLevel = .warning
        return Application(router: router(services),
                           configuration: .init(address: .hostname(services.settings.host, port: services.settings.port),
                                                serverName: "Kleroterion"),
                           logger: logger)
    }

    /// The OpenAPI 3.1 description of the HTTP API.
    public static var openAPI: String { OpenAPIDocument.yaml + "\n" }

    /// Runs the server until it is stopped (Ctrl-C or SIGTERM).
    public static func run(_ settings: WebSettings) async throws {
        let services = try WebServices(settings: settings)
        if !settings.isLoopback && !services.accountsInUse {
            throw KleroterionError("the app would listen on \(settings.host), where others can reach it, but it has no accounts",
                                   fix: "create an organiser first: kleroterion serve --data \(settings.data) --add-account NAME --role organiser (it asks for the password); or listen on 127.0.0.1")
        }
        try await application(services).runService()
    }
}

/// A lock-protected dictionary, shared by every copy of the services.
final class VerdictCache: Sendable {
    private let store = Mutex<[String: Verdict]>([:])
    func withLock<T>(_ body: (inout [String: Verdict]) -> T) -> T { store.withLock { body(&$0) } }
}
