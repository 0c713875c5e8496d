import Foundation

/// A processor the shop gives data to (a courier, a payment provider, a host), with its agreement.
public struct Processor: Equatable, Sendable, Codable {
    /// What the processor does for the shop.
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case courier
        case paymentProvider = "payment-provider"
        case hosting
        case email
    }

    public var name: String
    public var kind: Kind
    public var contact: String
    public var purpose: String
    /// The day the data-processing agreement was signed (`YYYY-MM-DD`).
    public var agreementDate: String

    /// Makes a processor value.
    public init(name: String, kind: Kind, contact: String, purpose: String, agreementDate: String) {
        self.name = name
        self.kind = kind
        self.contact = contact
        self.purpose = purpose
        self.agreementDate = agreementDate
    }
}

/// The disclosures of one recipient, counted (the register's summary for the record of processing).
public struct DisclosureSummary: Equatable, Sendable, Codable {
    public var recipientKind: RecipientKind
    public var recipient: String
    public var count: Int
    public var fields: [DisclosureField]

    /// Makes a summary row.
    public init(recipientKind: RecipientKind, recipient: String, count: Int, fields: [DisclosureField]) {
        self.recipientKind = recipientKind
        self.recipient = recipient
        self.count = count
        self.fields = fields
    }
}

/// One processing activity of the record: a category of data, why it is processed, on what ground, who
/// receives it and how long it is kept.
public struct ProcessingActivity: Equatable, Sendable, Codable {
    public var category: String
    public var purposes: [String]
    public var legalBasis: String
    public var recipients: [String]
    public var retention: [String]
    public var tables: [String]
}

/// The record of processing activities (GDPR Art. 30), made from the data map, the processors and the
/// disclosure register; `loupe ropa` prints it.
public struct RecordOfProcessing: Equatable, Sendable, Codable {
    public var controller: String
    public var contact: String
    public var activities: [ProcessingActivity]
    public var processors: [Processor]
    public var disclosures: [DisclosureSummary]

    /// Builds the record. `retentionDays` gives each retention category's period as configured.
    public init(
        controller: String, contact: String, processors: [Processor], disclosures: [DisclosureSummary],
        retentionDays: [RetentionCategory: Int]
    ) {
        self.controller = controller
        self.contact = contact
        self.processors = processors
        self.disclosures = disclosures
        activities = DataCategory.allCases.compactMap { category in
            let columns = DataMap.columns.filter { $0.category == category }
            guard !columns.isEmpty else { return nil }
            var tables: [String] = []
            for table in columns.map(\.table) where !tables.contains(table) { tables.append(table) }
            var retention: [String] = []
            for rule in columns.compactMap(\.retention) where !retention.contains(rule.rawValue) {
                retention.append(rule.rawValue)
            }
            let periods = retention.map { key in
                RetentionCategory(rawValue: key).flatMap { retentionDays[$0] }.map { "\(key): \($0) days" } ?? key
            }
            let recipients =
                processors.filter { $0.kind.receives.contains(category) }.map(\.name)
                + (category == .disclosures
                    ? []
                    : disclosures.filter { $0.recipientKind == .authority }
                        .filter { summary in summary.fields.contains { $0.category == category } }.map(\.recipient))
            return ProcessingActivity(
                category: category.rawValue, purposes: category.purposes,
                legalBasis: category.legalBasis, recipients: recipients,
                retention: periods.isEmpty ? ["as long as the account exists"] : periods,
                tables: tables)
        }
    }
}

extension Processor.Kind {
    /// The categories a processor of this kind receives.
    public var receives: [DataCategory] {
        switch self {
        case .courier: [.identity, .address, .tracking]
        case .paymentProvider: [.identity, .address, .payment, .orders]
        case .hosting: DataCategory.allCases
        case .email: [.identity, .requests]
        }
    }
}

extension DisclosureField {
    /// The data map's category of this field.
    public var category: DataCategory {
        switch self {
        case .name, .email, .phone: .identity
        case .shippingAddress, .billingAddress: .address
        case .orders: .orders
        case .paymentDetails: .payment
        case .deviceData: .device
        case .feedback: .feedback
        }
    }
}

extension DataCategory {
    /// Why the shop processes this category, in the policy's words (section 2).
    public var purposes: [String] {
        switch self {
        case .identity: ["orders and delivery", "after-sales service", "inquiries", "marketing, with consent"]
        case .address: ["orders and delivery"]
        case .orders: ["orders and delivery", "after-sales service", "tax records"]
        case .tracking: ["delivery"]
        case .payment: ["payment", "tax records"]
        case .device: ["site security and the cart (necessary cookies)", "non-identifying analytics, with consent"]
        case .preferences: ["personalised service (voluntary)"]
        case .feedback: ["after-sales service (voluntary)"]
        case .consent: ["proof of consent and its withdrawal"]
        case .minors: ["deleting data of children under 16 on discovery"]
        case .requests: ["answering privacy requests"]
        case .disclosures: ["accountability for every disclosure"]
        case .operations: ["running Loupe: staff, settings, audit"]
        }
    }

    /// The legal ground (GDPR Art. 6(1)).
    public var legalBasis: String {
        switch self {
        case .identity, .address, .orders, .tracking: "contract (Art. 6(1)(b))"
        case .payment: "contract and legal obligation (Art. 6(1)(b), (c))"
        case .device: "legitimate interest for necessary cookies, consent for analytics (Art. 6(1)(f), (a))"
        case .preferences, .feedback: "consent (Art. 6(1)(a))"
        case .consent, .minors, .requests, .disclosures: "legal obligation (Art. 6(1)(c))"
        case .operations: "legitimate interest (Art. 6(1)(f))"
        }
    }
}
