import Foundation
import GRDB
@testable import LoupeStore
import Testing

/// Migration v19 rebuilds `staff` (the `service` role), which other tables name: a v18 database keeps its staff and
/// the rows that point at them, queues its customers' email digests, and gets an id of its own.
@Suite struct GateMigrationTests {
    @Test func aV18DatabaseKeepsItsStaffAndTheRowsThatNameThem() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v18-policy-promises")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO staff (userName, displayName, role, isActive) VALUES ('ava', 'Ava', 'agent', 1),
                    ('max', 'Max', 'admin', 0);
                INSERT INTO customer (id, publicId, email, createdAt)
                    VALUES (1, 'C-000001', 'ann@example.com', '2026-11-01 00:00:00.000');
                INSERT INTO privacyRequest (id, publicId, kind, status, channel, receivedAt, dueAt, verifiedBy,
                        assignee)
                    VALUES (1, 'PR-2026-000001', 'access', 'verifying', 'email', '2026-11-01 00:00:00.000',
                            '2026-12-01 00:00:00.000', 'ava', 'ava');
                """)
        }
        try AppDatabase.migrator.migrate(queue)
        try queue.read { db in
            let staff = try Row.fetchAll(db, sql: "SELECT userName, role, isActive FROM staff ORDER BY userName")
            #expect(staff.map { $0["userName"] as String } == ["ava", "max"])
            #expect(staff.map { $0["role"] as String } == ["agent", "admin"] && staff[1]["isActive"] == false)
            #expect(try String.fetchOne(db, sql: "SELECT verifiedBy FROM privacyRequest WHERE id = 1") == "ava")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customerDigestStale") == 1, "ann's digests wait")
            #expect(try String.fetchOne(db, sql: "SELECT value FROM loupeSetting WHERE key = 'databaseId'")?.count == 32)
        }
        try queue.write { db in
            try db.execute(sql: "INSERT INTO staff (userName, displayName, role) VALUES ('loupe-serve', 'serve', 'service')")
            #expect(throws: (any Error).self) {
                try db.execute(sql: "INSERT INTO staff (userName, displayName, role) VALUES ('eve', 'Eve', 'root')")
            }
            #expect(try AppDatabase.refreshCustomerDigests(db) == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customerDigest WHERE customerId = 1") == 3)
        }
    }
}
