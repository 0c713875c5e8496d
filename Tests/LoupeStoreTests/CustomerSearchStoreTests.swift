import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

@Suite struct CustomerSearchStoreTests {
    @Test func accentsAreIgnoredPrefixesMatchAndOrderNumbersFindTheirCustomer() throws {
        let database = try demoDatabase(customers: 300)
        let muller = try database.searchCustomers("muller")
        #expect(!muller.isEmpty && muller.allSatisfy { ($0.fullName ?? "").contains("Müller") })
        #expect(try database.searchCustomers("mül").map(\.id) == muller.map(\.id), "a prefix, with or without the accent")
        let order = try database.writer.read { db in try Row.fetchOne(db, sql: "SELECT number, customerId, trackingNumber FROM customerOrder WHERE customerId IS NOT NULL AND trackingNumber IS NOT NULL LIMIT 1")! }
        #expect(try database.searchCustomers(order["number"]).first?.id == order["customerId"])
        #expect(try database.searchCustomers(order["trackingNumber"]).first?.id == order["customerId"])
        #expect(throws: Never.self, "FTS syntax typed is quoted, never an error") {
            _ = try database.searchCustomers("\" OR 1=1 NEAR( -- *")
        }
        #expect(try database.searchCustomers("").count == 100, "nothing typed: the first page, capped")
    }

    @Test func aCustomersTabsAreReadCapped() throws {
        let database = try demoDatabase(customers: 60)
        let id = try database.writer.read { db in try String.fetchOne(db, sql: "SELECT publicId FROM customer c WHERE EXISTS (SELECT 1 FROM customerOrder o WHERE o.customerId = c.id) LIMIT 1")! }
        let detail = try database.customerDetail(publicId: id)
        #expect(detail.orders.count == detail.summary.orderCount)
        #expect(detail.deviceEvents.count <= 50 && detail.deviceEventCount >= detail.deviceEvents.count)
        #expect(throws: LoupeError.self) { try database.customerDetail(publicId: "C-999999") }
    }
}

@Suite struct OrderStoreTests {
    @Test func anOrderIsFoundByNumberWithItsItemsAndCustomer() throws {
        let database = try demoDatabase(customers: 40)
        let number = try database.writer.read { db in try String.fetchOne(db, sql: "SELECT number FROM customerOrder WHERE customerId IS NOT NULL LIMIT 1")! }
        let order = try database.order(number: number)
        #expect(order.number == number && !order.items.isEmpty && order.customerPublicId?.hasPrefix("C-") == true)
        #expect(throws: LoupeError.self) { try database.order(number: "NOPE-1") }
    }
}

@Suite struct RecentOrdersStoreTests {
    @Test func theNewestOrdersAreReadByIndexNewestFirst() throws {
        let database = try demoDatabase(customers: 60)
        let orders = try database.recentOrders(limit: 20)
        #expect(orders.count == 20)
        #expect(zip(orders, orders.dropFirst()).allSatisfy { $0.placedAt >= $1.placedAt })
        let details = try database.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT o.number FROM customerOrder o LEFT JOIN customer c ON c.id = o.customerId ORDER BY o.placedAt DESC LIMIT 20").map { $0["detail"] as String }
        }
        #expect(!details.contains { $0.contains("TEMP B-TREE") }, "\(details)")
    }
}
