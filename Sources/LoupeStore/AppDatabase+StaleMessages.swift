import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// Withdraws every queued message, of every request, whose reason has passed (`MessageEvent.staleReason`), in
    /// one transaction, each with an audit entry on its request. The sender calls it before it sends anything;
    /// lifecycle changes withdraw their own request's at once. Returns the ids withdrawn.
    @discardableResult
    public func withdrawStaleMessages(actor: StaffMember, at time: Date) throws -> [Int64] {
        try write { db in
            try Self.authorize(db, actor, .withdrawStaleMessages)
            let requests = try Int64.fetchAll(db, sql: "SELECT DISTINCT requestId FROM outboxMessage WHERE status = 'queued' AND requestId IS NOT NULL")
            return try requests.flatMap { try Self.withdrawStaleMessages(db, requestId: $0, actor: actor.userName, at: time) }
        }
    }

    /// Inside a transaction: removes the queued messages of one request whose reason has passed.
    @discardableResult
    static func withdrawStaleMessages(_ db: Database, requestId: Int64, actor: String, at time: Date) throws -> [Int64] {
        let queued = try Row.fetchAll(db, sql: """
            SELECT id, event FROM outboxMessage WHERE requestId = ? AND status = 'queued'
            """, arguments: [requestId])
        guard !queued.isEmpty,
              let publicId = try String.fetchOne(db, sql: "SELECT publicId FROM privacyRequest WHERE id = ?", arguments: [requestId])
        else { return [] }
        let facts = try fetchDetail(db, publicId: publicId).summary.facts
        var withdrawn: [Int64] = []
        for row in queued {
            guard let event = MessageEvent(rawValue: row["event"]), let reason = event.staleReason(for: facts) else { continue }
            let id: Int64 = row["id"]
            try db.execute(sql: "DELETE FROM outboxMessage WHERE id = ? AND status = 'queued'", arguments: [id])
            try AuditLog.append(db, at: time, actor: actor, event: .messageWithdrawn, target: publicId,
                                details: ["message": String(id), "event": event.rawValue, "because": reason])
            withdrawn.append(id)
        }
        return withdrawn
    }
}
