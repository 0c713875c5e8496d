import Foundation
import GRDB
import LoupeDomain

/// How a send hands a message on: only into the maildir, or to a sendmail program as well.
public enum SendRoute: String, Sendable {
    case maildir, sendmail
}

extension AppDatabase {
    /// How long a sender holds a message it is sending before another may take it for a crash: longer than any
    /// sendmail takes to accept a message.
    public static let sendLease: TimeInterval = 600

    /// Marks a queued message as being sent by `route`, leased to `owner` until `sendLease` from now (one
    /// transaction). Returns nil when it is no longer queued (another send took it), so two senders never hand the
    /// same message on. The message comes back as it goes out: a secret it carries written in (only the sender,
    /// the service or an admin, ever sees it).
    public func beginSending(id: Int64, route: SendRoute, owner: String, actor: StaffMember, at time: Date) throws
        -> OutboxMessage? {
        try write { db in
            try Self.authorize(db, actor, .sendOutbox)
            try db.execute(sql: """
                UPDATE outboxMessage
                SET status = 'sending', attemptedAt = ?, attemptVia = ?, leaseOwner = ?, leaseUntil = ?
                WHERE id = ? AND status = 'queued'
                """, arguments: [time, route.rawValue, owner, time.addingTimeInterval(Self.sendLease), id])
            guard db.changesCount == 1 else { return nil }
            // A message queued before the subject's mail was filed (the acknowledgement of a request that came by
            // mail) threads to it now.
            if let requestId = try Int64.fetchOne(
                db, sql: "SELECT requestId FROM outboxMessage WHERE id = ?", arguments: [id]) {
                let thread = try Self.thread(db, requestId: requestId)
                if let inReplyTo = thread.inReplyTo {
                    try db.execute(sql: """
                        UPDATE outboxMessage SET inReplyTo = ?, referencesHeader = ? WHERE id = ? AND inReplyTo IS NULL
                        """, arguments: [inReplyTo, thread.references.joined(separator: " "), id])
                }
            }
            var message = try self.message(db, id: id)
            if let sealed = try String.fetchOne(
                db, sql: "SELECT sealedSecret FROM outboxMessage WHERE id = ?", arguments: [id]) {
                message.body = OutboxSecret.filled(message.body, with: try currentVault(db).open(sealed))
            }
            return message
        }
    }

    /// Records that a message went: its time, where its maildir copy is (`copyPath`, so an erasure can remove
    /// it), and an audit entry on the request naming the Message-ID. An erasure report forgets its address once
    /// sent, and its copy is queued for removal at once (`finishErasures` removes it).
    /// `copyNotKept` says why a message sendmail accepted has no maildir copy: it is still sent, and says so.
    public func markSent(id: Int64, copyPath: String? = nil, copyNotKept: String? = nil, actor: StaffMember,
                         at time: Date, by: AuditEvent.SentBy = .send) throws {
        try write { db in
            let message = try self.message(db, id: id)
            // The sender (the service or an admin) delivers everyone's messages; marking one sent by hand is the
            // holder's word.
            try Self.authorize(db, actor, by == .send ? .sendOutbox : .markMessageSentByHand,
                               AccessFacts(holder: try Self.assignee(db, publicId: message.requestId)))
            let forget = message.event == .erasureDone
            let note = copyNotKept.map { "Sent; copy not kept: " + String($0.prefix(400)) }
            try db.execute(sql: """
                UPDATE outboxMessage
                SET status = 'sent', sentAt = ?, lastError = ?, leaseOwner = NULL, leaseUntil = NULL, sealedSecret = NULL,
                    toAddress = CASE WHEN ? THEN NULL ELSE toAddress END, copyPath = CASE WHEN ? THEN NULL ELSE ? END
                WHERE id = ?
                """, arguments: [time, note, forget, forget, copyPath, id])
            if forget, let copyPath {
                try db.execute(sql: """
                    INSERT INTO pendingFileRemoval (path, requestId, queuedAt) SELECT ?, requestId, ? FROM outboxMessage WHERE id = ?
                    """, arguments: [copyPath, time, id])
            }
            var details = ["message": String(id), "messageId": message.messageId]
            if copyNotKept != nil { details["copy"] = "not kept" }
            try AuditLog.append(db, at: time, actor: actor.userName, event: .messageSent(by), target: message.requestId,
                                details: details)
        }
    }

