import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// The unsorted tray, oldest first (its month, if a message is a request after all, runs from receipt); with
    /// `dismissed`, the dismissed mail the retention rule still keeps, newest decision first. Any staff member;
    /// senders are opened from the vault, bodies left out (`unsortedMail(id:)` reads one).
    public func unsortedMail(dismissed: Bool = false, withBodies: Bool = false, limit: Int = 500,
                             actor: StaffMember) throws -> [UnsortedMail] {
        try read(as: actor, .readMailTray) { db in
            let vault = try currentVault(db)
            let order = dismissed
                ? "tray = 'dismissed' ORDER BY decidedAt DESC" : "tray = 'unsorted' ORDER BY receivedAt"
            return try Row.fetchAll(db, sql: "SELECT * FROM inboundMail WHERE \(order), id LIMIT ?", arguments: [limit])
                .map { try Self.unsortedMail($0, vault: vault, withBody: withBodies) }
        }
    }

    /// One message of the tray (unsorted or dismissed), with its text.
    public func unsortedMail(id: Int64, actor: StaffMember) throws -> UnsortedMail {
        try read(as: actor, .readMailTray) { db in try Self.trayRow(db, id: id, vault: try currentVault(db)) }
    }

    /// How many messages the tray holds, and how many of them arrived more than `UnsortedMail.staleAfterDays`
    /// days before `now` (the dashboard's figures), in one pass over the tray's partial index.
    static func unsortedMailCounts(_ db: Database, now: Date) throws -> (all: Int, stale: Int) {
        let cutoff = StorageTimestamp.text(now.addingTimeInterval(-Double(UnsortedMail.staleAfterDays) * 86_400))
        let row = try Row.fetchOne(db, sql: """
            SELECT COUNT(*), COALESCE(SUM(receivedAt < ?), 0) FROM inboundMail WHERE tray = 'unsorted'
            """, arguments: [cutoff])
        return (row?[0] ?? 0, row?[1] ?? 0)
    }

    /// Makes a request of unsorted mail: of the kind the agent picked, received when the message arrived (so its
    /// deadline runs from then), from its sender, through the same intake as any mail request (matched to a
    /// customer, a duplicate marked, the acknowledgement queued, an erased sender not re-created). One
    /// transaction with its audit entry; mail already decided is refused.
    public func fileMail(id: Int64, kind: RequestKind, actor: StaffMember, at time: Date) throws -> RequestDetail {
        try write { db in
            try Self.authorize(db, actor, .fileMailAsRequest)
            let vault = try currentVault(db)
            let mail = try Self.trayRow(db, id: id, vault: vault)
            guard mail.dismissal == nil else {
                throw LoupeError(.conflict, "Mail #\(id) was dismissed as \(mail.dismissal!.rawValue) by "
                    + "\(mail.decidedBy ?? "?"); it is no longer in the tray.")
            }
            guard let draft = Self.requestDraft(address: mail.fromAddress, name: mail.fromName, kind: kind) else {
                throw LoupeError(.invalidInput, "Mail #\(id) has no sender an answer can reach; "
                    + "record the request by hand (N) if you know who sent it.")
            }
            let created = try insertNewRequest(
                db, draft, actor: actor, at: time, details: ["fromMail": String(id)], receivedAt: mail.receivedAt,
                language: mail.language)
            try db.execute(sql: """
                UPDATE inboundMail SET tray = NULL, filedAs = 'new-request', requestId = ?, decidedBy = ?,
                    decidedAt = ? WHERE id = ?
                """, arguments: [created.id, actor.userName, time, id])
            try AuditLog.append(db, at: time, actor: actor.userName, event: .mailFiledFromTray,
                                target: created.publicId,
                                details: ["mail": String(id), "kind": kind.rawValue, "tray": mail.reason.rawValue])
            return try Self.fetchDetail(db, publicId: created.publicId)
        }
    }

    /// Dismisses unsorted mail as not a request, with a reason; audited. The message stays, dismissed, until the
    /// `dismissed-mail` retention rule deletes it.
    public func dismissMail(id: Int64, reason: MailDismissal, actor: StaffMember, at time: Date) throws {
        try write { db in
            try Self.authorize(db, actor, .dismissMail)
            let mail = try Self.trayRow(db, id: id, vault: try currentVault(db))
            guard mail.dismissal == nil else {
                throw LoupeError(.conflict, "Mail #\(id) was already dismissed (\(mail.dismissal!.rawValue)).")
            }
            try db.execute(sql: """
                UPDATE inboundMail SET tray = 'dismissed', dismissal = ?, decidedBy = ?, decidedAt = ? WHERE id = ?
                """, arguments: [reason.rawValue, actor.userName, time, id])
            try AuditLog.append(db, at: time, actor: actor.userName, event: .mailDismissed, target: "mail:\(id)",
                                details: ["reason": reason.rawValue, "tray": mail.reason.rawValue])
        }
    }

    /// The tray's row `id`, or a not-found error that says where to look.
    private static func trayRow(_ db: Database, id: Int64, vault: RetentionVault) throws -> UnsortedMail {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT * FROM inboundMail WHERE id = ? AND tray IS NOT NULL", arguments: [id])
        else {
            throw LoupeError(.notFound, "No unsorted mail #\(id); see `loupe mail list` (it may have been made a "
                + "request, or deleted by the dismissed-mail retention rule).")
        }
        return try unsortedMail(row, vault: vault, withBody: true)
    }

    private static func unsortedMail(_ row: Row, vault: RetentionVault, withBody: Bool) throws -> UnsortedMail {
        UnsortedMail(
            id: row["id"], receivedAt: row["receivedAt"],
            fromAddress: try (row["fromAddress"] as String?).map(vault.open),
            fromName: try (row["fromName"] as String?).map(vault.open), subject: row["subject"],
            body: withBody ? row["body"] : nil,
            reason: MailTrayReason(rawValue: row["trayReason"] ?? "") ?? .unclear,
            language: Language(rawValue: row["language"] ?? ""),
            dismissal: MailDismissal(rawValue: row["dismissal"] ?? ""), decidedBy: row["decidedBy"],
            decidedAt: row["decidedAt"])
    }
}
