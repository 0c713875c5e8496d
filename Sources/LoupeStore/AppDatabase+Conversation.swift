import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// What a new message on a request threads to: the subject's last message (`In-Reply-To`) and the
    /// conversation's Message-IDs, oldest first, at most ten (`References`). Empty until the subject has written.
    static func thread(_ db: Database, requestId: Int64) throws -> (inReplyTo: String?, references: [String]) {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT COALESCE(messageId, messageKey) AS id, receivedAt AS at, fromSubject FROM inboundMail
                    WHERE requestId = :id AND nature = 'message' AND (messageId IS NOT NULL OR messageKey LIKE '<%')
                    UNION ALL
                    SELECT messageId, sentAt, 0 FROM outboxMessage WHERE requestId = :id AND status = 'sent'
                    ORDER BY at
                    """), arguments: ["id": requestId])
        let ids = rows.compactMap { MailMessage.messageIdOrNil($0["id"]) }
        guard
            let last = rows.last(where: { $0["fromSubject"] == true }).flatMap({ MailMessage.messageIdOrNil($0["id"]) })
        else { return (nil, []) }
        let upToLast = ids.prefix(through: ids.lastIndex(of: last) ?? ids.count - 1)
        return (last, Array(upToLast.suffix(10)))
    }

    /// The start of an agent's reply, for the editor: the reply template's greeting and signature, `Re:` the
    /// subject's last message with that message quoted (`> `), or the request's subject line when the subject has
    /// not written.
    public func replyDraft(publicId: String, actor: StaffMember) throws -> (subject: String, body: String) {
        try replyDraft(publicId: publicId, reader: actor)
    }

    /// `replyDraft` without the gate: for the store's own use and its tests.
    func replyDraft(publicId: String) throws -> (subject: String, body: String) {
        try replyDraft(publicId: publicId, reader: nil)
    }

    func replyDraft(publicId: String, reader: StaffMember?) throws -> (subject: String, body: String) {
        try read(as: reader, .readRequests) { db in
            let requestId = try Self.requestRowId(db, publicId: publicId)
            guard let draft = try Self.messageDraft(db, .reply, requestId: requestId) else {
                throw LoupeError(.notFound, "No request \(publicId).")
            }
            guard
                let last = try Row.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT subject, body, receivedAt FROM inboundMail
                            WHERE requestId = ? AND nature = 'message' AND fromSubject
                            ORDER BY receivedAt DESC, id DESC LIMIT 1
                            """), arguments: [requestId])
            else { return (draft.subject, draft.body) }
            let policy = try Self.deadlinePolicy(db)
            // Quoted inert and short, so the draft always passes the checks a reply is held to.
            let said = Self.inert(last["body"]).split(separator: "\n", omittingEmptySubsequences: false)
                .prefix(40).map { "> " + $0.prefix(200) }.joined(separator: "\n")
            let heard = "On \(policy.minuteString(last["receivedAt"])) you wrote:\n\(said)"
            let heardSubject = String(Self.inert(last["subject"]).prefix(160))
            let subject = heardSubject.hasPrefix("Re:") ? heardSubject : "Re: " + heardSubject
            let (greeting, signature) = Self.split(draft.body)
            return (subject, greeting + "\n\n\n" + heard + "\n" + signature)
        }
    }

    /// Queues an agent's reply to the subject, written in the editor: it threads to the subject's last message,
    /// carries `[PR-…]`, and ends the reply-waiting mark. The holder's rule applies as to editing a message. One
    /// transaction with its audit entry.
    @discardableResult
    public func queueReply(
        publicId: String, subject: String, body: String, actor: StaffMember,
        at time: Date
    ) throws -> OutboxMessage {
        let checked = try MessageTemplate(
            event: .reply, subject: subject.trimmingCharacters(in: .whitespaces),
            body: body.trimmingCharacters(in: .newlines)
        ).validatedText()
        return try write { db in
            let member = try Self.authorize(
                db, actor, .queueReply, AccessFacts(holder: try Self.assignee(db, publicId: publicId)))
            let requestId = try Self.requestRowId(db, publicId: publicId)
            guard
                let id = try queueMessage(
                    db, .reply, requestId: requestId, written: (checked.subject, checked.body),
                    actor: member.userName, at: time)
            else {
                throw LoupeError(.notFound, "No request \(publicId).")
            }
            try db.execute(sql: "UPDATE privacyRequest SET replyWaiting = 0 WHERE id = ?", arguments: [requestId])
            try PrivacyRequestRecord.touch(db, id: requestId)
            return try self.message(db, id: id)
        }
    }

    /// The row id of the request `publicId`, or a not-found error.
    static func requestRowId(_ db: Database, publicId: String) throws -> Int64 {
        guard
            let id = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM privacyRequest WHERE publicId = ?"), arguments: [publicId])
        else { throw LoupeError(.notFound, "No request \(publicId). List them with `loupe requests list`.") }
        return id
    }

    /// `text` without the characters a message may not hold (controls, bidi, invisible formatting), line breaks kept.
    private static func inert(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !TextRules.isForbidden($0, allowNewlines: true) }))
    }

    /// A rendered reply template cut where the agent writes: before the signature's first line.
    private static func split(_ body: String) -> (greeting: String, signature: String) {
        guard let range = body.range(of: "\n\nIf you have questions") else { return (body, "") }
        return (String(body[..<range.lowerBound]).trimmingCharacters(in: .newlines), String(body[range.lowerBound...]))
    }
}
