import Foundation
import GRDB
import LoupeDomain
@testable import LoupeDemo
@testable import LoupeStore
import Testing

@Suite struct DemoSeederTests {
    func dump(_ database: AppDatabase) throws -> [String] {
        try database.writer.read { db in
            var lines: [String] = []
            for table in ["customer", "address", "customerOrder", "orderItem", "deviceEvent", "consentEvent",
                          "feedback", "privacyRequest", "staff", "auditEntry"] {
                lines += try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1").map { "\(table) \($0)" }
            }
            return lines
        }
    }

    @Test func theSameSeedAndClockGiveTheSameDatabase() throws {
        let one = try dump(demoDatabase(customers: 80, seed: 42))
        let two = try dump(demoDatabase(customers: 80, seed: 42))
        let other = try dump(demoDatabase(customers: 80, seed: 43))
        #expect(one == two)
        #expect(one != other)
    }

    @Test func theDemoHasEveryKindAndStatusOverdueRequestsAndAGuardian() throws {
        let database = try demoDatabase(customers: 2_000, seed: 20_261_125)
        let facts = try database.writer.read { db in
            (
                kinds: Set(try String.fetchAll(db, sql: "SELECT DISTINCT kind FROM privacyRequest")),
                statuses: Set(try String.fetchAll(db, sql: "SELECT DISTINCT status FROM privacyRequest")),
                overdue: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM privacyRequest WHERE \(AppDatabase.openStatusSQL) AND effectiveDueAt < ?", arguments: [storeNow])!,
                dueThisWeek: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM privacyRequest WHERE \(AppDatabase.openStatusSQL) AND effectiveDueAt BETWEEN ? AND ?", arguments: [storeNow, storeNow.addingTimeInterval(7 * 86_400)])!,
                guardian: try Row.fetchOne(db, sql: "SELECT r.priority, c.isMinor FROM privacyRequest r JOIN customer c ON c.id = r.customerId WHERE r.requesterKind = 'guardian'"),
                minors: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customer WHERE isMinor")!,
                scripts: try String.fetchAll(db, sql: "SELECT fullName FROM customer").joined()
            )
        }
        #expect(facts.kinds == Set(RequestKind.allCases.map(\.rawValue)))
        #expect(facts.statuses == Set(RequestStatus.allCases.map(\.rawValue)))
        #expect(facts.overdue > 0)
        #expect(facts.dueThisWeek > 0)
        #expect(facts.guardian?["priority"] == "urgent")
        #expect(facts.guardian?["isMinor"] == true)
        #expect(facts.minors >= 3)
        for sample in ["ü", "й", "α", "ا", "王", "佐", "김"] {
            #expect(facts.scripts.unicodeScalars.contains { String($0) == sample } || facts.scripts.contains(sample),
                    "names include \(sample)")
        }
    }

    @Test func cardsAreStoredAsBrandAndLastFourOnly() throws {
        let database = try demoDatabase(customers: 200)
        let longDigitRuns = try database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customerOrder WHERE cardLast4 IS NOT NULL AND length(cardLast4) != 4")!
        }
        #expect(longDigitRuns == 0)
    }

    @Test func theDemoAuditChainIsIntact() throws {
        let database = try demoDatabase(customers: 100)
        let entries = try database.writer.read { db in try AuditEntry.fetchAll(db, sql: "SELECT * FROM auditEntry ORDER BY sequence") }
        var previous = AuditLog.genesisHash
        for entry in entries {
            #expect(entry.previousHash == previous)
            #expect(AuditLog.hash(of: entry) == entry.hash)
            previous = entry.hash
        }
        #expect(entries.count > 40)
    }

    @Test func buildingWritesOneCompleteFileAndLeavesAnExistingOneAlone() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("demo.sqlite").path
        let options = DemoOptions(customers: 30, now: storeNow, operatorUser: "tester")
        #expect(try DemoSeeder.build(at: path, options: options))
        #expect(try !DemoSeeder.build(at: path, options: options))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains("building") }
        #expect(leftovers.isEmpty)
        let database = try AppDatabase.open(path: path, create: false)
        #expect(try database.isDemo())
        #expect(try database.staffMember(userName: "tester")?.role == .admin)
        #expect(try database.staffMember(userName: "sam")?.role == .supervisor)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o660, "group rw, never others (README, Shared host)")
    }
}
