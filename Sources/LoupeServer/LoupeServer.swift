import Foundation
import Hummingbird
import Logging
import LoupeDomain
import LoupeStore
import HummingbirdCore
import HummingbirdTLS
import NIOCore
import ServiceLifecycle

/// `loupe serve`: Shopify's webhooks, OpenDSR, health and metrics over HTTP (Hummingbird 2), stopped gracefully
/// on SIGTERM or SIGINT by swift-service-lifecycle (requests in flight finish, then it exits 0). Every route calls
/// the store's use cases and holds no rule of its own; the logger is passed in and never given a personal value.
public struct LoupeServer: Sendable {
    let database: AppDatabase
    let actor: StaffMember
    let configuration: ServerConfiguration
    let logger: Logger
    let jobs: [ScheduledJob]
    let clock: @Sendable () -> Date

    /// Makes a server acting as `actor` (audited as the one who recorded what arrives), running `jobs` on their
    /// schedule.
    public init(
        database: AppDatabase, actor: StaffMember, configuration: ServerConfiguration, logger: Logger,
        jobs: [ScheduledJob] = [], clock: @escaping @Sendable () -> Date = Date.init
    ) {
        self.database = database
        self.actor = actor
        self.configuration = configuration
        self.logger = logger
        self.jobs = jobs
        self.clock = clock
    }

    /// The application: routes, middleware and the configuration.
    func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        let metrics = ServiceMetrics()
        let router = Router(context: ServerContext.self)
        router.middlewares.add(RequestLogMiddleware(metrics: metrics))
        IntakeRoutes(
            database: database, actor: actor, configuration: configuration, metrics: metrics,
            webhooks: WebhookGroupCommit(database: database, recorder: actor), clock: clock
        ).add(to: router)
        HealthRoutes(database: database, metrics: metrics, clock: clock).add(to: router)
        ExportRoutes(database: database, actor: actor, clock: clock).add(to: router)
        let connections = ConnectionCount(limit: configuration.maxConnections)
        let headerTimeout = TimeAmount.milliseconds(Int64(configuration.headerTimeout * 1_000))
        let http = HTTPServerBuilder.http1(configuration: .init(
            additionalChannelHandlers: [ConnectionGuard(connections: connections, headerTimeout: headerTimeout)],
            idleTimeout: .milliseconds(Int64(configuration.idleTimeout * 1_000))))
        // TLS in the process itself when a certificate is given (else a proxy in front ends it).
        let server = try configuration.tlsConfiguration().map { try HTTPServerBuilder.tls(http, tlsConfiguration: $0) }
            ?? http
        return Application(
            router: router,
            server: server,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "loupe"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until SIGTERM or SIGINT, then finishes the requests in flight and returns. `onRunning` gets the
    /// port bound (useful with port 0).
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let callbacks = CallbackSender(database: database, actor: actor, logger: logger, clock: clock)
        let runner = JobRunner(database: database, actor: actor, jobs: jobs, logger: logger, clock: clock)
        let group = ServiceGroup(
            configuration: .init(
                services: [try application(onRunning: onRunning), callbacks, runner],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
