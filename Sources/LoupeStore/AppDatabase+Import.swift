import Foundation
import GRDB
import Logging
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
        try importFile(kind: .customers, fileName: fileName, dryRun: dryRun, skipBadRows: skipBadRows, actor: actor, at: time,
                       next: next, progress: progress) { db, ledger, customer, line, report in
            try self.upsert(db, customer, ledger: ledger, line: line, report: &report, actor: actor.userName, at: time)
        }
    }

    /// Imports the shop's order export in one transaction, upserting by Shopify's order id (by order name when
    /// the export has no Id column), linking each order to the customer with its email (else a guest order).
    public func importOrders(
        from next: () throws -> ImportItem<ImportedOrder>?, fileName: String, dryRun: Bool, skipBadRows: Bool,
        actor: StaffMember, at time: Date, progress: () -> Void = {}
    ) throws -> ImportReport {
        try importFile(kind: .orders, fileName: fileName, dryRun: dryRun, skipBadRows: skipBadRows, actor: actor, at: time,
                       next: next, progress: progress) { db, ledger, order, line, report in
            try self.upsert(db, order, ledger: ledger, line: line, report: &report)
        }
    }

    private func importFile<Record>(
        kind: AuditEvent.ImportedFile, fileName: String, dryRun: Bool, skipBadRows: Bool, actor: StaffMember, at time: Date,
        next: () throws -> ImportItem<Record>?, progress: () -> Void,
        apply: (Database, SuppressionLedger.Snapshot, Record, Int, inout ImportReport) throws -> Void
    ) throws -> ImportReport {
        let report = try writeOrRollBack { db in
            try Self.authorize(db, actor, .importShopData)
            var report = ImportReport()
            let ledger = try suppression.snapshot(db)
            var count = 0
            while let item = try next() {
                switch item {
                case .rejected(let line, let reason): report.rejected.append(RowProblem(line: line, reason: reason))
                case .record(let record, let line): try apply(db, ledger, record, line, &report)
                }
                count += 1
                if count % 1_000 == 0 { progress() }
            }
            let commit = !dryRun && (report.rejected.isEmpty || skipBadRows)
            // The new and changed emails' digests, in the same transaction: none waits for an intake to compute.
            if commit { try Self.refreshCustomerDigests(db) }
            if commit {
                try AuditLog.append(db, at: time, actor: actor.userName, event: .imported(kind),
                                    target: "import:\(URL(fileURLWithPath: fileName).lastPathComponent)",
                                    details: ["created": String(report.created), "updated": String(report.updated),
                                              "unchanged": String(report.unchanged), "skipped": String(report.rejected.count),
                                              "suppressed": String(report.suppressed.count), "kept": String(report.kept.count),
                                              "consentEvents": String(report.consentEvents)])
            }
            report.written = commit
            return (report, commit)
        }
        // Counts only: a rejected row's reason may quote nothing, but the file's name may be a person's.
        logger.info("import", metadata: [
            "kind": .string(kind.rawValue), "written": .stringConvertible(report.written),
            "created": .stringConvertible(report.created), "updated": .stringConvertible(report.updated),
            "rejected": .stringConvertible(report.rejected.count), "suppressed": .stringConvertible(report.suppressed.count),
        ])
        return report
    }

    private func upsert(_ db: Database, _ customer: ImportedCustomer, ledger: SuppressionLedger.Snapshot, line: Int,
                        report: inout ImportReport, actor: String, at time: Date) throws {
        // An erased person stays erased: the shop's export may still list them; Loupe never recreates, links or
        // rewrites them (the ledger knows them by any identifier they had).
        if let erased = try ledger.match(db, [.shopifyCustomer(customer.shopifyId), .email(customer.email),
                                              .phone(customer.phone)]) {
            report.suppressed.append(RowProblem(line: line, reason: try Self.suppressedReason(db, erased)))
            return
        }
        let existing = try Self.existingCustomer(db, customer)
        let customerId: Int64
        var isMinor = false
        if let existing {
            customerId = existing["id"]
            isMinor = existing["isMinor"]
            if existing["erasedAt"] != nil as Date? { report.unchanged += 1; return }
            // A field corrected by a rectification in Loupe is not overwritten by the shop's older value.
            var incoming: [CorrectableField: String?] = [.fullName: customer.fullName, .email: customer.email,
                                                         .phone: customer.phone]
            var differing = incoming.filter { field, value in existing[Self.customerColumns[field]!] != value }.map(\.key)
            var address = customer.address
            if try Self.addressDiffers(db, customerId: customerId, address) { differing += CorrectableField.addressFields }
            if !differing.isEmpty {
                let corrected = try Self.corrections(db, customerId: customerId)
                for field in CorrectableField.allCases where differing.contains(field) {
                    guard let correction = corrected[field] else { continue }
                    if let column = Self.customerColumns[field] {
                        incoming[field] = .some(existing[column])
                    } else {
                        address = nil
                    }
                    report.kept.append(RowProblem(line: line, reason: "\(field.rawValue) kept: corrected on \(correction.day) by \(correction.request)"))
                }
            }
            var same = incoming.allSatisfy { field, value in existing[Self.customerColumns[field]!] == value }
            if let id = customer.shopifyId, existing["shopifyId"] == nil as String? {
                try db.execute(sql: "UPDATE customer SET shopifyId = ? WHERE id = ?", arguments: [id, customerId])
                same = false
            }
            if !same {
                try db.execute(sql: "UPDATE customer SET fullName = ?, email = ?, phone = ? WHERE id = ?",
                               arguments: [incoming[.fullName]!, incoming[.email]!, incoming[.phone]!, customerId])
            }
            let addressChanged = try Self.upsertAddress(db, customerId: customerId, address)
            if same && !addressChanged { report.unchanged += 1 } else { report.updated += 1 }
        } else {
            customerId = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM customer") ?? 0) + 1
            try db.execute(sql: """
                INSERT INTO customer (id, publicId, fullName, email, phone, createdAt, shopifyId) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [customerId, String(format: "C-%06lld", customerId), customer.fullName, customer.email,
                                 customer.phone, time, customer.shopifyId])
            _ = try Self.upsertAddress(db, customerId: customerId, customer.address)
            report.created += 1
        }
        try Self.importConsent(db, customer, customerId: customerId, isMinor: isMinor, line: line, report: &report, at: time)
        if customer.globalPrivacyControl {
            try Self.recordGlobalPrivacyControl(db, customerId: customerId, carriedBy: "import", actor: actor,
                                                at: time)
        }
    }

    /// The customer an export row updates: by Shopify's id, else by email, else (phone-only customers) by phone.
    private static func existingCustomer(_ db: Database, _ customer: ImportedCustomer) throws -> Row? {
        let columns = "id, fullName, email, phone, erasedAt, isMinor, shopifyId"
        if let id = customer.shopifyId,
           let row = try Row.fetchOne(db, sql: "SELECT \(columns) FROM customer WHERE shopifyId = ?", arguments: [id]) {
            return row
        }
        // A customer first imported from an export without ids (or entered by hand) is the same person when a
        // later export gives their email with an id: matched by email among those with no id yet, never twice.
        let withoutId = customer.shopifyId == nil ? "" : " AND shopifyId IS NULL"
        if let email = customer.email {
            return try Row.fetchOne(db, sql: """
                SELECT \(columns) FROM customer WHERE email = ? AND erasedAt IS NULL\(withoutId) ORDER BY id LIMIT 1
                """, arguments: [email])
        }
        return try Row.fetchOne(db, sql: """
            SELECT \(columns) FROM customer WHERE phoneKey = ? AND email IS NULL AND erasedAt IS NULL\(withoutId)
            ORDER BY id LIMIT 1
            """, arguments: [PersonIdentifier.phone(customer.phone)?.value])
    }

    /// Marketing acceptance as consent events (source "import") where it differs from the current state; never
    /// a grant over a withdrawal recorded in Loupe, and never a grant to a customer under 16.
    private static func importConsent(_ db: Database, _ customer: ImportedCustomer, customerId: Int64, isMinor: Bool,
                                      line: Int, report: inout ImportReport, at time: Date) throws {
        for (purpose, accepts) in [(ConsentPurpose.emailMarketing, customer.acceptsEmailMarketing),
                                   (.smsMarketing, customer.acceptsSMSMarketing)] {
            guard let accepts else { continue }
            let current = try Row.fetchOne(db, sql: """
                SELECT granted, source, occurredAt FROM consentEvent WHERE customerId = ? AND purpose = ?
                ORDER BY occurredAt DESC, id DESC LIMIT 1
                """, arguments: [customerId, purpose.rawValue])
            guard (current?["granted"] ?? false) != accepts else { continue }
            if accepts && isMinor {
                report.kept.append(RowProblem(line: line, reason: "\(purpose.rawValue) not granted: the customer is flagged under 16"))
                continue
            }
            if accepts, let current, current["source"] != "import" as String {
                let day = try deadlinePolicy(db).dayString(current["occurredAt"])
                report.kept.append(RowProblem(line: line, reason: "\(purpose.rawValue) kept withdrawn: withdrawn on \(day) (\(current["source"] as String))"))
                continue
            }
            try db.execute(sql: """
                INSERT INTO consentEvent (customerId, purpose, granted, occurredAt, source, policyVersion) VALUES (?, ?, ?, ?, 'import', ?)
                """, arguments: [customerId, purpose.rawValue, accepts, time, try currentPolicyVersion(db, at: time)])
            report.consentEvents += 1
        }
    }

    /// The profile column of each correctable field (address fields live on the address row).
    private static let customerColumns: [CorrectableField: String] = [.fullName: "fullName", .email: "email", .phone: "phone"]

    /// The fields rectifications in Loupe corrected for this customer, each with the newest correction's day
    /// and request (from the audit entries, which name fields, never values).
    static func corrections(_ db: Database, customerId: Int64) throws -> [CorrectableField: (day: String, request: String)] {
        let policy = try deadlinePolicy(db)
        var found: [CorrectableField: (day: String, request: String)] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT a.target, a.occurredAt, json_extract(a.details, '$.fields') AS fields FROM auditEntry a
            WHERE a.action = ?
              AND a.target IN (SELECT publicId FROM privacyRequest WHERE customerId = ? AND kind = ?)
            ORDER BY a.sequence
            """, arguments: [AuditEvent.request(.rectify).action, customerId, RequestKind.rectification.rawValue]) {
            let fields: String = row["fields"] ?? ""
            for name in fields.split(separator: ",") {
                if let field = CorrectableField(rawValue: String(name)) {
                    found[field] = (policy.dayString(row["occurredAt"]), row["target"])
                }
            }
        }
        return found
    }

    /// "suppressed (erased on DATE by PR-…)".
    static func suppressedReason(_ db: Database, _ erased: Suppression) throws -> String {
        "suppressed (erased on \(try deadlinePolicy(db).dayString(erased.erasedAt)) by \(erased.requestPublicId))"
    }

    /// Whether `address` differs from the customer's first shipping address (false when the file has none).
    private static func addressDiffers(_ db: Database, customerId: Int64, _ address: ImportedAddress?) throws -> Bool {
        guard let address else { return false }
        guard let row = try Row.fetchOne(db, sql: """
            SELECT line1, line2, city, postalCode, region, country FROM address
            WHERE customerId = ? AND kind = 'shipping' ORDER BY id LIMIT 1
            """, arguments: [customerId]) else { return true }
        return ImportedAddress(line1: row["line1"], line2: row["line2"], city: row["city"], postalCode: row["postalCode"],
                               region: row["region"], country: row["country"]) != address
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

    private func upsert(_ db: Database, _ order: ImportedOrder, ledger: SuppressionLedger.Snapshot, line: Int,
                        report: inout ImportReport) throws {
        // An erased person's orders keep their emptied and sealed fields: never rewritten, linked or recreated.
        if let erased = try ledger.match(db, [.email(order.email), .phone(order.shippingPhone)]) {
            report.suppressed.append(RowProblem(line: line, reason: try Self.suppressedReason(db, erased)))
            return
        }
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
            ? "SELECT o.id, c.erasedAt FROM customerOrder o LEFT JOIN customer c ON c.id = o.customerId WHERE o.shopifyId = ?"
            : "SELECT o.id, c.erasedAt FROM customerOrder o LEFT JOIN customer c ON c.id = o.customerId WHERE o.number = ?"),
            arguments: [order.shopifyId ?? order.name])
        if let existing, let erasedAt = existing["erasedAt"] as Date? {
            let request = try String.fetchOne(db, sql: """
                SELECT r.publicId FROM retainedItem i JOIN privacyRequest r ON r.id = i.requestId
                WHERE i.customerId = (SELECT customerId FROM customerOrder WHERE id = ?) ORDER BY i.id LIMIT 1
                """, arguments: [existing["id"] as Int64]) ?? "an erasure"
            report.suppressed.append(RowProblem(line: line, reason: try Self.suppressedReason(
                db, Suppression(erasedAt: erasedAt, requestPublicId: request))))
            return
        }
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
