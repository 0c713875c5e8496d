import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// Reads one request with its subject and its audit timeline, by public id (`PR-2026-000123`).
    public func requestDetail(publicId: String, actor: StaffMember) throws -> RequestDetail {
        try requestDetail(publicId: publicId, reader: actor)
    }

    /// `requestDetail` without the gate: for the store's own use and its tests.
    func requestDetail(publicId: String) throws -> RequestDetail {
        try requestDetail(publicId: publicId, reader: nil)
    }

    func requestDetail(publicId: String, reader: StaffMember?) throws -> RequestDetail {
        try read { db in
            // One staff read for both: the gate, then whether its messages' bodies are the reader's to see
            // (`outbox show`'s rule; every staff member reads the request itself).
            let member = try reader.map { try Self.authorize(db, $0, .readRequests) }
            var detail = try Self.fetchDetail(db, publicId: publicId)
            if let member,
               (try? AccessGate.require(member, .readMessageBody, AccessFacts(holder: detail.summary.assignee))) == nil {
                detail.withholdMessageBodies()
            }
            return detail
        }
    }

    /// The request, read inside an open transaction; `.notFound` when there is none.
    static func fetchDetail(_ db: Database, publicId: String) throws -> RequestDetail {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT \(detailColumns) FROM privacyRequest r LEFT JOIN customer c ON c.id = r.customerId
                LEFT JOIN privacyRequest d ON d.id = r.duplicateOf
                WHERE r.publicId = ?
                """),
            arguments: [publicId])
        else {
            throw LoupeError(.notFound, "No request \(publicId). List requests with `loupe requests list`.")
        }
        let timeline = try AuditEntry.fetchAll(db.cachedStatement(sql: "SELECT * FROM auditEntry WHERE target = ? ORDER BY sequence"), arguments: [publicId])
        let customerId = try Int64.fetchOne(db.cachedStatement(sql: "SELECT customerId FROM privacyRequest WHERE publicId = ?"), arguments: [publicId])
        let consents = try customerId.map { try consentHistory(db, customerId: $0) } ?? []
        var detail = RequestDetail(
            summary: try summary(from: row), channel: try decode(row["channel"]),
            externalReference: row["externalReference"], customerPublicId: row["customerPublicId"],
            subjectName: row["subjectName"], subjectPhone: row["subjectPhone"], subjectIsMinor: row["subjectIsMinor"],
            requester: try decode(row["requesterKind"]), requesterName: row["requesterName"],
            extendedUntil: row["extendedUntil"], extensionReason: row["extensionReason"],
            verificationMethod: row["verificationMethod"], verifiedBy: row["verifiedBy"], verifiedAt: row["verifiedAt"],
            outcomeReason: row["outcomeReason"], duplicateOf: row["duplicateOf"], version: row["version"],
            timeline: timeline)
        detail.consentHistory = consents
        detail.language = Language(rawValue: row["language"] ?? "")
        detail.retained = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT category, reference, ground, retainUntil FROM retainedItem WHERE requestId = ? ORDER BY retainUntil, id
            """), arguments: [detail.summary.id]).map {
            RetainedItem(category: $0[0], reference: $0[1], ground: $0[2], until: $0[3])
        }
        detail.tasks = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT t.*, r.publicId FROM processorTask t JOIN privacyRequest r ON r.id = t.requestId WHERE t.requestId = ? ORDER BY t.id
            """), arguments: [detail.summary.id]).map(task(from:))
        detail.exports = try String.fetchAll(db.cachedStatement(sql: "SELECT folder FROM requestExport WHERE requestId = ? ORDER BY id"),
                                             arguments: [detail.summary.id])
        // The recipient stays sealed here: the request screen shows what was said and when, not to whom.
        detail.messages = try fetchMessages(db, "WHERE m.requestId = ? ORDER BY m.id", [detail.summary.id], vault: nil)
        detail.notes = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, author, createdAt, text, internalReason FROM requestNote WHERE requestId = ?
            ORDER BY createdAt DESC, id DESC
            """), arguments: [detail.summary.id]).map {
            RequestNote(id: $0[0], author: $0[1], at: $0[2], text: $0[3], internalReason: $0[4])
        }
        detail.inbound = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, receivedAt, filedAs, subject, body, fromSubject, attachments FROM inboundMail
            WHERE requestId = ? ORDER BY receivedAt DESC, id DESC LIMIT 50
            """), arguments: [detail.summary.id]).map { row in
            let attachments = (try? JSONDecoder().decode([InboundMail.Attachment].self, from: Data((row[6] as String).utf8))) ?? []
            let note = InboundMail(key: "", messageId: nil, answers: [], fromAddress: nil, fromName: nil, subject: "", body: "",
                                   bodyWasCut: false, cardNumbersRemoved: 0, attachments: attachments, nature: .message,
                                   bouncedMessageId: nil).attachmentsNote
            return InboundNote(id: row[0], at: row[1], filedAs: row[2], subject: row[3], body: row[4], fromSubject: row[5],
                               attachments: note)
        }
        return detail
    }

    private static let detailColumns = summaryColumns + """
        , r.channel, r.externalReference, c.publicId AS customerPublicId,
        COALESCE(c.fullName, r.subjectName) AS subjectName, COALESCE(c.phone, r.subjectPhone) AS subjectPhone,
        COALESCE(c.isMinor, 0) AS subjectIsMinor, r.requesterKind, r.requesterName,
        r.extensionReason, r.verificationMethod, r.verifiedBy, r.verifiedAt, r.outcomeReason,
        d.publicId AS duplicateOf, r.language
        """
}
