import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

/// The privacy mailbox feeds the queue: new requests, replies, bounces and auto-replies, each recorded once.
@Suite struct MailIntakeStoreTests {
    func mail(_ key: String, from: String?, subject: String, body: String, answers: [String] = [],
              nature: InboundMail.Nature = .message, bounced: String? = nil) -> InboundMail {
        InboundMail(key: key, messageId: key, answers: answers, fromAddress: from, fromName: "Ann Example",
                    subject: subject, body: body, bodyWasCut: false, cardNumbersRemoved: 0,
                    attachments: [.init(name: "passport.jpg", type: "image/jpeg", size: 120_000)],
                    nature: nature, bouncedMessageId: bounced)
    }

    @Test func aNewMessageBecomesASuggestedRequestOnceAndAReplyThreadsOnIt() throws {
        let database = try demoDatabase(customers: 40)
        let system = try #require(try database.staffList().first { $0.role == .admin })
        let customer = try database.searchCustomers("", limit: 1).first!
        let first = mail("m1@example.com", from: customer.email!, subject: "Bitte löschen",
                         body: "Bitte löschen Sie alle meine Daten.")
        guard case .newRequest(let id, let kind) = try database.receive(first, actor: system, at: storeNow) else {
            Issue.record("not filed as a new request"); return
        }
        #expect(kind == .erasure)
        let detail = try database.requestDetail(publicId: id)
        #expect(detail.channel == .email && detail.customerPublicId == customer.publicId, "matched as any intake")
        #expect(try database.receive(first, actor: system, at: storeNow) == .duplicate, "recorded once")
        #expect(try database.queuePage(.first(limit: 10_000)).rows.filter { $0.publicId == id }.count == 1)

        // Loupe's acknowledgement went out with a Message-ID; a reply naming it threads on the request.
        let acknowledgement = try #require(detail.messages.first?.messageId)
        let ackId = String(acknowledgement.dropFirst().dropLast())
        let reply = mail("m2@example.com", from: customer.email!, subject: "Re: your request", body: "Here it is.",
                         answers: [ackId])
        #expect(try database.receive(reply, actor: system, at: storeNow) == .reply(publicId: id, fromSubject: true, verified: false))
        let stranger = mail("m3@example.com", from: "someone.else@example.org", subject: "Re: [\(id)]", body: "Hi")
        #expect(try database.receive(stranger, actor: system, at: storeNow) == .reply(publicId: id, fromSubject: false, verified: false))
        let flags = try database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT kindSuggested, replyWaiting FROM privacyRequest WHERE publicId = ?", arguments: [id])!
        }
        #expect(flags[0] as Bool == true && flags[1] as Bool == true)
        let stored = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT fromAddress, attachments FROM inboundMail ORDER BY id")
        }
        #expect(stored.count == 3)
        #expect((stored[0][0] as String).hasPrefix("sealed:"), "the sender is sealed")
        #expect((stored[0][1] as String).contains("passport.jpg"), "attachments listed by name, never stored")
        #expect(try database.verifyAudit().firstBreak == nil)
    }

    @Test func bouncesMarkTheirMessageAndAutoRepliesMakeNoRequest() throws {
        let database = try demoDatabase(customers: 40)
        let system = try #require(try database.staffList().first { $0.role == .admin })
        let customer = try database.searchCustomers("", limit: 1).first!
        let created = try database.createRequest(NewRequest(kind: .access, email: customer.email!, channel: .email),
                                                 actor: system, at: storeNow)
        let sent = try #require(created.messages.first)
        let before = try database.queuePage(.first(limit: 10_000)).total
        let away = mail("ooo@example.com", from: customer.email!, subject: "Out of office", body: "Away.",
                        nature: .autoReply)
        #expect(try database.receive(away, actor: system, at: storeNow) == .autoReply(publicId: nil))
        let bounce = mail("b1@mx.example.com", from: "MAILER-DAEMON@mx.example.com", subject: "Undelivered",
                          body: "could not deliver", nature: .bounce, bounced: String(sent.messageId.dropFirst().dropLast()))
        #expect(try database.receive(bounce, actor: system, at: storeNow)
                == .bounce(publicId: created.summary.publicId, outboxMessage: sent.id))
        #expect(try database.requestDetail(publicId: created.summary.publicId).messages.first?.lastError?.contains("Delivery failed") == true)
        #expect(try database.queuePage(.first(limit: 10_000)).total == before, "neither made a request")
    }

    @Test func aSenderWhoCannotGetAnAnswerIsKeptUnfiledAndABadNameIsDropped() throws {
        let database = try demoDatabase(customers: 10)
        let system = try #require(try database.staffList().first { $0.role == .admin })
        let daemon = mail("d1@x", from: "MAILER-DAEMON@localhost", subject: "delete my account", body: "x")
        #expect(try database.receive(daemon, actor: system, at: storeNow)
                == .unfiled(reason: "its sender's address cannot receive an answer"))
        var hostileName = mail("h1@x", from: "bea@example.org", subject: "copy of my data", body: "please")
        hostileName.fromName = "Bea\u{202E}gnp.exe"
        guard case .newRequest = try database.receive(hostileName, actor: system, at: storeNow) else {
            Issue.record("a bidi character in the display name lost the request"); return
        }
    }

    /// The same intake rules as every other door: a sender nobody knows gets a request and no customer.
    @Test func anUnknownSenderGetsARequestAndNoCustomerIsMade() throws {
        let database = try demoDatabase(customers: 40)
        let system = try #require(try database.staffList().first { $0.role == .admin })
        let unknown = mail("new@example.com", from: "never.seen@example.net", subject: "copy of my data",
                           body: "Please send me a copy of my data.")
        guard case .newRequest(let id, .access) = try database.receive(unknown, actor: system, at: storeNow) else {
            Issue.record("not an access request"); return
        }
        #expect(try database.requestDetail(publicId: id).customerPublicId == nil, "nobody on file: no customer made")
    }
}

