import Foundation

/// A piece of a customer's data that can be given to someone outside the shop (policy section 3).
public enum DisclosureField: String, CaseIterable, Codable, Sendable {
    case name
    case email
    case phone
    case shippingAddress = "shipping-address"
    case billingAddress = "billing-address"
    case orders
    case paymentDetails = "payment-details"
    case deviceData = "device-data"
    case feedback

    /// Parses a comma-separated list (`name,phone`), refusing an unknown field with the list of known ones.
    public static func parseList(_ text: String) throws -> [DisclosureField] {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else {
            throw LoupeError(
                .invalidInput, "Name at least one field: \(allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        var fields: [DisclosureField] = []
        for name in names {
            guard let field = DisclosureField(rawValue: name) else {
                throw LoupeError(
                    .invalidInput,
                    "Unknown field “\(TextRules.inert(name))”; use one of: "
                        + allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            if !fields.contains(field) { fields.append(field) }
        }
        return fields
    }

    /// The fields as stored and shown: `name,phone`.
    public static func listText(_ fields: [DisclosureField]) -> String {
        fields.map(\.rawValue).joined(separator: ",")
    }
}

/// Who received data: the three kinds of recipient the policy allows.
public enum RecipientKind: String, CaseIterable, Codable, Sendable {
    case courier
    case paymentProvider = "payment-provider"
    case authority

    /// The heading the report and the register use.
    public var phrase: String {
        switch self {
        case .courier: "courier"
        case .paymentProvider: "payment provider"
        case .authority: "authority"
        }
    }
}

/// One entry of the disclosure register: what was given to whom, about which customer, when and by whom.
public struct Disclosure: Equatable, Sendable, Codable {
    public var recipientKind: RecipientKind
    public var recipient: String
    /// The customer's public id, when the disclosure is about one.
    public var customer: String?
    /// The order it concerns (a label, a payment), if any.
    public var order: String?
    /// The authority's request it answers, if any.
    public var authorityRequest: String?
    public var fields: [DisclosureField]
    public var disclosedAt: Date
    /// The staff member, or `checkout` for the payment provider's share made when the order was placed.
    public var disclosedBy: String
    /// Set when the law forbids telling the subject: the disclosure is left out of their access report.
    public var withheldReason: String?

    /// Makes an entry.
    public init(
        recipientKind: RecipientKind, recipient: String, customer: String?, order: String?,
        authorityRequest: String?, fields: [DisclosureField], disclosedAt: Date, disclosedBy: String,
        withheldReason: String?
    ) {
        self.recipientKind = recipientKind
        self.recipient = recipient
        self.customer = customer
        self.order = order
        self.authorityRequest = authorityRequest
        self.fields = fields
        self.disclosedAt = disclosedAt
        self.disclosedBy = disclosedBy
        self.withheldReason = withheldReason
    }

    /// What the payment provider receives with each order, from the data map's `paymentProviderShare`.
    public static let paymentProviderFields: [DisclosureField] = DataMap.paymentProviderShare.map(\.field)
        .reduce(into: []) { fields, field in if !fields.contains(field) { fields.append(field) } }
}
