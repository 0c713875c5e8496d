import Crypto
import Foundation
import GRDB
import LoupeDomain

/// An access copy a valid one-time link opens: the request and its export folder.
public struct ExportDownload: Equatable, Sendable {
    public var linkId: Int64
    public var requestId: String
    public var folder: String
}

extension AppDatabase {
    /// The address the public reaches `loupe serve` at, if set.
    public func publicURL() throws -> String? {
        try read { db in try Self.setting(db, .publicURL) }
    }

    /// Sets the public URL (admins): an https address (http on loopback only) without a trailing slash; audited.
    public func setPublicURL(_ url: String, actor: StaffMember, at time: Date) throws {
        let parsed = try TransportRules.checkedPublicURL(url)
        let trimmed = url.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["/"])
        try write { db in
            try Self.authorize(db, actor, .changeSettings)
            try Self.setSetting(db, .publicURL, trimmed)
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .publicURLSet, target: "loupe",
                details: ["host": parsed.host ?? ""])
        }
    }

    /// Sets how many days a one-time export link works (admins; 1 to 30); audited.
    public func setExportLinkDays(_ days: Int, actor: StaffMember, at time: Date) throws {
        guard (1...30).contains(days) else {
            throw LoupeError(.invalidInput, "A one-time link works for 1 to 30 days; \(days) is outside that.")
        }
        try write { db in
            try Self.authorize(db, actor, .changeSettings)
            try Self.setSetting(db, .exportLinkDays, String(days))
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .exportLinkDaysSet, target: "loupe",
                details: ["days": String(days)])
        }
    }

    /// Makes the one-time link an access-ready message carries, when it is sent: 256 random bits, only their hash
    /// stored, expiring after the configured days; earlier unused links of the request stop working. Returns the
    /// text that replaces `ExportLink.placeholder`. One transaction, audited.
    public func issueExportLink(forMessage messageId: Int64, actor: StaffMember, at time: Date) throws -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
        let token = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return try write { db in
            try Self.authorize(db, actor, .sendOutbox)
            guard let base = try Self.setting(db, .publicURL) else {
                throw LoupeError(
                    .configuration,
                    "No public URL is set, so the access copy's link cannot be made: an "
                        + "admin runs `loupe settings public-url URL`.")
            }
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT m.requestId, r.publicId FROM outboxMessage m JOIN privacyRequest r ON r.id = m.requestId
                        WHERE m.id = ?
                        """, arguments: [messageId])
            else { throw LoupeError(.notFound, "No message \(messageId).") }
            let days = try Self.setting(db, .exportLinkDays).flatMap(Int.init) ?? ExportLink.defaultDays
            let expires = time.addingTimeInterval(TimeInterval(days) * 86_400)
            try db.execute(
                sql: "UPDATE exportLink SET expiresAt = ? WHERE requestId = ? AND fetchedAt IS NULL",
                arguments: [time, row["requestId"]])
            try db.execute(
                sql: """
                    INSERT INTO exportLink (requestId, outboxMessageId, tokenHash, createdAt, expiresAt)
                    VALUES (?, ?, ?, ?, ?)
                    """, arguments: [row["requestId"], messageId, Self.tokenHash(token), time, expires])
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .exportLinkIssued, target: row["publicId"],
                details: ["message": String(messageId), "days": String(days)])
            let day = try Self.deadlinePolicy(db).dayString(expires)
            return ExportLink.text(url: "\(base)/exports/\(token)", expiresOn: day)
        }
    }

    /// The access copy a token opens, if the link is valid (known, unexpired, unused, its export not removed);
    /// nil otherwise, without saying why.
    public func exportLinkTarget(token: String, actor: StaffMember, at time: Date) throws -> ExportDownload? {
        guard token.count <= 64 else { return nil }
        return try read(as: actor, .serveExportLink) { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT l.id, r.publicId, e.folder FROM exportLink l JOIN privacyRequest r ON r.id = l.requestId
                    JOIN requestExport e ON e.id = (SELECT MAX(id) FROM requestExport WHERE requestId = l.requestId
                        AND deletedAt IS NULL)
                    WHERE l.tokenHash = ? AND l.fetchedAt IS NULL AND l.expiresAt > ?
                    """, arguments: [Self.tokenHash(token), time]
            ).map {
                ExportDownload(linkId: $0["id"], requestId: $0["publicId"], folder: $0["folder"])
            }
        }
    }

    /// Uses the link up (the first download ends it), audited on the request with when and from which address.
    /// False when another download used it first.
    public func markExportDownloaded(_ download: ExportDownload, from address: String, actor: StaffMember,
                                     at time: Date) throws -> Bool {
        try write { db in
            try Self.authorize(db, actor, .serveExportLink)
            try db.execute(
                sql: """
                    UPDATE exportLink SET fetchedAt = ?, fetchedFrom = ? WHERE id = ? AND fetchedAt IS NULL
                    """, arguments: [time, String(address.prefix(100)), download.linkId])
            guard db.changesCount == 1 else { return false }
            // Nobody on the staff acted: the subject (or whoever holds the link) did, through `loupe serve`.
            try AuditLog.append(
                db, at: time, actor: "one-time link", event: .exportDownloaded, target: download.requestId,
                details: ["from": String(address.prefix(100))])
            return true
        }
    }

    static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).lowercaseHex
    }
}
