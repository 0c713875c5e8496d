import Foundation
import GRDB
import LoupeDomain
import LoupeIntake

/// An OpenDSR status callback waiting to go (leased to the sender that took it).
public struct CallbackDelivery: Equatable, Sendable {
    public var id: Int64
    /// The request it is about (public id), for the log and the audit.
    public var requestId: String
    public var url: String
    /// The status body, as the specification shapes it; signed when it is sent.
    public var body: Data
    /// How many sends failed so far.
    public var attempts: Int
}

extension AppDatabase {
    /// After this many failed sends a callback is given up (about a day of backoff), audited.
    public static let callbackAttempts = 12
    /// How long a sender holds a callback it is sending.
    static let callbackLease: TimeInterval = 60

    /// The hosts callbacks may go to.
    public func callbackHosts() throws -> [String] {
        try read { db in try Self.callbackHosts(db) }
    }

    static func callbackHosts(_ db: Database) throws -> [String] {
        try setting(db, .callbackHosts).flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
    }

    /// Sets the callback allow-list (admins): host names, `*.domain` wildcards or IP addresses; audited.
    public func setCallbackHosts(_ hosts: [String], actor: StaffMember, at time: Date) throws {
        let cleaned = hosts.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        for host in cleaned
        where host.count > 253 || host.contains(where: { $0 == "/" || $0 == " " || $0 == "@" })
            || host.unicodeScalars.contains(where: { TextRules.isForbidden($0) }) {
            throw LoupeError(
                .invalidInput,
                "'\(TextRules.printable(host))' is not a host name or address; give names "
                    + "like callbacks.partner.example, *.partner.example or 203.0.113.7.")
        }
        let json = String(decoding: try JSONEncoder().encode(cleaned), as: UTF8.self)
        try write { db in
            try Self.authorize(db, actor, .changeSettings)
            try Self.setSetting(db, .callbackHosts, json)
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .callbackHostsSet, target: "loupe",
                details: ["hosts": cleaned.joined(separator: ",")])
        }
    }

    /// Keeps the callback URLs an OpenDSR request named whose host is allowed; each refused one is audited with
    /// its host. Inside the intake's transaction.
    static func recordCallbackTargets(
        _ db: Database, urls: [String], publicId: String, actor: String,
        at time: Date
    ) throws {
        guard !urls.isEmpty else { return }
        let allowList = try callbackHosts(db)
        let requestId = try requestRowId(db, publicId: publicId)
        for url in urls {
            do {
                _ = try CallbackTargetRule.host(of: url, allowList: allowList)
                try db.execute(
                    sql: "INSERT OR IGNORE INTO callbackTarget (requestId, url) VALUES (?, ?)",
                    arguments: [requestId, url])
            } catch let error as LoupeError {
                try AuditLog.append(
                    db, at: time, actor: actor, event: .callbackRefused, target: publicId,
                    details: ["host": URL(string: url)?.host ?? "unreadable", "why": error.message])
            }
        }
    }

    /// Queues the status body for every callback target of the request, when its OpenDSR status changed.
    /// Inside the lifecycle's transaction, so a change and its callbacks are written together.
    static func queueStatusCallbacks(
        _ db: Database, requestId: Int64, from old: RequestStatus, to new: RequestStatus,
        at time: Date
    ) throws {
        guard OpenDSRResponse.status(old) != OpenDSRResponse.status(new) else { return }
        let urls = try String.fetchAll(
            db.cachedStatement(sql: "SELECT url FROM callbackTarget WHERE requestId = ?"),
            arguments: [requestId])
        guard !urls.isEmpty,
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT externalReference, COALESCE(extendedUntil, dueAt) AS due FROM privacyRequest WHERE id = ?
                    """, arguments: [requestId]), let reference: String = row["externalReference"]
        else { return }
        let body = try OpenDSRResponse.statusBody(subjectRequestId: reference, status: new, expectedAt: row["due"])
        for url in urls {
            try db.execute(
                sql: """
                    INSERT INTO callbackDelivery (requestId, url, body, nextAttemptAt, createdAt) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [requestId, url, String(decoding: body, as: UTF8.self), time, time])
        }
    }

    /// Up to `limit` callbacks due now, each leased to the caller for a minute (another sender skips them).
    public func leaseDueCallbacks(limit: Int = 20, actor: StaffMember, at time: Date) throws -> [CallbackDelivery] {
        try write { db in
            try Self.authorize(db, actor, .deliverCallbacks)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, r.publicId, d.url, d.body, d.attempts FROM callbackDelivery d
                    JOIN privacyRequest r ON r.id = d.requestId
                    WHERE d.status = 'pending' AND d.nextAttemptAt <= ? AND (d.leaseUntil IS NULL OR d.leaseUntil < ?)
                    ORDER BY d.nextAttemptAt LIMIT ?
                    """, arguments: [time, time, limit])
            return try rows.map { row in
                try db.execute(
                    sql: "UPDATE callbackDelivery SET leaseUntil = ? WHERE id = ?",
                    arguments: [time.addingTimeInterval(Self.callbackLease), row["id"]])
                return CallbackDelivery(
                    id: row["id"], requestId: row["publicId"], url: row["url"],
                    body: Data((row["body"] as String).utf8), attempts: row["attempts"])
            }
        }
    }

    /// Records a delivered callback, audited on its request.
    public func markCallbackDelivered(
        _ delivery: CallbackDelivery, status: Int, actor: StaffMember,
        at time: Date
    ) throws {
        try write { db in
            try Self.authorize(db, actor, .deliverCallbacks)
            try db.execute(
                sql: """
                    UPDATE callbackDelivery SET status = 'delivered', deliveredAt = ?, attempts = attempts + 1,
                        leaseUntil = NULL, lastError = NULL WHERE id = ?
                    """, arguments: [time, delivery.id])
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .callbackDelivered,
                target: delivery.requestId,
                details: ["host": URL(string: delivery.url)?.host ?? "", "status": String(status)])
        }
    }

    /// Records a failed send: tried again after a backoff (10 s, doubling, at most an hour), or given up after
    /// `callbackAttempts` (audited).
    public func markCallbackFailed(
        _ delivery: CallbackDelivery, error: String, actor: StaffMember,
        at time: Date
    ) throws {
        let attempts = delivery.attempts + 1
        let giveUp = attempts >= Self.callbackAttempts
        let backoff = min(10 * pow(2, Double(attempts - 1)), 3_600)
        try write { db in
            try Self.authorize(db, actor, .deliverCallbacks)
            try db.execute(
                sql: """
                    UPDATE callbackDelivery SET attempts = ?, lastError = ?, leaseUntil = NULL, nextAttemptAt = ?,
                        status = CASE WHEN ? THEN 'failed' ELSE 'pending' END WHERE id = ?
                    """,
                arguments: [attempts, String(error.prefix(300)), time.addingTimeInterval(backoff), giveUp, delivery.id])
            if giveUp {
                try AuditLog.append(
                    db, at: time, actor: actor.userName, event: .callbackFailed,
                    target: delivery.requestId,
                    details: ["host": URL(string: delivery.url)?.host ?? "", "attempts": String(attempts)])
            }
        }
    }
}
