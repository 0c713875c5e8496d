import Foundation
import GRDB
import Logging
import LoupeDomain

extension AppDatabase {
    /// Applies one lifecycle command (claim, verify, start, approve, ...) to a request in one transaction: re-reads
    /// the request and the actor, refuses a stale `expectedVersion` ("changed by NAME at TIME"), asks
    /// `RequestRules`, writes the change with `version + 1`, and appends the audit entry. Returns the request as
    /// it now is.
    @discardableResult
    public func perform(
        _ command: RequestCommand, on publicId: String, expectedVersion: Int? = nil, actor: StaffMember, at time: Date
    ) throws -> RequestDetail {
        // Verified by email code is the code's word, never an agent's: only a matching code records it.
        if case .verify(.emailCode, _) = command {
            throw LoupeError(.notAllowed, "An email code verifies only when the code comes back: send one (requests verify \(publicId) --method email-code), then confirm it (--code NNNNNN).")
        }
        // An approval erases someone in this transaction; what lies outside it (their files, the search index's
        // old segments, the WAL) is queued in it, and each front door calls `finishErasures()` after the commit.
        // Every open finishes what a crash left.
        let detail = try write { db in
            try Self.currentMember(db, actor)
            return try performInTransaction(
                db, command, on: publicId, expectedVersion: expectedVersion, actorName: actor.userName, at: time)
        }
        logger.info("request action committed", metadata: [
            "action": .string(command.auditAction), "request": .string(publicId),
            "status": .string(detail.summary.status.rawValue), "version": .stringConvertible(detail.summary.version),
        ])
        return detail
    }

    /// Claims the most urgent unassigned open request (urgent first, then by due date) in one transaction, so
    /// two agents never get the same one. `.notFound` when nothing is waiting.
    @discardableResult
    public func claimNext(actor: StaffMember, at time: Date) throws -> RequestDetail {
        let detail = try write { db in
            try Self.authorize(db, actor, .claimRequest)
            let open = Self.openStatusSQL(column: "r.status")
            let next = try String.fetchOne(db, sql: """
                SELECT r.publicId FROM privacyRequest r INDEXED BY privacyRequest_openQueue
                WHERE \(open) AND r.assignee IS NULL ORDER BY r.queueRank, r.effectiveDueAt, r.id LIMIT 1
                """)
            guard let publicId = next else {
                throw LoupeError(.notFound, "No unassigned open request is waiting.")
            }
            return try performInTransaction(db, .claim, on: publicId, expectedVersion: nil, actorName: actor.userName, at: time)
        }
        logger.info("request action committed", metadata: [
            "action": "request.claim-next", "request": .string(detail.summary.publicId),
            "version": .stringConvertible(detail.summary.version),
        ])
        return detail
    }

