import Foundation

/// A customer as read from the shop's customer export, validated.
public struct ImportedCustomer: Equatable, Sendable {
    /// Shopify's customer id (absent in pre-2022 exports: the email is the key then).
    public var shopifyId: String?
    /// The email; nil for a customer the shop knows by phone only (Shopify allows it).
    public var email: String?
    public var fullName: String?
    public var phone: String?
    /// Marketing consent as exported: nil when the column is absent or empty.
    public var acceptsEmailMarketing: Bool?
    public var acceptsSMSMarketing: Bool?
    public var address: ImportedAddress?
    /// The shop saw a Global Privacy Control signal (`Sec-GPC: 1`) from this customer's browser: an opt-out of
    /// marketing cookies and sharing.
    public var globalPrivacyControl = false

    /// Makes a record.
    public init(shopifyId: String?, email: String?, fullName: String?, phone: String?, acceptsEmailMarketing: Bool?,
                acceptsSMSMarketing: Bool?, address: ImportedAddress?) {
        self.shopifyId = shopifyId
        self.email = email
        self.fullName = fullName
        self.phone = phone
        self.acceptsEmailMarketing = acceptsEmailMarketing
        self.acceptsSMSMarketing = acceptsSMSMarketing
        self.address = address
    }
}

/// A postal address from an export.
public struct ImportedAddress: Equatable, Sendable {
    public var line1: String
    public var line2: String?
    public var city: String
    public var postalCode: String?
    public var region: String?
    public var country: String

    /// Makes an address.
    public init(line1: String, line2: String?, city: String, postalCode: String?, region: String?, country: String) {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.postalCode = postalCode
        self.region = region
        self.country = country
    }

    /// One line for order snapshots: `line1, line2, postal code city, region, country`.
    public var singleLine: String {
        [line1, line2, [postalCode, city].compactMap { $0 }.joined(separator: " "), region, country]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
    }
}

/// An order as read from the shop's order export (all its line-item rows), validated.
public struct ImportedOrder: Equatable, Sendable {
    public var shopifyId: String?
    /// The order name, e.g. `#1042`.
    public var name: String
    public var email: String?
    public var placedAt: Date
    /// `cancelled` when the export has a cancellation time, else `paid`, `pending`, `refunded` ... as exported.
    public var status: String
    public var currency: String
    public var totalMinor: Int
    public var paymentMethod: String
    public var billingName: String?
    public var billingAddress: String?
    public var shippingName: String?
    public var shippingAddress: String?
    public var shippingPhone: String?
    public var items: [ImportedOrderItem]

    /// Makes a record.
    public init(shopifyId: String?, name: String, email: String?, placedAt: Date, status: String, currency: String,
                totalMinor: Int, paymentMethod: String, billingName: String?, billingAddress: String?,
                shippingName: String?, shippingAddress: String?, shippingPhone: String?, items: [ImportedOrderItem]) {
        self.shopifyId = shopifyId
        self.name = name
        self.email = email
        self.placedAt = placedAt
        self.status = status
        self.currency = currency
        self.totalMinor = totalMinor
        self.paymentMethod = paymentMethod
        self.billingName = billingName
        self.billingAddress = billingAddress
        self.shippingName = shippingName
        self.shippingAddress = shippingAddress
        self.shippingPhone = shippingPhone
        self.items = items
    }
}

/// One line item of an imported order.
public struct ImportedOrderItem: Equatable, Sendable {
    public var sku: String
    public var name: String
    public var quantity: Int
    public var priceMinor: Int

    /// Makes an item.
    public init(sku: String, name: String, quantity: Int, priceMinor: Int) {
        self.sku = sku
        self.name = name
        self.quantity = quantity
        self.priceMinor = priceMinor
    }
}

/// What the reader hands the store: a record, or a row it refused (line and reason, no values).
public enum ImportItem<Record: Sendable>: Sendable {
    case record(Record, line: Int)
    case rejected(line: Int, reason: String)
}

/// What an import did (or, on a dry run, would do).
public struct ImportReport: Equatable, Sendable, Codable {
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    /// Consent events recorded (source "import").
    public var consentEvents = 0
    /// Rows refused: the line and why.
    public var rejected: [RowProblem] = []
    /// Rows left alone because the person was erased: "suppressed (erased on DATE by PR-…)", never recreated.
    public var suppressed: [RowProblem] = []
    /// Values kept against the file: a withdrawal or correction made in Loupe, or a customer under 16.
    public var kept: [RowProblem] = []
    /// Whether the changes were written (false on a dry run or when bad rows stopped the import).
    public var written = false

    /// An empty report.
    public init() {}
}

/// A refused or noted row: where and why (never the values, which may be personal data or a card number).
public struct RowProblem: Equatable, Sendable, Codable {
    public var line: Int
    public var reason: String

    /// Makes a problem line.
    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }
}
