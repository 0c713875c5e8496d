import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// Notice tasks: the open ones of every request (oldest first), or all of one request.
    public func processorTasks(requestPublicId: String? = nil, actor: StaffMember) throws -> [ProcessorTask] {
        try processorTasks(requestPublicId: requestPublicId, reader: actor)
    }

    /// `processorTasks` without the gate: for the store's own use and its tests.
    func processorTasks(requestPublicId: String? = nil) throws -> [ProcessorTask] {
        try processorTasks(requestPublicId: requestPublicId, reader: nil)
    }

    func processorTasks(requestPublicId: String? = nil, reader: StaffMember?) throws -> [ProcessorTask] {
        try read(as: reader, .readRequests) { db in
            let filter = requestPublicId == nil ? "t.status = 'open'" : "r.publicId = ?"
            return try Row.fetchAll(db, sql: """
                SELECT t.*, r.publicId FROM processorTask t JOIN privacyRequest r ON r.id = t.requestId
                WHERE \(filter) ORDER BY t.id
                """, arguments: StatementArguments(requestPublicId.map { [$0] } ?? [])).map(Self.task(from:))
        }
    }

    /// Records that the recipient confirmed (`reason` nil) or that telling them is impossible (with a reason).
    /// One transaction, audited on the request.
    @discardableResult
    public func closeTask(id: Int64, impossibleBecause reason: String?, actor: StaffMember, at time: Date) throws -> ProcessorTask {
        let reason = try reason.map { try TextRules.validated($0, field: "reason it is impossible") }
        return try write { db in try Self.closeTask(db, id: id, reason: reason, actor: actor, at: time) }
    }

    /// Records that the recipient of every open notice of request `publicId` confirmed: one transaction, each
    /// notice audited on its own. Refused when none is open.
    @discardableResult
    public func confirmOpenTasks(publicId: String, actor: StaffMember, at time: Date) throws -> [ProcessorTask] {
        try write { db in
            let ids = try Int64.fetchAll(db, sql: """
                SELECT t.id FROM processorTask t JOIN privacyRequest r ON r.id = t.requestId
                WHERE r.publicId = ? AND t.status = 'open' ORDER BY t.id
                """, arguments: [publicId])
            guard !ids.isEmpty else { throw LoupeError(.notAllowed, "\(publicId) has no open notice to a recipient.") }
            return try ids.map { try Self.closeTask(db, id: $0, reason: nil, actor: actor, at: time) }
        }
    }

    /// Closes one notice inside the caller's transaction, after the domain's rule for who may.
    private static func closeTask(_ db: Database, id: Int64, reason: String?, actor: StaffMember, at time: Date) throws -> ProcessorTask {
        let member = try Self.currentMember(db, actor)
        guard let row = try Row.fetchOne(db, sql: """
            SELECT t.*, r.publicId, r.assignee FROM processorTask t JOIN privacyRequest r ON r.id = t.requestId WHERE t.id = ?
            """, arguments: [id])
        else { throw LoupeError(.notFound, "No notice task \(id); see `loupe tasks list`.") }
        let task = try Self.task(from: row)
        guard task.status == .open else {
            throw LoupeError(.notAllowed, "Task \(id) is already \(task.status.rawValue).")
        }
        // The domain's rule for closing a notice: the request's holder (agents), a supervisor or an admin.
        let facts = try Self.fetchDetail(db, publicId: task.requestPublicId).summary.facts
        try RequestRules.check(.closeTask, on: facts, by: member, now: time, policy: Self.deadlinePolicy(db))
        let status: ProcessorTask.Status = reason == nil ? .confirmed : .impossible
        typealias Columns = ProcessorTaskRecord.Columns
        try ProcessorTaskRecord.filter(Columns.id == id).updateAll(db, [
            Columns.status.set(to: status.rawValue), Columns.confirmedAt.set(to: time),
            Columns.closedReason.set(to: reason), Columns.closedBy.set(to: actor.userName),
        ])
        try PrivacyRequestRecord.touch(db, publicId: task.requestPublicId)
        try AuditLog.append(db, at: time, actor: actor.userName, event: .taskClosed(status),
                            target: task.requestPublicId, details: ["task": String(id), "recipient": task.recipient])
        return try Self.task(from: Row.fetchOne(db, sql: """
            SELECT t.*, r.publicId FROM processorTask t JOIN privacyRequest r ON r.id = t.requestId WHERE t.id = ?
            """, arguments: [id])!)
    }

    static func task(from row: Row) throws -> ProcessorTask {
        ProcessorTask(id: row["id"], requestPublicId: row["publicId"], recipient: row["recipient"],
                      recipientKind: row["recipientKind"], status: try decode(row["status"]), createdAt: row["createdAt"],
                      closedAt: row["confirmedAt"], closedReason: row["closedReason"])
    }
}
