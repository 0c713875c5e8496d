import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

@Suite struct LifecycleStoreTests {
    let ava = StaffMember(userName: "ava", displayName: "Ava", role: .agent)
    let ben = StaffMember(userName: "ben", displayName: "Ben", role: .agent)
    let sam = StaffMember(userName: "sam", displayName: "Sam", role: .supervisor)

    /// A demo database plus one fresh erasure request about a known customer.
    func fixture() throws -> (AppDatabase, String) {
        let database = try demoDatabase(customers: 40)
        let email = try database.writer.read { db in try String.fetchOne(db, sql: "SELECT email FROM customer WHERE NOT isMinor LIMIT 1")! }
        let detail = try database.createRequest(NewRequest(kind: .erasure, email: email.uppercased()), actor: ava, at: storeNow)
        return (database, detail.summary.publicId)
    }

    func auditCount(_ database: AppDatabase) throws -> Int {
        try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditEntry")! }
    }

    @Test func aNewRequestMatchesItsCustomerAndIsDueInAMonth() throws {
        let (database, id) = try fixture()
        let detail = try database.requestDetail(publicId: id)
        #expect(detail.customerPublicId != nil, "matched by email, whatever its case")
        #expect(detail.summary.status == .received)
        #expect(detail.summary.effectiveDueAt == DeadlinePolicy().dueDate(receivedAt: storeNow, aboutMinor: false))
        #expect(detail.timeline.map(\.action) == ["request.receive", "outbox.queue"], "the acknowledgement is queued with it")
    }

