import LoupeStore
import Foundation

/// The generator's side of the demo's inserts: one `DemoTable` per table, all encoding into one batch that is
/// handed to the writing thread when full.
final class DemoTables {
    /// The INSERT of each table, by table number.
    static let insertSQL = [
        """
        INSERT INTO customer (id, publicId, fullName, email, phone, birthDate, membershipTier, stylePreferences,
                              createdAt, lastActiveAt, isMinor)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        "INSERT INTO address (customerId, kind, recipientName, line1, city, postalCode, country) VALUES (?, ?, ?, ?, ?, ?, ?)",
        """
        INSERT INTO customerOrder (id, number, customerId, status, placedAt, totalMinor, currency, paymentMethod,
            paymentProvider, cardBrand, cardLast4, providerReference, carrier, trackingNumber, invoiceNumber,
            shipToName, shipToAddress, shipToPhone, billToName, billToAddress)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        "INSERT INTO orderItem (orderId, sku, productName, quantity, priceMinor) VALUES (?, ?, ?, ?, ?)",
        """
        INSERT INTO deviceEvent (customerId, occurredAt, ip, userAgent, deviceModel, cookieId, page, purpose)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
        """
        INSERT INTO consentEvent (customerId, purpose, granted, occurredAt, source, policyVersion)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
        "INSERT INTO feedback (customerId, text, rating, createdAt) VALUES (?, ?, ?, ?)",
        """
        INSERT INTO privacyRequest (publicId, kind, status, channel, customerId, subjectEmail, requesterKind,
            requesterName, receivedAt, dueAt, extendedUntil, extensionReason, extensionNoticeAt,
            verificationMethod, verifiedBy, verifiedAt, assignee, priority, proposedBy, outcome, outcomeReason,
            version, closedAt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        """
        INSERT INTO auditEntry (sequence, occurredAt, actor, action, target, details, previousHash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
    ]

    /// A batch is handed over once it holds this many bytes.
    static let batchBytes = 1 << 20

    fileprivate var batch = RowBatch(capacity: batchBytes)
    private let channel: BatchChannel
    /// How far the generator has got, from 0 to 1; travels with each batch.
    var progress: Double = 0

    let customer, address, order, orderItem, deviceEvent, consentEvent, feedback, request, audit: DemoTable

    /// Makes the tables, handing full batches to `channel`.
    init(channel: BatchChannel) {
        self.channel = channel
        var number: UInt8 = 0
        func table() -> DemoTable {
            defer { number += 1 }
            return DemoTable(number: number)
        }
        (customer, address, order, orderItem, deviceEvent) = (table(), table(), table(), table(), table())
        (consentEvent, feedback, request, audit) = (table(), table(), table(), table())
        for each in [customer, address, order, orderItem, deviceEvent, consentEvent, feedback, request, audit] {
            each.tables = self
        }
    }

    fileprivate func rowEnded() throws {
        if batch.bytes.count >= Self.batchBytes { try flush() }
    }

    /// Hands the current batch over. Throws `CancellationError` when the writer has stopped.
    func flush() throws {
        batch.progress = progress
        guard channel.send(batch) else { throw CancellationError() }
        batch = RowBatch(capacity: Self.batchBytes)
    }
}

/// One table's rows: values are added in the order of the table's INSERT, then `run()` ends the row.
final class DemoTable {
    let number: UInt8
    fileprivate unowned(unsafe) var tables: DemoTables!
    private var rowIsOpen = false

    fileprivate init(number: UInt8) { self.number = number }

    private func open() {
        if !rowIsOpen {
            tables.batch.beginRow(table: number)
            rowIsOpen = true
        }
    }

    /// Adds a whole number.
    func add(_ value: Int) { add(Int64(value)) }

    /// Adds a whole number.
    func add(_ value: Int64) {
        open()
        tables.batch.append(value)
    }

    /// Adds 1 or 0.
    func add(_ value: Bool) { add(Int64(value ? 1 : 0)) }

    /// Adds a text.
    func add(_ value: String) {
        open()
        tables.batch.append(value)
    }

    /// Adds a text or NULL.
    func add(_ value: String?) {
        if let value { add(value) } else { addNull() }
    }

    /// Adds a date.
    func add(_ value: Date) {
        open()
        tables.batch.append(value)
    }

    /// Adds a date or NULL.
    func add(_ value: Date?) {
        if let value { add(value) } else { addNull() }
    }

    /// Adds NULL.
    func addNull() {
        open()
        tables.batch.appendNull()
    }

    /// Ends the row.
    func run() throws {
        open()
        tables.batch.endRow()
        rowIsOpen = false
        try tables.rowEnded()
    }
}
