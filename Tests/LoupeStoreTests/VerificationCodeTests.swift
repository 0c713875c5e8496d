import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

/// Identity verified by a code sent to the address on file: only its keyed hash is stored, it expires, it has
/// five tries, and it comes back typed by an agent or in a reply from that address.
@Suite struct VerificationCodeTests {
    func setUp() throws -> (AppDatabase, StaffMember, RequestDetail, CustomerSummary) {
        let database = try demoDatabase(customers: 30)
        let admin = try #require(try database.staffList().first { $0.role == .admin })
        let customer = try #require(try database.searchCustomers("", limit: 30).first { $0.email != nil && !$0.isErased })
        var request = try database.createRequest(NewRequest(kind: .access, email: customer.email!, channel: .email),
                                                 actor: admin, at: storeNow)
        request = try database.perform(.claim, on: request.summary.publicId, actor: admin, at: storeNow)
        return (database, admin, request, customer)
    }

    /// The code in the queued message, as the customer reads it: the sender's copy (the body itself holds only
    /// the mask, and so does every read of it by staff).
    func code(_ database: AppDatabase, _ id: String) throws -> String {
        let message = try #require(try database.messages(publicId: id).last { $0.event == .verificationCode })
        #expect(message.body.contains(OutboxSecret.mask))
        #expect(
            !message.body.split(whereSeparator: \.isWhitespace).contains { $0.count == 6 && $0.allSatisfy(\.isNumber) })
        let sealed = try #require(try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT sealedSecret FROM outboxMessage WHERE id = ?", arguments: [message.id])
        })
        return try database.vault.open(sealed)
    }

    @Test func anAgentTypesTheCodeAndOnlyItsHashIsStored() throws {
        let (database, admin, request, customer) = try setUp()
        let id = request.summary.publicId
        let sent = try database.sendVerificationCode(publicId: id, actor: admin, at: storeNow)
        #expect(sent.sentTo == Masking.email(customer.email!))
        let sentCode = try code(database, id)
        let stored = try database.writer.read { db in try String.fetchAll(db, sql: "SELECT codeHash FROM verificationCode") }
        #expect(stored.count == 1 && !stored[0].contains(sentCode), "a keyed hash, not the code")
        #expect(throws: LoupeError.self, "an agent cannot just say email-code") {
            try database.perform(.verify(method: .emailCode, note: nil), on: id, actor: admin, at: storeNow)
        }
        let wrong = sentCode == "000000" ? "111111" : "000000"
        #expect { try database.confirmVerificationCode(publicId: id, code: wrong, actor: admin, at: storeNow) } throws: {
            ($0 as? LoupeError)?.message.contains("4 tries left") == true
        }
        let verified = try database.confirmVerificationCode(publicId: id, code: sentCode, actor: admin, at: storeNow)
        #expect(verified.summary.isIdentityVerified && verified.verificationMethod == "email-code")
        #expect(verified.timeline.contains { $0.action == "request.verify" && $0.details.contains("email-code") })
        #expect(try database.auditEntries(limit: 50).allSatisfy { !$0.details.contains(sentCode) }, "the code is never audited")
    }

    @Test func anExpiredOrExhaustedCodeIsRefusedWithTheReason() throws {
        let (database, admin, request, _) = try setUp()
        let id = request.summary.publicId
        _ = try database.sendVerificationCode(publicId: id, actor: admin, at: storeNow)
        let sentCode = try code(database, id)
        #expect { try database.confirmVerificationCode(publicId: id, code: sentCode, actor: admin,
                                                        at: storeNow.addingTimeInterval(25 * 3600)) } throws: {
            ($0 as? LoupeError)?.message.contains("expired") == true
        }
        _ = try database.sendVerificationCode(publicId: id, actor: admin, at: storeNow)
        let fresh = try code(database, id)
        let wrong = fresh == "000000" ? "111111" : "000000"
        for _ in 0..<5 { _ = try? database.confirmVerificationCode(publicId: id, code: wrong, actor: admin, at: storeNow) }
        #expect { try database.confirmVerificationCode(publicId: id, code: fresh, actor: admin, at: storeNow) } throws: {
            ($0 as? LoupeError)?.message.contains("no longer works") == true
        }
    }

    /// `From:` is trivially forged: a reply's code verifies only when the trusted host's Authentication-Results
    /// say DMARC (or an aligned DKIM signature) passed for it; else it waits for the holder, and uses no attempt.
    @Test func aReplyFromTheAddressOnFileCarryingTheCodeVerifiesOnlyWhenAuthenticated() throws {
        let (database, admin, request, customer) = try setUp()
        let id = request.summary.publicId
        _ = try database.sendVerificationCode(publicId: id, actor: admin, at: storeNow)
        let sentCode = try code(database, id)
        let message = try #require(try database.messages(publicId: id).last { $0.event == .verificationCode })
        let domain = String(customer.email!.split(separator: "@").last!)
        func reply(_ key: String, from: String, results: [String] = []) -> InboundMail {
            var mail = InboundMail(
                key: key, messageId: key, answers: [String(message.messageId.dropFirst().dropLast())],
                fromAddress: from, fromName: nil, subject: "Re: code", body: "Order 123456789, code \(sentCode)",
                bodyWasCut: false, cardNumbersRemoved: 0, attachments: [], nature: .message, bouncedMessageId: nil)
            mail.authenticationResults = results
            return mail
        }
        #expect(try database.receive(reply("r1@x", from: "someone@else.example"), actor: admin, at: storeNow)
                == .reply(publicId: id, fromSubject: false, verified: false), "not from the address on file")
        let attempts = { try database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT attemptsLeft FROM verificationCode") } }
        let before = try attempts()
        // From the address on file, but nothing authenticates it (no host is trusted yet, then a foreign one).
        #expect(try database.receive(reply("r2@x", from: customer.email!, results: ["mx.shop.example; dmarc=pass header.from=\(domain)"]),
                                     actor: admin, at: storeNow) == .reply(publicId: id, fromSubject: true, verified: false))
        try database.setMailAuthservId("mx.shop.example", actor: admin, at: storeNow)
        #expect(try database.receive(reply("r3@x", from: customer.email!, results: ["evil.example; dmarc=pass header.from=\(domain)"]),
                                     actor: admin, at: storeNow) == .reply(publicId: id, fromSubject: true, verified: false))
        #expect(try attempts() == before, "an unauthenticated reply uses no attempt")
        #expect(try database.auditEntries(target: id).contains { $0.action == "verify.code-unauthenticated" })
        #expect(try !database.requestDetail(publicId: id).summary.isIdentityVerified)
        #expect(try database.receive(reply("r4@x", from: customer.email!, results: [
            "evil.example; dkim=pass header.d=\(domain)", "mx.shop.example 1; spf=pass (ok) smtp.mailfrom=\(domain); dmarc=pass (p=reject) header.from=\(domain)",
        ]), actor: admin, at: storeNow) == .reply(publicId: id, fromSubject: true, verified: true))
        #expect(try database.requestDetail(publicId: id).summary.isIdentityVerified)
    }
}

