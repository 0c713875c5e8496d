import Foundation
import GRDB
import LoupeDomain

/// A new row of `privacyRequest`, as intake writes it. Later changes go through `Columns` assignments, checked
/// against the row's `version` (see `AppDatabase.apply`).
struct PrivacyRequestRecord: RowInsertable {
    static let databaseTableName = "privacyRequest"

    /// The columns the use cases write.
    enum Columns {
        static let id = Column("id")
        static let publicId = Column("publicId")
        static let status = Column("status")
        static let assignee = Column("assignee")
        static let version = Column("version")
        static let verificationMethod = Column("verificationMethod")
        static let verifiedBy = Column("verifiedBy")
        static let verifiedAt = Column("verifiedAt")
        static let verificationNote = Column("verificationNote")
        static let extendedUntil = Column("extendedUntil")
        static let extensionReason = Column("extensionReason")
        static let extensionNoticeAt = Column("extensionNoticeAt")
        static let proposedBy = Column("proposedBy")
        static let outcome = Column("outcome")
        static let outcomeReason = Column("outcomeReason")
        static let closedAt = Column("closedAt")
    }

    var id: Int64
    var publicId: String
    var kind: String
    var status: String
    var channel: String
    var externalReference: String? = nil
    var customerId: Int64? = nil
    var subjectEmail: String? = nil
    var subjectPhone: String? = nil
    var subjectName: String? = nil
    var requesterKind: String
    var requesterName: String? = nil
    var requesterEmail: String? = nil
    var receivedAt: Date
    var dueAt: Date
    var priority: String
    var duplicateOf: Int64? = nil
    var payload: String? = nil
    var intakeDigest: String? = nil

    /// The row, dates as GRDB stores them (`StorageTimestamp`; GRDB's `Encodable` path and its date formatter
    /// were a tenth of an intake).
    var row: KeyValuePairs<String, (any DatabaseValueConvertible)?> {
        [
            "id": id, "publicId": publicId, "kind": kind, "status": status, "channel": channel,
            "externalReference": externalReference, "customerId": customerId, "subjectEmail": subjectEmail,
            "subjectPhone": subjectPhone, "subjectName": subjectName, "requesterKind": requesterKind,
            "requesterName": requesterName, "requesterEmail": requesterEmail,
            "receivedAt": StorageTimestamp.text(receivedAt), "dueAt": StorageTimestamp.text(dueAt),
            "priority": priority, "duplicateOf": duplicateOf, "payload": payload, "intakeDigest": intakeDigest,
        ]
    }

    /// Counts a change made to the request by id (a note, a task, a rectification) so open screens and
    /// concurrent writers see it as changed.
    static func touch(_ db: Database, id: Int64) throws {
        try filter(Columns.id == id).updateAll(db, Columns.version += 1)
    }

    /// As `touch(_:id:)`, by public id.
    static func touch(_ db: Database, publicId: String) throws {
        try filter(Columns.publicId == publicId).updateAll(db, Columns.version += 1)
    }
}
