import Foundation

/// The routine work `loupe serve` runs on a schedule, each run audited with its counts.
public enum ScheduledJobKind: String, CaseIterable, Codable, Sendable {
    /// The retention sweep, as the service's staff account.
    case retentionSweep = "retention-sweep"
    /// `loupe outbox send`.
    case outboxSend = "outbox-send"
    /// `loupe mail import` from the configured Maildir.
    case mailImport = "mail-import"
    /// `loupe audit anchor`.
    case auditAnchor = "audit-anchor"
    /// `loupe doctor`.
    case doctor

    /// The audit-anchor job also runs as soon as this many entries were written since its last anchor.
    public static let anchorEveryEntries: Int64 = 100

    /// How often it runs unless `loupe settings job-schedule` says otherwise, in seconds.
    public var defaultInterval: TimeInterval {
        switch self {
        case .retentionSweep, .doctor: 86_400
        // No unanchored window longer than this (and `serve` anchors sooner after `anchorEveryEntries`).
        case .auditAnchor: 300
        case .outboxSend, .mailImport: 60
        }
    }
}

/// A job's last run, as the dashboard shows it.
public struct JobRunSummary: Equatable, Sendable {
    public var job: ScheduledJobKind
    public var finishedAt: Date
    /// `ok`, or `failed: why`.
    public var outcome: String
    /// What it did, e.g. `sent=3 failed=0`.
    public var counts: String

    /// Makes one.
    public init(job: ScheduledJobKind, finishedAt: Date, outcome: String, counts: String) {
        self.job = job
        self.finishedAt = finishedAt
        self.outcome = outcome
        self.counts = counts
    }
}
