import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// Fulfils a consent-withdrawal request at once (no identity check): one withdrawal event per purpose (all
    /// purposes currently granted when none are named), with its source and the policy version in force; earlier
    /// events are kept. Completes the request. One transaction, audited.
    @discardableResult
    public func withdrawConsent(publicId: String, purposes: [ConsentPurpose] = [], actor: StaffMember, at time: Date) throws -> [ConsentPurpose] {
        try write { db in
            let request = try Self.fetchDetail(db, publicId: publicId)
            try RequestRules.check(
                .withdrawConsent, on: request.summary.facts, by: Self.currentMember(db, actor), now: time,
                                   policy: Self.deadlinePolicy(db))
            guard let customerId = try Int64.fetchOne(db, sql: "SELECT customerId FROM privacyRequest WHERE id = ?",
                                                      arguments: [request.summary.id]) else {
                throw LoupeError(.notAllowed, "\(publicId) matched no customer: no consent is on file for that address. Complete it with a note.")
            }
            let withdrawn = try Self.withdraw(db, customerId: customerId, purposes: purposes.isEmpty ? ConsentPurpose.allCases : purposes,
                                              source: "request \(publicId)", at: time)
            typealias Columns = PrivacyRequestRecord.Columns
            try PrivacyRequestRecord.filter(Columns.id == request.summary.id).updateAll(db, [
                Columns.status.set(to: RequestStatus.completed.rawValue),
                Columns.outcome.set(to: RequestStatus.completed.rawValue), Columns.closedAt.set(to: time),
                Columns.version += 1,
            ])
            try AuditLog.append(db, at: time, actor: actor.userName, event: .request(.withdrawConsent), target: publicId,
                                details: ["purposes": withdrawn.map(\.rawValue).joined(separator: ","), "status": "completed"])
            let language = request.language ?? .english
            let named = withdrawn.map(language.name)
            try queueMessage(db, .consentWithdrawn, requestId: request.summary.id,
                             extra: [.withdrawnPurposes: named.isEmpty ? language.nothingGranted
                                        : named.joined(separator: ", ")],
                             actor: actor.userName, at: time)
            return withdrawn
        }
    }

    /// Records a withdrawal for each of `purposes` the customer has granted now; returns those withdrawn.
    static func withdraw(_ db: Database, customerId: Int64, purposes: [ConsentPurpose], source: String, at time: Date) throws -> [ConsentPurpose] {
        let version = try currentPolicyVersion(db, at: time)
        var withdrawn: [ConsentPurpose] = []
        for purpose in purposes {
            let granted = try Bool.fetchOne(db, sql: """
                SELECT granted FROM consentEvent WHERE customerId = ? AND purpose = ? ORDER BY occurredAt DESC, id DESC LIMIT 1
                """, arguments: [customerId, purpose.rawValue]) ?? false
            guard granted else { continue }
            try ConsentEventRecord(customerId: customerId, purpose: purpose.rawValue, granted: false, occurredAt: time,
                                   source: source, policyVersion: version).insert(db)
            withdrawn.append(purpose)
        }
        // Analytics cookies switched off: their device events go at once (policy section 6).
        _ = try deleteAnalyticsEvents(db, customerId: customerId, purposes: purposes)
        return withdrawn
    }

    /// Records that a customer is under 16: who and why, withdraws all marketing consent at once, and opens an
    /// urgent erasure request (due in three days), with a guardian as requester when one is named.
    @discardableResult
    public func flagMinor(customerPublicId: String, reason: String, guardianName: String?, guardianEmail: String? = nil,
                          actor: StaffMember, at time: Date) throws -> RequestDetail {
        let reason = try TextRules.validated(reason, field: "reason")
        let guardian = try guardianName.map { try TextRules.validated($0, field: "guardian's name") }
        let guardianEmail = try guardianEmail.map(NewRequest.validatedEmail)
        return try write { db in
            try Self.authorize(db, actor, .flagMinor)
            guard let customer = try Row.fetchOne(db, sql: "SELECT id, isMinor, erasedAt, email FROM customer WHERE publicId = ?",
                                                  arguments: [customerPublicId])
            else { throw LoupeError(.notFound, "No customer \(customerPublicId).") }
            guard customer["erasedAt"] == nil as Date? else {
                throw LoupeError(.notAllowed, "\(customerPublicId) was already erased.")
            }
            let customerId: Int64 = customer["id"]
            if customer["isMinor"] == true {
                let open = try String.fetchOne(db, sql: """
                    SELECT publicId FROM privacyRequest WHERE customerId = ? AND kind = ? AND \(Self.openStatusSQL)
                    ORDER BY id LIMIT 1
                    """, arguments: [customerId, RequestKind.erasure.rawValue])
                throw LoupeError(.conflict, "\(customerPublicId) is already flagged as under 16" + (open.map {
                    "; its erasure is \($0). Work that request (loupe requests show \($0))." } ?? ", and was handled already."))
            }
            try db.execute(sql: """
                UPDATE customer SET isMinor = 1, minorFlaggedBy = ?, minorFlaggedAt = ?, minorReason = ? WHERE id = ?
                """, arguments: [actor.userName, time, reason, customerId])
            let withdrawn = try Self.withdraw(db, customerId: customerId, purposes: ConsentPurpose.marketing,
                                              source: "minor flagged by \(actor.userName)", at: time)
            try AuditLog.append(db, at: time, actor: actor.userName, event: .minorFlagged, target: customerPublicId,
                                details: ["withdrawn": withdrawn.map(\.rawValue).joined(separator: ",")])
            let policy = try Self.deadlinePolicy(db)
            let (sequence, publicId) = try Self.nextRequestId(db, at: time, policy: policy)
            try PrivacyRequestRecord(
                id: sequence, publicId: publicId, kind: RequestKind.erasure.rawValue,
                status: RequestStatus.received.rawValue, channel: RequestChannel.staff.rawValue, customerId: customerId,
                requesterKind: guardian == nil && guardianEmail == nil ? "subject" : "guardian", requesterName: guardian,
                requesterEmail: guardianEmail, receivedAt: time, dueAt: policy.dueDate(receivedAt: time, aboutMinor: true),
                priority: RequestPriority.urgent.rawValue
            ).insert(db)
            try AuditLog.append(db, at: time, actor: actor.userName, event: .requestReceived, target: publicId,
                                details: ["kind": "erasure", "channel": "staff", "because": "customer.flag-minor"])
            return try Self.fetchDetail(db, publicId: publicId)
        }
    }
}
