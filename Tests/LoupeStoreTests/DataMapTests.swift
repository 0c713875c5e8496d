import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

/// The data map is the one classification of the schema: a column added by a migration and not classified fails
/// here, and so does a classified column that no longer exists.
@Suite struct DataMapTests {
    @Test func theMapClassifiesExactlyTheLiveSchema() throws {
        let database = try AppDatabase.inMemory()
        let live = try database.writer.read { db -> Set<String> in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                AND name NOT LIKE 'customerSearch_%' AND name NOT LIKE 'grdb_%'
                """)
            var columns = Set<String>()
            for table in tables {
                // hidden = 1: a virtual table's own hidden columns (FTS5's table-named column and rank).
                for name in try String.fetchAll(db, sql: "SELECT name FROM pragma_table_xinfo(?) WHERE hidden != 1",
                                                arguments: [table]) {
                    columns.insert("\(table).\(name)")
                }
            }
            return columns
        }
        let mapped = DataMap.columns.map { "\($0.table).\($0.column)" }
        #expect(mapped.count == Set(mapped).count, "a column is classified twice")
        let unclassified = live.subtracting(mapped).sorted()
        let stale = Set(mapped).subtracting(live).sorted()
        #expect(unclassified.isEmpty, "classify these columns in DataMap: \(unclassified)")
        #expect(stale.isEmpty, "these classified columns are not in the schema: \(stale)")
    }

    @Test func everyPersonalColumnOfTheCustomersDataIsTreatedByErasure() {
        for column in DataMap.columns where column.isPersonal && column.category != .operations {
            if column.erasure == .keep {
                // Kept personal columns must say why: only the minor flag (the reason for the erasure itself) and
                // the ledger's keyed digests (which are what keeps the person erased).
                #expect(["customer.isMinor", "suppression.digest"].contains("\(column.table).\(column.column)"),
                        "\(column.table).\(column.column) is personal and kept by an erasure")
            }
        }
    }

    @Test func thePlanAndTheStatementsComeFromTheMap() {
        for column in DataMap.columns(of: "customer", .empty) {
            #expect(AppDatabase.customerErasureSQL.contains("\(column) = NULL"))
        }
        #expect(AppDatabase.sealedOrderColumns == ["billToName", "billToAddress"])
        let inventory = SubjectInventory(customerPublicId: "C-1", addresses: 1, orders: [], deviceEvents: 0,
                                         consentEvents: 0, feedback: 0, requestsNamingSubject: 2, requestNotes: 1, files: 1)
        let plan = try? ErasurePlan.make(for: inventory, invoiceDays: 10, policy: DeadlinePolicy())
        #expect(plan?.steps.first { $0.table == "privacyRequest" }?.fields == DataMap.columns(of: "privacyRequest", .empty))
        #expect(plan?.steps.contains { $0.table == "files" && $0.rows == 1 } == true)
    }
}
