import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// Keeps note `id` out of the subject's access export (an admin's decision, with the reason recorded and
    /// audited). The note stays on the request for staff. Refused for anyone but an admin, for a note already
    /// internal, and without a reason.
    public func markNoteInternal(id: Int64, reason: String, actor: StaffMember, at time: Date) throws -> RequestNote {
        let reason = try TextRules.validated(reason, field: "reason")
        return try write { db in
            try Self.authorize(db, actor, .markNoteInternal)
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT n.internalReason, r.publicId FROM requestNote n JOIN privacyRequest r ON r.id = n.requestId
                        WHERE n.id = ?
                        """, arguments: [id])
            else {
                throw LoupeError(
                    .notFound, "No note \(id): `loupe requests show ID` lists a request's notes with their numbers.")
            }
            guard (row[0] as String?) == nil else {
                throw LoupeError(.conflict, "Note \(id) is already internal.")
            }
            try db.execute(
                sql: "UPDATE requestNote SET internalReason = ?, internalBy = ?, internalAt = ? WHERE id = ?",
                arguments: [reason, actor.userName, time, id])
            let publicId: String = row[1]
            try PrivacyRequestRecord.touch(db, publicId: publicId)
            // The reason is the admin's words about a decision, kept with the note; the audit names the note only.
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .noteMarkedInternal, target: publicId,
                details: ["note": String(id)])
            return try Self.fetchDetail(db, publicId: publicId).notes.first { $0.id == id }!
        }
    }
}
