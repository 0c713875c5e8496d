import Foundation
import GRDB
import Logging
import LoupeDomain

extension AppDatabase {
    /// Days invoices are kept after their order: the invoices retention rule (default 3,650).
    static func invoiceRetentionDays(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT days FROM retentionRule WHERE category = 'invoices'") ?? 3_650
    }

    /// The field-by-field plan of the erasure a request asks for: what is deleted, emptied, pseudonymised or
    /// retained (with its ground and date), and who must be told.
    public func erasurePreview(publicId: String, actor: StaffMember) throws -> ErasurePlan {
        try erasurePreview(publicId: publicId, reader: actor)
    }

    /// `erasurePreview` without the gate: for the store's own use and its tests.
    func erasurePreview(publicId: String) throws -> ErasurePlan {
        try erasurePreview(publicId: publicId, reader: nil)
    }

    func erasurePreview(publicId: String, reader: StaffMember?) throws -> ErasurePlan {
        try read(as: reader, .readRequests) { db in
            let customerId = try Self.erasureSubject(db, publicId: publicId)
            return try ErasurePlan.make(for: Self.inventory(db, customerId: customerId), invoiceDays: Self.invoiceRetentionDays(db),
                                        policy: Self.deadlinePolicy(db))
        }
    }

    /// The customer an erasure request is about; refused when the request matched nobody.
    static func erasureSubject(_ db: Database, publicId: String) throws -> Int64 {
        guard let row = try Row.fetchOne(db, sql: "SELECT kind, customerId FROM privacyRequest WHERE publicId = ?",
                                         arguments: [publicId])
        else { throw LoupeError(.notFound, "No request \(publicId). List requests with `loupe requests list`.") }
        guard row["kind"] == RequestKind.erasure.rawValue else {
            throw LoupeError(.notAllowed, "\(publicId) is not an erasure request.")
        }
        guard let customerId: Int64 = row["customerId"] else {
            throw LoupeError(.notAllowed,
                "\(publicId) matched no customer: the shop holds nothing under that address to erase. Complete it (c, or loupe requests complete) to answer that no data is held.")
        }
        return customerId
    }

