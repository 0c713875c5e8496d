import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// How long a process holds a job it started before another may take it for dead.
    static let jobLease: TimeInterval = 30 * 60

    /// Job runs and the lease that keeps two `serve` processes from running one job at once.
    static func addJobs(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE jobLease (job TEXT PRIMARY KEY, owner TEXT NOT NULL, leaseUntil DATETIME NOT NULL);
                CREATE TABLE jobRun (
                    id INTEGER PRIMARY KEY,
                    job TEXT NOT NULL,
                    owner TEXT NOT NULL,
                    startedAt DATETIME NOT NULL,
                    finishedAt DATETIME NOT NULL,
                    outcome TEXT NOT NULL,
                    counts TEXT NOT NULL
                );
                CREATE INDEX jobRun_job ON jobRun(job, finishedAt);
                """)
    }

    /// Each job's interval in seconds: the defaults, with the `job-schedule` setting's overrides.
    public func jobIntervals() throws -> [ScheduledJobKind: TimeInterval] {
        try read { db in
            let stored =
                try Self.setting(db, .jobSchedule)
                .flatMap { try? JSONDecoder().decode([String: Double].self, from: Data($0.utf8)) } ?? [:]
            return Dictionary(
                uniqueKeysWithValues: ScheduledJobKind.allCases.map {
                    ($0, stored[$0.rawValue] ?? $0.defaultInterval)
                })
        }
    }

    /// Sets how often a job runs (admins; at least a minute, 0 turns it off); audited.
    public func setJobInterval(_ job: ScheduledJobKind, seconds: Double, actor: StaffMember, at time: Date) throws {
        guard seconds == 0 || (60...31_536_000).contains(seconds) else {
            throw LoupeError(.invalidInput, "A job runs at most once a minute and at least once a year (or 0: never).")
        }
        try write { db in
            try Self.authorize(db, actor, .changeSettings)
            var stored =
                try Self.setting(db, .jobSchedule)
                .flatMap { try? JSONDecoder().decode([String: Double].self, from: Data($0.utf8)) } ?? [:]
            stored[job.rawValue] = seconds
            try Self.setSetting(db, .jobSchedule, String(decoding: try JSONEncoder().encode(stored), as: UTF8.self))
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .jobScheduled, target: "loupe",
                details: ["job": job.rawValue, "seconds": String(Int(seconds))])
        }
    }

    /// Takes `job` for `owner` when it is due (never run, or its interval has passed since the last run) and no
    /// other process holds it; false otherwise. One transaction: two `serve` processes never both get it.
    public func leaseDueJob(
        _ job: ScheduledJobKind, every interval: TimeInterval, owner: String, actor: StaffMember,
        at time: Date
    ) throws -> Bool {
        guard interval > 0 else { return false }
        return try write { db in
            try Self.authorize(db, actor, .runJobs)
            let held = try Row.fetchOne(
                db, sql: "SELECT owner, leaseUntil FROM jobLease WHERE job = ?",
                arguments: [job.rawValue])
            if let held, (held["leaseUntil"] as Date) > time { return false }
            let last = try Date.fetchOne(
                db, sql: "SELECT MAX(finishedAt) FROM jobRun WHERE job = ?",
                arguments: [job.rawValue])
            if let last, last.addingTimeInterval(interval) > time { return false }
            try db.execute(
                sql: """
                    INSERT INTO jobLease (job, owner, leaseUntil) VALUES (?, ?, ?)
                    ON CONFLICT(job) DO UPDATE SET owner = excluded.owner, leaseUntil = excluded.leaseUntil
                    """, arguments: [job.rawValue, owner, time.addingTimeInterval(Self.jobLease)])
            return true
        }
    }

    /// Records a job's run with what it did, ends the lease, and audits it. One transaction.
    public func finishJob(
        _ job: ScheduledJobKind, owner: String, startedAt: Date, outcome: String,
        counts: [String: String], actor: StaffMember, at time: Date
    ) throws {
        let countText = counts.keys.sorted().map { "\($0)=\(counts[$0]!)" }.joined(separator: " ")
        try write { db in
            try Self.authorize(db, actor, .runJobs)
            try db.execute(
                sql: """
                    INSERT INTO jobRun (job, owner, startedAt, finishedAt, outcome, counts) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [job.rawValue, owner, startedAt, time, String(outcome.prefix(300)), countText])
            try db.execute(sql: "DELETE FROM jobLease WHERE job = ? AND owner = ?", arguments: [job.rawValue, owner])
            // The runs are kept 90 days (the audit keeps each one for good); one a minute would otherwise pile up.
            try db.execute(
                sql: "DELETE FROM jobRun WHERE job = ? AND finishedAt < ?",
                arguments: [job.rawValue, time.addingTimeInterval(-90 * 86_400)])
            var details = counts
            details["job"] = job.rawValue
            details["outcome"] = String(outcome.prefix(200))
            try AuditLog.append(db, at: time, actor: actor.userName, event: .jobRun, target: "loupe", details: details)
        }
    }

    /// Each job's last run, for the dashboard: one indexed read per job (never a scan of the runs).
    static func lastJobRuns(_ db: Database) throws -> [JobRunSummary] {
        try ScheduledJobKind.allCases.compactMap { job in
            try Row.fetchOne(
                db.cachedStatement(sql: """
                    SELECT finishedAt, outcome, counts FROM jobRun WHERE job = ? ORDER BY finishedAt DESC LIMIT 1
                    """), arguments: [job.rawValue]
            ).map {
                JobRunSummary(job: job, finishedAt: $0["finishedAt"], outcome: $0["outcome"], counts: $0["counts"])
            }
        }
    }

    /// The sequence the last successful audit anchor (by any `serve` of this database) wrote, 0 before the first:
    /// the anchor job runs early once `ScheduledJobKind.anchorEveryEntries` entries follow it.
    public func lastAnchoredSequence(actor: StaffMember) throws -> Int64 {
        try read(as: actor, .runJobs) { db in
            let counts = try String.fetchOne(db, sql: """
                SELECT counts FROM jobRun WHERE job = ? AND outcome = 'ok' ORDER BY finishedAt DESC, id DESC LIMIT 1
                """, arguments: [ScheduledJobKind.auditAnchor.rawValue]) ?? ""
            let sequence = counts.split(separator: " ").first { $0.hasPrefix("sequence=") }?.dropFirst(9)
            return sequence.flatMap { Int64($0) } ?? 0
        }
    }
}
