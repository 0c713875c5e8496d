import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

/// Erased stays erased; withdrawals, corrections and minor flags made in Loupe stick against every import.
@Suite struct SuppressionStoreTests {
    let root = StaffMember(userName: "root", displayName: "root", role: .admin)
    let ava = StaffMember(userName: "ava", displayName: "Ava", role: .agent)
    let sam = StaffMember(userName: "sam", displayName: "Sam", role: .supervisor)
    let imports = ImportStoreTests()

    let zoe = ImportStoreTests().zoe
    let order = ImportedOrder(
        shopifyId: "5550001", name: "#1042", email: "zoe@example.com", placedAt: storeNow.addingTimeInterval(-86_400 * 40),
        status: "paid", currency: "EUR", totalMinor: 129_00, paymentMethod: "shopify_payments", billingName: "Zoë Ñandú",
        billingAddress: "12 Rue de la Paix, 75002 Paris, FR", shippingName: "Zoë Ñandú",
        shippingAddress: "12 Rue de la Paix, 75002 Paris, FR", shippingPhone: "+33 6 12 34 56 78",
        items: [ImportedOrderItem(sku: "R-1", name: "Ring", quantity: 1, priceMinor: 129_00)])

    func database() throws -> AppDatabase {
        let database = try imports.database()
        _ = try database.addStaff(userName: "sam", role: .supervisor, displayName: "Sam", actor: root, at: storeNow)
        return database
    }

    func importCustomers(_ database: AppDatabase, _ rows: [ImportedCustomer]) throws -> ImportReport {
        try database.importCustomers(from: imports.feed(rows.enumerated().map { .record($1, line: $0 + 2) }), fileName: "c.csv",
                                     dryRun: false, skipBadRows: false, actor: root, at: storeNow)
    }

    func importOrders(_ database: AppDatabase, _ rows: [ImportedOrder]) throws -> ImportReport {
        try database.importOrders(from: imports.feed(rows.enumerated().map { .record($1, line: $0 + 2) }), fileName: "o.csv",
                                  dryRun: false, skipBadRows: false, actor: root, at: storeNow)
    }

    /// Runs a request of `kind` about `email` to the point where it can be fulfilled.
    func started(_ database: AppDatabase, _ draft: NewRequest) throws -> String {
        let id = try database.createRequest(draft, actor: ava, at: storeNow).summary.publicId
        for command: RequestCommand in [.claim, .verify(method: .document, note: "saw a passport"), .start] {
            try database.perform(command, on: id, actor: ava, at: storeNow)
        }
        return id
    }

    /// Imports Zoë as a customer (her shop export row).
    func seedZoe(_ database: AppDatabase) throws {
        _ = try importCustomers(database, [zoe])
    }

    func erase(_ database: AppDatabase, email: String) throws -> String {
        let id = try started(database, NewRequest(kind: .erasure, email: email))
        try database.perform(.proposeErasure, on: id, actor: ava, at: storeNow)
        try database.perform(.approve, on: id, actor: sam, at: storeNow)
        return id
    }

    func count(_ database: AppDatabase, _ sql: String, _ arguments: StatementArguments = []) throws -> Int {
        try database.writer.read { db in try Int.fetchOne(db, sql: sql, arguments: arguments)! }
    }

