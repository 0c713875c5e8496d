import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

@Suite struct DashboardStoreTests {
    let root = StaffMember(userName: "root", displayName: "root", role: .admin)
    let policy = DeadlinePolicy()

    @Test func countsLoadIntakeAndTimeToCloseFromTheRequestsOnFile() throws {
        let database = try AppDatabase.inMemory()
        let start = policy.addingDays(-40, to: storeNow)
        try database.initialize(admin: "root", displayName: "root", at: start)
        // Received 40 days ago (outside the intake window), 3 days ago, and today.
        let old = try database.createRequest(NewRequest(kind: .access, email: "a@example.com"), actor: root, at: start)
        let recent = try database.createRequest(NewRequest(kind: .erasure, email: "b@example.com"), actor: root,
                                                at: policy.addingDays(-3, to: storeNow))
        _ = try database.createRequest(NewRequest(kind: .access, email: "c@example.com"), actor: root, at: storeNow)
        _ = try database.perform(.claim, on: recent.summary.publicId, expectedVersion: recent.summary.version,
                                 actor: root, at: storeNow)
        // The old request closes 10 days after receipt.
        _ = try database.perform(.cancel(reason: "duplicate"), on: old.summary.publicId, expectedVersion: old.summary.version,
                                 actor: root, at: policy.addingDays(10, to: start))

        let figures = try database.dashboard(now: storeNow)
        let claimed = try database.requestDetail(publicId: recent.summary.publicId).summary.status
        #expect(figures.byStatus.first { $0.status == .received }?.count == (claimed == .received ? 2 : 1))
        #expect(figures.byStatus.filter { $0.status.isOpen }.map(\.count).reduce(0, +) == 2)
        #expect(figures.byStatus.first { $0.status == .cancelled }?.count == 1)
        #expect(figures.byStatus.count == RequestStatus.allCases.count)
        #expect(figures.openByKind.first { $0.kind == .access }?.count == 1)
        #expect(figures.openByKind.first { $0.kind == .erasure }?.count == 1)
        #expect(figures.loadPerAgent.map(\.userName) == ["root"])
        #expect(figures.unassigned == 1)
        #expect(figures.medianDaysToClose == 10)
        #expect(figures.closedLast90Days == 1)
        #expect(figures.intakeLast30Days.count == 30)
        // The chart obeys the analytics rule: a day of one person is hidden (shown as 0, and counted as hidden).
        #expect(figures.intakeLast30Days.reduce(0, +) == 0)
        #expect(figures.intakeHiddenDays == 2, "two days of one request each; the 40-day-old one is outside")
        #expect(figures.analyticsK == KAnonymity.defaultK)
        #expect(figures.overdue == 0)
        #expect(figures.lastSweep == nil)
    }

    @Test func showsTheLastSweepAndWhatExpiresWithinThirtyDays() throws {
        let database = try AppDatabase.inMemory()
        try database.initialize(admin: "root", displayName: "root", at: storeNow)
        try database.writer.write { db in
            try db.execute(sql: """
                DELETE FROM retentionRule;
                INSERT INTO retentionRule (category, days, action) VALUES ('device-events', 395, 'delete');
                INSERT INTO customer (publicId, fullName, email, createdAt) VALUES ('C-1', 'Ana', 'ana@example.com', '2020-01-01 00:00:00.000');
                """)
            let cutoff = policy.addingDays(-395, to: policy.startOfDay(storeNow))
            // Expired now, expiring in 10 days, expiring in 40 days (outside the outlook).
            for offset in [-5, 10, 40] {
                try db.execute(sql: "INSERT INTO deviceEvent (customerId, occurredAt, page) VALUES (1, ?, '/p')",
                               arguments: [policy.addingDays(offset, to: cutoff)])
            }
        }
        // Counting reads whole tables, so the dashboard shows what the last sweep (dry or real) counted.
        let before = try database.dashboard(now: storeNow)
        #expect(before.retention.isEmpty && before.retentionCountedAt == nil, "nothing counted before a sweep")
        _ = try database.sweep(asOf: storeNow, dryRun: true, actor: root, at: storeNow)
        let counted = try database.dashboard(now: storeNow)
        var outlook = try #require(counted.retention.first)
        #expect(outlook == RetentionOutlook(category: .deviceEvents, expiredNow: 1, expiringIn30Days: 1))
        #expect(counted.retentionCountedAt == storeNow && counted.lastSweep == nil, "a dry run counts but does not sweep")
        _ = try database.sweep(asOf: storeNow, dryRun: false, actor: root, at: storeNow)
        let after = try database.dashboard(now: storeNow)
        outlook = try #require(after.retention.first)
        #expect(outlook == RetentionOutlook(category: .deviceEvents, expiredNow: 0, expiringIn30Days: 1))
        #expect(after.lastSweep == storeNow)
    }
}
