import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// A customer's cookies per purpose (necessary, analytics, marketing), from the consent ledger.
    public func cookieState(customerPublicId: String, actor: StaffMember) throws -> CookieState {
        try cookieState(customerPublicId: customerPublicId, reader: actor)
    }

    /// `cookieState` without the gate: for the store's own use and its tests.
    func cookieState(customerPublicId: String) throws -> CookieState {
        try cookieState(customerPublicId: customerPublicId, reader: nil)
    }

    func cookieState(customerPublicId: String, reader: StaffMember?) throws -> CookieState {
        try read(as: reader, .readRequests) { db in
            try Self.cookieState(db, customerId: try Self.customerRowId(db, customerPublicId))
        }
    }

    static func cookieState(_ db: Database, customerId: Int64) throws -> CookieState {
        var last: [ConsentPurpose: (granted: Bool, at: Date, source: String, version: String?)] = [:]
        for purpose in CookiePurpose.allCases.compactMap(\.consent) {
            if let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT granted, occurredAt, source, policyVersion FROM consentEvent
                    WHERE customerId = ? AND purpose = ?
                    ORDER BY occurredAt DESC, id DESC LIMIT 1
                    """, arguments: [customerId, purpose.rawValue]) {
                last[purpose] = (row["granted"], row["occurredAt"], row["source"], row["policyVersion"])
            }
        }
        return CookieState.from(lastEvents: last)
    }

    /// Switches a customer's cookies of `purpose` on or off (as the shop's cookie banner reported, or as the
    /// customer asked), with the policy version in force. Switching analytics off deletes the customer's
    /// analytics device events at once; what remains is what necessary cookies need. One transaction, audited.
    /// Returns how many device events were deleted.
    @discardableResult
    public func setCookies(
        customerPublicId: String, purpose: CookiePurpose, on: Bool, source: String,
        actor: StaffMember, at time: Date
    ) throws -> Int {
        let source = try TextRules.validated(source, field: "source")
        guard let consent = purpose.consent else {
            throw LoupeError(
                .invalidInput,
                "Necessary cookies are always on (the cart and checkout need them); "
                    + "only analytics and marketing cookies can be switched.")
        }
        return try write { db in
            try Self.authorize(db, actor, .setCookies)
            let customerId = try Self.customerRowId(db, customerPublicId)
            try ConsentEventRecord(
                customerId: customerId, purpose: consent.rawValue, granted: on, occurredAt: time,
                source: source, policyVersion: try Self.currentPolicyVersion(db, at: time)
            ).insert(db)
            let deleted = on ? 0 : try Self.deleteAnalyticsEvents(db, customerId: customerId, purposes: [consent])
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .cookieConsentSet, target: customerPublicId,
                details: [
                    "purpose": purpose.rawValue, "state": on ? "on" : "off",
                    "device events deleted": String(deleted),
                ])
            return deleted
        }
    }

    /// Deletes the customer's analytics device events when analytics cookies are among `purposes`; returns how many.
    static func deleteAnalyticsEvents(_ db: Database, customerId: Int64, purposes: [ConsentPurpose]) throws -> Int {
        guard purposes.contains(.analyticsCookies) else { return 0 }
        try db.execute(
            sql: "DELETE FROM deviceEvent WHERE customerId = ? AND purpose = 'analytics'",
            arguments: [customerId])
        return db.changesCount
    }

    /// Records a Global Privacy Control signal (`Sec-GPC: 1`) carried by a webhook or an import as an opt-out of
    /// marketing cookies and sharing, inside the caller's transaction; audited when it changed something.
    static func recordGlobalPrivacyControl(
        _ db: Database, customerId: Int64, carriedBy: String, actor: String,
        at time: Date
    ) throws {
        let version = try currentPolicyVersion(db, at: time)
        var recorded: [String] = []
        for purpose in CookieState.globalPrivacyControlOptOut {
            let granted = try Bool.fetchOne(
                db,
                sql: """
                    SELECT granted FROM consentEvent WHERE customerId = ? AND purpose = ?
                    ORDER BY occurredAt DESC, id DESC
                    LIMIT 1
                    """, arguments: [customerId, purpose.rawValue])
            guard granted != false else { continue }
            try ConsentEventRecord(
                customerId: customerId, purpose: purpose.rawValue, granted: false, occurredAt: time,
                source: CookieState.globalPrivacyControlSource, policyVersion: version
            ).insert(db)
            recorded.append(purpose.rawValue)
        }
        guard !recorded.isEmpty else { return }
        let publicId = try String.fetchOne(
            db, sql: "SELECT publicId FROM customer WHERE id = ?", arguments: [customerId])
        try AuditLog.append(
            db, at: time, actor: actor, event: .globalPrivacyControl, target: publicId ?? "customer",
            details: ["opted out": recorded.joined(separator: ","), "carried by": carriedBy])
    }

    /// The row id of the customer `publicId` (every promise's use case names customers by public id).
    static func customerRowId(_ db: Database, _ publicId: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE publicId = ?", arguments: [publicId])
        else { throw LoupeError(.notFound, "No customer \(TextRules.printable(publicId)).") }
        return id
    }
}
