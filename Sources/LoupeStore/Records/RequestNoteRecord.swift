import Foundation
import GRDB

/// A row of `requestNote`: what an agent wrote about a request, by whom and when.
struct RequestNoteRecord: Encodable, PersistableRecord {
    static let databaseTableName = "requestNote"

    var requestId: Int64
    var author: String
    var text: String
    var createdAt: Date
}
