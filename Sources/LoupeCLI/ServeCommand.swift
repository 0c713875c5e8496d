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
    @Option(
        name: .customLong("public-url"),
        help: ArgumentHelp(
            "The address the public reaches these routes at (stored as the public-url setting; "
                + "access copies then go by one-time link).", valueName: "url"))
    var publicURL: String?
    @Option(
        name: .customLong("secret-env"),
        help: ArgumentHelp("The environment variable holding the Shopify app's client secret.", valueName: "var"))
    var secretEnv = "LOUPE_SHOPIFY_SECRET"
    @Option(
        name: .customLong("max-body"),
        help: ArgumentHelp(
            "The largest request body read, in bytes (413 beyond).",
            valueName: "bytes"))
    var maxBody = 256 * 1024
    @Option(
        name: .customLong("max-connections"),
        help: ArgumentHelp("The most connections held at once (one more is answered 503).", valueName: "n"))
    var maxConnections = 4_096
    @Option(
        name: .customLong("header-timeout"),
        help: ArgumentHelp("Seconds a connection has to send its request's headers.", valueName: "seconds"))
    var headerTimeout = 10.0
    @Option(
        help: ArgumentHelp(
            "The privacy mailbox's Maildir, for the mail-import job (without it the job is off).",
            valueName: "dir"))
    var maildir: String?
    @Option(
        help: ArgumentHelp(
            "The sendmail program the outbox-send job pipes messages to (else only the maildir).",
            valueName: "path"))
    var sendmail: String?
    @Option(
        name: .customLong("tls-cert"),
        help: ArgumentHelp("A PEM certificate chain: serve speaks TLS itself (with --tls-key).", valueName: "file"))
    var tlsCertificate: String?
    @Option(name: .customLong("tls-key"), help: ArgumentHelp("The certificate's PEM private key.", valueName: "file"))
    var tlsKey: String?
    @Flag(
        name: .customLong("behind-proxy"),
        help: "Listen on a non-loopback address in plain HTTP, because a TLS proxy in front of it is the only way in.")
    var behindProxy = false
    @Option(help: ArgumentHelp("The witness file the audit-anchor job appends to.", valueName: "file"))
    var witness: String = AnchorAudit.defaultWitness
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        do { _ = try ServerConfiguration.listenAddress(listen) } catch let error as ServerConfigurationError {
            throw ValidationError(error.description)
        }
        if let publicURL {
            do { _ = try TransportRules.checkedPublicURL(publicURL) } catch let error as LoupeError {
                throw ValidationError("--public-url: \(error.message)")
            }
        }
        guard (tlsCertificate == nil) == (tlsKey == nil) else {
            throw ValidationError("--tls-cert and --tls-key go together: give both, or neither.")
        }
        if let address = try? ServerConfiguration.listenAddress(listen), !TransportRules.isLoopback(address.host),
           !behindProxy, tlsCertificate == nil {
            throw ValidationError(
                "--listen \(listen) is not loopback, and serve would speak plain HTTP: bearer tokens and webhook "
                    + "bodies would cross the network in clear. Give --tls-cert and --tls-key, listen on 127.0.0.1 "
                    + "behind a TLS proxy (deploy/nginx-loupe.conf), or say --behind-proxy when a proxy on another "
                    + "host ends TLS.")
        }
        guard (1...1_000_000).contains(maxConnections) else {
            throw ValidationError("--max-connections must be between 1 and 1000000.")
        }
        guard (0.1...300).contains(headerTimeout) else {
            throw ValidationError("--header-timeout must be between 0.1 and 300 seconds.")
        }
        guard (1_024...16 << 20).contains(maxBody) else {
            throw ValidationError("--max-body must be between 1024 and 16777216 bytes.")
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let address = try ServerConfiguration.listenAddress(listen)
        try CLIFailure.reporting {
            let tlsFiles = tlsCertificate.flatMap { certificate in tlsKey.map { (certificate, $0) } }
            let context = try CommandContext.open(database)
            // The service account (or an admin) only: anyone else would start a server that refuses everything.
            do { try context.database.authorize(.runJobs, actor: context.actor) } catch let error as LoupeError {
                throw LoupeError(error.code, error.message + " loupe serve runs as the service account: an admin "
                                 + "adds it with `loupe staff add loupe-serve --role service`.")
            }
            // --public-url is the setting's value from now on (admins; audited), so the outbox's links use it too.
            if let publicURL, try context.database.publicURL() != publicURL.trimmingCharacters(in: ["/"]) {
                try context.database.setPublicURL(publicURL, actor: context.actor, at: context.now)
            }
            var logger = Logger(label: "loupe.serve")
            logger.logLevel = environment["LOUPE_LOG"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
            let configuration = ServerConfiguration(
                host: address.host, port: address.port, publicURL: publicURL,
                shopifySecret: environment[secretEnv], maxBodyBytes: maxBody,
                maxConnections: Self.connectionLimit(maxConnections), headerTimeout: headerTimeout, tlsFiles: tlsFiles)
            // A certificate or key that cannot be read stops serve here, with the file named.
            do { _ = try configuration.tlsConfiguration() } catch {
                throw LoupeError(.configuration, "\(error)")
            }
            let server = LoupeServer(
                database: context.database, actor: context.actor, configuration: configuration,
                logger: logger, jobs: jobs(context))
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

    /// The routine work, as the CLI commands do it, for `serve`'s schedule (`loupe settings job-schedule`).
    private func jobs(_ context: CommandContext) -> [ScheduledJob] {
        let database = context.database
        let actor = context.actor
        let path = self.database.resolvedPath
        let mail = DatabaseFiles(path).mail
        let (sendmail, witness, maildir) = (self.sendmail, self.witness, self.maildir)
        var jobs = [
            ScheduledJob(kind: .outboxSend) {
                let report = try OutboxSender(
                    database: database, maildir: URL(fileURLWithPath: mail), sendmail: sendmail,
                    actor: actor, clock: Date.init
                ).run()
                return [
                    "sent": String(report.sent.count), "failed": String(report.failed.count),
                    "inDoubt": String(report.inDoubt.count),
                ]
            },
            ScheduledJob(kind: .retentionSweep) {
                let report = try database.sweep(
                    asOf: Date(), dryRun: false, actor: actor, at: Date(), progress: { _ in })
                return ["expired": String(report.expired.values.reduce(0, +)), "batches": String(report.batches)]
            },
            ScheduledJob(kind: .auditAnchor, isDueEarly: {
                // Every `anchorEveryEntries` entries too, so no long tail waits unanchored in a busy hour.
                guard let head = try? database.auditHead(database: path, at: Date()),
                      let anchored = try? database.lastAnchoredSequence(actor: actor) else { return false }
                return head.sequence - anchored >= ScheduledJobKind.anchorEveryEntries
            }) {
                let anchor = try database.auditHead(database: AnchorAudit.identity(path), at: Date())
                try AnchorAudit.append(anchor.line, to: witness)
                return ["sequence": String(anchor.sequence)]
            },
            ScheduledJob(kind: .doctor) {
                let checks = try database.healthChecks()
                let problems = checks.filter { $0.fix != nil && !$0.isWarning }
                if !problems.isEmpty { throw LoupeError(.storage, problems.map(\.name).joined(separator: ", ")) }
                return ["checks": String(checks.count)]
            },
        ]
        if let maildir {
            jobs.append(
                ScheduledJob(kind: .mailImport) {
                    let outcomes = try MaildirImporter(
                        database: database, maildir: URL(fileURLWithPath: maildir),
                        actor: actor, clock: Date.init
                    ).run()
                    return [
                        "filed": String(outcomes.filter { $0.error == nil && !$0.quarantined }.count),
                        "unreadable": String(outcomes.filter { $0.error != nil }.count),
                        "quarantined": String(outcomes.filter(\.quarantined).count),
                        "unsorted": String(outcomes.filter(\.unsorted).count),
                    ]
                })
        }
        return jobs
    }

    /// The connection limit the descriptors allow: the soft limit is raised to the hard one, and the limit kept
    /// below it (with room for the database, its log and the jobs), so a flood is answered 503, never EMFILE.
    private static func connectionLimit(_ asked: Int) -> Int {
        var limits = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limits) == 0 else { return asked }
        if limits.rlim_cur < limits.rlim_max {
            limits.rlim_cur = limits.rlim_max
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limits)
            _ = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limits)
        }
        return max(1, min(asked, Int(limits.rlim_cur) - 128))
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
