import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

@Suite struct ImportStoreTests {
    let root = StaffMember(userName: "root", displayName: "root", role: .admin)
    let ava = StaffMember(userName: "ava", displayName: "Ava", role: .agent)

    func database() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        try database.initialize(admin: "root", displayName: "root", at: storeNow)
        _ = try database.addStaff(userName: "ava", role: .agent, displayName: "Ava", actor: root, at: storeNow)
        return database
    }

    func feed<Record>(_ items: [ImportItem<Record>]) -> () throws -> ImportItem<Record>? {
        var rest = items[...]
        return { rest.popFirst() }
    }

    let zoe = ImportedCustomer(
        shopifyId: "7302918455123", email: "zoe@example.com", fullName: "Zoë Ñandú", phone: "+33612345678",
        acceptsEmailMarketing: true, acceptsSMSMarketing: false,
        address: ImportedAddress(line1: "12 Rue de la Paix", line2: nil, city: "Paris", postalCode: "75002", region: nil, country: "FR"))

    func snapshot(_ database: AppDatabase) throws -> [String] {
        try database.writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT 'c' || id || publicId || IFNULL(fullName,'') || IFNULL(email,'') || IFNULL(phone,'') || IFNULL(shopifyId,'') FROM customer
                UNION ALL SELECT 'a' || id || customerId || line1 || city || country FROM address
                UNION ALL SELECT 'e' || id || customerId || purpose || granted || source FROM consentEvent
                UNION ALL SELECT 'o' || id || number || IFNULL(customerId,'') || totalMinor FROM customerOrder
                UNION ALL SELECT 'i' || id || orderId || sku || quantity FROM orderItem
                """)
        }
    }

    @Test func importingTheSameCustomersTwiceChangesNothingAndConsentIsRecordedOnce() throws {
        let database = try database()
        let first = try database.importCustomers(from: feed([.record(zoe, line: 2)]), fileName: "c.csv", dryRun: false,
                                                 skipBadRows: false, actor: root, at: storeNow)
        #expect(first.created == 1 && first.consentEvents == 1 && first.written)
        let before = try snapshot(database)
        let second = try database.importCustomers(from: feed([.record(zoe, line: 2)]), fileName: "c.csv", dryRun: false,
                                                  skipBadRows: false, actor: root, at: storeNow)
        #expect(second.unchanged == 1 && second.created == 0 && second.updated == 0 && second.consentEvents == 0)
        #expect(try snapshot(database) == before)
        var moved = zoe
        moved.address?.city = "Lyon"
        moved.acceptsEmailMarketing = false
        let third = try database.importCustomers(from: feed([.record(moved, line: 2)]), fileName: "c.csv", dryRun: false,
                                                 skipBadRows: false, actor: root, at: storeNow)
        #expect(third.updated == 1 && third.consentEvents == 1, "the new city, and the withdrawal as a consent event")
        #expect(try database.auditEntries(target: "import:c.csv").count == 3)
    }

    @Test func badRowsStopTheImportUnlessSkippedAndADryRunWritesNothing() throws {
        let database = try database()
        let items: [ImportItem<ImportedCustomer>] = [.record(zoe, line: 2), .rejected(line: 3, reason: "card")]
        let stopped = try database.importCustomers(from: feed(items), fileName: "c.csv", dryRun: false, skipBadRows: false,
                                                   actor: root, at: storeNow)
        #expect(!stopped.written && stopped.created == 1 && stopped.rejected == [RowProblem(line: 3, reason: "card")])
        #expect(try snapshot(database).isEmpty, "one bad row: nothing written")
        let dry = try database.importCustomers(from: feed([.record(zoe, line: 2)]), fileName: "c.csv", dryRun: true,
                                               skipBadRows: false, actor: root, at: storeNow)
        #expect(dry.created == 1 && !dry.written)
        #expect(try snapshot(database).isEmpty)
        let skipped = try database.importCustomers(from: feed(items), fileName: "c.csv", dryRun: false, skipBadRows: true,
                                                   actor: root, at: storeNow)
        #expect(skipped.written && skipped.created == 1)
        #expect(throws: LoupeError.self, "agents do not import") {
            try database.importCustomers(from: feed([.record(zoe, line: 2)]), fileName: "c.csv", dryRun: false,
                                         skipBadRows: false, actor: ava, at: storeNow)
        }
    }

    @Test func ordersLinkToTheCustomerByEmailAndReimportChangesNothing() throws {
        let database = try database()
        _ = try database.importCustomers(from: feed([.record(zoe, line: 2)]), fileName: "c.csv", dryRun: false,
                                         skipBadRows: false, actor: root, at: storeNow)
        let order = ImportedOrder(
            shopifyId: "5123456789012", name: "#1042", email: "zoe@example.com", placedAt: storeNow, status: "paid",
            currency: "EUR", totalMinor: 21980, paymentMethod: "Shopify Payments", billingName: "Zoë Ñandú",
            billingAddress: "12 Rue de la Paix, 75002, Paris, FR", shippingName: nil, shippingAddress: nil, shippingPhone: nil,
            items: [ImportedOrderItem(sku: "EAR", name: "Hoops", quantity: 1, priceMinor: 12990),
                    ImportedOrderItem(sku: "CH", name: "Chain", quantity: 2, priceMinor: 4495)])
        var guest = order
        guest.shopifyId = "5123456789013"
        guest.name = "#1043"
        guest.email = "guest@example.com"
        let first = try database.importOrders(from: feed([.record(order, line: 2), .record(guest, line: 4)]), fileName: "o.csv",
                                              dryRun: false, skipBadRows: false, actor: root, at: storeNow)
        #expect(first.created == 2)
        let linked = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT customerId, guestEmail FROM customerOrder ORDER BY number")
        }
        #expect(linked[0]["customerId"] == 1 as Int64 && linked[1]["guestEmail"] == "guest@example.com")
        let before = try snapshot(database)
        let again = try database.importOrders(from: feed([.record(order, line: 2), .record(guest, line: 4)]), fileName: "o.csv",
                                              dryRun: false, skipBadRows: false, actor: root, at: storeNow)
        #expect(again.unchanged == 2)
        #expect(try snapshot(database) == before)
    }
}

@Suite struct ShopifyIdMatchingTests {
    @Test func anImportedCustomersShopifyIdFindsThemForAWebhook() throws {
        let database = try AppDatabase.inMemory()
        try database.initialize(admin: "root", displayName: "root", at: storeNow)
        let root = try #require(try database.staffMember(userName: "root"))
        let customer = ImportedCustomer(shopifyId: "191167", email: "ann@example.com", fullName: "Ann", phone: nil,
                                        acceptsEmailMarketing: nil, acceptsSMSMarketing: nil, address: nil)
        var items = [ImportItem<ImportedCustomer>.record(customer, line: 2)][...]
        _ = try database.importCustomers(from: { items.popFirst() }, fileName: "c.csv", dryRun: false, skipBadRows: false,
                                         actor: root, at: storeNow)
        #expect(try database.customerEmail(identityType: "shopify_customer_id", value: "191167", format: "raw") == "ann@example.com")
        #expect(try database.customerEmail(identityType: "shopify_customer_id", value: "1", format: "raw") == nil)
    }
}