@Suite struct SuggestedKindTests {
    @Test func workStartsOnlyOnceAnAgentConfirmsTheSuggestedKind() throws {
        let database = try demoDatabase(customers: 40)
        let admin = try #require(try database.staffList().first { $0.role == .admin })
        let customer = try #require(try database.searchCustomers("", limit: 40).first { $0.email != nil && !$0.isErased })
        let mail = InboundMail(key: "<k1@example.com>", messageId: "k1@example.com", answers: [], fromAddress: customer.email,
                               fromName: nil, subject: "Question", body: "Please unsubscribe me from the newsletter.",
                               bodyWasCut: false, cardNumbersRemoved: 0, attachments: [], nature: .message, bouncedMessageId: nil)
        guard case .newRequest(let id, .consentWithdrawal) = try database.receive(mail, actor: admin, at: storeNow) else {
            Issue.record("not a suggested consent withdrawal"); return
        }
        _ = try database.perform(.claim, on: id, actor: admin, at: storeNow)
        _ = try database.perform(.verify(method: .email, note: nil), on: id, actor: admin, at: storeNow)
        #expect(try database.queuePage(.first(limit: 10_000)).rows.first { $0.publicId == id }?.kindSuggested == true)
        #expect { try database.perform(.start, on: id, actor: admin, at: storeNow) } throws: {
            ($0 as? LoupeError)?.message.contains("confirm it first") == true
        }
        let confirmed = try database.confirmKind(publicId: id, kind: .erasure, actor: admin, at: storeNow)
        #expect(confirmed.summary.kind == .erasure && !confirmed.summary.kindSuggested)
        #expect(confirmed.timeline.contains { $0.action == "request.kind-confirm" && $0.details.contains("consent-withdrawal") })
        #expect(try database.perform(.start, on: id, actor: admin, at: storeNow).summary.status == .inProgress)
    }
}

@Suite struct SubjectTagTests {
    @Test func everyOutboundSubjectCarriesItsRequestTagAndAReplyQuotingOnlyTheTagThreads() throws {
        let database = try demoDatabase(customers: 10)
        let admin = try #require(try database.staffList().first { $0.role == .admin })
        let customer = try #require(try database.searchCustomers("", limit: 10).first { $0.email != nil && !$0.isErased })
        let created = try database.createRequest(NewRequest(kind: .access, email: customer.email!, channel: .email),
                                                 actor: admin, at: storeNow)
        let id = created.summary.publicId
        let subject = try #require(created.messages.first?.subject)
        #expect(subject.hasSuffix("[\(id)]"))
        let reply = InboundMail(key: "<no-headers@x>", messageId: "no-headers@x", answers: [],
                                fromAddress: customer.email, fromName: nil, subject: "Re: " + subject, body: "Thanks",
                                bodyWasCut: false, cardNumbersRemoved: 0, attachments: [], nature: .message,
                                bouncedMessageId: nil)
        #expect(try database.receive(reply, actor: admin, at: storeNow) == .reply(publicId: id, fromSubject: true, verified: false))
    }
}
