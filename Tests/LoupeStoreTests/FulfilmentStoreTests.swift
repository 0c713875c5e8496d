import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

@Suite struct FulfilmentStoreTests {
    let ava = StaffMember(userName: "ava", displayName: "Ava", role: .agent)

    /// A request of `kind` about the customer with the most orders, claimed by ava; verified and started unless
    /// `ready` is false.
    func request(_ kind: RequestKind, in database: AppDatabase, corrections: [CorrectableField: String] = [:], ready: Bool = true)
        throws -> (id: String, customerId: Int64, email: String) {
        let row = try database.writer.read { db in
            try Row.fetchOne(db, sql: """
                SELECT id, email FROM customer c WHERE NOT isMinor
                ORDER BY (SELECT COUNT(*) FROM customerOrder o WHERE o.customerId = c.id) DESC, id LIMIT 1
                """)!
        }
        let id = try database.createRequest(NewRequest(kind: kind, email: row["email"], corrections: corrections),
                                            actor: ava, at: storeNow).summary.publicId
        try database.perform(.claim, on: id, actor: ava, at: storeNow)
        if ready {
            try database.perform(.verify(method: .order, note: nil), on: id, actor: ava, at: storeNow)
            try database.perform(.start, on: id, actor: ava, at: storeNow)
        }
        return (id, row["id"], row["email"])
    }