    @Test(arguments: [true, false])
    func anErasedCustomerIsNotCreatedAgainByAnyExportGeneration(withCustomerId: Bool) throws {
        let database = try database()
        _ = try importCustomers(database, [zoe])
        let erasure = try erase(database, email: zoe.email!)
        var again = zoe
        if !withCustomerId { again.shopifyId = nil } // a pre-2022 export: matched by email
        let report = try importCustomers(database, [again])
        #expect(report.created == 0 && report.updated == 0)
        #expect(report.suppressed.map(\.line) == [2])
        #expect(report.suppressed.first?.reason == "suppressed (erased on 2026-11-25 by \(erasure))")
        #expect(try count(database, "SELECT COUNT(*) FROM customer WHERE email IS NOT NULL OR fullName IS NOT NULL") == 0)
        #expect(try count(database, "SELECT COUNT(*) FROM consentEvent WHERE source = 'import' AND occurredAt > ?",
                          [storeNow.addingTimeInterval(-1)]) == 1, "only the first import's grant")
        // By phone alone, too.
        let byPhone = ImportedCustomer(shopifyId: nil, email: nil, fullName: "Z N", phone: "0033 6 12 34 56 78",
                                       acceptsEmailMarketing: nil, acceptsSMSMarketing: nil, address: nil)
        #expect(try importCustomers(database, [byPhone]).suppressed.count == 1)
        // Spelled in fullwidth or Arabic-Indic digits, a fullwidth email: the same person (one normalisation).
        for (phone, email) in [("+３３ ６ １２ ３４ ５６ ７８", nil), ("+٣٣٦١٢٣٤٥٦٧٨", nil), (nil, "ｚｏｅ@example.com")] {
            let disguised = ImportedCustomer(shopifyId: nil, email: email, fullName: "Z N", phone: phone,
                                             acceptsEmailMarketing: nil, acceptsSMSMarketing: nil, address: nil)
            #expect(try importCustomers(database, [disguised]).suppressed.count == 1, "\(phone ?? email ?? "")")
        }
        #expect(try database.suppressionMatch(phone: "+３３６１２３４５６７８") != nil)
    }

    @Test func anErasedCustomersOrdersKeepTheirSealedAndEmptiedFields() throws {
        let database = try database()
        _ = try importCustomers(database, [zoe])
        var invoiced = order
        invoiced.items = order.items
        _ = try importOrders(database, [invoiced])
        try database.writer.write { db in try db.execute(sql: "UPDATE customerOrder SET invoiceNumber = 'INV-1'") }
        _ = try erase(database, email: zoe.email!)
        let before = try database.writer.read { db in try Row.fetchOne(db, sql: "SELECT * FROM customerOrder")! }
        for variant in [order, { var o = order; o.shopifyId = nil; return o }()] {
            let report = try importOrders(database, [variant])
            #expect(report.suppressed.count == 1 && report.updated == 0 && report.created == 0)
        }
        let after = try database.writer.read { db in try Row.fetchOne(db, sql: "SELECT * FROM customerOrder")! }
        #expect(before == after)
        #expect((after["billToName"] as String).hasPrefix("sealed:v1:"))
        #expect(after["shipToName"] == nil as String?)
        // A guest order under the erased email is not created either.
        var guest = order
        guest.shopifyId = "5550002"
        guest.name = "#1043"
        #expect(try importOrders(database, [guest]).suppressed.count == 1)
        #expect(try count(database, "SELECT COUNT(*) FROM customerOrder") == 1)
    }

    @Test func theOrdersOwnIdentifiersAreInTheLedgerToo() throws {
        let database = try database()
        _ = try importCustomers(database, [zoe])
        var shipped = order
        shipped.shippingPhone = "+33 7 99 88 77 66"
        _ = try importOrders(database, [shipped])
        _ = try erase(database, email: zoe.email!)
        #expect(try database.suppressionMatch(phone: "0033 7 99 88 77 66") != nil, "the shipping phone of her order")
        #expect(try database.suppressionMatch(shopifyCustomerId: zoe.shopifyId) != nil)
        #expect(try database.suppressionMatch(email: "ZOE@example.com ") != nil)
    }

    @Test func aNewRequestFromAnErasedPersonIsRecordedWithoutRecreatingThem() throws {
        let database = try database()
        _ = try importCustomers(database, [zoe])
        let erasure = try erase(database, email: zoe.email!)
        let again = try database.createRequest(NewRequest(kind: .access, email: zoe.email!), actor: ava, at: storeNow)
        #expect(try count(database, "SELECT COUNT(*) FROM privacyRequest WHERE publicId = ? AND customerId IS NULL",
                          [again.summary.publicId]) == 1)
        #expect(try count(database, "SELECT COUNT(*) FROM customer WHERE erasedAt IS NULL") == 0)
        let entry = try #require(database.auditEntries(target: again.summary.publicId).first { $0.action == "request.receive" })
        #expect(entry.details.contains("\"erasedBefore\":\"\(erasure)\""))
    }

    /// Zoë as an export of either generation lists her: with a Customer ID, or (before 2022) by email only.
    func zoe(withCustomerId: Bool) -> ImportedCustomer {
        var row = zoe
        if !withCustomerId { row.shopifyId = nil }
        return row
    }

    @Test(arguments: [true, false])
    func anImportNeverUndoesAWithdrawalOrGrantsMarketingToAMinor(withCustomerId: Bool) throws {
        let database = try database()
        let zoe = zoe(withCustomerId: withCustomerId)
        _ = try importCustomers(database, [zoe])
        let withdrawal = try database.createRequest(NewRequest(kind: .consentWithdrawal, email: zoe.email!), actor: ava, at: storeNow)
        try database.perform(.claim, on: withdrawal.summary.publicId, actor: ava, at: storeNow)
        try database.withdrawConsent(publicId: withdrawal.summary.publicId, actor: ava, at: storeNow)
        let report = try importCustomers(database, [zoe])
        #expect(report.consentEvents == 0)
        #expect(report.kept.first?.reason.hasPrefix("email-marketing kept withdrawn: withdrawn on 2026-11-25") == true)
        #expect(try count(database, "SELECT granted FROM consentEvent ORDER BY id DESC LIMIT 1") == 0)

        var tom = zoe
        tom.shopifyId = "42"
        tom.email = "tom@example.com"
        tom.phone = nil
        tom.acceptsEmailMarketing = false
        _ = try importCustomers(database, [tom])
        let customer = try database.writer.read { db in try String.fetchOne(db, sql: "SELECT publicId FROM customer WHERE shopifyId = '42'")! }
        try database.flagMinor(customerPublicId: customer, reason: "told us on the phone", guardianName: nil, actor: ava, at: storeNow)
        tom.acceptsEmailMarketing = true
        let minor = try importCustomers(database, [tom])
        #expect(minor.consentEvents == 0)
        #expect(minor.kept.contains { $0.reason.contains("flagged under 16") })
    }

    @Test(arguments: [true, false])
    func aCorrectionMadeInLoupeIsNotOverwrittenByAnOlderExport(withCustomerId: Bool) throws {
        let database = try database()
        let zoe = zoe(withCustomerId: withCustomerId)
        _ = try importCustomers(database, [zoe])
        let id = try started(database, NewRequest(kind: .rectification, email: zoe.email!,
                                                  corrections: [.fullName: "Zoé Nandu", .city: "Lyon"]))
        try database.rectify(publicId: id, actor: ava, at: storeNow)
        var newer = zoe
        newer.phone = "+33 7 00 00 00 00"
        let report = try importCustomers(database, [newer])
        #expect(report.updated == 1, "the phone was not corrected in Loupe: the export's new phone is taken")
        #expect(Set(report.kept.map { $0.reason.components(separatedBy: " ").first! }) == ["name", "city"])
        #expect(report.kept.allSatisfy { $0.reason.hasSuffix("corrected on 2026-11-25 by \(id)") })
        let row = try database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT c.fullName, c.phone, a.city FROM customer c JOIN address a ON a.customerId = c.id")!
        }
        let name: String? = row["fullName"], city: String? = row["city"], phone: String? = row["phone"]
        #expect(name == "Zoé Nandu")
        #expect(city == "Lyon")
        #expect(phone == "+33 7 00 00 00 00")
    }

    @Test func phoneOnlyCustomersAreImportedAndMatchedByPhone() throws {
        let database = try database()
        let paul = ImportedCustomer(shopifyId: nil, email: nil, fullName: "Paul", phone: "+44 7700 900123",
                                    acceptsEmailMarketing: nil, acceptsSMSMarketing: true, address: nil)
        #expect(try importCustomers(database, [paul]).created == 1)
        #expect(try importCustomers(database, [paul]).unchanged == 1)
    }

    @Test func flaggingAMinorTwiceIsRefusedAndNamesTheOpenErasure() throws {
        let database = try database()
        _ = try importCustomers(database, [zoe])
        let customer = try database.writer.read { db in try String.fetchOne(db, sql: "SELECT publicId FROM customer")! }
        let first = try database.flagMinor(customerPublicId: customer, reason: "school email", guardianName: "Ann",
                                           guardianEmail: "ann.parent@example.org", actor: ava, at: storeNow)
        #expect {
            try database.flagMinor(customerPublicId: customer, reason: "again", guardianName: nil, actor: ava, at: storeNow)
        } throws: { ($0 as? LoupeError)?.message.contains(first.summary.publicId) == true }
        #expect(try count(database, "SELECT COUNT(*) FROM privacyRequest WHERE kind = 'erasure'") == 1)
        // Messages about a guardian's request go to the guardian, never to the child.
        try database.perform(.claim, on: first.summary.publicId, actor: ava, at: storeNow)
        let messages = try database.outbox(actor: root).filter { $0.requestId == first.summary.publicId }
        #expect(!messages.isEmpty && messages.allSatisfy { $0.toAddress == "ann.parent@example.org" })
    }
}
