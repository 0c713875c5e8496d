import Foundation
import GRDB
import LoupeDomain

/// A new row of `outboxMessage` (recipient sealed by the vault), and the columns later changes write.
struct OutboxMessageRecord: RowInsertable {
    static let databaseTableName = "outboxMessage"

    /// The columns the use cases write.
    enum Columns {
        static let id = Column("id")
        static let subject = Column("subject")
        static let body = Column("body")
        static let editedBy = Column("editedBy")
        static let editedAt = Column("editedAt")
    }

    var id: Int64?
    var requestId: Int64?
    /// The customer a notice goes to (a notice has no request).
    var customerId: Int64?
    var event: String
    var toName: String?
    var toAddress: String?
    var subject: String
    var body: String
    var messageId: String
    var createdAt: Date
    var inReplyTo: String?
    var referencesHeader: String?

    /// The row, dates as GRDB stores them (`StorageTimestamp`), as `PrivacyRequestRecord` writes it.
    var row: KeyValuePairs<String, (any DatabaseValueConvertible)?> {
        [
            "id": id, "requestId": requestId, "customerId": customerId, "event": event, "toName": toName,
            "toAddress": toAddress, "subject": subject, "body": body, "messageId": messageId,
            "createdAt": StorageTimestamp.text(createdAt), "inReplyTo": inReplyTo,
            "referencesHeader": referencesHeader,
        ]
    }
}
