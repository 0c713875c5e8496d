import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// Records a new request in one transaction: matches the subject to a customer by email, sets the deadline
    /// (three days and urgent for a minor), marks it a duplicate of an open request of the same kind about the
    /// same subject, and audits its arrival.
    @discardableResult
    public func createRequest(_ draft: NewRequest, actor: StaffMember, at time: Date) throws -> RequestDetail {
        let request = try draft.validated()
        return try write { db in
            try Self.authorize(db, actor, .createRequest)
            if let reference = request.externalReference,
               let existing = try String.fetchOne(db.cachedStatement(sql: "SELECT publicId FROM privacyRequest WHERE channel = ? AND externalReference = ?"),
                   arguments: [request.channel.rawValue, reference]) {
                throw LoupeError(.conflict,
                    "\(request.channel.rawValue) reference '\(TextRules.printable(reference))' is already \(existing); it was not recorded twice.")
            }
            return try insertRequest(db, request, actor: actor, at: time)
        }
    }

    /// Inserts a validated request, queues its acknowledgement and audits its arrival (with `details` added),
    /// inside the caller's transaction.
    func insertRequest(_ db: Database, _ request: NewRequest, actor: StaffMember, at time: Date,
                       details extra: [String: String] = [:], intakeDigest: String? = nil) throws -> RequestDetail {
        let inserted = try insertNewRequest(db, request, actor: actor, at: time, details: extra,
                                            intakeDigest: intakeDigest)
        return try Self.fetchDetail(db, publicId: inserted.publicId)
    }

    /// `insertRequest` without reading the whole request back: its row id, public id and the customer matched
    /// (the mail import and the webhooks file thousands and need no more).
    /// `receivedAt` is when it arrived, when that was before now (mail made a request of from the tray).
    func insertNewRequest(_ db: Database, _ request: NewRequest, actor: StaffMember, at time: Date,
                          details extra: [String: String] = [:], intakeDigest: String? = nil,
                          receivedAt: Date? = nil, language: Language? = nil)
        throws -> (id: Int64, publicId: String, customerId: Int64?) {
        let arrived = receivedAt ?? time
        let match = try matchSubject(db, request, at: time)
        let customerId = match.customerId
        let isMinor = match.isMinor
        let policy = try Self.deadlinePolicy(db)
        let duplicateOf = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT id FROM privacyRequest WHERE kind = ? AND \(Self.openStatusSQL)
            AND (customerId = ? OR (customerId IS NULL AND subjectEmail = ?)) ORDER BY id LIMIT 1
            """), arguments: [request.kind.rawValue, customerId, request.email])
        let (sequence, publicId) = try Self.nextRequestId(db, at: time, policy: policy)
        let isAnonymous = customerId == nil
        try PrivacyRequestRecord(
            id: sequence, publicId: publicId, kind: request.kind.rawValue, status: RequestStatus.received.rawValue,
            channel: request.channel.rawValue, externalReference: request.externalReference, customerId: customerId,
            subjectEmail: isAnonymous ? request.email : nil, subjectPhone: isAnonymous ? request.phone : nil,
            subjectName: isAnonymous ? request.name : nil, requesterKind: request.requester.rawValue,
            requesterName: request.requesterName, requesterEmail: request.requesterEmail, receivedAt: arrived,
            dueAt: policy.dueDate(receivedAt: arrived, aboutMinor: isMinor),
            priority: (isMinor ? RequestPriority.urgent : .normal).rawValue, duplicateOf: duplicateOf,
            payload: request.corrections.isEmpty ? nil : CanonicalJSON.object(
                Dictionary(uniqueKeysWithValues: request.corrections.map { ($0.key.rawValue, $0.value) })),
            intakeDigest: intakeDigest
        ).insertRow(db)
        var details = ["kind": request.kind.rawValue, "channel": request.channel.rawValue,
                       "matched": match.how]
        // Someone erased may ask again: the request is recorded, the customer is not re-created.
        if customerId == nil, let erased = try suppression.match(db, [.email(request.email), .phone(request.phone)]) {
            details["erasedBefore"] = erased.requestPublicId
        }
        details.merge(extra) { $1 }
        if !request.corrections.isEmpty {
            details["fields"] = request.corrections.keys.map(\.rawValue).sorted().joined(separator: ",")
        }
        if let duplicateOf {
            details["duplicateOf"] = try String.fetchOne(db.cachedStatement(sql: "SELECT publicId FROM privacyRequest WHERE id = ?"),
                                                         arguments: [duplicateOf])
        }
        try AuditLog.append(db, at: time, actor: actor.userName, event: .requestReceived, target: publicId,
                            details: details)
        if let language {
            // Before the acknowledgement is written: it goes out in this language.
            try db.cachedStatement(sql: "UPDATE privacyRequest SET language = ? WHERE id = ?")
                .execute(arguments: [language.rawValue, sequence])
        }
        try queueMessage(db, .received, requestId: sequence, actor: actor.userName, at: time)
        return (sequence, publicId, customerId)
    }

    /// The row id and public id (`PR-<year>-<number>`) of the next request, inside the writing transaction.
    static func nextRequestId(_ db: Database, at time: Date, policy: DeadlinePolicy) throws -> (Int64, String) {
        let sequence = (try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(id) FROM privacyRequest")) ?? 0) + 1
        let digits = String(sequence)
        let padded = String(repeating: "0", count: max(6 - digits.count, 0)) + digits
        return (sequence, "PR-\(policy.dayString(time).prefix(4))-\(padded)")
    }

    /// Requests matching `filter`, most urgent first (by due date), at most `filter.limit`.
    public func requests(_ filter: RequestFilter, now: Date, actor: StaffMember) throws -> [RequestSummary] {
        try requests(filter, now: now, reader: actor)
    }

    /// `requests` without the gate: for the store's own use and its tests.
    func requests(_ filter: RequestFilter, now: Date) throws -> [RequestSummary] {
        try requests(filter, now: now, reader: nil)
    }

    func requests(_ filter: RequestFilter, now: Date, reader: StaffMember?) throws -> [RequestSummary] {
        try read(as: reader, .readRequests) { db in
            // Someone who is not staff holds nothing: say so, rather than answer "0 requests".
            if case .user(let name) = filter.assignee, try Self.fetchStaff(db, userName: name) == nil {
                throw LoupeError(
                    .notFound, "'\(TextRules.printable(name))' is not staff, so holds no request; see `loupe staff list`.")
            }
            var conditions: [String] = []
            var arguments: [(any DatabaseValueConvertible)?] = []
            if let status = filter.status {
                conditions.append("r.status = ?")
                arguments.append(status.rawValue)
            } else if filter.openOnly {
                conditions.append(Self.openStatusSQL(column: "r.status"))
            }
            if let kind = filter.kind {
                conditions.append("r.kind = ?")
                arguments.append(kind.rawValue)
            }
            switch filter.assignee {
            case .anyone: break
            case .nobody: conditions.append("r.assignee IS NULL")
            case .user(let name):
                conditions.append("r.assignee = ?")
                arguments.append(name)
            }
            if filter.overdueOnly {
                conditions.append("r.effectiveDueAt < ? AND " + Self.openStatusSQL(column: "r.status"))
                arguments.append(now)
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments.append(filter.limit)
            return try Self.fetchSummaries(db, """
                SELECT \(Self.summaryColumns) FROM privacyRequest r LEFT JOIN customer c ON c.id = r.customerId
                \(whereClause) ORDER BY r.effectiveDueAt, r.id LIMIT ?
                """, StatementArguments(arguments))
        }
    }
}
