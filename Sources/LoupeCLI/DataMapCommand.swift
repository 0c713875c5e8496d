import ArgumentParser
import Foundation
import LoupeDomain

/// `loupe datamap`: every table and column of the database, classified (the data inventory of the record of
/// processing, GDPR Art. 30). It needs no database: the map is part of Loupe, and a test holds it equal to the schema.
struct DataMapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datamap",
        abstract: "Print the data map: each column, whether personal, its category, what erasure does, its retention.")

    @Flag(help: "Print JSON.") var json = false

    /// One column as scripts see it.
    struct ColumnJSON: Encodable {
        let table, column, category, erasure: String
        let personal: Bool
        let ground, retention: String?
    }

    func run() throws {
        let rows = DataMap.columns.map { column -> ColumnJSON in
            var ground: String?
            if case .retain(let reason, _) = column.erasure { ground = reason }
            return ColumnJSON(table: column.table, column: column.column, category: column.category.rawValue,
                              erasure: column.erasure.label, personal: column.isPersonal, ground: ground,
                              retention: column.retention?.rawValue)
        }
        if json { return try JSONOutput.print(rows) }
        for table in DataMap.tables {
            print(table)
            for row in rows where row.table == table {
                let personal = row.personal ? "personal" : "-"
                let erasure = row.erasure + (row.ground.map { " (\($0))" } ?? "")
                print("  " + [row.column.padded(20), personal.padded(9), row.category.padded(52), erasure.padded(44),
                              row.retention ?? ""].joined(separator: " ").trimmingCharacters(in: .whitespaces))
            }
        }
    }
}

private extension String {
    func padded(_ width: Int) -> String {
        count >= width ? self : padding(toLength: width, withPad: " ", startingAt: 0)
    }
}
