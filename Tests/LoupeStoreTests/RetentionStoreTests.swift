import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

@Suite struct RetentionStoreTests {
    let root = StaffMember(userName: "root", displayName: "root", role: .admin)
    let policy = DeadlinePolicy()
    /// 2026-11-25 00:00 UTC: sweeps run "as of" this day.
    let asOf = Date(timeIntervalSince1970: 1_795_564_800)

    func database() throws -> (AppDatabase, Int64) {
        let database = try AppDatabase.inMemory()
        try database.initialize(admin: "root", displayName: "root", at: asOf)
        try database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO retentionRule (category, days, action) VALUES ('device-events', 395, 'delete'), ('feedback', 730, 'delete');
                INSERT INTO customer (publicId, fullName, email, createdAt) VALUES ('C-1', 'Ana', 'ana@example.com', '2020-01-01 00:00:00.000');
                """)
        }
        return (database, 1)
    }

    /// Device events at the cutoff day minus one, the cutoff itself, and one day after.
    @Test func deviceEventsExpireStrictlyBeforeTheCutoffDay() throws {
        let (database, customer) = try database()
        let cutoff = policy.addingDays(-395, to: asOf)
        try database.writer.write { db in
            for (offset, page) in [(-86_400.0, "/before"), (0, "/day"), (86_400, "/after"), (-1, "/second-before")] {
                try db.execute(sql: "INSERT INTO deviceEvent (customerId, occurredAt, page) VALUES (?, ?, ?)",
                               arguments: [customer, cutoff.addingTimeInterval(offset), page])
            }
        }
        let dry = try database.sweep(asOf: asOf, dryRun: true, actor: root, at: asOf)
        #expect(dry.expired["device-events"] == 2)
        #expect(try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM deviceEvent") } == 4, "a dry run writes nothing")
        let report = try database.sweep(asOf: asOf, dryRun: false, actor: root, at: asOf)
        #expect(report.expired["device-events"] == 2)
        let left = try database.writer.read { db in try String.fetchAll(db, sql: "SELECT page FROM deviceEvent ORDER BY page") }
        #expect(left == ["/after", "/day"])
        let audit = try database.auditEntries(target: "retention:device-events")
        #expect(audit.count == 1)
        #expect(audit.first?.details.contains(#""count":"2""#) == true)
    }

    @Test func customersWithAnOpenRequestAreHeldAndReported() throws {
        let (database, customer) = try database()
        try database.writer.write { db in
            try db.execute(sql: "INSERT INTO feedback (customerId, text, createdAt) VALUES (?, 'old', '2020-01-01 00:00:00.000')",
                           arguments: [customer])
        }
        try database.createRequest(NewRequest(kind: .access, email: "ana@example.com"), actor: root, at: asOf)
        let report = try database.sweep(asOf: asOf, dryRun: false, actor: root, at: asOf)
        #expect(report.expired["feedback"] == 0)
        #expect(report.held["feedback"] == 1)
        #expect(try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback") } == 1)
    }

    @Test func anInterruptedSweepRunAgainEndsLikeOneCleanRun() throws {
        let (database, customer) = try database()
        try database.writer.write { db in
            for day in 0..<250 {
                try db.execute(sql: "INSERT INTO deviceEvent (customerId, occurredAt) VALUES (?, ?)",
                               arguments: [customer, policy.addingDays(-400 - day, to: asOf)])
            }
        }
        // Stop after the first batch, the way a kill would.
        struct Stop: Error {}
        var batches = 0
        #expect(throws: Stop.self) {
            _ = try database.sweep(asOf: asOf, dryRun: false, batchSize: 100, actor: root, at: asOf) { _ in
                batches += 1
                if batches == 2 { throw Stop() }
            }
        }
        let remaining = try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM deviceEvent")! }
        #expect(remaining < 250 && remaining > 0)
        let report = try database.sweep(asOf: asOf, dryRun: false, batchSize: 100, actor: root, at: asOf)
        #expect(report.expired["device-events"] == remaining)
        #expect(try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM deviceEvent") } == 0)
        #expect(try database.verifyAudit().firstBreak == nil)
    }

    @Test(arguments: [
        ("device-event", 395, "delete", "is not a retention category"),
        ("device-events", 0, "delete", "0 days is not a retention period"),
        ("device-events", -5, "delete", "-5 days is not a retention period"),
        ("device-events", 99_999, "delete", "99999 days is not a retention period"),
        ("device-events", 30, "shred", "is not a retention action"),
        ("invoices", 30, "delete", "Invoices are anonymised, never deleted"),
    ])
    func badRulesAreRefused(category: String, days: Int, action: String, message: String) {
        #expect {
            try RetentionRule.validated(category: category, days: days, action: action)
        } throws: { error in (error as? LoupeError)?.message.contains(message) == true }
    }

    @Test func datesMustBeRealDaysInTheRightForm() throws {
        #expect(try DayParser.parse("2028-02-29", policy: policy) == policy.date(year: 2028, month: 2, day: 29))
        for bad in ["2026-02-30", "25/11/2026", "2026-1-5", "", "2026-13-01"] {
            #expect(throws: LoupeError.self) { try DayParser.parse(bad, policy: policy) }
        }
    }

    @Test func onlyAdminsChangeRulesOrPublishPolicies() throws {
        let (database, _) = try database()
        let sam = try database.addStaff(userName: "sam", role: .supervisor, displayName: nil, actor: root, at: asOf)
        #expect(throws: LoupeError.self) {
            try database.setRetentionRule(RetentionRule(category: .feedback, days: 10, action: .delete), actor: sam, at: asOf)
        }
        try database.publishPolicy(version: "2026-12", effectiveAt: asOf, summary: "New courier.", actor: root, at: asOf)
        #expect(throws: LoupeError.self) {
            try database.publishPolicy(version: "2026-12", effectiveAt: asOf, summary: "Again.", actor: root, at: asOf)
        }
        #expect(try database.policyVersions().map(\.version) == ["2026-12"])
    }
}

@Suite struct ClosedRequestRetentionTests {
    @Test func closedRequestsAreTimedFromWhenTheyClosed() throws {
        let root = StaffMember(userName: "root", displayName: "root", role: .admin)
        let database = try AppDatabase.inMemory()
        let longAgo = Date(timeIntervalSince1970: 1_650_000_000)  // 2022-04-15
        let asOf = Date(timeIntervalSince1970: 1_795_564_800)      // 2026-11-25
        try database.initialize(admin: "root", displayName: "root", at: longAgo)
        try database.writer.write { db in
            try db.execute(sql: "INSERT INTO retentionRule (category, days, action) VALUES ('closed-requests', 1095, 'anonymise')")
        }
        let old = try database.createRequest(NewRequest(kind: .access, email: "gone@example.com", name: "Old Name"), actor: root, at: longAgo)
        let late = try database.createRequest(NewRequest(kind: .access, email: "late@example.com", name: "Late Name"), actor: root, at: longAgo)
        try database.perform(.cancel(reason: "Withdrawn by the requester"), on: old.summary.publicId, actor: root, at: longAgo)
        // Received at the same time, but closed a year before the sweep: kept.
        try database.perform(.cancel(reason: "Withdrawn by the requester"), on: late.summary.publicId, actor: root,
                             at: asOf.addingTimeInterval(-365 * 86_400))
        let report = try database.sweep(asOf: asOf, dryRun: false, actor: root, at: asOf)
        #expect(report.expired["closed-requests"] == 1)
        #expect(try database.requestDetail(publicId: old.summary.publicId).subjectName == nil)
        #expect(try database.requestDetail(publicId: late.summary.publicId).subjectName == "Late Name")
    }
}
