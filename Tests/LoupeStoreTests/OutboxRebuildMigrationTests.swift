import Foundation
import GRDB
@testable import LoupeStore
import Testing

/// Migration v18 rebuilds `outboxMessage` (a notice has no request): a database of the version before keeps every
/// message, its id, its lease and thread, and the rows that point at it.
@Suite struct OutboxRebuildMigrationTests {
    @Test func aV17DatabaseKeepsItsMessagesAndTheRowsThatNameThem() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v17-jobs")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO staff (userName, displayName, role) VALUES ('ava', 'Ava', 'agent');
                INSERT INTO privacyRequest (id, publicId, kind, status, channel, receivedAt, dueAt)
                    VALUES (1, 'PR-2026-000001', 'access', 'received', 'email', '2026-11-01 00:00:00.000',
                            '2026-12-01 00:00:00.000');
                INSERT INTO outboxMessage (id, requestId, event, toAddress, subject, body, messageId, status,
                        createdAt, leaseOwner, inReplyTo)
                    VALUES (7, 1, 'received', 'sealed:v1:x', 'We received it', 'Dear', '<a@shop.example>', 'sending',
                            '2026-11-01 00:00:00.000', 'host:1:abc', '<b@mail.example>');
                INSERT INTO exportLink (requestId, outboxMessageId, tokenHash, createdAt, expiresAt)
                    VALUES (1, 7, 'hash', '2026-11-01 00:00:00.000', '2026-11-08 00:00:00.000');
                """)
        }
        try AppDatabase.migrator.migrate(queue)
        try queue.read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM outboxMessage WHERE id = 7"))
            #expect(row["requestId"] == 1 as Int64 && row["customerId"] == nil as Int64?)
            #expect(row["status"] == "sending" && row["leaseOwner"] == "host:1:abc")
            #expect(row["inReplyTo"] == "<b@mail.example>")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let linked = try Int64.fetchOne(db, sql: """
                SELECT m.id FROM exportLink l JOIN outboxMessage m ON m.id = l.outboxMessageId
                """)
            #expect(linked == 7)
            // AUTOINCREMENT is kept: a dropped message's number is never reused.
            #expect(try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'outboxMessage'")?
                .contains("AUTOINCREMENT") == true)
        }
        // A notice needs its customer; a message neither about a request nor to a customer is refused.
        #expect(throws: DatabaseError.self) {
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO outboxMessage (event, subject, body, messageId, createdAt)
                    VALUES ('policy-changed', 's', 'b', '<c@shop.example>', '2026-11-02 00:00:00.000')
                    """)
            }
        }
    }
}
