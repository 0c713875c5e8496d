import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// Imports the shop's customer export in one transaction, upserting by Shopify's customer id (by email in
    /// exports without one): a customer whose values are the same is left alone, so importing a file twice
    /// changes nothing. Marketing acceptance becomes consent events (source "import") only where it differs from
    /// the customer's current state. Refused rows are reported; with any, nothing is written unless `skipBadRows`.
    /// A dry run reports the same counts and writes nothing. One audit entry per file, with counts only.
    public func importCustomers(
        from next: () throws -> ImportItem<ImportedCustomer>?, fileName: String, dryRun: Bool, skipBadRows: Bool,
        actor: StaffMember, at time: Date, progress: () -> Void = {}
    ) throws -> ImportReport {
        try importFile(kind: "customers", fileName: fileName, dryRun: dryRun, skipBadRows: skipBadRows, actor: actor, at: time,
                       next: next, progress: progress) { db, customer, report in
            try Self.upsert(db, customer, report: &report, at: time)
        }
    }

    /// Imports the shop's order export in one transaction, upserting by Shopify's order id (by order name when
    /// the export has no Id column), linking each order to the customer with its email (else a guest order).
    public func importOrders(
        from next: () throws -> ImportItem<ImportedOrder>?, fileName: String, dryRun: Bool, skipBadRows: Bool,
        actor: StaffMember, at time: Date, progress: () -> Void = {}
    ) throws -> ImportReport {
        try importFile(kind: "orders", fileName: fileName, dryRun: dryRun, skipBadRows: skipBadRows, actor: actor, at: time,
                       next: next, progress: progress) { db, order, report in
            try Self.upsert(db, order, report: &report)
        }
    }

    private func importFile<Record>(
        kind: String, fileName: String, dryRun: Bool, skipBadRows: Bool, actor: StaffMember, at time: Date,
        next: () throws -> ImportItem<Record>?, progress: () -> Void,
        apply: (Database, Record, inout ImportReport) throws -> Void
    ) throws -> ImportReport {
        try writeOrRollBack { db in
            try StaffRules.requireAdmin(try Self.freshActor(db, actor))
            var report = ImportReport()
            var count = 0
            while let item = try next() {
                switch item {
                case .rejected(let line, let reason): report.rejected.append(RowProblem(line: line, reason: reason))
                case .record(let record, _): try apply(db, record, &report)
                }
                count += 1
                if count % 1_000 == 0 { progress() }
            }
            let commit = !dryRun && (report.rejected.isEmpty || skipBadRows)
            if commit {
                try AuditLog.append(db, at: time, actor: actor.userName, action: "import.shopify-\(kind)",
                                    target: "import:\(URL(fileURLWithPath: fileName).lastPathComponent)",
                                    details: ["created": String(report.created), "updated": String(report.updated),
                                              "unchanged": String(report.unchanged), "skipped": String(report.rejected.count),
                                              "consentEvents": String(report.consentEvents)])
            }
            report.written = commit
            return (report, commit)
        }
    }

    private static func upsert(_ db: Database, _ customer: ImportedCustomer, report: inout ImportReport, at time: Date) throws {
        let existing = try Row.fetchOne(db, sql: customer.shopifyId != nil
            ? "SELECT id, fullName, email, phone, erasedAt FROM customer WHERE shopifyId = ?"
            : "SELECT id, fullName, email, phone, erasedAt FROM customer WHERE email = ? AND erasedAt IS NULL ORDER BY id LIMIT 1",
            arguments: [customer.shopifyId ?? customer.email])
        let customerId: Int64
        if let existing {
            customerId = existing["id"]
            // An erased customer stays erased: the shop's export may still list them, Loupe never restores them.
            if existing["erasedAt"] != nil as Date? { report.unchanged += 1; return }
            let same = existing["fullName"] == customer.fullName && existing["email"] == customer.email
                && existing["phone"] == customer.phone
            if !same {
                try db.execute(sql: "UPDATE customer SET fullName = ?, email = ?, phone = ? WHERE id = ?",
                               arguments: [customer.fullName, customer.email, customer.phone, customerId])
            }
            let addressChanged = try upsertAddress(db, customerId: customerId, customer.address)
            if same && !addressChanged { report.unchanged += 1 } else { report.updated += 1 }
        } else {
            customerId = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM customer") ?? 0) + 1
            try db.execute(sql: """
                INSERT INTO customer (id, publicId, fullName, email, phone, createdAt, shopifyId) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [customerId, String(format: "C-%06lld", customerId), customer.fullName, customer.email,
                                 customer.phone, time, customer.shopifyId])
            _ = try upsertAddress(db, customerId: customerId, customer.address)
            report.created += 1
        }
        for (purpose, accepts) in [(ConsentPurpose.emailMarketing, customer.acceptsEmailMarketing),
                                   (.smsMarketing, customer.acceptsSMSMarketing)] {
            guard let accepts else { continue }
            let current = try Bool.fetchOne(db, sql: """
                SELECT granted FROM consentEvent WHERE customerId = ? AND purpose = ? ORDER BY occurredAt DESC, id DESC LIMIT 1
                """, arguments: [customerId, purpose.rawValue]) ?? false
            guard current != accepts else { continue }
            try db.execute(sql: """
                INSERT INTO consentEvent (customerId, purpose, granted, occurredAt, source, policyVersion) VALUES (?, ?, ?, ?, 'import', ?)
                """, arguments: [customerId, purpose.rawValue, accepts, time, try currentPolicyVersion(db, at: time)])
            report.consentEvents += 1
        }
    }

    /// Makes the customer's first shipping address match `address`; true when something changed.
    private static func upsertAddress(_ db: Database, customerId: Int64, _ address: ImportedAddress?) throws -> Bool {
        guard let address else { return false }
        let values: [(any DatabaseValueConvertible)?] = [address.line1, address.line2, address.city, address.postalCode,
                                                         address.region, address.country]
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM address WHERE customerId = ? AND kind = 'shipping' ORDER BY id LIMIT 1",
                                       arguments: [customerId]) {
            try db.execute(sql: """
                UPDATE address SET line1 = ?, line2 = ?, city = ?, postalCode = ?, region = ?, country = ?
                WHERE id = ? AND NOT (line1 IS ? AND line2 IS ? AND city IS ? AND postalCode IS ? AND region IS ? AND country IS ?)
                """, arguments: StatementArguments(values + [id] + values))
            return db.changesCount > 0
        }
        try db.execute(sql: """
            INSERT INTO address (customerId, kind, line1, line2, city, postalCode, region, country) VALUES (?, 'shipping', ?, ?, ?, ?, ?, ?)
            """, arguments: StatementArguments([customerId] + values))
        return true
    }

    private static func upsert(_ db: Database, _ order: ImportedOrder, report: inout ImportReport) throws {
        // Cached statements: an export has tens of thousands of orders, and preparing SQL per order dominated.
        let customerId = try order.email.flatMap {
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM customer WHERE email = ? AND erasedAt IS NULL ORDER BY id LIMIT 1"),
                               arguments: [$0])
        }
        let values: [(any DatabaseValueConvertible)?] = [
            order.name, customerId, customerId == nil ? order.email : nil, order.status, order.placedAt, order.totalMinor,
            order.currency, order.paymentMethod, order.paymentMethod, order.shippingName, order.shippingAddress,
            order.shippingPhone, order.billingName, order.billingAddress, order.shopifyId,
        ]
        let existing = try Row.fetchOne(db.cachedStatement(sql: order.shopifyId != nil
            ? "SELECT id FROM customerOrder WHERE shopifyId = ?" : "SELECT id FROM customerOrder WHERE number = ?"),
            arguments: [order.shopifyId ?? order.name])
        let orderId: Int64
        var changed = false
        if let existing {
            orderId = existing["id"]
            try db.cachedStatement(sql: """
                UPDATE customerOrder SET number = ?, customerId = ?, guestEmail = ?, status = ?, placedAt = ?, totalMinor = ?,
                    currency = ?, paymentMethod = ?, paymentProvider = ?, shipToName = ?, shipToAddress = ?, shipToPhone = ?,
                    billToName = ?, billToAddress = ?, shopifyId = ?
                WHERE id = ? AND NOT (number IS ? AND customerId IS ? AND guestEmail IS ? AND status IS ? AND placedAt IS ?
                    AND totalMinor IS ? AND currency IS ? AND paymentMethod IS ? AND paymentProvider IS ? AND shipToName IS ?
                    AND shipToAddress IS ? AND shipToPhone IS ? AND billToName IS ? AND billToAddress IS ? AND shopifyId IS ?)
                """).execute(arguments: StatementArguments(values + [orderId] + values))
            changed = db.changesCount > 0
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO customerOrder (number, customerId, guestEmail, status, placedAt, totalMinor, currency, paymentMethod,
                    paymentProvider, shipToName, shipToAddress, shipToPhone, billToName, billToAddress, shopifyId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: StatementArguments(values))
            orderId = db.lastInsertedRowID
        }
        let items = try Row.fetchAll(db.cachedStatement(sql: "SELECT sku, productName, quantity, priceMinor FROM orderItem WHERE orderId = ? ORDER BY id"),
                                     arguments: [orderId]).map {
            ImportedOrderItem(sku: $0["sku"], name: $0["productName"], quantity: $0["quantity"], priceMinor: $0["priceMinor"])
        }
        if items != order.items {
            try db.cachedStatement(sql: "DELETE FROM orderItem WHERE orderId = ?").execute(arguments: [orderId])
            for item in order.items {
                try db.cachedStatement(sql: "INSERT INTO orderItem (orderId, sku, productName, quantity, priceMinor) VALUES (?, ?, ?, ?, ?)")
                    .execute(arguments: [orderId, item.sku, item.name, item.quantity, item.priceMinor])
            }
            changed = true
        }
        if existing == nil { report.created += 1 } else if changed { report.updated += 1 } else { report.unchanged += 1 }
    }
}
