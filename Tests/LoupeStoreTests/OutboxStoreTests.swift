import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

@Suite struct OutboxStoreTests {
    let ava = StaffMember(userName: "ava", displayName: "Ava", role: .agent)
    let sam = StaffMember(userName: "sam", displayName: "Sam", role: .supervisor)

    func customerEmail(_ database: AppDatabase, offset: Int = 0) throws -> String {
        try database.writer.read { db in
            try String.fetchOne(db, sql: """
                SELECT email FROM customer c WHERE NOT isMinor AND erasedAt IS NULL
                AND NOT EXISTS (SELECT 1 FROM privacyRequest r WHERE r.customerId = c.id) ORDER BY id LIMIT 1 OFFSET ?
                """, arguments: [offset])!
        }
    }

    func new(_ database: AppDatabase, _ kind: RequestKind, offset: Int, corrections: [CorrectableField: String] = [:]) throws -> String {
        var draft = NewRequest(kind: kind, email: try customerEmail(database, offset: offset))
        draft.corrections = corrections
        return try database.createRequest(draft, actor: ava, at: storeNow).summary.publicId
    }

    func lastMessage(_ database: AppDatabase, _ id: String) throws -> OutboxMessage {
        try #require(try database.messages(publicId: id).last)
    }

    @Test func anAccessRequestIsAcknowledgedAskedForIdentityAndToldWhereItsExportIs() throws {
        let database = try demoDatabase(customers: 40)
        let id = try new(database, .access, offset: 0)
        #expect(try database.messages(publicId: id).map(\.event) == [.received])
        let received = try lastMessage(database, id)
        #expect(received.body.contains(id) && received.body.contains("2026-12-25"), "the request id and the due date")
        #expect(try received.toAddress == database.requestDetail(publicId: id).summary.subjectEmail)
        try database.perform(.claim, on: id, actor: ava, at: storeNow)
        #expect(try lastMessage(database, id).event == .verificationNeeded)
        try database.perform(.verify(method: .email, note: nil), on: id, actor: ava, at: storeNow)
        try database.perform(.start, on: id, actor: ava, at: storeNow)
        // Completing without an export is refused, and nothing of it is written: no status change, no message.
        #expect(throws: LoupeError.self) { try database.perform(.complete, on: id, actor: ava, at: storeNow) }
        #expect(try database.requestDetail(publicId: id).summary.status == .inProgress)
        // Two were queued; verifying withdrew the ask for identity (issue 21), so one is left.
        #expect(try database.messages(publicId: id).map(\.event) == [.received])
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = try database.exportAccess(publicId: id, to: folder.path, actor: ava, at: storeNow)
        try database.perform(.complete, on: id, actor: ava, at: storeNow)
        let ready = try lastMessage(database, id)
        #expect(ready.event == .accessReady)
        #expect(ready.body.contains(export.folder), "says where the export is")
        #expect(!ready.body.contains("\"orders\""), "never the data itself")
    }

    @Test func extensionsRefusalsAndCancellationsCarryTheirReasons() throws {
        let database = try demoDatabase(customers: 40)
        let extended = try new(database, .access, offset: 0)
        try database.perform(.claim, on: extended, actor: ava, at: storeNow)
        try database.perform(.extend(months: 2, reason: "Orders archived off-site"), on: extended, actor: ava, at: storeNow)
        let notice = try lastMessage(database, extended)
        #expect(notice.event == .extended)
        #expect(notice.body.contains("Orders archived off-site") && notice.body.contains("2027-02-25"))
        let rejected = try new(database, .access, offset: 1)
        try database.perform(.claim, on: rejected, actor: ava, at: storeNow)
        try database.perform(.reject(reason: "Manifestly unfounded: the fifth identical request this month"), on: rejected, actor: ava, at: storeNow)
        let refusal = try lastMessage(database, rejected)
        #expect(refusal.event == .rejected)
        #expect(refusal.body.contains("fifth identical request") && refusal.body.contains("supervisory authority"))
        let cancelled = try new(database, .access, offset: 2)
        try database.perform(.claim, on: cancelled, actor: ava, at: storeNow)
        try database.perform(.cancel(reason: "Withdrawn by the requester"), on: cancelled, actor: ava, at: storeNow)
        #expect(try lastMessage(database, cancelled).body.contains("Withdrawn by the requester"))
        for id in [extended, rejected, cancelled] {
            for message in try database.messages(publicId: id) {
                #expect(!message.body.contains("{{") && !message.subject.contains("{{"))
            }
        }
    }

