import Foundation
import GRDB

/// A row of `policyVersion`: a published privacy policy version and the day it takes effect.
struct PolicyVersionRecord: Encodable, PersistableRecord {
    static let databaseTableName = "policyVersion"

    var version: String
    var effectiveAt: Date
    var summary: String
    var publishedAt: Date
}
