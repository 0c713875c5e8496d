import Dispatch
import Foundation
import Logging
import LoupeDomain
import LoupeStore
import ServiceLifecycle

/// A job `serve` runs on its schedule: which one, and the work (what the CLI command does), returning its counts.
/// Injected by the command line, which owns the sender, the importer and the witness.
public struct ScheduledJob: Sendable {
    public let kind: ScheduledJobKind
    /// Whether it is due before its interval (the anchor, once enough entries wait).
    public let isDueEarly: @Sendable () -> Bool
    public let run: @Sendable () throws -> [String: String]

    /// Makes a job.
    public init(kind: ScheduledJobKind, isDueEarly: @escaping @Sendable () -> Bool = { false },
                run: @escaping @Sendable () throws -> [String: String]) {
        self.kind = kind
        self.isDueEarly = isDueEarly
        self.run = run
    }
}

/// Runs the jobs when due (the store's schedule), each under a lease in the database so two `serve` processes
/// never run one job at once, off the request threads; each run is recorded and audited with its counts.
struct JobRunner: Service {
    let database: AppDatabase
    let actor: StaffMember
    let jobs: [ScheduledJob]
    let logger: Logger
    let clock: @Sendable () -> Date
    let owner = "\(ProcessInfo.processInfo.hostName):\(getpid()):serve"

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await runDue()
                try await Task.sleep(for: .seconds(2))
            }
        }
    }

    private func runDue() async {
        let intervals = (try? database.jobIntervals()) ?? [:]
        for job in jobs {
            let configured = intervals[job.kind] ?? job.kind.defaultInterval
            // Due early (the anchor after enough entries): any run more than a second ago is old enough.
            let interval = configured > 0 && job.isDueEarly() ? 1 : configured
            guard
                (try? database.leaseDueJob(job.kind, every: interval, owner: owner, actor: actor, at: clock())) == true
            else {
                continue
            }
            let started = clock()
            let (outcome, counts) = await Self.offThePool {
                do { return ("ok", try job.run()) } catch {
                    return ("failed: " + ((error as? LoupeError)?.message ?? "\(error)"), [:])
                }
            }
            do {
                try database.finishJob(
                    job.kind, owner: owner, startedAt: started, outcome: outcome, counts: counts,
                    actor: actor, at: clock())
            } catch {
                logger.error("job not recorded", metadata: ["job": "\(job.kind.rawValue)"])
            }
            logger.info("job ran", metadata: ["job": "\(job.kind.rawValue)", "outcome": "\(outcome.prefix(80))"])
        }
    }

    /// Runs blocking work (a sweep, a send) on a dispatch queue, so the HTTP routes keep their threads.
    private static func offThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { continuation.resume(returning: work()) }
        }
    }
}