    @Test func rectificationNamesTheFieldsNotTheValuesAndConsentNamesThePurposes() throws {
        let database = try demoDatabase(customers: 40)
        let id = try new(database, .rectification, offset: 0, corrections: [.city: "Zwolle-Noord", .phone: "+31 6 1234 5678"])
        for command: RequestCommand in [.claim, .verify(method: .email, note: nil), .start] {
            try database.perform(command, on: id, actor: ava, at: storeNow)
        }
        _ = try database.rectify(publicId: id, actor: ava, at: storeNow)
        for task in try database.requestDetail(publicId: id).tasks {
            _ = try database.closeTask(id: task.id, impossibleBecause: nil, actor: ava, at: storeNow)
        }
        try database.perform(.complete, on: id, actor: ava, at: storeNow)
        let done = try lastMessage(database, id)
        #expect(done.event == .rectificationDone)
        #expect(done.body.contains("city, phone"))
        #expect(!done.body.contains("Zwolle-Noord"))
        let consent = try new(database, .consentWithdrawal, offset: 1)
        try database.perform(.claim, on: consent, actor: ava, at: storeNow)
        try database.perform(.start, on: consent, actor: ava, at: storeNow)
        let withdrawn = try database.withdrawConsent(publicId: consent, actor: ava, at: storeNow)
        let message = try lastMessage(database, consent)
        #expect(message.event == .consentWithdrawn)
        if let first = withdrawn.first { #expect(message.body.contains(first.rawValue.replacingOccurrences(of: "-", with: " "))) }
    }

    @Test func theErasureReportListsWhatIsKeptGreetsNoOneAndForgetsTheAddressOnceSent() throws {
        let database = try demoDatabase(customers: 40)
        let customer = try database.writer.read { db in
            try Row.fetchOne(db, sql: """
                SELECT c.email FROM customer c JOIN customerOrder o ON o.customerId = c.id
                WHERE NOT c.isMinor AND NOT EXISTS (SELECT 1 FROM privacyRequest r WHERE r.customerId = c.id) LIMIT 1
                """)!
        }
        let email: String = customer["email"]
        let id = try database.createRequest(NewRequest(kind: .erasure, email: email), actor: ava, at: storeNow).summary.publicId
        for command: RequestCommand in [.claim, .verify(method: .email, note: nil), .start, .proposeErasure] {
            try database.perform(command, on: id, actor: ava, at: storeNow)
        }
        try database.perform(.approve, on: id, actor: sam, at: storeNow)
        let messages = try database.messages(publicId: id)
        #expect(messages.map(\.event) == [.erasureDone], "the unsent earlier messages went with the customer's data")
        let report = try #require(messages.first)
        #expect(report.toName == nil && report.toAddress == email)
        #expect(report.body.contains("Dear customer"))
        let retained = try database.requestDetail(publicId: id).retained
        for item in retained { #expect(report.body.contains(item.reference)) }
        let sealed = try database.writer.read { db in try String.fetchOne(db, sql: "SELECT toAddress FROM outboxMessage WHERE id = ?", arguments: [report.id]) }
        #expect(sealed?.hasPrefix("sealed:") == true, "the address waits sealed, not in plain text")
        #expect(
            try database.beginSending(id: report.id, route: .maildir, owner: "test", actor: testAdmin, at: storeNow)
                != nil)
        #expect(
            try database.beginSending(id: report.id, route: .maildir, owner: "test", actor: testAdmin, at: storeNow)
                == nil, "two senders never take one message")
        try database.markSent(id: report.id, actor: testAdmin, at: storeNow)
        let sent = try database.outboxMessage(id: report.id)
        #expect(sent.status == .sent && sent.toAddress == nil && sent.sentAt == storeNow)
        #expect(try database.requestDetail(publicId: id).timeline.map(\.action).suffix(2) == ["outbox.queue", "outbox.send"])
    }

    @Test func onlyAQueuedMessageCanBeEditedAndTheEditIsAudited() throws {
        let database = try demoDatabase(customers: 40)
        let id = try new(database, .access, offset: 0)
        let message = try lastMessage(database, id)
        // Agents edit the messages of requests they hold (the holder rule); ava claims it first.
        try database.perform(.claim, on: id, actor: ava, at: storeNow)
        let edited = try database.editMessage(id: message.id, subject: "Your request \(id)", body: "Dear Ann,\nThank you.",
                                              actor: ava, at: storeNow)
        #expect(edited.editedBy == "ava" && edited.body == "Dear Ann,\nThank you.")
        #expect(try database.requestDetail(publicId: id).timeline.last?.action == "outbox.edit")
        #expect(throws: LoupeError.self) {
            try database.editMessage(id: message.id, subject: "two\nlines", body: "b", actor: ava, at: storeNow)
        }
        _ = try database.beginSending(id: message.id, route: .maildir, owner: "test", actor: testAdmin, at: storeNow)
        try database.markSent(id: message.id, actor: testAdmin, at: storeNow)
        #expect(throws: LoupeError.self) {
            try database.editMessage(id: message.id, subject: "late", body: "too late", actor: ava, at: storeNow)
        }
    }

    @Test func anAdminsTemplateIsUsedFromThenOnAndAnUnknownPlaceholderIsRefused() throws {
        let database = try demoDatabase(customers: 40)
        let root = try #require(try database.staffList().first { $0.role == .admin })
        #expect(throws: LoupeError.self) {
            try database.setTemplate(MessageTemplate(event: .received, subject: "x", body: "{{nope}}"), actor: root, at: storeNow)
        }
        #expect(throws: LoupeError.self, "agents cannot edit templates") {
            try database.setTemplate(MessageTemplate(event: .received, subject: "x", body: "y"), actor: ava, at: storeNow)
        }
        try database.setTemplate(MessageTemplate(event: .received, subject: "Got it: {{requestId}}", body: "Hello {{recipientName}}."),
                                 actor: root, at: storeNow)
        let id = try new(database, .access, offset: 0)
        // Changed when every subject got its `[PR-…]` tag (appended when the template has none).
        #expect(try lastMessage(database, id).subject == "Got it: \(id) [\(id)]")
        try database.resetTemplate(.received, actor: root, at: storeNow)
        #expect(try database.template(.received).edited == nil)
    }
}
