import Foundation
import GRDB
import LoupeDomain

/// A new row of `outboxMessage` (recipient sealed by the vault), and the columns later changes write.
struct OutboxMessageRecord: MutablePersistableRecord {
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

    /// Writes the row by hand, dates as GRDB stores them (`StorageTimestamp`), as `PrivacyRequestRecord` does.
    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["requestId"] = requestId
        container["customerId"] = customerId
        container["event"] = event
        container["toName"] = toName
        container["toAddress"] = toAddress
        container["subject"] = subject
        container["body"] = body
        container["messageId"] = messageId
        container["createdAt"] = StorageTimestamp.text(createdAt)
        container["inReplyTo"] = inReplyTo
        container["referencesHeader"] = referencesHeader
    }

    /// Keeps the row id SQLite gave the new row.
    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
