import LoupeStore
import Foundation
import LoupeDomain

/// Rows for several tables encoded into one byte buffer: the demo generates rows on one thread and SQLite
/// inserts them on another, so the two cores work at once.
///
/// A row is its table's number, then each value as a tag and its bytes (a whole number in 8 bytes, a text as a
/// 4-byte length and its UTF-8), then `rowEnd`. `RowBatchWriter` binds the values in place, without copies.
struct RowBatch: Sendable {
    enum Tag: UInt8 {
        case null = 0, integer = 1, text = 2, rowEnd = 0xFF
    }

    /// The encoded rows.
    private(set) var bytes: [UInt8] = []
    /// How far the generator had got when the batch was handed over, from 0 to 1.
    var progress: Double = 0

    /// Makes an empty batch with room for about `capacity` bytes.
    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Starts a row of table number `table`.
    mutating func beginRow(table: UInt8) { bytes.append(table) }

    /// Ends the current row.
    mutating func endRow() { bytes.append(Tag.rowEnd.rawValue) }

    /// Appends a NULL.
    mutating func appendNull() { bytes.append(Tag.null.rawValue) }

    /// Appends a whole number.
    mutating func append(_ value: Int64) {
        bytes.append(Tag.integer.rawValue)
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends a text.
    mutating func append(_ value: String) {
        var text = value
        text.withUTF8 { appendText($0) }
    }

    /// Appends a date as GRDB stores it.
    mutating func append(_ value: Date) {
        var timestamp = StorageTimestamp.zero
        StorageTimestamp.write(value, into: &timestamp)
        bytes.append(Tag.text.rawValue)
        withUnsafeBytes(of: UInt32(StorageTimestamp.length).littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: timestamp) { bytes.append(contentsOf: $0) }
    }

    private mutating func appendText(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(Tag.text.rawValue)
        withUnsafeBytes(of: UInt32(utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: utf8)
    }
}
