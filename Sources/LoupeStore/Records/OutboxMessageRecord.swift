import Foundation
import GRDB

/// A new row of `outboxMessage` (recipient sealed by the vault), and the columns later changes write.
struct OutboxMessageRecord: Encodable, MutablePersistableRecord {
    static let databaseTableName = "outboxMessage"

    /// The columns the use cases write.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let subject = Column(CodingKeys.subject)
        static let body = Column(CodingKeys.body)
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

    /// Keeps the row id SQLite gave the new row.
    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
