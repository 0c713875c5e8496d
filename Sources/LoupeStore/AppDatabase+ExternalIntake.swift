import Crypto
import Foundation
import GRDB
import LoupeDomain

/// A request an intake recorded: what its sender is answered with, without reading the whole request back.
public struct RecordedRequest: Equatable, Sendable {
    /// The request's public id (`PR-2026-000123`).
    public let publicId: String
    /// The customer it was matched to (`C-000042`), or nil when no customer on file matches.
    public let customerPublicId: String?
    /// That customer's row id, for what the same transaction records next (a Global Privacy Control signal).
    let customerId: Int64?
}

/// What an intake did, or on a dry run would do.
public enum IntakeOutcome: Equatable, Sendable {
    /// A new request was recorded.
    case created(RecordedRequest)
    /// The same id with the same content came before: nothing new was recorded.
    case duplicate(publicId: String)
    /// Dry run: it would be recorded; `matched` tells whether a customer on file matches.
    case wouldCreate(matched: Bool)
}

extension AppDatabase {
    /// Records a request that arrived from another system (Shopify, OpenDSR) in one transaction. Its channel and
    /// external reference identify it: the same reference with the same `digest` is a duplicate (reported, not
    /// recorded), with another digest a conflict (refused). `dryRun` checks everything and writes nothing.
    public func recordExternalRequest(
        _ draft: NewRequest, digest: String, details: [String: String], dryRun: Bool, actor: StaffMember, at time: Date
    ) throws -> IntakeOutcome {
        let request = try draft.validated()
        let body = { (db: Database) throws -> IntakeOutcome in
            try self.recordExternal(db, request, digest: digest, details: details, dryRun: dryRun, actor: actor, at: time)
        }
        return dryRun ? try read(body) : try write(body)
    }

    /// `recordExternalRequest` inside a transaction, for a validated request.
    func recordExternal(_ db: Database, _ request: NewRequest, digest: String, details: [String: String], dryRun: Bool,
                        actor: StaffMember, at time: Date) throws -> IntakeOutcome {
        guard let reference = request.externalReference else {
            throw LoupeError(.invalidInput, "An intake request needs its sender's id (external reference).")
        }
        try Self.authorize(db, actor, request.channel == .opendsr ? .receiveOpenDSR : .receiveWebhook)
        if let existing = try Row.fetchOne(db.cachedStatement(sql: "SELECT publicId, intakeDigest FROM privacyRequest WHERE channel = ? AND externalReference = ?"),
            arguments: [request.channel.rawValue, reference]) {
            guard existing["intakeDigest"] == digest else {
                throw LoupeError(.conflict, "\(request.channel.rawValue) request '\(TextRules.printable(reference))' is already \(existing["publicId"] as String) with different content: refused. A new request needs a new id.")
            }
            return .duplicate(publicId: existing["publicId"])
        }
        // Shopify's HMAC covers the body, not the webhook id: the same body sent again under a new id (a captured
        // request replayed, or a redelivery) is the same event.
        if request.channel == .shopify, let existing = try String.fetchOne(db.cachedStatement(sql: """
            SELECT publicId FROM privacyRequest INDEXED BY privacyRequest_intakeDigest
            WHERE channel = 'shopify' AND intakeDigest = ? AND kind = ?
            """), arguments: [digest, request.kind.rawValue]) {
            return .duplicate(publicId: existing)
        }
        if dryRun {
            let matched = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM customer WHERE email = ? AND erasedAt IS NULL)"), arguments: [request.email]) ?? false
            return .wouldCreate(matched: matched)
        }
        let inserted = try insertNewRequest(db, request, actor: actor, at: time, details: details, intakeDigest: digest)
        let customer = try inserted.customerId.flatMap {
            try String.fetchOne(db.cachedStatement(sql: "SELECT publicId FROM customer WHERE id = ?"), arguments: [$0])
        }
        return .created(RecordedRequest(publicId: inserted.publicId, customerPublicId: customer,
                                        customerId: inserted.customerId))
    }

    /// Whether any request ever arrived through `channel`.
    public func hasRequests(on channel: RequestChannel) throws -> Bool {
        try read { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM privacyRequest WHERE channel = ?)"),
                              arguments: [channel.rawValue]) ?? false
        }
    }

    /// The public id of the request that arrived through `channel` as `externalReference`, if any.
    public func publicId(channel: RequestChannel, externalReference: String) throws -> String? {
        try read { db in
            try String.fetchOne(db.cachedStatement(sql: "SELECT publicId FROM privacyRequest WHERE channel = ? AND externalReference = ?"),
                                arguments: [channel.rawValue, externalReference])
        }
    }

    /// The email of the customer an identity names: a raw email (as given), a customer id (`C-000042`), a
    /// Shopify customer id (`shopify_customer_id`, set by the customer import), or an
    /// email's sha256, sha1 or md5 hex digest compared with the digests of the emails on file. Nil: no match.
    func customerEmail(identityType: String, value: String, format: String) throws -> String? {
        try refreshCustomerDigests()
        return try read { db in try Self.customerEmail(db, identityType: identityType, value: value, format: format) }
    }

    static func customerEmail(_ db: Database, identityType: String, value: String, format: String) throws -> String? {
        switch (identityType, format) {
        case ("email", "raw"):
            return try String.fetchOne(db.cachedStatement(sql: "SELECT email FROM customer WHERE email = ? AND erasedAt IS NULL"),
                                       arguments: [value.trimmingCharacters(in: .whitespaces).lowercased()])
        case ("shopify_customer_id", "raw"):
            return try String.fetchOne(db.cachedStatement(sql: "SELECT email FROM customer WHERE shopifyId = ? AND erasedAt IS NULL"),
                                       arguments: [value])
        case ("controller_customer_id", "raw"):
            return try String.fetchOne(db.cachedStatement(sql: "SELECT email FROM customer WHERE publicId = ? AND erasedAt IS NULL"),
                                       arguments: [value])
        case ("email", "sha256"), ("email", "sha1"), ("email", "md5"):
            return try Self.customerEmail(db, digest: value, format: format)
        default:
            return nil
        }
    }

    /// Records Shopify's shop/redact as a note for admins (an audit entry), inside the caller's transaction:
    /// nothing is erased automatically. A redelivery (same reference) is reported as a duplicate (false); a dry
    /// run only tells whether it would be noted.
    func noteShopRedact(_ db: Database, shopDomain: String, reference: String, details: [String: String],
                        dryRun: Bool, actor: StaffMember, at time: Date) throws -> Bool {
        try Self.authorize(db, actor, .receiveWebhook)
        let target = "shop:\(shopDomain)"
        let seen = try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM auditEntry WHERE action = ? AND target = ?
            AND json_extract(details, '$.reference') = ?)
            """), arguments: [AuditEvent.shopRedactNoted.action, target, reference]) ?? false
        if seen || dryRun { return !seen }
        var all = details
        all["reference"] = reference
        all["note"] = "The shop asks to delete its data; nothing was erased automatically. An admin decides."
        try AuditLog.append(db, at: time, actor: actor.userName, event: .shopRedactNoted, target: target, details: all)
        return true
    }
}
