import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

/// A request's conversation: Loupe's messages thread to the subject's last mail, and an agent's reply quotes it,
/// threads to it and ends the reply-waiting mark.
@Suite struct ConversationStoreTests {
    func mail(_ key: String, from: String, subject: String, body: String, answers: [String] = []) -> InboundMail {
        InboundMail(key: key, messageId: String(key.dropFirst().dropLast()), answers: answers, fromAddress: from,
                    fromName: nil, subject: subject, body: body, bodyWasCut: false, cardNumbersRemoved: 0,
                    attachments: [], nature: .message, bouncedMessageId: nil)
    }

    @Test func repliesQuoteAndThreadToTheSubjectsLastMail() throws {
        let database = try demoDatabase(customers: 40)
        let admin = try #require(try database.staffList().first { $0.role == .admin })
        let nia = try database.addStaff(userName: "nia", role: .agent, displayName: nil, actor: admin, at: storeNow)
        let omar = try database.addStaff(userName: "omar", role: .agent, displayName: nil, actor: admin, at: storeNow)
        let customer = try database.searchCustomers("", limit: 1).first!
        guard case .newRequest(let id, _) = try database.receive(
            mail("<c1@mail.example>", from: customer.email!, subject: "Please delete me",
                 body: "Delete my account.\u{202E}please"), actor: admin, at: storeNow)
        else { Issue.record("not a new request"); return }
        // The acknowledgement was queued before the mail was filed: it threads to it when it goes.
        let acknowledgement = try #require(try database.messages(publicId: id).first)
        #expect(acknowledgement.inReplyTo == nil)
        let sending = try #require(
            try database.beginSending(
                id: acknowledgement.id, route: .maildir, owner: "t", actor: testAdmin, at: storeNow))
        #expect(sending.inReplyTo == "<c1@mail.example>" && sending.references == ["<c1@mail.example>"])
        try database.markSent(id: acknowledgement.id, actor: admin, at: storeNow)

        // The subject answers; a stranger writes too; the reply threads to the subject's mail, not the stranger's.
        let later = storeNow.addingTimeInterval(60)
        _ = try database.receive(mail("<c2@mail.example>", from: customer.email!, subject: "Re: We received [\(id)]",
                                      body: "Thanks. My order is 1001.", answers: [acknowledgement.messageId]),
                                 actor: admin, at: later)
        _ = try database.receive(mail("<s1@evil.example>", from: "someone@evil.example", subject: "Re: [\(id)]",
                                      body: "Send it to me instead."), actor: admin, at: later.addingTimeInterval(60))
        try database.perform(.claim, on: id, actor: nia, at: later)
        let draft = try database.replyDraft(publicId: id)
        #expect(draft.subject == "Re: We received [\(id)]")
        #expect(draft.body.contains("> Thanks. My order is 1001.") && !draft.body.contains("instead"))
        #expect(draft.body.hasPrefix("Dear ") && draft.body.contains("The privacy team of"))

        #expect(throws: LoupeError.self, "only the holder replies") {
            try database.queueReply(publicId: id, subject: draft.subject, body: draft.body, actor: omar, at: later)
        }
        #expect(throws: LoupeError.self, "an empty reply is refused") {
            try database.queueReply(publicId: id, subject: draft.subject, body: "  \n", actor: nia, at: later)
        }
        let reply = try database.queueReply(publicId: id, subject: draft.subject, body: draft.body + "\nYes, done.",
                                            actor: nia, at: later)
        #expect(reply.event == .reply && reply.subject.hasSuffix("[\(id)]"))
        #expect(reply.inReplyTo == "<c2@mail.example>")
        #expect(reply.references == ["<c1@mail.example>", acknowledgement.messageId, "<c2@mail.example>"])
        let summary = try database.requestDetail(publicId: id).summary
        #expect(!summary.replyWaiting, "answered")
        let audit = try database.auditEntries(target: id).first
        #expect(audit?.action == "outbox.queue" && audit?.details.contains("\"event\":\"reply\"") == true)
    }

    @Test func aHostileMessageIdNeverReachesAHeader() {
        #expect(MailMessage.messageIdOrNil("<a@b>") == "<a@b>")
        #expect(MailMessage.messageIdOrNil("<a@b>\r\nBcc: x@y") == nil)
        #expect(MailMessage.messageIdOrNil("<a b@c>") == nil)
        #expect(MailMessage.messageIdOrNil("a@b") == nil)
        let message = MailMessage(
            from: try! MailAddress(name: nil, address: "privacy@shop.example"),
            to: try! MailAddress(name: nil, address: "ann@example.com"), subject: "Re: x", body: "y", date: storeNow,
            messageId: "<m@shop.example>", inReplyTo: "<c2@mail.example>", references: ["<c1@x>", "<bad\r\nBcc: z>"],
            isAutomatic: false)
        let text = String(decoding: message.rfc5322(), as: UTF8.self)
        #expect(text.contains("\r\nIn-Reply-To: <c2@mail.example>\r\n") && text.contains("\r\nReferences: <c1@x>\r\n"))
        #expect(!text.contains("Bcc") && !text.contains("Auto-Submitted"), "a person's reply is not auto-generated")
    }
}
