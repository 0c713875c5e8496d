import LoupeStore
import GRDB
import GRDBSQLite

/// Inserts the rows of a `RowBatch` through SQLite's C API: each value is bound in place from the batch's bytes
/// (no per-row arrays, no copies, no `DateFormatter`). Runs on the database's thread, inside its transaction.
final class RowBatchWriter {
    private let statements: [Statement]
    private let connection: OpaquePointer?

    /// Prepares one INSERT per table number (the index in `insertSQL`).
    init(_ db: Database, insertSQL: [String]) throws {
        statements = try insertSQL.map { try db.makeStatement(sql: $0) }
        connection = db.sqliteConnection
    }

    /// Inserts every row of `batch`.
    func write(_ batch: RowBatch) throws {
        try batch.bytes.withUnsafeBufferPointer { bytes in
            var offset = 0
            while offset < bytes.count {
                let statement = statements[Int(bytes[offset])]
                let handle = statement.sqliteStatement
                offset += 1
                var column: Int32 = 0
                while let tag = RowBatch.Tag(rawValue: bytes[offset]), tag != .rowEnd {
                    column += 1
                    offset += 1
                    switch tag {
                    case .null:
                        sqlite3_bind_null(handle, column)
                    case .integer:
                        let value = UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: Int64.self)
                        sqlite3_bind_int64(handle, column, Int64(littleEndian: value))
                        offset += 8
                    case .text:
                        let length = Int(UInt32(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset)
                            .loadUnaligned(as: UInt32.self)))
                        offset += 4
                        let start = UnsafeRawPointer(bytes.baseAddress! + offset).assumingMemoryBound(to: CChar.self)
                        sqlite3_bind_text(handle, column, start, Int32(length), nil)  // nil: SQLITE_STATIC
                        offset += length
                    case .rowEnd:
                        break
                    }
                }
                offset += 1
                let code = sqlite3_step(handle)
                guard code == SQLITE_DONE else {
                    let message = String(cString: sqlite3_errmsg(connection))
                    sqlite3_reset(handle)
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
                }
                sqlite3_reset(handle)
            }
        }
    }
}
