import CSV
import Foundation
import LoupeDomain

/// A CSV file read one record at a time (never loaded whole), with the line each record starts on. UTF-8, with or
/// without a BOM, CRLF or LF, quoted fields with commas and newlines (CSV.swift does the splitting).
public final class CSVRecords {
    /// The header row, trimmed.
    public let header: [String]
    /// The file's name, for messages.
    public let source: String
    /// The file's size in bytes, and roughly how far reading has got (for a progress bar).
    public let size: Int
    public private(set) var bytesRead = 0
    private let reader: CSVReader
    private var line = 1

    /// Opens `path` and reads its header.
    public init(path: String) throws {
        source = path
        guard let stream = InputStream(fileAtPath: path), FileManager.default.isReadableFile(atPath: path) else {
            throw LoupeError(.invalidInput, "Could not read \(path); check the path.")
        }
        size = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: true)
        } catch {
            throw LoupeError(.invalidInput, "\(path) has no header row: is it a CSV export?", cause: error)
        }
        if case .unicodeDecoding? = reader.error as? CSVError {
            throw LoupeError(.invalidInput, "\(path) is not UTF-8 text; export it again as UTF-8 CSV.")
        }
        header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        var seen = Set<String>()
        if let twice = header.first(where: { !$0.isEmpty && !seen.insert($0.lowercased()).inserted }) {
            throw LoupeError(.invalidInput, "\(path): the header names the column '\(TextRules.printable(twice))' twice, so its cells are ambiguous. Remove one of the two columns and import again.")
        }
        line = 2
        bytesRead = header.joined(separator: ",").utf8.count + 1
    }

    /// The next record and the line it starts on; nil at the end. Blank lines are skipped.
    public func next() throws -> (line: Int, fields: [String])? {
        while let fields = reader.next() {
            // CSV.swift skips a byte it cannot decode and records the error: stop at the first one.
            if case .unicodeDecoding? = reader.error as? CSVError {
                throw LoupeError(.invalidInput, "\(source), line \(line): the file is not valid UTF-8 here; export it again as UTF-8 CSV.")
            }
            let start = line
            let text = fields.joined(separator: ",")
            line += 1 + text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            bytesRead += text.utf8.count + 1
            if fields.count == 1 && fields[0].isEmpty { continue }
            return (start, fields)
        }
        // CSV.swift marks the end of the stream as `cannotReadFile`; only decoding and stream errors are failures.
        switch reader.error as? CSVError {
        case .unicodeDecoding?:
            throw LoupeError(.invalidInput, "\(source), line \(line): the file is not valid UTF-8 from here on; export it again as UTF-8 CSV.")
        case .streamErrorHasOccurred(let error)?:
            throw LoupeError(.storage, "\(source), line \(line): reading the file failed.", cause: error)
        default:
            bytesRead = size
            return nil
        }
    }

    /// The column index of the first of `names` the header has (exports of different years name columns
    /// differently), or nil.
    public func column(_ names: String...) -> Int? {
        for name in names { if let index = header.firstIndex(of: name) { return index } }
        return nil
    }
}

/// One row's cells by column, with the checks every CSV import applies.
struct CSVRow {
    let line: Int
    let fields: [String]
    let header: [String]

    /// The cell of `column` (empty when the row is short), without a spreadsheet's `'` guard prefix.
    func cell(_ column: Int?) -> String {
        guard let column, column < fields.count else { return "" }
        // Trim spaces and tabs by hand: Foundation's trimming was a tenth of a large import.
        let scalars = fields[column].unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let text = String(scalars[first...last])
        return text.hasPrefix("'") ? String(text.dropFirst()) : text
    }

    /// Columns that hold the shop's numeric ids: 13-digit ids can pass the Luhn check, and they are validated
    /// as ids, so the card scan skips them.
    static let idColumns: Set<String> = ["Customer ID", "Id", "Payment ID", "Receipt Number", "Device ID"]

    /// The problem with the row as a whole, if any: too many cells, a cell over 5,000 characters, or a full card
    /// number in any other cell (the row is then never stored).
    func problem() -> String? {
        if fields.count != header.count {
            return "\(fields.count) cells, but the header has \(header.count) columns: the row is cut or shifted"
        }
        for (index, field) in fields.enumerated() {
            let name = index < header.count ? header[index] : "column \(index + 1)"
            if field.utf8.count > 5_000 && field.count > 5_000 { return "the \(name) cell is over 5,000 characters" }
            if !Self.idColumns.contains(name) && IntakeRules.containsCardNumber(field) {
                return "the \(name) cell holds what looks like a full card number; the row is not stored"
            }
        }
        return nil
    }

    /// A text cell that will be stored: no control or bidi characters (`what` names it in the error).
    func text(_ column: Int?, what: String) throws -> String? {
        let value = cell(column)
        guard !value.isEmpty else { return nil }
        if let bad = value.unicodeScalars.first(where: { TextRules.isForbidden($0) }) {
            throw RowError(String(format: "the \(what) contains the control or bidi character U+%04X", bad.value))
        }
        return value
    }

    /// `yes` / `no` (any case), nil when empty.
    func yesNo(_ column: Int?, what: String) throws -> Bool? {
        switch cell(column).lowercased() {
        case "": return nil
        case "yes": return true
        case "no": return false
        default: throw RowError("\(what) must be yes or no")
        }
    }

    /// A money amount with `.` decimals, in minor units.
    func money(_ column: Int?, what: String) throws -> Int? {
        let value = cell(column)
        guard !value.isEmpty else { return nil }
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0].hasPrefix("-") ? parts[0].dropFirst() : parts[0]
        guard parts.count <= 2, !whole.isEmpty, whole.allSatisfy(\.isASCII), let units = Int(whole), units < 1_000_000_000,
              parts.count == 1 || (1...2).contains(parts[1].count) && parts[1].allSatisfy({ $0.isASCII && $0.isNumber })
        else { throw RowError("\(what) must be an amount like 129.90") }
        let cents = parts.count == 2 ? Int(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0))! : 0
        return (units * 100 + cents) * (parts[0].hasPrefix("-") ? -1 : 1)
    }
}

/// Why a row was refused, and the line when it is not the record's first.
struct RowError: Error {
    let reason: String
    let line: Int?
    init(_ reason: String, line: Int? = nil) {
        self.reason = reason
        self.line = line
    }
}
