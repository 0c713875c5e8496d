import Foundation

/// What the store knows about a data subject before an erasure: enough to plan it, no personal values.
public struct SubjectInventory: Equatable, Sendable {
    /// One order, as far as the plan needs it.
    public struct Order: Equatable, Sendable {
        public var number: String
        public var placedAt: Date
        /// The courier it was handed to, if it shipped.
        public var carrier: String?
        public var paymentProvider: String
        public var invoiceNumber: String?

        /// Makes an order fact.
        public init(number: String, placedAt: Date, carrier: String?, paymentProvider: String, invoiceNumber: String?) {
            self.number = number
            self.placedAt = placedAt
            self.carrier = carrier
            self.paymentProvider = paymentProvider
            self.invoiceNumber = invoiceNumber
        }
    }

    public var customerPublicId: String
    public var erasedAt: Date?
    public var addresses: Int
    public var orders: [Order]
    public var deviceEvents: Int
    public var consentEvents: Int
    public var feedback: Int
    /// Requests about the subject (linked to them, or naming their email): what they say about the subject goes.
    public var requestsNamingSubject: Int
    /// Staff notes on those requests.
    public var requestNotes: Int
    /// Earlier access exports on disk, and maildir copies of messages to the subject.
    public var files: Int
    /// Messages to the subject in the outbox (sent ones are emptied, queued ones dropped).
    public var messages: Int

    /// Makes an inventory.
    public init(customerPublicId: String, erasedAt: Date? = nil, addresses: Int, orders: [Order], deviceEvents: Int,
                consentEvents: Int, feedback: Int, requestsNamingSubject: Int = 0, requestNotes: Int = 0,
                files: Int = 0, messages: Int = 0) {
        self.messages = messages
        self.requestNotes = requestNotes
        self.files = files
        self.customerPublicId = customerPublicId
        self.erasedAt = erasedAt
        self.addresses = addresses
        self.orders = orders
        self.deviceEvents = deviceEvents
        self.consentEvents = consentEvents
        self.feedback = feedback
        self.requestsNamingSubject = requestsNamingSubject
    }
}

/// How one field or set of rows is treated by an erasure.
public enum ErasureAction: Equatable, Sendable {
    /// Rows removed.
    case delete
    /// Values set to nothing.
    case empty
    /// Kept, but linked only to the pseudonymous customer id (or sealed so only a key holder can read it).
    case pseudonymise
    /// Kept for a legal reason until a date, then anonymised by retention.
    case retain(ground: String, until: Date)

    /// The word the preview shows.
    public var label: String {
        switch self {
        case .delete: "deleted"
        case .empty: "emptied"
        case .pseudonymise: "pseudonymised"
        case .retain: "retained"
        }
    }
}

/// One line of an erasure plan: a table, its fields, how many rows, and what happens to them.
public struct ErasureStep: Equatable, Sendable {
    public var table: String
    public var fields: [String]
    public var rows: Int
    public var action: ErasureAction

    /// Makes a step.
    public init(table: String, fields: [String], rows: Int, action: ErasureAction) {
        self.table = table
        self.fields = fields
        self.rows = rows
        self.action = action
    }
}

/// A recipient of the subject's data who must be told of a rectification or erasure (GDPR Art. 19).
public struct Recipient: Equatable, Hashable, Sendable, Comparable {
    /// `courier` or `paymentProvider`.
    public var kind: String
    public var name: String

    /// Makes a recipient.
    public init(kind: String, name: String) {
        self.kind = kind
        self.name = name
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.kind, lhs.name) < (rhs.kind, rhs.name) }

    /// Couriers that shipped the orders and payment providers that took the payments, once each.
    public static func of(_ orders: [SubjectInventory.Order]) -> [Recipient] {
        let couriers = orders.compactMap(\.carrier).map { Recipient(kind: "courier", name: $0) }
        let payments = orders.map { Recipient(kind: "paymentProvider", name: $0.paymentProvider) }
        return Set(couriers + payments).sorted()
    }
}

/// The erasure of one subject, planned field by field before anything changes: the preview the proposer and the
/// approving supervisor see, and exactly what the store then does.
public struct ErasurePlan: Equatable, Sendable {
    /// The legal ground for keeping invoices.
    public static let taxGround = DataMap.taxGround