    @Test func theWholeErasureLifecycleIsAuditedStepByStep() throws {
        let (database, id) = try fixture()
        var detail = try database.perform(.claim, on: id, expectedVersion: 1, actor: ava, at: storeNow)
        #expect(detail.summary.assignee == "ava")
        #expect(detail.summary.status == .verifying)
        detail = try database.perform(.verify(method: .document, note: "Passport seen"), on: id, expectedVersion: 2, actor: ava, at: storeNow)
        #expect(detail.verifiedBy == "ava")
        #expect(detail.verificationMethod == "document")
        detail = try database.perform(.start, on: id, actor: ava, at: storeNow)
        detail = try database.perform(.proposeErasure, on: id, actor: ava, at: storeNow)
        #expect(detail.summary.status == .awaitingApproval)
        #expect(throws: LoupeError.self) { try database.perform(.approve, on: id, actor: ava, at: storeNow) }
        detail = try database.perform(.approve, on: id, actor: sam, at: storeNow)
        #expect(detail.summary.status == .approved)
        detail = try database.perform(.complete, on: id, actor: ava, at: storeNow)
        #expect(detail.summary.status == .completed)
        #expect(detail.summary.version == 7)
        #expect(detail.timeline.map(\.action) == [
            // Verifying withdraws the queued ask for identity (issue 21), audited as outbox.withdraw.
            "request.receive", "outbox.queue", "request.claim", "outbox.queue", "request.verify", "outbox.withdraw",
            "request.start",
            "request.propose-erasure", "request.approve", "outbox.queue", "request.complete",
        ])
        #expect(try database.messages(publicId: id).map(\.event) == [.erasureDone],
                "the erasure drops the unsent acknowledgement and identity request; its report remains")
        #expect(try database.verifyAudit().firstBreak == nil)
    }

    @Test func aRefusedCommandWritesNothing() throws {
        let (database, id) = try fixture()
        let before = try auditCount(database)
        #expect {
            try database.perform(.start, on: id, actor: ava, at: storeNow)
        } throws: { error in
            (error as? LoupeError)?.message == "Claim the request first (a): agents act only on requests they hold."
        }
        #expect(throws: LoupeError.self) { try database.perform(.reject(reason: "\u{1B}[2J"), on: id, actor: sam, at: storeNow) }
        #expect(try auditCount(database) == before)
        #expect(try database.requestDetail(publicId: id).summary.version == 1)
    }

    @Test func aStaleVersionIsRefusedNamingWhoChangedItAndWhen() throws {
        let (database, id) = try fixture()
        try database.perform(.claim, on: id, expectedVersion: 1, actor: ben, at: storeNow)
        #expect {
            try database.perform(.claim, on: id, expectedVersion: 1, actor: ava, at: storeNow)
        } throws: { error in
            (error as? LoupeError)?.code == .conflict
                && (error as? LoupeError)?.message == "\(id) was changed by ben at 2026-11-25 12:00 since you read it; reload it and try again."
        }
    }

    @Test func claimingWhatSomeoneHoldsNamesThem() throws {
        let (database, id) = try fixture()
        try database.perform(.claim, on: id, actor: ben, at: storeNow)
        #expect {
            try database.perform(.claim, on: id, actor: ava, at: storeNow)
        } throws: { error in
            (error as? LoupeError)?.message.hasPrefix("ben holds this request") == true
        }
    }

    @Test func claimNextTakesUrgentFirstThenTheEarliestDue() throws {
        let database = try demoDatabase(customers: 2_000, seed: 20_261_125)
        let first = try database.claimNext(actor: ava, at: storeNow)
        #expect(first.summary.priority == .urgent, "the guardian's request about a minor comes first")
        let second = try database.claimNext(actor: ava, at: storeNow)
        let earliestUnassigned = try database.requests(RequestFilter(assignee: .nobody), now: storeNow).first!
        #expect(second.summary.effectiveDueAt <= earliestUnassigned.effectiveDueAt)
        #expect(second.summary.assignee == "ava")
    }

    @Test func aSecondRequestOfTheSameKindAboutTheSameSubjectIsMarkedDuplicate() throws {
        let (database, id) = try fixture()
        let email = try database.writer.read { db in try String.fetchOne(db, sql: "SELECT email FROM customer WHERE NOT isMinor LIMIT 1")! }
        let again = try database.createRequest(NewRequest(kind: .erasure, email: email), actor: ava, at: storeNow)
        #expect(again.duplicateOf == id)
        let other = try database.createRequest(NewRequest(kind: .access, email: email), actor: ava, at: storeNow)
        #expect(other.duplicateOf != id, "another kind is not a duplicate of it")
    }

    @Test func theSameReferenceOnAChannelIsNotRecordedTwice() throws {
        let database = try AppDatabase.inMemory()
        try database.initialize(admin: "ava", displayName: "Ava", at: storeNow)
        let admin = StaffMember(userName: "ava", displayName: "Ava", role: .admin)
        try database.createRequest(NewRequest(kind: .access, email: "x@example.com", externalReference: "MSG-1"), actor: admin, at: storeNow)
        #expect {
            try database.createRequest(NewRequest(kind: .access, email: "y@example.com", externalReference: "MSG-1"), actor: admin, at: storeNow)
        } throws: { error in (error as? LoupeError)?.code == .conflict }
        #expect {
            try database.createRequest(NewRequest(kind: .access, email: "not-an-email"), actor: admin, at: storeNow)
        } throws: { error in (error as? LoupeError)?.message.hasPrefix("'not-an-email' is not an email address") == true }
    }

    @Test func extendingRecordsTheNewDateReasonAndNotice() throws {
        let (database, id) = try fixture()
        try database.perform(.claim, on: id, actor: ava, at: storeNow)
        let detail = try database.perform(.extend(months: 2, reason: "Orders across three carriers"), on: id, actor: ava, at: storeNow)
        #expect(detail.extendedUntil == DeadlinePolicy().addingMonths(3, to: storeNow))
        #expect(detail.summary.effectiveDueAt == detail.extendedUntil, "the queue sorts by the extended date")
        #expect(detail.extensionReason == "Orders across three carriers")
        let notice = try database.writer.read { db in
            try Date.fetchOne(db, sql: "SELECT extensionNoticeAt FROM privacyRequest WHERE publicId = ?", arguments: [id])
        }
        #expect(notice == storeNow)
    }
}
