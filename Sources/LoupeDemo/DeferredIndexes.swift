import LoupeStore
import GRDB

/// The secondary indexes and the search trigger of the tables a bulk load fills, dropped before the load and
/// built again after it, in the same transaction: SQLite builds an index from sorted rows many times faster
/// than it grows one by a random insert per row, and rebuilds the search index in one pass.
struct DeferredIndexes {
    /// The `CREATE` statements, exactly as the migrations wrote them.
    private let definitions: [String]
    /// Whether the customer search trigger was dropped (so the search index must be rebuilt).
    private let searchTriggerDropped: Bool

    /// Drops the indexes on `tables` (those a migration created by name; constraint indexes stay) and, when
    /// `customer` is among them, the trigger that feeds the search index.
    static func drop(_ db: Database, on tables: [String], keeping kept: Set<String> = []) throws -> DeferredIndexes {
        let placeholders = tables.map { _ in "?" }.joined(separator: ", ")
        let rows = try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master
            WHERE tbl_name IN (\(placeholders)) AND sql IS NOT NULL
              AND (type = 'index' OR (type = 'trigger' AND name = 'customer_searchInsert'))
            ORDER BY rowid
            """, arguments: StatementArguments(tables)).filter { !kept.contains($0["name"]) }
        for row in rows {
            let type: String = row["type"]
            let name: String = row["name"]
            try db.execute(sql: "DROP \(type == "index" ? "INDEX" : "TRIGGER") \(name.quotedDatabaseIdentifier)")
        }
        return DeferredIndexes(definitions: rows.map { $0["sql"] },
                               searchTriggerDropped: rows.contains { $0["type"] == "trigger" })
    }

    /// Creates every dropped index and trigger again, and rebuilds the search index if its trigger was dropped.
    /// `progress` receives the fraction done after each step.
    func rebuild(_ db: Database, progress: (Double) -> Void = { _ in }) throws {
        let steps = Double(definitions.count + 1)
        for (index, definition) in definitions.enumerated() {
            try db.execute(sql: definition)
            progress(Double(index + 1) / steps)
        }
        if searchTriggerDropped {
            try db.execute(sql: "INSERT INTO customerSearch(customerSearch) VALUES ('rebuild')")
        }
        progress(1)
    }
}
