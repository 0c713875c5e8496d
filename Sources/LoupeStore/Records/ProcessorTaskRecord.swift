import Foundation
import GRDB

/// A new row of `processorTask` (a notice to a courier or processor), and the columns closing it writes.
struct ProcessorTaskRecord: Encodable, PersistableRecord {
    static let databaseTableName = "processorTask"

    /// The columns closing a task writes.
    enum Columns {
        static let id = Column("id")
        static let status = Column(CodingKeys.status)
        static let confirmedAt = Column("confirmedAt")
        static let closedReason = Column("closedReason")
        static let closedBy = Column("closedBy")
    }

    var requestId: Int64
    var recipient: String
    var recipientKind: String
    var status: String
    var createdAt: Date
}
