import Foundation
import GRDB
import LoupeDomain
@testable import LoupeDemo
@testable import LoupeStore
import Testing

@Suite struct ErasureStoreTests {
    let ava = StaffMember(userName: "ava", displayName: "Ava", role: .agent)
    let sam = StaffMember(userName: "sam", displayName: "Sam", role: .supervisor)

    /// The customer with the most orders, their personal values, and an erasure request about them brought to
    /// "awaiting approval".
    func proposedErasure(_ database: AppDatabase) throws -> (id: String, customerId: Int64, values: [String]) {
        let customer = try database.writer.read { db in
            try Row.fetchOne(db, sql: """
                SELECT c.id, c.email, c.phone, c.fullName FROM customer c
                WHERE NOT c.isMinor AND EXISTS (SELECT 1 FROM customerOrder o WHERE o.customerId = c.id AND o.trackingNumber IS NOT NULL)
                ORDER BY (SELECT COUNT(*) FROM customerOrder o WHERE o.customerId = c.id) DESC LIMIT 1
                """)!
        }
        let email: String = customer["email"]
        let request = try database.createRequest(NewRequest(kind: .erasure, email: email), actor: ava, at: storeNow)
        let id = request.summary.publicId
        try database.perform(.claim, on: id, actor: ava, at: storeNow)
        try database.perform(.verify(method: .email, note: nil), on: id, actor: ava, at: storeNow)
        try database.perform(.start, on: id, actor: ava, at: storeNow)
        try database.perform(.proposeErasure, on: id, actor: ava, at: storeNow)
        return (id, customer["id"], [email, customer["phone"], customer["fullName"]])
    }

    @Test func thePreviewShowsEveryTableAndTheRetainedInvoices() throws {
        let database = try demoDatabase(customers: 200)
        let (id, _, _) = try proposedErasure(database)
        let plan = try database.erasurePreview(publicId: id)
        let tables = Set(plan.steps.map(\.table))
        #expect(tables.isSuperset(of: ["customer", "customerSearch", "customerOrder"]))
        #expect(plan.steps.contains { if case .retain(let ground, _) = $0.action { ground.hasPrefix("tax law") } else { false } })
        #expect(!plan.retained.isEmpty)
        #expect(plan.recipients.contains { $0.kind == "courier" })
        #expect(plan.recipients.contains { $0.kind == "paymentProvider" })
        #expect(plan.lines(policy: DeadlinePolicy()).contains { $0.contains("↳ tax law: invoice retention, until") })
    }

    @Test func approvalErasesRetainsSealedInvoicesAndOpensNoticeTasks() throws {
        let database = try demoDatabase(customers: 200)
        let (id, customerId, _) = try proposedErasure(database)
        let plan = try database.erasurePreview(publicId: id)
        let approved = try database.perform(.approve, on: id, actor: sam, at: storeNow)
        #expect(approved.summary.status == .approved)
        let facts = try database.writer.read { db in
            (
                customer: try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE id = ?", arguments: [customerId])!,
                addresses: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM address WHERE customerId = ?", arguments: [customerId])!,
                events: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM deviceEvent WHERE customerId = ?", arguments: [customerId])!,
                orders: try Row.fetchAll(db, sql: "SELECT * FROM customerOrder WHERE customerId = ?", arguments: [customerId]),
                retained: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM retainedItem WHERE customerId = ?", arguments: [customerId])!,
                search: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customerSearch WHERE rowid = ? AND customerSearch MATCH 'a* OR e* OR i* OR o* OR u*'", arguments: [customerId])!
            )
        }
        #expect(facts.customer["fullName"] == nil as String?)
        #expect(facts.customer["email"] == nil as String?)
        #expect(facts.customer["erasedAt"] != nil as Date?)
        #expect(facts.addresses == 0)
        #expect(facts.events == 0)
        #expect(facts.search == 0)
        #expect(facts.retained == plan.retained.count)
        for order in facts.orders {
            #expect(order["shipToName"] == nil as String?)
            #expect(order["trackingNumber"] == nil as String?)
            #expect(order["totalMinor"] != nil as Int?, "amounts are kept for tax")
            let sealed: String = order["billToName"]
            #expect(sealed.hasPrefix("sealed:v1:"))
            #expect(try !database.vault.open(sealed).isEmpty, "the key holder can still read the invoice")
        }
        let tasks = try database.processorTasks(requestPublicId: id)
        #expect(tasks.count == plan.recipients.count)
        #expect(throws: LoupeError.self) { try database.perform(.complete, on: id, actor: ava, at: storeNow) }
        for task in tasks.dropLast() { try database.closeTask(id: task.id, impossibleBecause: nil, actor: ava, at: storeNow) }
        try database.closeTask(id: tasks.last!.id, impossibleBecause: "Courier ceased trading", actor: ava, at: storeNow)
        #expect(try database.perform(.complete, on: id, actor: ava, at: storeNow).summary.status == .completed)
        let actions = try database.requestDetail(publicId: id).timeline.map(\.action)
        #expect(actions.contains("request.approve"))
        #expect(actions.filter { $0.hasPrefix("task.") }.count == tasks.count)
        #expect(try database.verifyAudit().firstBreak == nil)
    }