    func performInTransaction(
        _ db: Database, _ command: RequestCommand, on publicId: String, expectedVersion: Int?, actorName: String,
        at time: Date, gate: (useCase: UseCase, facts: AccessFacts)? = nil
    ) throws -> RequestDetail {
        guard let actor = try Self.fetchStaff(db, userName: actorName) else {
            throw LoupeError(.notAllowed, "'\(actorName)' is not Loupe staff. An admin can add them: loupe staff add \(actorName) --role agent")
        }
        let current = try Self.fetchDetail(db, publicId: publicId).summary
        if let expectedVersion, expectedVersion != current.version {
            let last = try AuditEntry.fetchOne(
                db, sql: "SELECT * FROM auditEntry WHERE target = ? ORDER BY sequence DESC LIMIT 1", arguments: [publicId])
            let policy = try Self.deadlinePolicy(db)
            let who = last.map { "\($0.actor) at \(policy.minuteString($0.occurredAt))" } ?? "someone"
            throw LoupeError(.conflict, "\(publicId) was changed by \(who) since you read it; reload it and try again.")
        }
        if case .reassign(let target) = command {
            guard let member = try Self.fetchStaff(db, userName: target), member.isActive else {
                throw LoupeError(.invalidInput, "'\(target)' is not active staff: pick someone from `loupe staff list`.")
            }
        }
        let change = try RequestRules.decide(
            command, on: current.facts, by: actor, now: time, policy: Self.deadlinePolicy(db), as: gate)
        var details = change.auditDetails
        if command == .proposeErasure {
            // The preview must be possible: a matched customer, not yet erased.
            _ = try ErasurePlan.make(for: Self.inventory(db, customerId: Self.erasureSubject(db, publicId: publicId)),
                                     invoiceDays: Self.invoiceRetentionDays(db), policy: Self.deadlinePolicy(db))
        }
        // An erasure removes the address its report goes to: capture it first.
        let recipient = command == .approve ? try Self.messageRecipient(db, requestId: current.id) : nil
        try Self.apply(change, db, to: current, actor: actor.userName, at: time)
        try Self.queueStatusCallbacks(db, requestId: current.id, from: current.status, to: change.status, at: time)
        if command == .approve {
            // Approval executes the erasure, in this same transaction: all of it or nothing.
            let customerId = try Self.erasureSubject(db, publicId: publicId)
            details.merge(try executeErasure(db, requestId: current.id, customerId: customerId, actor: actor.userName, at: time)) { $1 }
        }
        details["version"] = String(current.version + 1)
        if change.status != current.status { details["status"] = change.status.rawValue }
        try AuditLog.append(db, at: time, actor: actor.userName, event: .request(command.kind), target: publicId,
                            details: details)
        if let event = MessageEvent.after(command, kind: current.kind, from: current.status, to: change.status,
                                          isIdentityVerified: current.isIdentityVerified || change.verification != nil,
                                          holdsData: current.holdsData) {
            try queueMessage(db, event, requestId: current.id, recipient: recipient, actor: actor.userName, at: time)
        }
        try Self.withdrawStaleMessages(db, requestId: current.id, actor: actor.userName, at: time)
        return try Self.fetchDetail(db, publicId: publicId)
    }

    private static func apply(_ change: RequestChange, _ db: Database, to request: RequestSummary, actor: String, at time: Date) throws {
        typealias Columns = PrivacyRequestRecord.Columns
        var assignments = [
            Columns.status.set(to: change.status.rawValue), Columns.assignee.set(to: change.assignee),
            Columns.version += 1,
        ]
        // Acting on the request answers the reply that waited.
        if change.assignee != nil && change.assignee == actor { assignments.append(Column("replyWaiting").set(to: false)) }
        if let verification = change.verification {
            assignments += [
                Columns.verificationMethod.set(to: verification.method.rawValue), Columns.verifiedBy.set(to: actor),
                Columns.verifiedAt.set(to: time), Columns.verificationNote.set(to: verification.note),
            ]
        }
        if let extension_ = change.extension_ {
            assignments += [
                Columns.extendedUntil.set(to: extension_.until), Columns.extensionReason.set(to: extension_.reason),
                Columns.extensionNoticeAt.set(to: extension_.noticeAt),
            ]
        }
        if let proposedBy = change.proposedBy { assignments.append(Columns.proposedBy.set(to: proposedBy)) }
        if let outcome = change.outcome {
            assignments += [
                Columns.outcome.set(to: outcome.status.rawValue), Columns.outcomeReason.set(to: outcome.reason),
                Columns.closedAt.set(to: time),
            ]
        }
        // The version check makes a change someone else made first a conflict, never an overwrite.
        let changed = try PrivacyRequestRecord
            .filter(Columns.id == request.id && Columns.version == request.version)
            .updateAll(db, assignments)
        guard changed == 1 else {
            throw LoupeError(.conflict, "\(request.publicId) changed while it was being written; reload it and try again.")
        }
        if let note = change.note {
            try RequestNoteRecord(requestId: request.id, author: actor, text: note, createdAt: time).insert(db)
        }
    }

    static func fetchStaff(_ db: Database, userName: String) throws -> StaffMember? {
        try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE userName = ?", arguments: [userName]).map { row in
            StaffMember(userName: row["userName"], displayName: row["displayName"], role: try decode(row["role"]),
                        isActive: row["isActive"])
        }
    }
}
