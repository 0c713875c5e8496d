import Foundation
import GRDB
import LoupeDomain
import LoupeIntake
@testable import LoupeStore
import Testing

/// The service's group commit: webhooks that arrive together are recorded in one transaction, each in its own
/// savepoint (`AppDatabase.receive(batch:)`).
@Suite struct WebhookBatchStoreTests {
    // The group commit is the service's: an admin receives here (the gate refuses agents; see the matrix).
    let service = StaffMember(userName: "max", displayName: "Max Weber", role: .admin)

    func delivery(id: Int, email: String?, shopifyCustomer: Int = 1, webhookId: String,
                  globalPrivacyControl: Bool = false) throws -> ShopifyDelivery {
        let customer = email.map { #"{"id":\#(shopifyCustomer),"email":"\#($0)"}"# } ?? #"{"id":\#(shopifyCustomer)}"#
        let raw = Data(#"""
            {"shop_id":954889,"shop_domain":"jewelrydealshop-test.myshopify.com","orders_requested":[],\#
            "customer":\#(customer),"data_request":{"id":\#(id)}}
            """#.utf8)
        var headers = [
            "shopify-topic": "customers/data_request", "shopify-shop-domain": "jewelrydealshop-test.myshopify.com",
            "shopify-api-version": "2025-07", "shopify-webhook-id": webhookId,
        ]
        if globalPrivacyControl { headers["sec-gpc"] = "1" }
        let webhook = try ShopifyWebhook.parse(body: raw, headers: headers, source: "test")
        return ShopifyDelivery(webhook, raw: raw, authentication: .verified, receivedAt: storeNow)
    }

    @Test func oneRefusedWebhookIsRolledBackAloneAndARedeliveryInTheSameBatchIsADuplicate() throws {
        let database = try demoDatabase(customers: 20)
        let emails = try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT email FROM customer WHERE NOT isMinor AND email IS NOT NULL LIMIT 2")
        }
        let counts = {
            try database.writer.read { db in
                [try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM privacyRequest")!,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outboxMessage")!,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditEntry WHERE action = 'request.receive'")!]
            }
        }
        // One webhook fails after its request row and audit entry are written (its acknowledgement is refused):
        // only its savepoint's rollback keeps those rows out.
        try database.writer.write { db in
            try db.execute(sql: """
                CREATE TEMP TRIGGER refuseOneAcknowledgement BEFORE INSERT ON outboxMessage
                WHEN (SELECT externalReference FROM privacyRequest WHERE id = NEW.requestId) = 'data_request:7004'
                BEGIN SELECT RAISE(ABORT, 'injected failure'); END
                """)
        }
        let before = try counts()
        let first = try delivery(id: 7001, email: emails[0], webhookId: "w1")
        let results = try database.receive(batch: [
            first,
            first,  // Shopify delivered it twice; both arrived while the previous batch was written
            try delivery(id: 7001, email: emails[1], webhookId: "w2"),  // the same id, other content
            try delivery(id: 7002, email: nil, shopifyCustomer: 999_999, webhookId: "w3"),  // nobody to name
            try delivery(id: 7004, email: emails[0], webhookId: "w5"),  // fails half-way through
            try delivery(id: 7003, email: emails[1], webhookId: "w4"),
        ], actor: service)
        guard case .success(.request(.created(let created), _)) = results[0],
              case .success(.request(.duplicate(let again), _)) = results[1],
              case .success(.request(.created(let last), _)) = results[5] else {
            Issue.record("unexpected results: \(results)"); return
        }
        #expect(again == created.publicId)
        #expect((results[2].failure as? LoupeError)?.code == .conflict)
        #expect((results[3].failure as? LoupeError)?.code == .invalidInput)
        #expect(results[4].failure != nil, "the injected failure")
        #expect(created.customerPublicId != nil && last.customerPublicId != nil)
        // Two recorded, each with its acknowledgement and audit entry; the refused and failed ones left nothing.
        let after = try counts()
        #expect(after == [before[0] + 2, before[1] + 2, before[2] + 2], "before \(before)")
        #expect(try database.verifyAudit().firstBreak == nil, "the chain holds across the savepoints")
    }

    @Test func aGlobalPrivacyControlSignalInABatchOptsTheMatchedCustomerOut() throws {
        let database = try demoDatabase(customers: 20)
        let (email, customerId) = try database.writer.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT email, id FROM customer WHERE NOT isMinor AND email IS NOT NULL")!
            return (row["email"] as String, row["id"] as Int64)
        }
        let results = try database.receive(batch: [
            try delivery(id: 8001, email: email, webhookId: "g1", globalPrivacyControl: true),
        ], actor: service)
        guard case .success(.request(.created(let created), _)) = results[0] else {
            Issue.record("unexpected results: \(results)"); return
        }
        #expect(created.customerId == customerId)
        let optOuts = try database.writer.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM consentEvent WHERE customerId = ? AND granted = 0
                AND purpose IN ('marketing-cookies', 'data-sharing') AND source LIKE 'Global Privacy Control%'
                """, arguments: [customerId])
        }
        #expect(optOuts == 2)
    }
}

extension Result {
    /// The error of a failure, nil for a success.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