    @Test func anAccessExportHoldsEveryCategoryOfThisCustomerAndNobodyElse() throws {
        let database = try demoDatabase(customers: 200)
        let (id, customerId, email) = try request(.access, in: database)
        // A guest order with the subject's email is theirs; a neighbour at the same address is not.
        let neighbour = try database.writer.write { db -> String in
            try db.execute(sql: """
                INSERT INTO customerOrder (number, customerId, guestEmail, status, placedAt, totalMinor, currency, paymentMethod,
                    paymentProvider, shipToName) VALUES ('JDS-GUEST-1', NULL, ?, 'delivered', ?, 1000, 'EUR', 'paypal', 'PayPal', 'Guest Self')
                """, arguments: [email, storeNow])
            try db.execute(sql: """
                INSERT INTO customerOrder (number, customerId, guestEmail, status, placedAt, totalMinor, currency, paymentMethod,
                    paymentProvider, shipToName) VALUES ('JDS-GUEST-2', NULL, 'someone.else@example.org', 'delivered', ?, 1000, 'EUR', 'paypal', 'PayPal', 'Other Person')
                """, arguments: [storeNow])
            let line: String = try String.fetchOne(db, sql: "SELECT line1 FROM address WHERE customerId = ?", arguments: [customerId])!
            try db.execute(sql: """
                INSERT INTO customer (publicId, fullName, email, phone, createdAt) VALUES ('C-NEIGHBOUR', 'Nora Neighbour', 'nora@example.org', '+44 7700 900999', ?)
                """, arguments: [storeNow])
            try db.execute(sql: "INSERT INTO address (customerId, kind, line1, city, country) VALUES (last_insert_rowid(), 'shipping', ?, 'Same City', 'GB')",
                           arguments: [line])
            return "Nora Neighbour"
        }
        let out = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try database.exportAccess(publicId: id, to: out.path, actor: ava, at: storeNow)
        let folder = URL(fileURLWithPath: result.folder)
        #expect(folder.lastPathComponent == id)
        let json = try Data(contentsOf: folder.appendingPathComponent("data.json"))
        let report = try String(contentsOf: folder.appendingPathComponent("report.txt"), encoding: .utf8)
        let sums = try String(contentsOf: folder.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        let object = try JSONSerialization.jsonObject(with: json) as! [String: Any]
        #expect(object["schemaVersion"] as? Int == 1)
        for key in ["profile", "addresses", "orders", "deviceEvents", "consentHistory", "feedback", "privacyRequests"] {
            #expect(object[key] != nil, "data.json has \(key)")
        }
        let text = String(decoding: json, as: UTF8.self) + report
        #expect(text.contains(email))
        #expect(text.contains("JDS-GUEST-1"))
        #expect(!text.contains("JDS-GUEST-2"))
        #expect(!text.contains(neighbour))
        #expect(!text.contains("nora@example.org"))
        #expect(report.contains("WHO RECEIVED IT") && report.contains("supervisory authority") && report.contains("Privacy policy in force: 2025-09"))
        #expect(!report.contains("couriers: none"), "couriers are named from the actual orders")
        #expect(sums.contains("  data.json") && sums.contains("  report.txt"))
        for file in ["data.json", "report.txt", "SHA256SUMS"] {
            let mode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file).path)[.posixPermissions] as? Int
            // In custody: the install's group reads it through `loupe export show` (was 600, owner-only, when
            // the exporting agent kept it; `--out` copies are still 600).
            #expect(mode == 0o640)
        }
        let timeline = try database.requestDetail(publicId: id).timeline
        #expect(timeline.last?.action == "request.export")
        #expect(!timeline.last!.details.contains(email), "the audit names ids, never values")
    }

    @Test func anUnverifiedAccessRequestCannotBeExportedAndNothingIsWritten() throws {
        let database = try demoDatabase(customers: 50)
        let (id, _, _) = try request(.access, in: database, ready: false)
        let out = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect {
            try database.exportAccess(publicId: id, to: out.path, actor: ava, at: storeNow)
        } throws: { error in (error as? LoupeError)?.message.hasPrefix("Verify the requester's identity first") == true }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test func rectificationShowsBeforeAndAfterAppliesAndNotifiesCouriers() throws {
        let database = try demoDatabase(customers: 200)
        let (id, customerId, _) = try request(.rectification, in: database, corrections: [.fullName: "Renée Corrected", .phone: "+44 7700 900123"])
        let preview = try database.rectificationPreview(publicId: id)
        #expect(preview.map(\.field) == ["name", "phone"])
        #expect(preview.allSatisfy { $0.before != nil && $0.before != $0.after })
        let applied = try database.rectify(publicId: id, actor: ava, at: storeNow)
        #expect(applied.count == 2)
        let name = try database.writer.read { db in try String.fetchOne(db, sql: "SELECT fullName FROM customer WHERE id = ?", arguments: [customerId]) }
        #expect(name == "Renée Corrected")
        #expect(try !database.processorTasks(requestPublicId: id).isEmpty, "couriers that had the old name are told")
        #expect(try database.requestDetail(publicId: id).timeline.last?.details == #"{"fields":"name,phone","tasks":"\#(try database.processorTasks(requestPublicId: id).count)"}"#)
        #expect {
            try database.rectify(publicId: id, extra: [.email: "not an email"], actor: ava, at: storeNow)
        } throws: { error in (error as? LoupeError)?.code == .invalidInput }
    }

    @Test func consentWithdrawalIsImmediateKeepsHistoryAndNeedsNoIdentityCheck() throws {
        let database = try demoDatabase(customers: 200)
        let customerId = try database.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT customerId FROM consentEvent GROUP BY customerId HAVING SUM(granted) = COUNT(*) AND COUNT(*) >= 2 LIMIT 1")!
        }
        let email = try database.writer.read { db in try String.fetchOne(db, sql: "SELECT email FROM customer WHERE id = ?", arguments: [customerId])! }
        let id = try database.createRequest(NewRequest(kind: .consentWithdrawal, email: email), actor: ava, at: storeNow).summary.publicId
        try database.perform(.claim, on: id, actor: ava, at: storeNow)
        let before = try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM consentEvent WHERE customerId = ?", arguments: [customerId])! }
        let withdrawn = try database.withdrawConsent(publicId: id, actor: ava, at: storeNow)
        #expect(withdrawn.count >= 2)
        let events = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM consentEvent WHERE customerId = ? ORDER BY id", arguments: [customerId])
        }
        #expect(events.count == before + withdrawn.count, "earlier events are kept")
        #expect(events.suffix(withdrawn.count).allSatisfy { $0["granted"] == false && $0["policyVersion"] == "2025-09" && ($0["source"] as String).hasPrefix("request PR-") })
        #expect(try database.requestDetail(publicId: id).summary.status == .completed)
    }

    @Test func flaggingAMinorWithdrawsMarketingAndOpensAnUrgentErasure() throws {
        let database = try demoDatabase(customers: 200)
        let publicId = try database.writer.read { db in
            try String.fetchOne(db, sql: """
                SELECT c.publicId FROM customer c JOIN consentEvent e ON e.customerId = c.id
                WHERE NOT c.isMinor AND e.purpose = 'email-marketing' AND e.granted GROUP BY c.id LIMIT 1
                """)!
        }
        let request = try database.flagMinor(customerPublicId: publicId, reason: "Birth date on an ID shows 14", guardianName: "Parent Name",
                                             actor: ava, at: storeNow)
        #expect(request.summary.kind == .erasure)
        #expect(request.summary.priority == .urgent)
        #expect(request.requester == .guardian)
        #expect(request.summary.effectiveDueAt == storeNow.addingTimeInterval(3 * 86_400))
        let top = try database.queuePage(.first(limit: 10)).rows
        let position = try #require(top.firstIndex { $0.publicId == request.summary.publicId }, "at the top of the queue")
        #expect(top[..<position].allSatisfy { $0.priority == .urgent }, "only other urgent requests come before it")
        let granted = try database.writer.read { db in
            try Bool.fetchOne(db, sql: """
                SELECT e.granted FROM consentEvent e JOIN customer c ON c.id = e.customerId
                WHERE c.publicId = ? AND e.purpose = 'email-marketing' ORDER BY e.occurredAt DESC, e.id DESC LIMIT 1
                """, arguments: [publicId])
        }
        #expect(granted == false)
        #expect(throws: LoupeError.self) {
            try database.flagMinor(customerPublicId: publicId, reason: "", guardianName: nil, actor: ava, at: storeNow)
        }
    }
}