    @Test func everyOpenNoticeIsConfirmedInOneStepEachAudited() throws {
        let database = try demoDatabase(customers: 200)
        let (id, _, _) = try proposedErasure(database)
        try database.perform(.approve, on: id, actor: sam, at: storeNow)
        let open = try database.processorTasks(requestPublicId: id).filter { $0.status == .open }
        #expect(open.count > 1)
        let bob = StaffMember(userName: "bob", displayName: "Bob", role: .agent)
        _ = try? database.addStaff(userName: "bob", role: .agent, displayName: nil, actor: sam, at: storeNow)
        #expect(throws: LoupeError.self, "only the holder, a supervisor or an admin") {
            try database.confirmOpenTasks(publicId: id, actor: bob, at: storeNow)
        }
        #expect(try database.processorTasks(requestPublicId: id).allSatisfy { $0.status == .open }, "nothing half done")
        let closed = try database.confirmOpenTasks(publicId: id, actor: ava, at: storeNow)
        #expect(closed.map(\.id) == open.map(\.id) && closed.allSatisfy { $0.status == .confirmed })
        let audited = try database.requestDetail(publicId: id).timeline.filter { $0.action == "task.confirmed" }
        #expect(audited.count == open.count)
        #expect(throws: LoupeError.self) { try database.confirmOpenTasks(publicId: id, actor: ava, at: storeNow) }
        #expect(try database.perform(.complete, on: id, actor: ava, at: storeNow).summary.status == .completed)
    }

    @Test func aSecondErasureOfAnErasedCustomerIsRefused() throws {
        let database = try demoDatabase(customers: 200)
        let (id, customerId, _) = try proposedErasure(database)
        try database.perform(.approve, on: id, actor: sam, at: storeNow)
        // A new erasure request still linked to the erased customer (e.g. entered by customer id).
        let again = try database.writer.write { db -> String in
            try db.execute(sql: """
                INSERT INTO privacyRequest (publicId, kind, status, channel, customerId, receivedAt, dueAt, assignee, verifiedAt, verifiedBy)
                VALUES ('PR-2026-900001', 'erasure', 'in-progress', 'email', ?, ?, ?, 'ava', ?, 'ava')
                """, arguments: [customerId, storeNow, storeNow.addingTimeInterval(86_400 * 30), storeNow])
            return "PR-2026-900001"
        }
        #expect {
            try database.perform(.proposeErasure, on: again, actor: ava, at: storeNow)
        } throws: { error in (error as? LoupeError)?.message.contains("was already erased on 2026-11-25") == true }
    }

    @Test func anErasureThatMatchedNobodyCannotBeProposed() throws {
        let database = try demoDatabase(customers: 20)
        let request = try database.createRequest(NewRequest(kind: .erasure, email: "stranger@example.net"), actor: ava, at: storeNow)
        let id = request.summary.publicId
        try database.perform(.claim, on: id, actor: ava, at: storeNow)
        try database.perform(.verify(method: .email, note: nil), on: id, actor: ava, at: storeNow)
        try database.perform(.start, on: id, actor: ava, at: storeNow)
        #expect {
            try database.perform(.proposeErasure, on: id, actor: ava, at: storeNow)
        } throws: { error in (error as? LoupeError)?.message.contains("matched no customer") == true }
        #expect(try database.requestDetail(publicId: id).summary.status == .inProgress, "nothing was written")
    }

    @Test func erasedValuesAreNotInTheFileOrItsWALAfterACheckpoint() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("shop.sqlite").path
        try DemoSeeder.build(at: path, options: DemoOptions(customers: 300, now: storeNow, operatorUser: "tester"))
        let database = try AppDatabase.open(path: path, create: false)
        let (id, _, values) = try proposedErasure(database)
        let street = try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT line1 FROM address a JOIN customer c ON c.id = a.customerId WHERE c.email = ?", arguments: [values[0]])!
        }
        try database.perform(.approve, on: id, actor: sam, at: storeNow)
        try database.checkpoint(.truncate)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes += (try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) ?? Data()
        for value in values + [street] where !value.isEmpty {
            // Demo names and streets repeat across customers: a value another customer also has stays, rightly.
            let elsewhere = try database.writer.read { db in
                try Int.fetchOne(db, sql: """
                    SELECT (SELECT COUNT(*) FROM customer WHERE fullName = :v OR email = :v OR phone = :v)
                         + (SELECT COUNT(*) FROM address WHERE line1 = :v)
                         + (SELECT COUNT(*) FROM customerOrder WHERE shipToName = :v OR shipToPhone = :v OR billToName = :v)
                    """, arguments: ["v": value])!
            }
            if elsewhere > 0 { continue }
            if let range = bytes.range(of: Data(value.utf8)) {
                let page = range.lowerBound / 4096
                let context = bytes[max(range.lowerBound - 200, 0)..<min(range.upperBound + 100, bytes.count)]
                Issue.record("'\(value)' survives in the database bytes, page \(page): \(String(decoding: context.map { $0 < 32 || $0 > 126 ? 46 : $0 }, as: UTF8.self))")
            }
        }
    }
}

