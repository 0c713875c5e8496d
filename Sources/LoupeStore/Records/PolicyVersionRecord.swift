import Foundation
import GRDB

/// A new row of `policyVersion`.
struct PolicyVersionRecord: Encodable, PersistableRecord {
    static let databaseTableName = "policyVersion"

    var version: String
    var effectiveAt: Date
    var summary: String
    var publishedAt: Date
    var fullText: String?
    var changesPurposes: Bool
}