    public var customerPublicId: String
    public var steps: [ErasureStep]
    /// Each retained invoice: order number and the date it is anonymised.
    public var retained: [(reference: String, until: Date)]
    public var recipients: [Recipient]

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.customerPublicId == rhs.customerPublicId && lhs.steps == rhs.steps && lhs.recipients == rhs.recipients
            && lhs.retained.map(\.reference) == rhs.retained.map(\.reference)
            && lhs.retained.map(\.until) == rhs.retained.map(\.until)
    }

    /// Plans the erasure of `inventory`; invoices are kept `invoiceDays` from each order (the invoices retention
    /// rule, which the sweep then applies). Refused when the customer was already erased.
    public static func make(for inventory: SubjectInventory, invoiceDays: Int, policy: DeadlinePolicy) throws -> ErasurePlan {
        if let erasedAt = inventory.erasedAt {
            throw LoupeError(.notAllowed,
                "\(inventory.customerPublicId) was already erased on \(policy.dayString(erasedAt)); there is nothing left to erase.")
        }
        let orders = inventory.orders.count
        let retained = inventory.orders.filter { $0.invoiceNumber != nil }.map { order in
            (reference: order.number, until: policy.addingDays(invoiceDays, to: order.placedAt))
        }
        let latest = retained.map(\.until).max()
        // Every field list comes from the data map: a column classified there is treated here, and nowhere else.
        func fields(_ table: String, _ treatment: ErasureTreatment) -> [String] {
            DataMap.columns(of: table, treatment)
        }
        var steps = [
            ErasureStep(table: "customer", fields: fields("customer", .empty), rows: 1, action: .empty),
            ErasureStep(table: "customerSearch", fields: ["index entries"], rows: 1, action: .delete),
            ErasureStep(table: "address", fields: ["all"], rows: inventory.addresses, action: .delete),
            ErasureStep(table: "customerOrder", fields: fields("customerOrder", .empty), rows: orders, action: .empty),
        ]
        if let latest {
            let sealed = fields("customerOrder", .retain(ground: taxGround, sealed: true))
            steps.append(ErasureStep(table: "customerOrder", fields: sealed, rows: retained.count,
                                     action: .retain(ground: taxGround + ", sealed", until: latest)))
            steps.append(ErasureStep(table: "customerOrder",
                                     fields: fields("customerOrder", .retain(ground: taxGround, sealed: false)) + ["items"],
                                     rows: retained.count, action: .retain(ground: taxGround, until: latest)))
        }
        steps += [
            ErasureStep(table: "deviceEvent", fields: ["all"], rows: inventory.deviceEvents, action: .delete),
            ErasureStep(table: "feedback", fields: ["all"], rows: inventory.feedback, action: .delete),
            ErasureStep(table: "consentEvent", fields: ["customer link"], rows: inventory.consentEvents, action: .pseudonymise),
            ErasureStep(table: "privacyRequest", fields: fields("privacyRequest", .empty),
                        rows: inventory.requestsNamingSubject, action: .empty),
            ErasureStep(table: "requestNote", fields: ["all"], rows: inventory.requestNotes, action: .delete),
            ErasureStep(table: "outboxMessage", fields: fields("outboxMessage", .empty), rows: inventory.messages,
                        action: .empty),
            ErasureStep(table: "files", fields: ["access exports", "maildir copies"], rows: inventory.files,
                        action: .delete),
        ]
        return ErasurePlan(customerPublicId: inventory.customerPublicId, steps: steps.filter { $0.rows > 0 },
                           retained: retained, recipients: Recipient.of(inventory.orders))
    }

    /// The plan as lines of text (the preview): what happens first, then where, then why and until when.
    public func lines(policy: DeadlinePolicy) -> [String] {
        var lines: [String] = []
        for step in steps {
            let action = step.action.label.padding(toLength: 14, withPad: " ", startingAt: 0)
            lines.append("\(action)\(step.table) (\(step.rows)): \(step.fields.joined(separator: ", "))")
            if case .retain(let ground, let until) = step.action {
                lines.append("              ↳ \(ground), until \(policy.dayString(until)) at the latest")
            }
        }
        if !recipients.isEmpty {
            lines.append("notify        " + recipients.map { "\($0.name) (\($0.kind == "courier" ? "courier" : "payments"))" }
                .joined(separator: ", "))
        }
        return lines
    }
}
