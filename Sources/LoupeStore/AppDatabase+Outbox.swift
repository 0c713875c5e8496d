import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// The shop's defaults for what messages name, used until settings say otherwise.
    static let defaultShopName = "jewelrydealshop"
    /// The address messages come from and replies go to.
    static let defaultAuthority = "the data protection supervisory authority of the country where you live or work, or where you think the infringement took place"

    /// Who a request's messages go to: the guardian's name for a guardian's request, else the subject's; the
    /// address on the customer, else the one the request came with (nil: answer by letter or phone).
    static func messageRecipient(_ db: Database, requestId: Int64) throws -> (name: String?, address: String?) {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT r.requesterKind, r.requesterName, r.requesterEmail, COALESCE(c.fullName, r.subjectName) AS name,
                COALESCE(c.email, r.subjectEmail) AS email
            FROM privacyRequest r LEFT JOIN customer c ON c.id = r.customerId WHERE r.id = ?
            """), arguments: [requestId])
        guard let row else { return (nil, nil) }
        // A guardian's request is answered to the guardian, never to the child's address.
        if row["requesterKind"] == "guardian" {
            return (row["requesterName"] ?? "parent or guardian", row["requesterEmail"])
        }
        return (row["name"], row["email"])
    }

    /// Queues the message `event` calls for, inside the caller's transaction (so a change and its message are
    /// written together or not at all), and audits it on the request. `recipient` overrides the one on file
    /// (an erasure captures it before the data goes); `written` is an agent's own text (a reply) instead of the
    /// template. The name and address are stored sealed by the vault; the erasure report greets no one by name,
    /// so after an erasure only the sealed address waits for the send. Once the subject has written, every
    /// message threads to their last message (`In-Reply-To`, `References`).
    @discardableResult
    func queueMessage(
        _ db: Database, _ event: MessageEvent, requestId: Int64, extra: [Placeholder: String] = [:],
        recipient: (name: String?, address: String?)? = nil, written: (subject: String, body: String)? = nil,
        secret: String? = nil, actor: String, at time: Date
    ) throws -> Int64? {
        guard let draft = try Self.messageDraft(db, event, requestId: requestId, extra: extra, recipient: recipient)
        else { return nil }
        var (subject, body) = written ?? (draft.subject, draft.body)
        // Every message names its request as `[PR-…]` in the subject, so a reply finds its request even from a
        // mail client that drops In-Reply-To (mail import reads the tag).
        if !subject.contains("[\(draft.publicId)]") { subject += " [\(draft.publicId)]" }
        let vault = try currentVault(db)
        let messageId = "<\(UUID().uuidString.lowercased())@\(try Self.messageIdDomain(db))>"
        let thread = try Self.thread(db, requestId: requestId)
        let queued = try OutboxMessageRecord(
            requestId: requestId, event: event.rawValue, toName: try draft.to.name.map(vault.seal),
            toAddress: try draft.to.address.map(vault.seal), subject: subject, body: body,
            messageId: messageId, createdAt: time, inReplyTo: thread.inReplyTo,
            referencesHeader: thread.references.isEmpty ? nil : thread.references.joined(separator: " ")
        ).insertRow(db)
        if let secret {
            // The body holds the mask; the secret is sealed beside it until the sender writes it in.
            try db.execute(sql: "UPDATE outboxMessage SET sealedSecret = ? WHERE id = ?",
                           arguments: [try vault.seal(secret), queued])
        }
        try AuditLog.append(db, at: time, actor: actor, event: .messageQueued, target: draft.publicId,
                            details: ["message": String(queued), "event": event.rawValue,
                                      "to": draft.to.address == nil ? "none: answer by letter or phone" : "email"])
        return queued
    }

    /// The message `event` calls for on a request, rendered from its template with the request's values, and who
    /// it goes to; nil when there is no such request.
    static func messageDraft(
        _ db: Database, _ event: MessageEvent, requestId: Int64, extra: [Placeholder: String] = [:],
        recipient: (name: String?, address: String?)? = nil
    ) throws -> (publicId: String, to: (name: String?, address: String?), subject: String, body: String)? {
        guard let request = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT publicId, kind, receivedAt, COALESCE(extendedUntil, dueAt) AS due, extendedUntil, extensionReason,
                outcomeReason, language FROM privacyRequest WHERE id = ?
            """), arguments: [requestId]) else { return nil }
        let policy = try Self.deadlinePolicy(db)
        var to = try recipient ?? Self.messageRecipient(db, requestId: requestId)
        if event == .erasureDone { to.name = nil }
        let kind: RequestKind = try Self.decode(request["kind"])
        // The request's language (its mail's, or an agent's choice); English when it has none.
        let language = Language(rawValue: request["language"] ?? "") ?? .english
        var values: [Placeholder: String] = [
            .requestId: request["publicId"], .recipientName: to.name ?? language.unnamedRecipient,
            .kind: language.phrase(kind),
            .receivedOn: policy.dayString(request["receivedAt"]), .dueOn: policy.dayString(request["due"]),
            .shopName: Self.defaultShopName, .privacyEmail: try Self.privacyAddressText(db), .authority: Self.defaultAuthority,
        ]
        if let until: Date = request["extendedUntil"] { values[.extendedUntil] = policy.dayString(until) }
        values[.extensionReason] = request["extensionReason"]
        values[.reason] = request["outcomeReason"]
        values.merge(try Self.messageValues(db, event, requestId: requestId, language: language)) { $1 }
        values.merge(extra) { $1 }
        let rendered = try Self.template(db, event, language).render(values)
        return (request["publicId"], to, rendered.subject, rendered.body)
    }

    /// The messages of one request, oldest first, as `actor` may read them: the holder, supervisors and admins
    /// (an agent who does not hold it is refused).
    public func messages(publicId: String, actor: StaffMember) throws -> [OutboxMessage] {
        try read { db in
            try Self.authorize(
                db, actor, .readMessageBody, AccessFacts(holder: try Self.assignee(db, publicId: publicId)))
            return try fetchMessages(db, "WHERE r.publicId = ? ORDER BY m.id", [publicId])
        }
    }

    /// The messages of one request without the gate: for the store's own tests only.
    func messages(publicId: String) throws -> [OutboxMessage] {
        try read { db in try fetchMessages(db, "WHERE r.publicId = ? ORDER BY m.id", [publicId]) }
    }

    /// The outbox: unsent messages (queued, sending, in doubt) oldest first, or every message with `includeSent`.
    /// Any staff member lists it (addresses are masked where it is shown); bodies are read one by one.
    public func outbox(includeSent: Bool = false, limit: Int = 1_000, actor: StaffMember) throws -> [OutboxMessage] {
        try read { db in
            try Self.authorize(db, actor, .listOutbox)
            return try fetchMessages(
                db, includeSent ? "ORDER BY m.id LIMIT ?" : "WHERE m.status != 'sent' ORDER BY m.id LIMIT ?", [limit])
        }
    }

    /// The next batch to send: queued messages, those about a request first (they have the law's deadlines), then
    /// notices to customers (a policy change may queue thousands), each oldest first; at most `limit`. The
    /// service and admins only.
    public func sendBatch(limit: Int, actor: StaffMember) throws -> [OutboxMessage] {
        try read { db in
            try Self.authorize(db, actor, .sendOutbox)
            return try fetchMessages(
                db, "WHERE m.status = 'queued' ORDER BY m.requestId IS NULL, m.id LIMIT ?", [limit])
        }
    }

    /// One message, by number, as `actor` may read it: the holder of its request, supervisors and admins (a
    /// notice to a customer, which is about no request: supervisors and admins). A secret it carries shows as
    /// `OutboxSecret.mask`.
    public func outboxMessage(id: Int64, actor: StaffMember) throws -> OutboxMessage {
        try read { db in
            let message = try self.message(db, id: id)
            let holder = try Self.assignee(db, publicId: message.requestId)
            try Self.authorize(db, actor, .readMessageBody, AccessFacts(holder: holder))
            return message
        }
    }

    /// One message without the gate: for the store's own tests only.
    func outboxMessage(id: Int64) throws -> OutboxMessage {
        try read { db in try message(db, id: id) }
    }

    /// Replaces a queued message's subject and body (the agent's edit before it goes). Audited on the request.
    public func editMessage(id: Int64, subject: String, body: String, actor: StaffMember, at time: Date) throws -> OutboxMessage {
        try write { db in
            let message = try self.message(db, id: id)
            try Self.authorize(db, actor, .editMessage,
                               AccessFacts(holder: try Self.assignee(db, publicId: message.requestId)))
            guard !message.event.isNotice else {
                throw LoupeError(.notAllowed, "Message \(id) is a \(message.event.rawValue) notice, sent alike to many "
                                 + "customers; change its template instead (loupe templates edit \(message.event.rawValue)).")
            }
            guard message.status == .queued else {
                throw LoupeError(.notAllowed, "Message \(id) is \(message.status.rawValue): only a queued message can be edited.")
            }
            let checked = try MessageTemplate(event: message.event, subject: subject, body: body).validatedText()
            typealias Columns = OutboxMessageRecord.Columns
            try OutboxMessageRecord.filter(Columns.id == id).updateAll(db, [
                Columns.subject.set(to: checked.subject), Columns.body.set(to: checked.body),
                Columns.editedBy.set(to: actor.userName), Columns.editedAt.set(to: time),
            ])
            try AuditLog.append(db, at: time, actor: actor.userName, event: .messageEdited, target: message.requestId,
                                details: ["message": String(id)])
            return try self.message(db, id: id)
        }
    }

    func message(_ db: Database, id: Int64) throws -> OutboxMessage {
        guard let message = try fetchMessages(db, "WHERE m.id = ?", [id]).first else {
            throw LoupeError(.notFound, "No message \(id). List them with `loupe outbox list`.")
        }
        return message
    }

    /// Who holds the request now (nil when nobody does).
    static func assignee(_ db: Database, publicId: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT assignee FROM privacyRequest WHERE publicId = ?"), arguments: [publicId])
    }

    func fetchMessages(_ db: Database, _ clause: String, _ arguments: StatementArguments) throws -> [OutboxMessage] {
        try Self.fetchMessages(db, clause, arguments, vault: vault)
    }

    /// Messages matching `clause`; without a vault the sealed recipient stays unread (nil).
    static func fetchMessages(_ db: Database, _ clause: String, _ arguments: StatementArguments,
                              vault: RetentionVault?) throws -> [OutboxMessage] {
        try Row.fetchAll(db, sql: """
            SELECT m.*, COALESCE(r.publicId, c.publicId) AS publicId FROM outboxMessage m
            LEFT JOIN privacyRequest r ON r.id = m.requestId LEFT JOIN customer c ON c.id = m.customerId \(clause)
            """, arguments: arguments).map { row in
            var message = OutboxMessage(
                id: row["id"], requestId: row["publicId"], event: try Self.decode(row["event"]),
                toName: try vault.flatMap { vault in try (row["toName"] as String?).map(vault.open) },
                toAddress: try vault.flatMap { vault in try (row["toAddress"] as String?).map(vault.open) },
                subject: row["subject"], body: row["body"], messageId: row["messageId"],
                status: try Self.decode(row["status"]), createdAt: row["createdAt"], editedBy: row["editedBy"],
                editedAt: row["editedAt"], sentAt: row["sentAt"], lastError: row["lastError"])
            message.inReplyTo = row["inReplyTo"]
            message.references = (row["referencesHeader"] as String?)?.split(separator: " ").map(String.init) ?? []
            message.leaseOwner = row["leaseOwner"]
            return message
        }
    }
}

extension AppDatabase {
    /// At an erasure, the customer's earlier messages lose what identifies them: sent ones keep only their
    /// record (event, subject, Message-ID), queued ones are dropped (the erasure report replaces them). A message
    /// in flight or in doubt is never dropped: its record stays, with the address sealed, until a person settles it.
    /// Notices to the customer (not about a request) are treated the same way.
    static func scrubMessages(_ db: Database, requestIds: String, customerId: Int64) throws {
        let theirs = "(requestId IN (SELECT value FROM json_each(:ids)) OR customerId = :customer)"
        try db.execute(sql: """
            UPDATE outboxMessage SET toName = NULL, body = '(removed when the customer was erased)',
                inReplyTo = NULL, referencesHeader = NULL, sealedSecret = NULL,
                toAddress = CASE WHEN status = 'sent' THEN NULL ELSE toAddress END
            WHERE status != 'queued' AND \(theirs);
            DELETE FROM outboxMessage WHERE status = 'queued' AND \(theirs);
            """, arguments: ["ids": requestIds, "customer": customerId])
    }
}
