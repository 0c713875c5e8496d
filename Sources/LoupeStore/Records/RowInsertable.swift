import GRDB

/// A record that writes its new rows itself: its columns and values listed once (`row`), inserted with a cached
/// `INSERT` statement. GRDB's record path rebuilds a persistence container and its statement for each row (a
/// fifth of a webhook's write); the intake's hot rows skip it. `encode(to:)` uses the same list, so GRDB's own
/// record methods write the same row.
protocol RowInsertable: PersistableRecord {
    /// The row's columns and values.
    var row: KeyValuePairs<String, (any DatabaseValueConvertible)?> { get }
}

extension RowInsertable {
    /// Writes the row with a cached statement; returns its row id.
    @discardableResult
    func insertRow(_ db: Database) throws -> Int64 {
        let row = row
        var sql = "INSERT INTO \(Self.databaseTableName) ("
        sql += row.map(\.key).joined(separator: ", ")
        sql += ") VALUES (" + Array(repeating: "?", count: row.count).joined(separator: ", ") + ")"
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(row.map(\.value)))
        return db.lastInsertedRowID
    }

    /// GRDB's record methods write the same columns.
    func encode(to container: inout PersistenceContainer) {
        for (column, value) in row { container[column] = value }
    }
}
