import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// Reads the dashboard's figures as of `now`, in one read transaction so they agree with each other.
    public func dashboard(now: Date) throws -> Dashboard {
        try read { db in
            let policy = try Self.deadlinePolicy(db)
            let open = Self.openStatusSQL
            let statusCounts = try Self.countsByKey(db, "SELECT status, COUNT(*) FROM privacyRequest GROUP BY status")
            let kindCounts = try Self.countsByKey(db, "SELECT kind, COUNT(*) FROM privacyRequest WHERE \(open) GROUP BY kind")
            let soonEnd = policy.addingDays(policy.dueSoonDays + 1, to: policy.startOfDay(now))
            let overdue = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM privacyRequest WHERE \(open) AND effectiveDueAt < ?", arguments: [now]) ?? 0
            let dueSoon = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM privacyRequest WHERE \(open) AND effectiveDueAt >= ? AND effectiveDueAt < ?",
                arguments: [now, soonEnd]) ?? 0
            let load = try Row.fetchAll(db, sql: """
                SELECT assignee, COUNT(*) AS n FROM privacyRequest WHERE \(open) AND assignee IS NOT NULL
                GROUP BY assignee ORDER BY n DESC, assignee
                """).map { (userName: $0[0] as String, count: $0[1] as Int) }
            let unassigned = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM privacyRequest WHERE \(open) AND assignee IS NULL") ?? 0
            let closeDays = try Double.fetchAll(db, sql: """
                SELECT julianday(closedAt) - julianday(receivedAt) FROM privacyRequest
                WHERE closedAt IS NOT NULL AND closedAt >= ?
                """, arguments: [policy.addingDays(-90, to: now)])
            let windowStart = policy.addingDays(-29, to: policy.startOfDay(now))
            let received = try Date.fetchAll(
                db, sql: "SELECT receivedAt FROM privacyRequest WHERE receivedAt >= ?", arguments: [windowStart])
            let lastSweep = try Self.setting(db, .lastSweep).flatMap(CivilTime.parseISO8601)
            let outlook = try Self.fetchRetentionRules(db).map { rule in
                let soon = policy.addingDays(30, to: now)
                let expiredNow = try RetentionSweeper(rule: rule, cutoff: rule.cutoff(asOf: now, policy: policy), asOf: now)
                    .countExpired(db)
                let expiredSoon = try RetentionSweeper(rule: rule, cutoff: rule.cutoff(asOf: soon, policy: policy), asOf: soon)
                    .countExpired(db)
                return RetentionOutlook(category: rule.category, expiredNow: expiredNow,
                                        expiringIn30Days: max(expiredSoon - expiredNow, 0))
            }
            return Dashboard(
                byStatus: RequestStatus.allCases.map { (status: $0, count: statusCounts[$0.rawValue] ?? 0) },
                openByKind: RequestKind.allCases.map { (kind: $0, count: kindCounts[$0.rawValue] ?? 0) },
                overdue: overdue, dueThisWeek: dueSoon, loadPerAgent: load, unassigned: unassigned,
                medianDaysToClose: Dashboard.median(closeDays), closedLast90Days: closeDays.count,
                intakeLast30Days: Dashboard.dailyCounts(received, days: 30, now: now, policy: policy),
                lastSweep: lastSweep, retention: outlook)
        }
    }

    private static func countsByKey(_ db: Database, _ sql: String) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: sql) { counts[row[0]] = row[1] }
        return counts
    }
}
