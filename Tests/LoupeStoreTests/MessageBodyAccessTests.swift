import Foundation
import GRDB
import LoupeDomain
import Testing

@testable import LoupeStore

/// A message's body is read only where the gate allows (its request's holder, supervisors, admins), through every
/// door: `outbox show`, the request's detail in the console; and a code is never in a body anyone reads.
@Suite struct MessageBodyAccessTests {
    @Test func onlyTheHolderASupervisorAndAnAdminReadAMessagesBody() throws {
        let database = try demoDatabase(customers: 20)
        let ava = try #require(try database.staffMember(userName: "ava"))
        let ben = try #require(try database.staffMember(userName: "ben"))
        let sam = try #require(try database.staffMember(userName: "sam"))
        let email = try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT email FROM customer WHERE NOT isMinor AND email IS NOT NULL LIMIT 1")!
        }
        let id = try database.createRequest(NewRequest(kind: .access, email: email), actor: ava, at: storeNow)
            .summary.publicId
        try database.perform(.claim, on: id, actor: ava, at: storeNow)
        _ = try database.sendVerificationCode(publicId: id, actor: ava, at: storeNow)
        let code = try #require(try database.messages(publicId: id, actor: ava).last)
        #expect(code.event == .verificationCode && code.body.contains(OutboxSecret.mask))

        #expect(
            try database.requestDetail(publicId: id, actor: ben).messages.allSatisfy {
                $0.body == RequestDetail.withheldBody
            }, "ben does not hold it: the console shows him no body")
        #expect(throws: LoupeError.self) { _ = try database.outboxMessage(id: code.id, actor: ben) }
        #expect(throws: LoupeError.self) { _ = try database.messages(publicId: id, actor: ben) }
        for reader in [ava, sam] {
            let bodies = try database.requestDetail(publicId: id, actor: reader).messages.map(\.body)
            #expect(!bodies.contains(RequestDetail.withheldBody))
            #expect(try database.outboxMessage(id: code.id, actor: reader).body.contains(OutboxSecret.mask))
        }
        // No read by staff ever carries the code itself.
        let sealed = try #require(
            try database.writer.read { db in
                try String.fetchOne(
                    db, sql: "SELECT sealedSecret FROM outboxMessage WHERE id = ?", arguments: [code.id])
            })
        let secret = try database.vault.open(sealed)
        #expect(secret.count == 6 && !code.body.contains(secret))
        let stored = try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM outboxMessage WHERE id = ?", arguments: [code.id])!
        }
        #expect(!stored.contains(secret), "the body in the file holds the mask, not the code")
    }
}
