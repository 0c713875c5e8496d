import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

/// People the shop knows only from guest orders or by phone have their rights too; someone it knows nothing
/// about is answered "we hold no data about you".
@Suite struct SubjectWithoutRecordTests {
    let tests = SuppressionStoreTests()

    func guestOrder(_ database: AppDatabase, email: String?, phone: String?) throws {
        var order = tests.order
        order.email = email
        order.shippingPhone = phone
        order.shopifyId = nil
        order.name = "#G\(Int.random(in: 1...1_000_000))"
        #expect(try tests.importOrders(database, [order]).created == 1)
    }

    @Test func aGuestKnownByEmailCanBeExportedAndErased() throws {
        let database = try tests.database()
        try guestOrder(database, email: "guest@example.com", phone: nil)
        let access = try tests.started(database, NewRequest(kind: .access, email: "guest@example.com"))
        let detail = try database.requestDetail(publicId: access)
        #expect(detail.customerPublicId != nil, "a customer record holds the guest's orders")
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let export = try database.exportAccess(publicId: access, to: directory.path, actor: tests.ava, at: storeNow)
        #expect(try String(contentsOfFile: export.folder + "/data.json", encoding: .utf8).contains("#G"))
        _ = try tests.erase(database, email: "guest@example.com")
        #expect(try tests.count(database, "SELECT COUNT(*) FROM customerOrder WHERE shipToName IS NOT NULL OR guestEmail IS NOT NULL") == 0)
        var again = tests.order
        again.email = "guest@example.com"
        #expect(try tests.importOrders(database, [again]).suppressed.count == 1, "the guest's email is suppressed")
    }

    @Test func aGuestOrPhoneOnlyCustomerIsFoundByPhone() throws {
        let database = try tests.database()
        try guestOrder(database, email: nil, phone: "+44 7700 900555")
        let request = try database.createRequest(NewRequest(kind: .erasure, email: nil, phone: "0044 7700-900555"),
                                                 actor: tests.ava, at: storeNow)
        #expect(request.customerPublicId != nil)
        let paul = ImportedCustomer(shopifyId: nil, email: nil, fullName: "Paul", phone: "+44 7700 900777",
                                    acceptsEmailMarketing: nil, acceptsSMSMarketing: nil, address: nil)
        _ = try tests.importCustomers(database, [paul])
        let byPhone = try database.createRequest(NewRequest(kind: .access, email: nil, phone: "+44 (7700) 900777"),
                                                 actor: tests.ava, at: storeNow)
        #expect(byPhone.customerPublicId != nil)
    }

    @Test(arguments: [RequestKind.access, .erasure])
    func someoneTheShopKnowsNothingAboutIsAnsweredNoDataHeld(kind: RequestKind) throws {
        let database = try tests.database()
        let id = try database.createRequest(NewRequest(kind: kind, email: "stranger@example.net"), actor: tests.ava,
                                            at: storeNow).summary.publicId
        try database.perform(.claim, on: id, actor: tests.ava, at: storeNow)
        let done = try database.perform(.complete, on: id, actor: tests.ava, at: storeNow)
        #expect(done.summary.status == .completed)
        let message = try #require(
            database.outbox(actor: tests.root).first { $0.requestId == id && $0.event == .noDataHeld })
        #expect(message.body.contains("we hold none"))
        #expect(message.toAddress == "stranger@example.net")
        let reason = try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT outcomeReason FROM privacyRequest WHERE publicId = ?", arguments: [id])
        }
        #expect(reason == RequestRules.noDataHeld)
        #expect(try database.auditEntries(target: id).contains { $0.action == "request.complete" })
    }

    @Test func aRequestWithNeitherEmailNorPhoneIsRefused() {
        #expect(throws: LoupeError.self) { try NewRequest(kind: .access, email: nil).validated() }
        #expect(throws: LoupeError.self) { try NewRequest(kind: .access, email: nil, phone: "12").validated() }
    }
}
