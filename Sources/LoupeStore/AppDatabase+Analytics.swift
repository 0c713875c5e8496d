import Foundation
import GRDB
import LoupeDomain

/// What `loupe analytics export` publishes: counts only, each row describing at least `k` customers.
public struct AnalyticsExport: Equatable, Sendable, Codable {
    /// The first and last day counted (UTC days, `YYYY-MM-DD`).
    public var from: String
    public var to: String
    public var k: Int
    /// Visits (analytics device events) by day, country, device type and browser family.
    public var visits: [AnalyticsRow]
    /// Orders by day, country and value band.
    public var orders: [AnalyticsRow]
    /// Days with fewer than `k` customers in all, left out whole (of visits, of orders).
    public var daysWithheld: [String: Int]

    /// The dimension names of each table's cells, in order.
    public static let visitDimensions = ["country", "device", "browser"]
    public static let orderDimensions = ["country", "valueBand"]
}

extension AppDatabase {
    /// The smallest number of customers a published cell describes (setting `analytics-k`).
    public func analyticsK() throws -> Int {
        try read { db in try Self.analyticsK(db) }
    }

    static func analyticsK(_ db: Database) throws -> Int {
        try setting(db, .analyticsK).flatMap(Int.init) ?? KAnonymity.defaultK
    }

    /// Sets `k` (admins; at least 2: a cell of one customer is that customer). Audited.
    public func setAnalyticsK(_ k: Int, actor: StaffMember, at time: Date) throws {
        guard (2...1_000).contains(k) else {
            throw LoupeError(
                .invalidInput, "k is \(k); give a number from 2 to 1000 (a cell of one customer is that customer).")
        }
        try write { db in
            try Self.authorize(db, actor, .changeSettings)
            try Self.setSetting(db, .analyticsK, String(k))
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .analyticsKSet, target: "settings",
                details: ["k": String(k)])
        }
    }

    /// The one door through which shop analytics get data: counts by day, country, device type, browser family
    /// and order value band, nothing else, every row describing at least `k` customers (`KAnonymity`). Days are
    /// read one at a time, so memory stays that of one day. Audited (the period, `k` and the rows published).
    public func analyticsExport(
        fromDay: Date, toDay: Date, actor: StaffMember, at time: Date
    ) throws -> AnalyticsExport {
        guard fromDay <= toDay else {
            throw LoupeError(.invalidInput, "--from is after --to; give the first day, then the last.")
        }
        let end = toDay.addingTimeInterval(86_400)
        var export = try read { db -> AnalyticsExport in
            try Self.authorize(db, actor, .exportAnalytics)
            let k = try Self.analyticsK(db)
            let country = """
                (SELECT a.country FROM address a WHERE a.customerId = %@ AND a.kind = 'shipping' ORDER BY a.id LIMIT 1)
                """
            let visits = try Self.publishByDay(
                db,
                sql: """
                    SELECT date(e.occurredAt) AS day, \(String(format: country, "e.customerId")) AS country,
                        e.userAgent,
                        CAST(e.customerId AS TEXT) AS who, COUNT(*) AS n
                    FROM deviceEvent e
                    WHERE e.purpose = 'analytics' AND e.customerId IS NOT NULL
                        AND e.occurredAt >= ? AND e.occurredAt < ?
                    GROUP BY day, e.customerId, e.userAgent ORDER BY day
                    """, arguments: [fromDay, end], k: k
            ) { row in
                let agent: String? = row["userAgent"]
                return [
                    VisitDimensions.country(row["country"]), VisitDimensions.deviceType(userAgent: agent),
                    VisitDimensions.browserFamily(userAgent: agent),
                ]
            }
            let orders = try Self.publishByDay(
                db,
                sql: """
                    SELECT date(o.placedAt) AS day, \(String(format: country, "o.customerId")) AS country,
                        o.totalMinor,
                        o.currency, COALESCE(CAST(o.customerId AS TEXT), 'guest:' || lower(o.guestEmail)) AS who,
                        COUNT(*) AS n
                    FROM customerOrder o
                    WHERE o.placedAt >= ? AND o.placedAt < ? AND (o.customerId IS NOT NULL OR o.guestEmail IS NOT NULL)
                    GROUP BY day, who, o.totalMinor, o.currency ORDER BY day
                    """, arguments: [fromDay, end], k: k
            ) { row in
                [
                    VisitDimensions.country(row["country"]),
                    VisitDimensions.valueBand(totalMinor: row["totalMinor"], currency: row["currency"]),
                ]
            }
            return AnalyticsExport(
                from: CivilTime.utcDay(fromDay), to: CivilTime.utcDay(toDay), k: k,
                visits: visits.rows, orders: orders.rows,
                daysWithheld: ["visits": visits.withheld, "orders": orders.withheld])
        }
        try write { db in
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .analyticsExported, target: "analytics",
                details: [
                    "from": export.from, "to": export.to, "k": String(export.k),
                    "rows": String(export.visits.count + export.orders.count),
                ])
        }
        export.visits.sort { ($0.day, $0.isOther ? 1 : 0) < ($1.day, $1.isOther ? 1 : 0) }
        return export
    }

    /// Streams `sql`'s rows (ordered by `day`, each a customer `who` counted `n` times in a cell `cell` makes),
    /// and publishes each day as soon as it is complete.
    private static func publishByDay(
        _ db: Database, sql: String, arguments: StatementArguments, k: Int, cell: (Row) -> [String]
    ) throws -> (rows: [AnalyticsRow], withheld: Int) {
        var rows: [AnalyticsRow] = []
        var withheld = 0
        var day: String?
        var observations: [AnalyticsObservation] = []
        func flush() {
            guard let day else { return }
            let published = KAnonymity.publish(day: day, observations: observations, k: k)
            if published.isEmpty { withheld += 1 }
            rows += published
            observations.removeAll(keepingCapacity: true)
        }
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try cursor.next() {
            let rowDay: String = row["day"]
            if rowDay != day {
                flush()
                day = rowDay
            }
            observations.append(
                AnalyticsObservation(day: rowDay, cell: cell(row), customer: row["who"], count: row["n"]))
        }
        flush()
        return (rows, withheld)
    }
}
