import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// Reads every record held about one customer: their own rows, and guest orders placed with their email.
    /// Only rows keyed to them are read, so nothing of another customer can appear.
    static func accessExport(_ db: Database, customerId: Int64, requestId: String, at time: Date) throws -> AccessExport {
        guard let c = try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE id = ?", arguments: [customerId]) else {
            throw LoupeError(.notFound, "The request's customer no longer exists.")
        }
        let profile = AccessExport.Profile(
            customerId: c["publicId"], fullName: c["fullName"], email: c["email"], phone: c["phone"], birthDate: c["birthDate"],
            membershipTier: c["membershipTier"], stylePreferences: c["stylePreferences"], createdAt: c["createdAt"],
            lastActiveAt: c["lastActiveAt"])
        let addresses = try Row.fetchAll(db, sql: "SELECT * FROM address WHERE customerId = ? ORDER BY id", arguments: [customerId]).map {
            AccessExport.Address(kind: $0["kind"], recipientName: $0["recipientName"],
                                 lines: [$0["line1"], $0["line2"]].compactMap { $0 }, city: $0["city"],
                                 postalCode: $0["postalCode"], country: $0["country"])
        }
        let ids = jsonArray(try orderIds(db, customerId: customerId))
        var items: [Int64: [AccessExport.Item]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT orderId, sku, productName, quantity, priceMinor FROM orderItem
            WHERE orderId IN (SELECT value FROM json_each(?)) ORDER BY id
            """, arguments: [ids]) {
            items[row[0], default: []].append(AccessExport.Item(sku: row[1], productName: row[2], quantity: row[3], priceMinor: row[4]))
        }
        let orders = try Row.fetchAll(db, sql: """
            SELECT * FROM customerOrder WHERE id IN (SELECT value FROM json_each(?)) ORDER BY placedAt
            """, arguments: [ids]).map { o in
                AccessExport.Order(
                    number: o["number"], status: o["status"], placedAt: o["placedAt"], totalMinor: o["totalMinor"],
                    currency: o["currency"], paymentMethod: o["paymentMethod"], paymentProvider: o["paymentProvider"],
                    cardBrand: o["cardBrand"], cardLast4: o["cardLast4"], carrier: o["carrier"],
                    trackingNumber: o["trackingNumber"], invoiceNumber: o["invoiceNumber"],
                    shipTo: joined(o["shipToName"], o["shipToAddress"], o["shipToPhone"]),
                    billTo: joined(o["billToName"], o["billToAddress"]), items: items[o["id"]] ?? [])
            }
        // The largest category: streamed (no row copies) and read by column position, not by name.
        let events = try Array(Row.fetchCursor(db, sql: """
            SELECT occurredAt, ip, userAgent, deviceModel, cookieId, page FROM deviceEvent WHERE customerId = ? ORDER BY occurredAt
            """, arguments: [customerId]).map {
            AccessExport.DeviceEvent(at: $0[0], ip: $0[1], userAgent: $0[2], deviceModel: $0[3], cookieId: $0[4], page: $0[5])
        })
        let consents = try consentHistory(db, customerId: customerId)
        let feedback = try Row.fetchAll(db, sql: "SELECT * FROM feedback WHERE customerId = ? ORDER BY createdAt",
                                        arguments: [customerId]).map {
            AccessExport.Feedback(text: $0["text"], rating: $0["rating"], at: $0["createdAt"])
        }
        let requests = try Row.fetchAll(db, sql: "SELECT * FROM privacyRequest WHERE customerId = ? ORDER BY receivedAt",
                                        arguments: [customerId]).map {
            AccessExport.RequestRecord(id: $0["publicId"], kind: $0["kind"], status: $0["status"], receivedAt: $0["receivedAt"])
        }
        // Notes about the subject are their personal data: all of them, except those an admin marked internal.
        let notes = try Row.fetchAll(db, sql: """
            SELECT r.publicId, n.author, n.createdAt, n.text FROM requestNote n JOIN privacyRequest r ON r.id = n.requestId
            WHERE r.customerId = ? AND n.internalReason IS NULL ORDER BY n.createdAt, n.id
            """, arguments: [customerId]).map {
            AccessExport.StaffNote(request: $0[0], author: $0[1], at: $0[2], text: $0[3])
        }
        var export = AccessExport(
            requestId: requestId, generatedAt: time, policyVersion: try currentPolicyVersion(db, at: time), profile: profile,
            addresses: addresses, orders: orders, deviceEvents: events, consentHistory: consents, feedback: feedback,
            privacyRequests: requests)
        export.staffNotes = notes
        export.disclosures = try disclosuresAbout(db, customerId: customerId).filter { $0.withheldReason == nil }
        export.consentPolicies = try Row.fetchAll(db, sql: """
            SELECT version, effectiveAt, summary FROM policyVersion
            WHERE version IN (SELECT DISTINCT policyVersion FROM consentEvent WHERE customerId = ?) ORDER BY effectiveAt
            """, arguments: [customerId]).map {
            AccessExport.PolicyQuote(version: $0["version"], effectiveAt: $0["effectiveAt"], summary: $0["summary"])
        }
        return export
    }

    /// A customer's consent events, oldest first.
    static func consentHistory(_ db: Database, customerId: Int64) throws -> [AccessExport.ConsentEvent] {
        try Row.fetchAll(db, sql: "SELECT * FROM consentEvent WHERE customerId = ? ORDER BY occurredAt, id",
                         arguments: [customerId]).map {
            AccessExport.ConsentEvent(purpose: $0["purpose"], granted: $0["granted"], at: $0["occurredAt"],
                                      source: $0["source"], policyVersion: $0["policyVersion"])
        }
    }

    /// The policy version in force at `time`.
    static func currentPolicyVersion(_ db: Database, at time: Date) throws -> String? {
        try String.fetchOne(db, sql: "SELECT version FROM policyVersion WHERE effectiveAt <= ? ORDER BY effectiveAt DESC LIMIT 1",
                            arguments: [time])
    }

    private static func joined(_ parts: String?...) -> String? {
        let present = parts.compactMap { $0 }
        return present.isEmpty ? nil : present.joined(separator: ", ")
    }
}
