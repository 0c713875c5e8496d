import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// What the courier of `orderNumber` receives: the ship-to name, address and phone, nothing else. Printing it
    /// records the disclosure (recipient, order, fields, when, by whom) in the same transaction, audited.
    /// `carrier` names the courier when the order has none yet.
    public func courierLabel(
        orderNumber: String, carrier: String? = nil, actor: StaffMember,
        at time: Date
    ) throws -> (label: CourierLabel, courier: String) {
        let carrier = try carrier.map { try TextRules.validated($0, field: "courier") }
        return try write { db in
            try Self.authorize(db, actor, .courierLabel)
            guard
                let order = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT o.id, o.customerId, o.carrier, o.shipToName, o.shipToAddress, o.shipToPhone, c.erasedAt
                        FROM customerOrder o LEFT JOIN customer c ON c.id = o.customerId WHERE o.number = ?
                        """, arguments: [orderNumber])
            else {
                throw LoupeError(
                    .notFound, "No order \(TextRules.printable(orderNumber)); order numbers look like JDS-104233.")
            }
            guard order["erasedAt"] == nil as Date? else {
                throw LoupeError(
                    .notAllowed, "\(orderNumber) belongs to an erased customer: there is nothing to ship to.")
            }
            guard let courier = carrier ?? order["carrier"] else {
                throw LoupeError(.invalidInput, "\(orderNumber) has no courier yet; name it with --carrier NAME.")
            }
            let parts: [String?] = [order["shipToName"], order["shipToAddress"], order["shipToPhone"]]
            guard let name = parts[0], let address = parts[1], !name.isEmpty, !address.isEmpty else {
                throw LoupeError(.invalidInput, "\(orderNumber) has no ship-to name and address; it cannot be shipped.")
            }
            let label = CourierLabel(recipientName: name, shippingAddress: address, phone: parts[2] ?? "")
            try db.execute(
                sql: """
                    INSERT INTO disclosure (recipientKind, recipient, customerId, orderId, fields, disclosedAt,
                        disclosedBy)
                    VALUES ('courier', ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    courier, order["customerId"], order["id"],
                    DisclosureField.listText(CourierLabel.disclosedFields), time, actor.userName,
                ])
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .courierLabelPrinted, target: orderNumber,
                details: [
                    "courier": courier,
                    "fields": DisclosureField.listText(CourierLabel.disclosedFields),
                ])
            return (label, courier)
        }
    }

    /// The disclosure register. For one customer: every recorded disclosure about them, and the payment
    /// provider's share of each of their orders (made at checkout, as the data map says). Without a customer:
    /// the recorded disclosures, newest first, at most `limit`.
    public func disclosures(customerPublicId: String? = nil, limit: Int = 1_000, actor: StaffMember) throws
        -> [Disclosure]
    {
        try disclosures(customerPublicId: customerPublicId, limit: limit, reader: actor)
    }

    /// `disclosures` without the gate: for the store's own use and its tests.
    func disclosures(customerPublicId: String? = nil, limit: Int = 1_000) throws -> [Disclosure] {
        try disclosures(customerPublicId: customerPublicId, limit: limit, reader: nil)
    }

    func disclosures(customerPublicId: String? = nil, limit: Int = 1_000, reader: StaffMember?) throws -> [Disclosure] {
        try read(as: reader, .readRegisters) { db in
            guard let customerPublicId else { return try Self.recordedDisclosures(db, customerId: nil, limit: limit) }
            return try Self.disclosuresAbout(db, customerId: try Self.customerRowId(db, customerPublicId))
        }
    }

    /// Every disclosure about one customer, oldest first: recorded ones and the payment providers' shares.
    static func disclosuresAbout(_ db: Database, customerId: Int64) throws -> [Disclosure] {
        let recorded = try recordedDisclosures(db, customerId: customerId, limit: nil)
        let payments = try Row.fetchAll(
            db,
            sql: """
                SELECT o.number, o.paymentProvider, o.placedAt, c.publicId FROM customerOrder o
                JOIN customer c ON c.id = o.customerId WHERE o.customerId = ? ORDER BY o.placedAt
                """, arguments: [customerId]
        ).map { row in
            Disclosure(
                recipientKind: .paymentProvider, recipient: row["paymentProvider"], customer: row["publicId"],
                order: row["number"], authorityRequest: nil, fields: Disclosure.paymentProviderFields,
                disclosedAt: row["placedAt"], disclosedBy: "checkout", withheldReason: nil)
        }
        return (recorded + payments).sorted { $0.disclosedAt < $1.disclosedAt }
    }

    private static func recordedDisclosures(_ db: Database, customerId: Int64?, limit: Int?) throws -> [Disclosure] {
        let filter = customerId == nil ? "" : "WHERE d.customerId = :customer"
        let order = customerId == nil ? "ORDER BY d.disclosedAt DESC, d.id DESC" : "ORDER BY d.disclosedAt, d.id"
        return try Row.fetchAll(
            db,
            sql: """
                SELECT d.*, c.publicId, o.number, a.publicId AS authorityPublicId FROM disclosure d
                LEFT JOIN customer c ON c.id = d.customerId LEFT JOIN customerOrder o ON o.id = d.orderId
                LEFT JOIN authorityRequest a ON a.id = d.authorityRequestId
                \(filter) \(order) LIMIT :limit
                """, arguments: ["customer": customerId, "limit": limit ?? -1]
        ).map { row in
            Disclosure(
                recipientKind: try decode(row["recipientKind"]), recipient: row["recipient"],
                customer: row["publicId"], order: row["number"], authorityRequest: row["authorityPublicId"],
                fields: try DisclosureField.parseList(row["fields"]), disclosedAt: row["disclosedAt"],
                disclosedBy: row["disclosedBy"], withheldReason: row["withheldReason"])
        }
    }

    /// The register counted by recipient, for the record of processing.
    static func disclosureSummaries(_ db: Database) throws -> [DisclosureSummary] {
        var summaries = try Row.fetchAll(
            db,
            sql: """
                SELECT recipientKind, recipient, COUNT(*) AS n, group_concat(DISTINCT fields) AS fields FROM disclosure
                GROUP BY recipientKind, recipient ORDER BY recipientKind, recipient
                """
        ).map { row in
            let fields = try DisclosureField.parseList(row["fields"])
            return DisclosureSummary(
                recipientKind: try decode(row["recipientKind"]), recipient: row["recipient"],
                count: row["n"], fields: fields)
        }
        summaries += try Row.fetchAll(
            db,
            sql: """
                SELECT paymentProvider, COUNT(*) AS n FROM customerOrder 
                GROUP BY paymentProvider ORDER BY paymentProvider
                """
        ).map { row in
            DisclosureSummary(
                recipientKind: .paymentProvider, recipient: row["paymentProvider"], count: row["n"],
                fields: Disclosure.paymentProviderFields)
        }
        return summaries
    }
}
