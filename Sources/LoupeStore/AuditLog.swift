import Crypto
import Foundation
import GRDB
import LoupeDomain

/// Appends to and checks the hash-linked audit chain. Called inside a use case's transaction.
package enum AuditLog {
    /// The `previousHash` of the first entry.
    package static let genesisHash = String(repeating: "0", count: 64)

    /// Appends one entry after the current last one and returns it. `details` holds ids and field names only.
    @discardableResult
    static func append(
        _ db: Database, at time: Date, actor: String, event: AuditEvent, target: String, details: [String: String] = [:]
    ) throws -> AuditEntry {
        let action = event.action
        let last = try Row.fetchOne(db.cachedStatement(sql: "SELECT sequence, hash FROM auditEntry ORDER BY sequence DESC LIMIT 1"))
        let entry = makeEntry(sequence: (last?["sequence"] ?? 0) + 1, previousHash: last?["hash"] ?? genesisHash,
                              at: time, actor: actor, action: action, target: target, details: details)
        try entry.insertRow(db)
        return entry
    }

    /// The entry that follows `previousHash`, with its hash computed.
    package static func makeEntry(
        sequence: Int64, previousHash: String, at time: Date, actor: String, action: String, target: String,
        details: [String: String]
    ) -> AuditEntry {
        // Stored dates have millisecond precision: hash what is stored.
        let occurredAt = Date(timeIntervalSince1970: (time.timeIntervalSince1970 * 1000).rounded() / 1000)
        var entry = AuditEntry(
            sequence: sequence, occurredAt: occurredAt, actor: actor, action: action, target: target,
            details: CanonicalJSON.object(details), previousHash: previousHash, hash: "")
        entry.hash = hash(of: entry)
        return entry
    }

    /// The SHA-256 (hex) of an entry's fields and its predecessor's hash.
    static func hash(of entry: AuditEntry) -> String {
        let millis = Int64((entry.occurredAt.timeIntervalSince1970 * 1000).rounded())
        let fields = [
            String(entry.sequence), String(millis), entry.actor, entry.action, entry.target, entry.details,
            entry.previousHash,
        ]
        // Length-prefix each field so no two different entries can hash the same text.
        let text = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return SHA256.hash(data: Data(text.utf8)).lowercaseHex
    }
}

extension AuditEntry: FetchableRecord {
    /// Decodes an entry from an `auditEntry` row.
    public init(row: Row) throws {
        self.init(
            sequence: row["sequence"], occurredAt: row["occurredAt"], actor: row["actor"], action: row["action"],
            target: row["target"], details: row["details"], previousHash: row["previousHash"], hash: row["hash"])
    }
}

extension AuditEntry: RowInsertable {
    /// The audit chain's table.
    public static let databaseTableName = "auditEntry"

    /// The entry's fields as its row (the column names are the field names).
    var row: KeyValuePairs<String, (any DatabaseValueConvertible)?> {
        [
            "sequence": sequence, "occurredAt": StorageTimestamp.text(occurredAt), "actor": actor,
            "action": action, "target": target, "details": details, "previousHash": previousHash, "hash": hash,
        ]
    }

    /// Writes `row` (public, as the entry is).
    public func encode(to container: inout PersistenceContainer) {
        for (column, value) in row { container[column] = value }
    }
}
