import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// Customers matching what was typed, at most `limit`: name, email and phone through the full-text index
    /// (accents ignored, each word a prefix), an order number or a tracking number exactly; with nothing typed,
    /// the first customers by id. Every branch is an index lookup.
    public func searchCustomers(_ text: String, limit: Int = 100, actor: StaffMember) throws -> [CustomerSummary] {
        try searchCustomers(text, limit: limit, reader: actor)
    }

    /// `searchCustomers` without the gate: for the store's own use and its tests.
    func searchCustomers(_ text: String, limit: Int = 100) throws -> [CustomerSummary] {
        try searchCustomers(text, limit: limit, reader: nil)
    }

    func searchCustomers(_ text: String, limit: Int = 100, reader: StaffMember?) throws -> [CustomerSummary] {
        try read(as: reader, .readRequests) { db in
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let columns = """
                c.id, c.publicId, c.fullName, c.email, c.phone, c.isMinor, c.erasedAt IS NOT NULL AS isErased,
                (SELECT COUNT(*) FROM customerOrder o WHERE o.customerId = c.id) AS orderCount
                """
            let rows: [Row]
            if trimmed.isEmpty {
                rows = try Row.fetchAll(db, sql: "SELECT \(columns) FROM customer c ORDER BY c.id LIMIT ?", arguments: [limit])
            } else {
                // Order and tracking numbers have digits: a name does not pay for those lookups.
                var ids: [Int64] = !trimmed.contains(where: \.isNumber) ? [] : try Int64.fetchAll(db, sql: """
                    SELECT customerId FROM customerOrder WHERE customerId IS NOT NULL AND (number = ? OR number = ? OR trackingNumber = ?)
                    """, arguments: [trimmed, "#" + trimmed, trimmed])
                if let query = CustomerSearchText.ftsQuery(trimmed) {
                    // No ORDER BY rank: scoring every match of a one-letter prefix took 25 ms at 20,000 customers;
                    // in index order the read stops at the limit (p99 under 4 ms).
                    ids += try Int64.fetchAll(db, sql: "SELECT rowid FROM customerSearch WHERE customerSearch MATCH ? LIMIT ?",
                                              arguments: [query, limit])
                }
                var seen = Set<Int64>()
                let ordered = ids.filter { seen.insert($0).inserted }.prefix(limit)
                let found = try Row.fetchAll(db, sql: "SELECT \(columns) FROM customer c WHERE c.id IN (SELECT value FROM json_each(?))",
                                             arguments: ["[" + ordered.map(String.init).joined(separator: ",") + "]"])
                let byId = Dictionary(uniqueKeysWithValues: found.map { ($0["id"] as Int64, $0) })
                rows = ordered.compactMap { byId[$0] }
            }
            return rows.map(Self.customerSummary)
        }
    }

    /// One customer with the newest 50 entries of each tab.
    public func customerDetail(publicId: String, actor: StaffMember) throws -> CustomerDetail {
        try customerDetail(publicId: publicId, reader: actor)
    }

    /// `customerDetail` without the gate: for the store's own use and its tests.
    func customerDetail(publicId: String) throws -> CustomerDetail {
        try customerDetail(publicId: publicId, reader: nil)
    }

    func customerDetail(publicId: String, reader: StaffMember?) throws -> CustomerDetail {
        try read(as: reader, .readRequests) { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.*, c.erasedAt IS NOT NULL AS isErased,
                    (SELECT COUNT(*) FROM customerOrder o WHERE o.customerId = c.id) AS orderCount
                FROM customer c WHERE c.publicId = ?
                """, arguments: [publicId]) else {
                throw LoupeError(.notFound, "No customer \(publicId). Search with :cust NAME.")
            }
            let id: Int64 = row["id"]
            var detail = CustomerDetail(summary: Self.customerSummary(row), createdAt: row["createdAt"], lastActiveAt: row["lastActiveAt"])
            detail.addresses = try Row.fetchAll(db, sql: "SELECT * FROM address WHERE customerId = ? ORDER BY id LIMIT 50", arguments: [id]).map {
                CustomerDetail.Entry(when: nil, text: "\($0["kind"] as String): \($0["line1"] as String)",
                                     detail: [$0["postalCode"] as String?, $0["city"] as String?, $0["country"] as String?].compactMap { $0 }.joined(separator: " "))
            }
            detail.orders = try Row.fetchAll(db, sql: """
                SELECT number, placedAt, status, totalMinor, currency, carrier, trackingNumber FROM customerOrder
                WHERE customerId = ? ORDER BY placedAt DESC LIMIT 50
                """, arguments: [id]).map {
                CustomerDetail.Entry(when: $0["placedAt"], text: "\($0["number"] as String)  \($0["status"] as String)",
                                     detail: String(format: "%.2f %@", Double($0["totalMinor"] as Int) / 100, $0["currency"] as String)
                                        + (($0["carrier"] as String?).map { " · \($0)" } ?? ""))
            }
            detail.consent = try Self.consentHistory(db, customerId: id)
            detail.cookies = try Self.cookieState(db, customerId: id)
            detail.deviceEventCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM deviceEvent WHERE customerId = ?", arguments: [id]) ?? 0
            detail.deviceEvents = try Row.fetchAll(db, sql: """
                SELECT occurredAt, page, deviceModel, ip FROM deviceEvent WHERE customerId = ? ORDER BY occurredAt DESC LIMIT 50
                """, arguments: [id]).map {
                CustomerDetail.Entry(when: $0["occurredAt"], text: $0["page"] ?? "-",
                                     detail: [$0["deviceModel"] as String?, $0["ip"] as String?].compactMap { $0 }.joined(separator: " · "))
            }
            detail.feedback = try Row.fetchAll(db, sql: "SELECT createdAt, text FROM feedback WHERE customerId = ? ORDER BY createdAt DESC LIMIT 50",
                                               arguments: [id]).map {
                CustomerDetail.Entry(when: $0["createdAt"], text: $0["text"], detail: "")
            }
            detail.requests = try Self.fetchSummaries(db, """
                SELECT \(Self.summaryColumns) FROM privacyRequest r LEFT JOIN customer c ON c.id = r.customerId
                WHERE r.customerId = ? ORDER BY r.receivedAt DESC LIMIT 50
                """, [id])
            return detail
        }
    }

    /// The newest orders (at most `limit`), by the order-date index, with their customer's public id.
    public func recentOrders(limit: Int = 500, actor: StaffMember) throws -> [(
        number: String, placedAt: Date, status: String, totalMinor: Int, currency: String, customer: String?
    )] {
        try recentOrders(limit: limit, reader: actor)
    }

    /// `recentOrders` without the gate: for the store's own use and its tests.
    func recentOrders(limit: Int = 500) throws -> [(
        number: String, placedAt: Date, status: String, totalMinor: Int, currency: String, customer: String?
    )] {
        try recentOrders(limit: limit, reader: nil)
    }

    func recentOrders(limit: Int = 500, reader: StaffMember?) throws -> [(
        number: String, placedAt: Date, status: String, totalMinor: Int, currency: String, customer: String?
    )] {
        try read(as: reader, .readRequests) { db in
            try Row.fetchAll(db, sql: """
                SELECT o.number, o.placedAt, o.status, o.totalMinor, o.currency, c.publicId FROM customerOrder o
                LEFT JOIN customer c ON c.id = o.customerId ORDER BY o.placedAt DESC LIMIT ?
                """, arguments: [limit]).map { ($0[0], $0[1], $0[2], $0[3], $0[4], $0[5]) }
        }
    }

    /// One order by number (`JDS-100042`, or a shop export's `#1042`, with or without the `#`), with its items.
    public func order(number: String, actor: StaffMember) throws -> OrderDetail {
        try order(number: number, reader: actor)
    }

    /// `order` without the gate: for the store's own use and its tests.
    func order(number: String) throws -> OrderDetail {
        try order(number: number, reader: nil)
    }

    func order(number: String, reader: StaffMember?) throws -> OrderDetail {
        try read(as: reader, .readRequests) { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT o.*, c.publicId AS customerPublicId FROM customerOrder o LEFT JOIN customer c ON c.id = o.customerId
                WHERE o.number = ? OR o.number = ?
                """, arguments: [number, "#" + number]) else {
                throw LoupeError(.notFound, "No order \(TextRules.printable(number)). Order numbers look like JDS-100042 or #1042.")
            }
            let items = try Row.fetchAll(db, sql: "SELECT sku, productName, quantity, priceMinor FROM orderItem WHERE orderId = ? ORDER BY id",
                                         arguments: [row["id"] as Int64]).map {
                ImportedOrderItem(sku: $0["sku"], name: $0["productName"], quantity: $0["quantity"], priceMinor: $0["priceMinor"])
            }
            return OrderDetail(number: row["number"], placedAt: row["placedAt"], status: row["status"], totalMinor: row["totalMinor"],
                               currency: row["currency"], customerPublicId: row["customerPublicId"], carrier: row["carrier"], items: items)
        }
    }

    private static func customerSummary(_ row: Row) -> CustomerSummary {
        CustomerSummary(id: row["id"], publicId: row["publicId"], fullName: row["fullName"], email: row["email"],
                        phone: row["phone"], orderCount: row["orderCount"], isMinor: row["isMinor"], isErased: row["isErased"])
    }
}