    /// Puts a message back in the queue with the reason its send failed (shown in `outbox list` and on the request).
    public func markFailed(id: Int64, error: String, actor: StaffMember, at time: Date) throws {
        try write { db in
            try Self.authorize(db, actor, .sendOutbox)
            try db.execute(sql: """
                UPDATE outboxMessage SET status = 'queued', lastError = ?, leaseOwner = NULL, leaseUntil = NULL
                WHERE id = ?
                """, arguments: [String(error.prefix(500)), id])
        }
    }

    /// A send that reached sendmail and was then interrupted, or whose recording failed after sendmail accepted
    /// it: it may have gone (or did), so it is never sent again on its own. `reason` says what a person checks.
    public func markInDoubt(id: Int64, reason: String? = nil, actor: StaffMember, at time: Date) throws {
        let text = reason ?? "The send was interrupted after sendmail got the message: check the mail log, "
            + "then loupe outbox retry or mark-sent."
        try write { db in
            try Self.authorize(db, actor, .sendOutbox)
            try db.execute(sql: """
                UPDATE outboxMessage SET status = 'in-doubt', lastError = ?, leaseOwner = NULL, leaseUntil = NULL
                WHERE id = ? AND status = 'sending'
                """, arguments: [String(text.prefix(500)), id])
        }
    }

    /// Messages a send began and did not finish (a crash), each now leased to `owner`: those whose lease has run
    /// out, and those whose holder `isAlive` says is gone (a process of this host that no longer runs). The next
    /// send resolves them first. A message a live sender holds is left to it.
    public func takeOverUnfinishedSends(owner: String, actor: StaffMember, at time: Date,
                                        isAlive: (String) -> Bool = { _ in true })
        throws -> [(message: OutboxMessage, route: SendRoute)] {
        try write { db in
            try Self.authorize(db, actor, .sendOutbox)
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, attemptVia, leaseOwner, leaseUntil FROM outboxMessage WHERE status = 'sending'
                """).filter { row in
                guard let until: Date = row["leaseUntil"], let holder: String = row["leaseOwner"] else { return true }
                return until < time || !isAlive(holder)
            }
            return try rows.map { row in
                try db.execute(sql: "UPDATE outboxMessage SET leaseOwner = ?, leaseUntil = ? WHERE id = ?",
                               arguments: [owner, time.addingTimeInterval(Self.sendLease), row["id"]])
                return (try self.message(db, id: row["id"]), SendRoute(rawValue: row["attemptVia"] ?? "") ?? .sendmail)
            }
        }
    }

    /// Resolves a message by hand: `sent` when the mail log shows it went (or it was answered by letter), else an
    /// in-doubt message goes back to the queue.
    /// Audited on the request.
    public func resolveInDoubt(id: Int64, wasSent: Bool, actor: StaffMember, at time: Date) throws {
        let message: OutboxMessage = try read { db in try self.message(db, id: id) }
        // A queued message can be marked sent by hand too: one answered by letter or phone.
        guard message.status == .inDoubt || (wasSent && message.status == .queued) else {
            throw LoupeError(.notAllowed, wasSent
                ? "Message \(id) is \(message.status.rawValue): only a queued or in-doubt message can be marked sent."
                : "Message \(id) is \(message.status.rawValue), not in doubt: only a message in doubt is retried by hand.")
        }
        if wasSent {
            try markSent(id: id, actor: actor, at: time, by: .markSent)
        } else {
            try write { db in
                try Self.authorize(db, actor, .resolveInDoubt,
                                   AccessFacts(holder: try Self.assignee(db, publicId: message.requestId)))
                try db.execute(sql: "UPDATE outboxMessage SET status = 'queued', lastError = NULL WHERE id = ?", arguments: [id])
                try AuditLog.append(db, at: time, actor: actor.userName, event: .messageRetried, target: message.requestId,
                                    details: ["message": String(id)])
            }
        }
    }
}
