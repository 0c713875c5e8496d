import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// Reads one request with its subject and its audit timeline, by public id (`PR-2026-000123`).
    public func requestDetail(publicId: String) throws -> RequestDetail {
        try read { db in
            guard let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT \(Self.detailColumns) FROM privacyRequest r LEFT JOIN customer c ON c.id = r.customerId
                    WHERE r.publicId = ?
                    """,
                arguments: [publicId])
            else {
                throw LoupeError(.notFound, "No request \(publicId). List requests with `loupe requests list`.")
            }
            let timeline = try AuditEntry.fetchAll(
                db, sql: "SELECT * FROM auditEntry WHERE target = ? ORDER BY sequence", arguments: [publicId])
            return try Self.detail(from: row, timeline: timeline)
        }
    }

    private static let detailColumns = """
        r.id, r.publicId, r.kind, r.status, r.priority, COALESCE(c.email, r.subjectEmail) AS subjectEmail,
        r.assignee, r.receivedAt, r.effectiveDueAt, r.channel, r.externalReference, c.publicId AS customerPublicId,
        COALESCE(c.fullName, r.subjectName) AS subjectName, COALESCE(c.phone, r.subjectPhone) AS subjectPhone,
        COALESCE(c.isMinor, 0) AS subjectIsMinor, r.requesterKind, r.requesterName, r.extendedUntil,
        r.extensionReason, r.verificationMethod, r.verifiedBy, r.verifiedAt, r.outcomeReason, r.version
        """

    private static func detail(from row: Row, timeline: [AuditEntry]) throws -> RequestDetail {
        RequestDetail(
            summary: try summary(from: row), channel: try decode(row["channel"]),
            externalReference: row["externalReference"], customerPublicId: row["customerPublicId"],
            subjectName: row["subjectName"], subjectPhone: row["subjectPhone"], subjectIsMinor: row["subjectIsMinor"],
            requester: try decode(row["requesterKind"]), requesterName: row["requesterName"],
            extendedUntil: row["extendedUntil"], extensionReason: row["extensionReason"],
            verificationMethod: row["verificationMethod"], verifiedBy: row["verifiedBy"], verifiedAt: row["verifiedAt"],
            outcomeReason: row["outcomeReason"], version: row["version"], timeline: timeline)
    }
}
