import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

/// A queued message whose reason has passed never reaches the customer: "please confirm your identity" is
/// withdrawn, with an audit entry, once the identity is verified or the request is closed.
@Suite struct StaleMessageTests {
    let outbox = OutboxStoreTests()

    func events(_ database: AppDatabase, _ id: String) throws -> [MessageEvent] {
        try database.messages(publicId: id).map(\.event)
    }

    func withdrawals(_ database: AppDatabase, _ id: String) throws -> [String] {
        try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT details FROM auditEntry WHERE action = ? AND target = ?",
                                arguments: [AuditEvent.messageWithdrawn.action, id])
        }
    }

    @Test func verifyingWithdrawsTheQueuedAskForIdentity() throws {
        let database = try demoDatabase(customers: 40)
        let id = try outbox.new(database, .access, offset: 0)
        try database.perform(.claim, on: id, actor: outbox.ava, at: storeNow)
        #expect(try events(database, id) == [.received, .verificationNeeded])
        try database.perform(.verify(method: .email, note: nil), on: id, actor: outbox.ava, at: storeNow)
        #expect(try events(database, id) == [.received])
        let audit = try withdrawals(database, id)
        #expect(audit.count == 1 && audit[0].contains("verification-needed") && audit[0].contains("identity is verified"))
    }

    @Test func closingWithdrawsIt() throws {
        let database = try demoDatabase(customers: 40)
        let id = try outbox.new(database, .erasure, offset: 1)
        try database.perform(.claim, on: id, actor: outbox.ava, at: storeNow)
        try database.perform(.cancel(reason: "Asked by phone to drop it"), on: id, actor: outbox.ava, at: storeNow)
        #expect(try !events(database, id).contains(.verificationNeeded))
        #expect(try withdrawals(database, id).first?.contains("cancelled") == true)
    }

    @Test func theSenderWithdrawsWhatAnEarlierVersionLeftQueued() throws {
        let database = try demoDatabase(customers: 40)
        let id = try outbox.new(database, .access, offset: 2)
        try database.perform(.claim, on: id, actor: outbox.ava, at: storeNow)
        // As an earlier Loupe left it: verified, the ask still queued.
        try database.writer.write { db in
            try db.execute(sql: "UPDATE privacyRequest SET verificationMethod = 'email', verifiedBy = 'ava', verifiedAt = ? WHERE publicId = ?",
                           arguments: [storeNow, id])
        }
        #expect(try events(database, id).contains(.verificationNeeded))
        let withdrawn = try database.withdrawStaleMessages(actor: outbox.ava, at: storeNow)
        #expect(withdrawn.count == 1)
        #expect(try !events(database, id).contains(.verificationNeeded))
        #expect(try database.withdrawStaleMessages(actor: outbox.ava, at: storeNow).isEmpty, "once")
    }
}

/// Notes are read back with their request: author, time and text, newest first (issue 21: they were written and
/// never shown).
@Suite struct RequestNotesTests {
    @Test func notesComeWithTheRequestNewestFirst() throws {
        let outbox = OutboxStoreTests()
        let database = try demoDatabase(customers: 40)
        let id = try outbox.new(database, .erasure, offset: 3)
        try database.perform(.note("Called the customer:\nshe confirms."), on: id, actor: outbox.ava, at: storeNow)
        try database.perform(.note("Checked the invoices."), on: id, actor: outbox.sam, at: storeNow.addingTimeInterval(60))
        let notes = try database.requestDetail(publicId: id).notes
        #expect(notes.map(\.author) == ["sam", "ava"])
        #expect(notes.last?.text == "Called the customer:\nshe confirms.")
        #expect(notes.first?.at == storeNow.addingTimeInterval(60))
    }
}
