import Foundation
import GRDB
import LoupeDomain

/// What a sweep found or did, per category.
public struct SweepReport: Equatable, Sendable, Codable {
    /// Rows (or folders) expired and removed or anonymised (or, on a dry run, that would be).
    public var expired: [String: Int] = [:]
    /// Expired rows kept because their customer has an open request (legal hold).
    public var held: [String: Int] = [:]
    /// Write transactions the sweep committed (each with its audit entry).
    public var batches = 0
    /// Expired exports the sweep did not delete, and why (outside the exports folder, or not deletable).
    public var notDeleted: [String] = []

    /// An empty report.
    public init() {}
}

extension AppDatabase {
    /// The retention rules, by category.
    public func retentionRules() throws -> [RetentionRule] {
        try read { db in try Self.fetchRetentionRules(db) }
    }

    /// Changes one category's period and action. Admins only; audited.
    public func setRetentionRule(_ rule: RetentionRule, actor: StaffMember, at time: Date) throws {
        try write { db in
            try Self.authorize(db, actor, .setRetention)
            try db.execute(sql: """
                INSERT INTO retentionRule (category, days, action) VALUES (?, ?, ?)
                ON CONFLICT(category) DO UPDATE SET days = excluded.days, action = excluded.action
                """, arguments: [rule.category.rawValue, rule.days, rule.action.rawValue])
            try AuditLog.append(db, at: time, actor: actor.userName, event: .retentionRuleSet, target: "retention:\(rule.category.rawValue)",
                                details: ["days": String(rule.days), "action": rule.action.rawValue])
        }
    }

    static func fetchRetentionRules(_ db: Database) throws -> [RetentionRule] {
        try Row.fetchAll(db, sql: "SELECT * FROM retentionRule ORDER BY category").compactMap { row in
            guard let category = RetentionCategory(rawValue: row["category"]) else { return nil }
            return RetentionRule(category: category, days: row["days"], action: try decode(row["action"]))
        }
    }

    /// Customers whose data must not be swept: they have an open privacy request.
    static let heldCustomers = "SELECT customerId FROM privacyRequest WHERE customerId IS NOT NULL AND \(openStatusSQL)"

    /// Finds what has expired on `asOf` and, unless `dryRun`, deletes or anonymises it in batches: each batch one
    /// transaction with one audit entry carrying its count. Interrupted, it can simply be run again: every batch
    /// re-selects what is still expired, so the result is the same as one clean run. Customers with an open
    /// request are skipped (legal hold) and counted.
    public func sweep(asOf: Date, dryRun: Bool, batchSize: Int = 5_000, actor: StaffMember, at time: Date,
                      progress: (Double) throws -> Void = { _ in }) throws -> SweepReport {
        let (rules, policy) = try read { db in
            // Anyone on the staff may see what a sweep would do; deleting is for admins (or the service user
            // the nightly job runs as).
            try Self.authorize(db, actor, dryRun ? .previewRetention : .sweepRetention)
            return (try Self.fetchRetentionRules(db), try Self.deadlinePolicy(db))
        }
        var report = SweepReport()
        for (index, rule) in rules.enumerated() {
            let cutoff = rule.cutoff(asOf: asOf, policy: policy)
            let sweeper = RetentionSweeper(rule: rule, cutoff: cutoff, asOf: asOf, exportsRoot: exportsFolder)
            let (expired, held) = try read { db in (try sweeper.countExpired(db), try sweeper.countHeld(db)) }
            report.expired[rule.category.rawValue] = expired
            report.held[rule.category.rawValue] = held
            if !dryRun && expired > 0 {
                var done = 0
                var after: Int64 = 0
                while true {
                    let changed = try write { db -> Int in
                        let (count, lastId, problems) = try sweeper.sweepBatch(db, after: after, limit: batchSize, at: time)
                        after = lastId
                        report.notDeleted += problems
                        if count > 0 {
                            var details = ["count": String(count), "asOf": policy.dayString(asOf),
                                           "action": rule.action.rawValue]
                            if !problems.isEmpty { details["notDeleted"] = String(problems.count) }
                            try AuditLog.append(db, at: time, actor: actor.userName, event: .retentionSwept,
                                                target: "retention:\(rule.category.rawValue)", details: details)
                        }
                        return count
                    }
                    if changed == 0 { break }
                    report.batches += 1
                    done += changed
                    try progress((Double(index) + min(Double(done) / Double(expired), 1)) / Double(rules.count))
                }
            }
            try progress(Double(index + 1) / Double(rules.count))
        }
        // The dashboard's outlook, counted after the sweep (a dry run counts it too): a cache, not a change.
        // A dry run has just counted what is expired now; a real sweep has changed it, so it is counted again.
        try write { db in
            try Self.countRetentionOutlook(db, asOf: asOf, at: time, expiredNow: dryRun ? report.expired : nil)
        }
        if !dryRun {
            try write { db in
                // Merge the search index's segments: tokens of erased and anonymised customers, until now only
                // marked deleted, leave the file (secure_delete zeroes the pages they free).
                try db.execute(sql: "INSERT INTO customerSearch(customerSearch) VALUES ('optimize')")
                try Self.setSetting(db, .lastSweep, CivilTime.iso8601(time))
            }
        }
        return report
    }
}
