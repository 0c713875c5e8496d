import ArgumentParser
import Foundation
import Logging
import LoupeDomain
import LoupeServer
import LoupeStore

/// `loupe serve`: the service a shop deploys beside the console. Shopify's compliance webhooks
/// (`POST /webhooks/shopify`), OpenDSR 2.0 (`/opendsr/v2/...`), `GET /healthz` and `GET /metrics`, on loopback
/// by default (TLS ends at a reverse proxy; deploy/ has the nginx site and the systemd unit). SIGTERM finishes the
/// requests in flight, then exits 0. Whatever arrives is recorded as the staff member running it.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve Shopify webhooks, OpenDSR, /healthz and /metrics over HTTP (loopback by default).",
        discussion: """
            The Shopify app secret is read from the environment variable named by --secret-env (default \
            LOUPE_SHOPIFY_SECRET); without it every webhook is refused (401). One log line per request on \
            standard error: route, status, milliseconds, request id (LOUPE_LOG sets the level; default info).
            """)

    @Option(help: ArgumentHelp("Where to listen, HOST:PORT (port 0 picks a free one).", valueName: "host:port"))
    var listen = "127.0.0.1:8080"
    @Option(name: .customLong("public-url"),
            help: ArgumentHelp("The address the public reaches these routes at (stored as the public-url setting; "
                               + "access copies then go by one-time link).", valueName: "url"))
    var publicURL: String?
    @Option(name: .customLong("secret-env"),
            help: ArgumentHelp("The environment variable holding the Shopify app's client secret.", valueName: "var"))
    var secretEnv = "LOUPE_SHOPIFY_SECRET"
    @Option(name: .customLong("max-body"), help: ArgumentHelp("The largest request body read, in bytes (413 beyond).",
                                                            valueName: "bytes"))
    var maxBody = 256 * 1024
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        do { _ = try ServerConfiguration.listenAddress(listen) } catch let error as ServerConfigurationError {
            throw ValidationError(error.description)
        }
        if let publicURL, URL(string: publicURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw ValidationError("--public-url must be an http or https address, e.g. https://privacy.shop.example.")
        }
        guard (1_024...16 << 20).contains(maxBody) else {
            throw ValidationError("--max-body must be between 1024 and 16777216 bytes.")
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let address = try ServerConfiguration.listenAddress(listen)
        try CLIFailure.reporting {
            let context = try CommandContext.open(database)
            // --public-url is the setting's value from now on (admins; audited), so the outbox's links use it too.
            if let publicURL, try context.database.publicURL() != publicURL.trimmingCharacters(in: ["/"]) {
                try context.database.setPublicURL(publicURL, actor: context.actor, at: context.now)
            }
            var logger = Logger(label: "loupe.serve")
            logger.logLevel = environment["LOUPE_LOG"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
            let server = LoupeServer(
                database: context.database, actor: context.actor,
                configuration: ServerConfiguration(
                    host: address.host, port: address.port, publicURL: publicURL,
                    shopifySecret: environment[secretEnv], maxBodyBytes: maxBody),
                logger: logger)
            if environment[secretEnv]?.isEmpty ?? true {
                logger.warning("no Shopify secret: webhooks are refused until \(secretEnv) is set")
            }
            try Self.block {
                try await server.run { port in
                    // The line scripts wait for: where it listens (with port 0, the port picked).
                    FileHandle.standardOutput.write(Data("loupe serve: listening on \(address.host):\(port)\n".utf8))
                }
            }
        }
    }

    /// Runs `work` on the concurrency pool and waits for it on this thread (the command tree is synchronous).
    private static func block(_ work: @escaping @Sendable () async throws -> Void) throws {
        let finished = DispatchSemaphore(value: 0)
        let outcome = OutcomeBox()
        Task.detached {
            do { try await work() } catch { outcome.set(error) }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error { throw error }
    }
}

/// The error a detached task ended with, handed back to the waiting thread.
private final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    var error: (any Error)? { lock.withLock { stored } }

    func set(_ error: any Error) { lock.withLock { stored = error } }
}
