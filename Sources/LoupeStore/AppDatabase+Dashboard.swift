import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// Reads the dashboard's figures as of `now`, in one read transaction so they agree with each other.
    public func dashboard(now: Date, actor: StaffMember) throws -> Dashboard {
        try dashboard(now: now, reader: actor)
    }

    /// `dashboard` without the gate: for the store's own use and its tests.
    func dashboard(now: Date) throws -> Dashboard {
        try dashboard(now: now, reader: nil)
    }

    func dashboard(now: Date, reader: StaffMember?) throws -> Dashboard {
        try read(as: reader, .readRequests) { db in
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
            // One person per customer (else per address or request): the chart obeys the analytics rule.
            let received = try Row.fetchAll(db, sql: """
                SELECT receivedAt, COALESCE('c' || customerId, 'e' || lower(subjectEmail), 'r' || id)
                FROM privacyRequest WHERE receivedAt >= ?
                """, arguments: [windowStart]).map { (date: $0[0] as Date, person: $0[1] as String) }
            let k = try Self.analyticsK(db)
            let intake = Dashboard.kAnonymousDailyCounts(received, days: 30, now: now, policy: policy, k: k)
            let lastSweep = try Self.setting(db, .lastSweep).flatMap(CivilTime.parseISO8601)
            // Counting what expires reads whole tables (17 s at 1,000,000 customers): the sweep counts it, dry or
            // real, and the dashboard shows that count with its time.
            let outlook = try Self.setting(db, .retentionOutlook).flatMap(RetentionOutlookCache.decode)
            var dashboard = Dashboard(
                byStatus: RequestStatus.allCases.map { (status: $0, count: statusCounts[$0.rawValue] ?? 0) },
                openByKind: RequestKind.allCases.map { (kind: $0, count: kindCounts[$0.rawValue] ?? 0) },
                overdue: overdue, dueThisWeek: dueSoon, loadPerAgent: load, unassigned: unassigned,
                medianDaysToClose: Dashboard.median(closeDays), closedLast90Days: closeDays.count,
                intakeLast30Days: intake.counts,
                lastSweep: lastSweep, retention: outlook?.categories ?? [], retentionCountedAt: outlook?.countedAt)
            dashboard.jobs = try Self.lastJobRuns(db)
            dashboard.intakeHiddenDays = intake.hidden
            dashboard.analyticsK = k
            dashboard.breachDeadlines = try Self.breachDeadlines(db)
            (dashboard.unsortedMail, dashboard.staleUnsortedMail) = try Self.unsortedMailCounts(db, now: now)
            return dashboard
        }
    }

    private static func countsByKey(_ db: Database, _ sql: String) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: sql) { counts[row[0]] = row[1] }
        return counts
    }

    /// Counts, per retention rule, what has expired on `asOf` (unless `expiredNow` already holds it, by category)
    /// and what expires in the 30 days after; stored for the dashboard. Reads whole tables: the sweep calls it,
    /// never a screen.
    static func countRetentionOutlook(_ db: Database, asOf: Date, at time: Date, expiredNow known: [String: Int]? = nil) throws {
        let policy = try deadlinePolicy(db)
        let soon = policy.addingDays(30, to: asOf)
        let categories = try fetchRetentionRules(db).map { rule in
            let expiredNow = try known?[rule.category.rawValue]
                ?? RetentionSweeper(rule: rule, cutoff: rule.cutoff(asOf: asOf, policy: policy), asOf: asOf).countExpired(db)
            let expiredSoon = try RetentionSweeper(rule: rule, cutoff: rule.cutoff(asOf: soon, policy: policy), asOf: soon)
                .countExpired(db)
            return RetentionOutlook(category: rule.category, expiredNow: expiredNow,
                                    expiringIn30Days: max(expiredSoon - expiredNow, 0))
        }
        try setSetting(db, .retentionOutlook, RetentionOutlookCache(countedAt: time, categories: categories).encoded())
    }
}

/// The retention outlook as the settings table keeps it.
struct RetentionOutlookCache: Codable {
    struct Category: Codable {
        var category: String
        var expiredNow: Int
        var expiringIn30Days: Int
    }

    var countedAt: Date
    var categories: [RetentionOutlook]

    init(countedAt: Date, categories: [RetentionOutlook]) {
        self.countedAt = countedAt
        self.categories = categories
    }

    enum CodingKeys: String, CodingKey { case countedAt, categories }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        countedAt = try container.decode(Date.self, forKey: .countedAt)
        categories = try container.decode([Category].self, forKey: .categories).compactMap { entry in
            RetentionCategory(rawValue: entry.category).map {
                RetentionOutlook(category: $0, expiredNow: entry.expiredNow, expiringIn30Days: entry.expiringIn30Days)
            }
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(countedAt, forKey: .countedAt)
        try container.encode(categories.map {
            Category(category: $0.category.rawValue, expiredNow: $0.expiredNow, expiringIn30Days: $0.expiringIn30Days)
        }, forKey: .categories)
    }

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    static func decode(_ text: String) -> RetentionOutlookCache? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try? decoder.decode(Self.self, from: Data(text.utf8))
    }
}
