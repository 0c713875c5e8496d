import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

/// Migration v20 (the mailbox) rebuilds `messageTemplate` per language and changes how a message is recorded once:
/// a v19 database keeps an admin's edited template (as English), gets the dismissed-mail rule, and a message
/// recorded before v20 under its raw Message-ID is still a duplicate when the same mail is imported again.
@Suite struct MailboxMigrationTests {
    @Test func aV19DatabaseKeepsItsEditedTemplatesAsEnglishAndGetsTheDismissedMailRule() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v19-one-gate")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO staff (userName, displayName, role, isActive) VALUES ('max', 'Max', 'admin', 1);
                INSERT INTO messageTemplate (event, subject, body, updatedBy, updatedAt)
                    VALUES ('received', 'Got it: {{requestId}}', 'Thanks.', 'max', '2026-11-01 00:00:00.000');
                INSERT INTO retentionRule (category, days, action) VALUES ('closed-requests', 1095, 'anonymise');
                """)
        }
        try AppDatabase.migrator.migrate(queue)
        try queue.read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM messageTemplate"))
            let event: String = row["event"], language: String = row["language"], subject: String = row["subject"]
            #expect(event == "received" && language == "en" && subject == "Got it: {{requestId}}")
            #expect(try Int.fetchOne(db, sql: "SELECT days FROM retentionRule WHERE category = 'dismissed-mail'") == 30)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
        try queue.write { db in
            #expect(throws: (any Error).self) {
                try db.execute(sql: """
                    INSERT INTO messageTemplate (event, language, subject, body, updatedBy, updatedAt)
                    VALUES ('received', 'it', 's', 'b', 'max', '2026-11-01 00:00:00.000')
                    """)
            }
        }
    }

    @Test func mailRecordedBeforeV20UnderItsRawMessageIdIsNotFiledTwice() throws {
        let database = try demoDatabase(customers: 5)
        // As v12..v19 recorded it: the Message-ID itself was the once-only key.
        try database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO inboundMail (messageKey, receivedAt, nature, filedAs, subject, body, attachments)
                VALUES ('<old-1@mail.example>', '2026-11-01 00:00:00.000', 'message', 'new-request', 'Delete my account',
                        'Please delete my account.', '[]')
                """)
        }
        let again = InboundMail(
            key: "<old-1@mail.example>", messageId: "old-1@mail.example", answers: [], fromAddress: "ann@example.org",
            fromName: nil, subject: "Delete my account", body: "Please delete my account.", bodyWasCut: false,
            cardNumbersRemoved: 0, attachments: [], nature: .message, bouncedMessageId: nil)
        let before = try database.queuePage(.first(limit: 10_000)).total
        #expect(try database.receive(again, actor: testAdmin, at: storeNow) == .duplicate)
        #expect(try database.queuePage(.first(limit: 10_000)).total == before)
        // Imported once more after v20, it is recorded under its keyed digest and is a duplicate from then on too.
        let fresh = InboundMail(
            key: "<new-1@mail.example>", messageId: "new-1@mail.example", answers: [], fromAddress: "ann@example.org",
            fromName: nil, subject: "Delete my account", body: "Please delete my account.", bodyWasCut: false,
            cardNumbersRemoved: 0, attachments: [], nature: .message, bouncedMessageId: nil)
        guard case .newRequest = try database.receive(fresh, actor: testAdmin, at: storeNow) else {
            Issue.record("not filed"); return
        }
        #expect(try database.receive(fresh, actor: testAdmin, at: storeNow) == .duplicate)
        let keys = try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT messageKey FROM inboundMail WHERE messageId = '<new-1@mail.example>'")
        }
        #expect(keys.count == 1 && keys[0].hasPrefix("k:") && !keys[0].contains("new-1"))
    }
}
