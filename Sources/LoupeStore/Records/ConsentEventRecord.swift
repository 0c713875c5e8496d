import Foundation
import GRDB

/// A row of `consentEvent`: one grant or withdrawal of one purpose, with the policy version it was given under.
struct ConsentEventRecord: Encodable, PersistableRecord {
    static let databaseTableName = "consentEvent"

    var customerId: Int64
    var purpose: String
    var granted: Bool
    var occurredAt: Date
    var source: String
    var policyVersion: String?
}
