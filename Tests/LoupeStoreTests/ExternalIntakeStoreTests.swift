import Crypto
import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

@Suite struct ExternalIntakeStoreTests {
    // Intake is the service's (or an admin's): the demo's admin receives here.
    let ava = testAdmin

    /// Shopify's HMAC covers the body only: the same body again under a new webhook id (a captured request
    /// replayed) is the same event, never a second request.
    /// A hashed identity is one index lookup of the customers' email digests, kept by triggers: a changed email
    /// (even from the sqlite3 shell) loses its old digests at once and gets new ones; an erased one has none.
    @Test func hashedIdentitiesAreMatchedThroughDigestsKeptWithTheEmail() throws {
        let database = try demoDatabase(customers: 20)
        func sha256(_ text: String) -> String {
            SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
        }
        let (id, email) = try database.writer.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT id, email FROM customer WHERE email IS NOT NULL LIMIT 1")!
            return (row["id"] as Int64, row["email"] as String)
        }
        #expect(try database.customerEmail(identityType: "email", value: sha256(email), format: "sha256") == email)
        try database.writer.write { db in
            try db.execute(sql: "UPDATE customer SET email = 'changed@example.net' WHERE id = ?", arguments: [id])
        }
        #expect(try database.customerEmail(identityType: "email", value: sha256(email), format: "sha256") == nil)
        #expect(
            try database.customerEmail(identityType: "email", value: sha256("changed@example.net"), format: "sha256")
                == "changed@example.net")
        try database.writer.write { db in
            try db.execute(sql: "UPDATE customer SET email = NULL WHERE id = ?", arguments: [id])
        }
        #expect(try database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customerDigest WHERE customerId = ?", arguments: [id])
        } == 0, "an email that goes takes its digests with it")
    }

    @Test func theSameBodyUnderANewWebhookIdIsTheSameEvent() throws {
        let database = try demoDatabase(customers: 20)
        let email = try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT email FROM customer WHERE NOT isMinor LIMIT 1")!
        }
        let first = NewRequest(kind: .erasure, email: email, channel: .shopify, externalReference: "redact:w-1")
        let replay = NewRequest(kind: .erasure, email: email, channel: .shopify, externalReference: "redact:w-2")
        guard case .created(let recorded) = try database.recordExternalRequest(
            first, digest: "body-digest", details: [:], dryRun: false, actor: ava, at: storeNow) else {
            Issue.record("not created"); return
        }
        #expect(try database.recordExternalRequest(replay, digest: "body-digest", details: [:], dryRun: false,
                                                   actor: ava, at: storeNow) == .duplicate(publicId: recorded.publicId))
        let other = NewRequest(kind: .erasure, email: email, channel: .shopify, externalReference: "redact:w-3")
        guard case .created = try database.recordExternalRequest(
            other, digest: "another-body", details: [:], dryRun: false, actor: ava, at: storeNow) else {
            Issue.record("another body is another event"); return
        }
    }

    @Test func aRedeliveryIsADuplicateAReusedIdIsRefusedAndADryRunWritesNothing() throws {
        let database = try demoDatabase(customers: 20)
        let email = try database.writer.read { db in try String.fetchOne(db, sql: "SELECT email FROM customer WHERE NOT isMinor LIMIT 1")! }
        let draft = NewRequest(kind: .access, email: email, channel: .shopify, externalReference: "data_request:9999")
        let count = { try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM privacyRequest")! } }
        let before = try count()
        #expect(try database.recordExternalRequest(draft, digest: "d1", details: [:], dryRun: true, actor: ava, at: storeNow)
                == .wouldCreate(matched: true))
        #expect(try count() == before, "a dry run writes nothing")
        guard case .created(let recorded) = try database.recordExternalRequest(
            draft, digest: "d1", details: ["orders": "1,2"], dryRun: false, actor: ava, at: storeNow) else {
            Issue.record("not created"); return
        }
        let detail = try database.requestDetail(publicId: recorded.publicId)
        #expect(recorded.customerPublicId == detail.customerPublicId && recorded.customerPublicId != nil)
        #expect(detail.channel == .shopify && detail.externalReference == "data_request:9999")
        #expect(detail.timeline.first?.details.contains(#""orders":"1,2""#) == true)
        #expect(try database.recordExternalRequest(draft, digest: "d1", details: [:], dryRun: false, actor: ava, at: storeNow)
                == .duplicate(publicId: detail.summary.publicId))
        #expect(throws: LoupeError.self, "the same id with other content") {
            try database.recordExternalRequest(draft, digest: "d2", details: [:], dryRun: false, actor: ava, at: storeNow)
        }
        #expect(try count() == before + 1)
    }

    @Test func hashedEmailsMatchTheCustomerOnFile() throws {
        let database = try demoDatabase(customers: 20)
        let (email, publicId) = try database.writer.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT email, publicId FROM customer WHERE email IS NOT NULL ORDER BY id DESC LIMIT 1")!
            return (row["email"] as String, row["publicId"] as String)
        }
        let hex = { (digest: any Digest) in digest.map { String(format: "%02x", $0) }.joined() }
        #expect(try database.customerEmail(identityType: "email", value: hex(SHA256.hash(data: Data(email.utf8))), format: "sha256") == email)
        #expect(try database.customerEmail(identityType: "email", value: hex(Insecure.SHA1.hash(data: Data(email.utf8))).uppercased(), format: "sha1") == email)
        #expect(try database.customerEmail(identityType: "email", value: hex(Insecure.MD5.hash(data: Data(email.utf8))), format: "md5") == email)
        #expect(try database.customerEmail(identityType: "email", value: email.uppercased(), format: "raw") == email)
        #expect(try database.customerEmail(identityType: "controller_customer_id", value: publicId, format: "raw") == email)
        #expect(try database.customerEmail(identityType: "email", value: String(repeating: "0", count: 64), format: "sha256") == nil)
    }
}