@Suite struct SixDigitNumberTests {
    @Test func onlyNumbersStandingAloneAreCandidates() {
        #expect(AppDatabase.sixDigitNumbers(in: "Re: [PR-2026-000041] code 482913, order 1234567, 12/123456") == ["482913"])
        #expect(AppDatabase.sixDigitNumbers(in: "482913") == ["482913"])
        #expect(AppDatabase.sixDigitNumbers(in: "abc123456 123456x") == [])
    }
}

@Suite struct PrivacyAddressTests {
    @Test func noAddressIsHardCodedAndOnlyAnAdminSetsOne() throws {
        let database = try demoDatabase(customers: 5)
        let admin = try #require(try database.staffList().first { $0.role == .admin })
        #expect(try database.privacyAddress() == "privacy@jewelrydealshop.com", "the demo sets the shop's")
        try database.writer.write { db in try db.execute(sql: "DELETE FROM loupeSetting WHERE key = 'privacyAddress'") }
        #expect(try database.privacyAddress() == nil, "a database nobody configured has none")
        let agent = try database.addStaff(userName: "nia", role: .agent, displayName: nil, actor: admin, at: storeNow)
        #expect(throws: LoupeError.self) { try database.setPrivacyAddress("p@shop.example", actor: agent, at: storeNow) }
        #expect(throws: LoupeError.self) { try database.setPrivacyAddress("not an address", actor: admin, at: storeNow) }
        try database.setPrivacyAddress("privacy@shop.example", actor: admin, at: storeNow)
        let customer = try #require(try database.searchCustomers("", limit: 5).first { $0.email != nil && !$0.isErased })
        let request = try database.createRequest(NewRequest(kind: .access, email: customer.email!, channel: .email),
                                                 actor: admin, at: storeNow)
        let message = try #require(request.messages.first)
        #expect(message.messageId.hasSuffix("@shop.example>") && message.body.contains("privacy@shop.example"))
    }
}
