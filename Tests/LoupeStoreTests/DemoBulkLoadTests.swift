import Foundation
import GRDB
import LoupeDomain
@testable import LoupeDemo
@testable import LoupeStore
import Testing

/// The demo's fast paths (direct binding, deferred indexes, hand-written timestamps and audit JSON) must give
/// exactly what the ordinary paths give.
@Suite struct DemoBulkLoadTests {
    @Test func timestampsAreWrittenExactlyAsGRDBStoresDates() throws {
        let database = try AppDatabase.inMemory()
        let dates = [0, 951_782_400.5, 1_709_251_199.999, 1_764_112_345.1234, 4_102_444_800.0005, 1_582_934_400.25,
                     1_764_112_345.0004, 1_764_112_345.0006, 1_764_115_199.9996]
            .map { Date(timeIntervalSince1970: $0) }
        for date in dates {
            let stored = try database.writer.read { db in try String.fetchOne(db, sql: "SELECT ?", arguments: [date]) }
            #expect(StorageTimestamp.text(date) == stored)
        }
    }

    @Test func theQuickAuditJSONMatchesTheEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for details in [[:], ["kind": "demo"], ["kind": "erasure", "channel": "email"], ["months": "2", "reason": "a/b c"],
                        ["note": "quote \" and \\ and \u{7}"], ["Zeta": "1", "alpha": "2"],
                        ["webhookId": "w1", "shopId": "9", "shop": "a.myshopify.com", "a10": "x", "a2": "y", "B": "z"],
                        ["ünï": "1"], ["key with space": "1"], ["k": "é"]] as [[String: String]] {
            let expected = String(decoding: try encoder.encode(details), as: UTF8.self)
            #expect(CanonicalJSON.object(details) == expected)
        }
        // Keys of letters and digits in any case, in random sets: the direct path sorts as the encoder does.
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aAbBzZ019_")
        for _ in 0..<500 {
            var details: [String: String] = [:]
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let key = String((0..<Int.random(in: 1...4, using: &generator)).map { _ in alphabet.randomElement()! })
                details[key] = String(Int.random(in: 0...99, using: &generator))
            }
            #expect(CanonicalJSON.object(details) == String(decoding: try encoder.encode(details), as: UTF8.self))
        }
    }

    @Test func aBuiltDemoHasTheMigratedSchemaValidReferencesAndASearchableIndex() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("demo.sqlite").path
        #expect(try DemoSeeder.build(at: path, options: DemoOptions(customers: 300, now: storeNow, operatorUser: "tester",
                                                                     longHistoryCustomers: 1)))
        let built = try AppDatabase.open(path: path, create: false)
        let fresh = try AppDatabase.inMemory()
        let schemaSQL = "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name"
        let builtSchema = try built.writer.read { db in try Row.fetchAll(db, sql: schemaSQL) }
        let freshSchema = try fresh.writer.read { db in try Row.fetchAll(db, sql: schemaSQL) }
        #expect(builtSchema == freshSchema)
        try built.writer.read { db in
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
            let customers = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customer")!
            let indexed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customerSearch WHERE customerSearch MATCH 'example'")!
            #expect(customers == 301)  // and one with a long history
            #expect(indexed > 0)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customerOrder o JOIN customer c ON c.id = o.customerId WHERE c.email = 'long.history.1@example.com'") == 200)
        }
        #expect(try built.verifyAudit().firstBreak == nil)
    }
}