@Suite struct RetainedItemSweepTests {
    @Test func retainedInvoicesAreAnonymisedWhenTheirOwnDatePasses() throws {
        let database = try demoDatabase(customers: 200)
        let tests = ErasureStoreTests()
        let (id, customerId, _) = try tests.proposedErasure(database)
        try database.perform(.approve, on: id, actor: tests.sam, at: storeNow)
        // While the request is open the customer is on legal hold; close the notices and complete it.
        for task in try database.processorTasks(requestPublicId: id) {
            try database.closeTask(id: task.id, impossibleBecause: nil, actor: tests.ava, at: storeNow)
        }
        try database.perform(.complete, on: id, actor: tests.ava, at: storeNow)
        let items = try database.requestDetail(publicId: id).retained
        let first = try #require(items.first)
        // Only the retained items' own dates count here: invoices in general are kept for a century.
        let max = StaffMember(userName: "max", displayName: "Max", role: .admin)
        try database.setRetentionRule(RetentionRule(category: .invoices, days: RetentionRule.maxDays, action: .anonymise), actor: max, at: storeNow)
        let dayAfter = first.until.addingTimeInterval(86_400)
        let report = try database.sweep(asOf: dayAfter, dryRun: false, actor: max, at: dayAfter)
        let due = items.filter { $0.until < dayAfter }.count
        #expect(report.expired["invoices"] == due)
        let sealedLeft = try database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customerOrder WHERE customerId = ? AND billToName LIKE 'sealed:%'", arguments: [customerId])!
        }
        #expect(sealedLeft == items.count - due)
        let anonymised = try database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM retainedItem WHERE customerId = ? AND anonymisedAt IS NOT NULL", arguments: [customerId])!
        }
        #expect(anonymised == due)
    }
}

@Suite struct SearchIndexPurgeTests {
    @Test func afterTheSweepTheErasedNamesTokensAreGoneFromTheFile() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("shop.sqlite").path
        try DemoSeeder.build(at: path, options: DemoOptions(customers: 100, now: storeNow, operatorUser: "tester"))
        let database = try AppDatabase.open(path: path, create: false)
        let ava = StaffMember(userName: "ava", displayName: "Ava", role: .agent)
        let sam = StaffMember(userName: "sam", displayName: "Sam", role: .supervisor)
        let max = StaffMember(userName: "max", displayName: "Max", role: .admin)
        try database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO customer (publicId, fullName, email, phone, createdAt)
                VALUES ('C-ZZ', 'Zyxwvutsr Qponmlkj', 'zyxwvutsr@example.org', '+44 7700 955511', ?)
                """, arguments: [storeNow])
        }
        let id = try database.createRequest(NewRequest(kind: .erasure, email: "zyxwvutsr@example.org"), actor: ava, at: storeNow).summary.publicId
        for command: RequestCommand in [.claim, .verify(method: .email, note: nil), .start, .proposeErasure] {
            try database.perform(command, on: id, actor: ava, at: storeNow)
        }
        try database.perform(.approve, on: id, actor: sam, at: storeNow)
        try database.perform(.complete, on: id, actor: ava, at: storeNow)
        _ = try database.sweep(asOf: storeNow, dryRun: false, actor: max, at: storeNow)
        try database.checkpoint(.truncate)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes += (try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) ?? Data()
        for token in ["zyxwvutsr", "qponmlkj", "955511"] {
            #expect(bytes.range(of: Data(token.utf8)) == nil, "search token '\(token)' survives")
        }
    }
}