    /// The orders of a customer: their own, and guest orders placed with their email.
    static func orderIds(_ db: Database, customerId: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT id FROM customerOrder WHERE customerId = :id
            UNION SELECT id FROM customerOrder
                WHERE customerId IS NULL AND guestEmail = (SELECT email FROM customer WHERE id = :id)
            """, arguments: ["id": customerId])
    }

    static func inventory(_ db: Database, customerId: Int64) throws -> SubjectInventory {
        guard let customer = try Row.fetchOne(db, sql: "SELECT publicId, email, erasedAt FROM customer WHERE id = ?",
                                              arguments: [customerId])
        else { throw LoupeError(.notFound, "The request's customer no longer exists.") }
        let ids = try orderIds(db, customerId: customerId)
        let orders = try Row.fetchAll(db, sql: """
            SELECT number, placedAt, CASE WHEN trackingNumber IS NOT NULL THEN carrier END AS carrier,
                   paymentProvider, invoiceNumber
            FROM customerOrder WHERE id IN (SELECT value FROM json_each(?)) ORDER BY placedAt
            """, arguments: [jsonArray(ids)]).map { row in
                SubjectInventory.Order(number: row["number"], placedAt: row["placedAt"], carrier: row["carrier"],
                                       paymentProvider: row["paymentProvider"], invoiceNumber: row["invoiceNumber"])
            }
        func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql, arguments: [customerId]) ?? 0 }
        let email: String? = customer["email"]
        // Two index lookups (by customer, by address), not one OR that reads every request.
        let requestIds = try subjectRequestIds(db, customerId: customerId, email: email)
        return SubjectInventory(
            customerPublicId: customer["publicId"], erasedAt: customer["erasedAt"],
            addresses: try count("SELECT COUNT(*) FROM address WHERE customerId = ?"), orders: orders,
            deviceEvents: try count("SELECT COUNT(*) FROM deviceEvent WHERE customerId = ?"),
            consentEvents: try count("SELECT COUNT(*) FROM consentEvent WHERE customerId = ?"),
            feedback: try count("SELECT COUNT(*) FROM feedback WHERE customerId = ?"),
            requestsNamingSubject: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM json_each(?)", arguments: [requestIds]) ?? 0,
            requestNotes: try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM requestNote WHERE requestId IN (SELECT value FROM json_each(?))
                """, arguments: [requestIds]) ?? 0,
            files: try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM requestExport WHERE requestId IN (SELECT value FROM json_each(:ids)) AND deletedAt IS NULL)
                     + (SELECT COUNT(*) FROM outboxMessage
                        WHERE (requestId IN (SELECT value FROM json_each(:ids)) OR customerId = :customer)
                            AND copyPath IS NOT NULL)
                """, arguments: ["ids": requestIds, "customer": customerId]) ?? 0,
            messages: try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM outboxMessage WHERE requestId IN (SELECT value FROM json_each(?)) OR customerId = ?
                """, arguments: [requestIds, customerId]) ?? 0)
    }

    /// Carries out an approved erasure inside the approval's transaction, exactly as `plan` says, and opens one
    /// Art. 19 notice task per recipient. Returns the counts for the audit entry.
    func executeErasure(_ db: Database, requestId: Int64, customerId: Int64, actor: String, at time: Date) throws -> [String: String] {
        let inventory = try Self.inventory(db, customerId: customerId)
        let plan = try ErasurePlan.make(for: inventory, invoiceDays: Self.invoiceRetentionDays(db), policy: Self.deadlinePolicy(db))
        let orderIds = Self.jsonArray(try Self.orderIds(db, customerId: customerId))
        let email = try String.fetchOne(db, sql: "SELECT email FROM customer WHERE id = ?", arguments: [customerId])
        // The ledger first, while every identifier is still there (the orders' guest emails and phones go next).
        let requestIds = try Self.subjectRequestIds(db, customerId: customerId, email: email)
        let publicId = try String.fetchOne(db, sql: "SELECT publicId FROM privacyRequest WHERE id = ?", arguments: [requestId])!
        let identifiers = try Self.subjectIdentifiers(db, customerId: customerId, orderIds: orderIds,
                                                      requestIds: requestIds)
        try suppression.record(db, identifiers, requestPublicId: publicId, at: time)
        // Every message they sent to the privacy mailbox, on any request or none, is found by its sender's digest.
        let senderDigests = "[" + identifiers.filter { $0.kind == .email }.map { "\"\(suppression.digest($0))\"" }
            .joined(separator: ",") + "]"
        // Each order is rewritten once, straight to its final state: a row updated twice in one transaction can
        // leave its in-between version in the page's free space, where secure_delete does not always reach.
        // Invoices keep their billing name and address sealed (the key is outside the database).
        let retainedNumbers = Set(plan.retained.map(\.reference))
        let vault = try currentVault(db)
        for order in try Row.fetchAll(db, sql: """
            SELECT * FROM customerOrder WHERE id IN (SELECT value FROM json_each(?))
            """, arguments: [orderIds]) {
            let retained = retainedNumbers.contains(order["number"])
            let sealed: [(any DatabaseValueConvertible)?] = try Self.sealedOrderColumns.map { column in
                retained ? try (order[column] as String?).map(vault.seal) : nil
            }
            try db.cachedStatement(sql: Self.orderErasureSQL).execute(arguments: StatementArguments(sealed + [order["id"] as Int64]))
        }
        for retained in plan.retained {
            try db.cachedStatement(sql: """
                INSERT INTO retainedItem (requestId, customerId, category, reference, ground, retainUntil)
                VALUES (?, ?, 'invoice', ?, ?, ?)
                """).execute(arguments: [requestId, customerId, retained.reference, ErasurePlan.taxGround, retained.until])
        }
        try db.execute(sql: """
            DELETE FROM address WHERE customerId = ?;
            DELETE FROM deviceEvent WHERE customerId = ?;
            DELETE FROM feedback WHERE customerId = ?;
            """, arguments: [customerId, customerId, customerId])
        try Self.scrubMessages(db, requestIds: requestIds, customerId: customerId)
        try Self.scrubRequests(db, customerId: customerId, requestIds: requestIds, at: time)
        try Self.scrubMailbox(
            db, customerId: customerId, requestIds: requestIds, senderDigests: senderDigests, at: time)
        try db.execute(sql: Self.customerErasureSQL, arguments: [time, customerId])
        for recipient in plan.recipients {
            try db.execute(sql: """
                INSERT INTO processorTask (requestId, recipient, recipientKind, status, createdAt) VALUES (?, ?, ?, 'open', ?)
                """, arguments: [requestId, recipient.name, recipient.kind, time])
        }
        var counts = ["customer": inventory.customerPublicId, "retainedInvoices": String(plan.retained.count),
                      "tasks": String(plan.recipients.count)]
        for step in plan.steps where step.action != .pseudonymise {
            counts["\(step.table).\(step.action.label)"] = String(step.rows)
        }
        // Row counts and the request's id only: the subject's values never reach a log.
        logger.info("erasure executed (commits with its request)", metadata: [
            "request": .string(publicId), "rows": .dictionary(counts.mapValues { .string($0) }),
        ])
        return counts
    }

    /// Empties every customer column the data map says an erasure empties, and records when.
    static let customerErasureSQL = "UPDATE customer SET "
        + DataMap.columns(of: "customer", .empty).map { "\($0) = NULL, " }.joined() + "erasedAt = ? WHERE id = ?"

    /// The order columns an erasure keeps for tax, sealed by the vault.
    static let sealedOrderColumns = DataMap.columns(of: "customerOrder", .retain(ground: DataMap.taxGround, sealed: true))

    /// Empties every order column the data map says an erasure empties; the sealed columns take their sealed values.
    static let orderErasureSQL = "UPDATE customerOrder SET "
        + DataMap.columns(of: "customerOrder", .empty).map { "\($0) = NULL, " }.joined()
        + sealedOrderColumns.map { "\($0) = ?" }.joined(separator: ", ") + " WHERE id = ?"

    static func jsonArray(_ ids: [Int64]) -> String { "[" + ids.map(String.init).joined(separator: ",") + "]" }
}
