import Foundation

/// A row of the customers screen.
public struct CustomerSummary: Equatable, Sendable {
    public var id: Int64
    public var publicId: String
    public var fullName: String?
    public var email: String?
    public var phone: String?
    public var orderCount: Int
    public var isMinor: Bool
    public var isErased: Bool

    /// Makes a row.
    public init(id: Int64, publicId: String, fullName: String?, email: String?, phone: String?, orderCount: Int,
                isMinor: Bool, isErased: Bool) {
        self.id = id
        self.publicId = publicId
        self.fullName = fullName
        self.email = email
        self.phone = phone
        self.orderCount = orderCount
        self.isMinor = isMinor
        self.isErased = isErased
    }
}

/// One customer with everything the customer screen's tabs show; each list is capped (the newest first) so the
/// screen never reads more than it can show.
public struct CustomerDetail: Equatable, Sendable {
    /// A line of a tab: what it is, and when.
    public struct Entry: Equatable, Sendable {
        public var when: Date?
        public var text: String
        public var detail: String

        /// Makes an entry.
        public init(when: Date?, text: String, detail: String) {
            self.when = when
            self.text = text
            self.detail = detail
        }
    }

    public var summary: CustomerSummary
    public var createdAt: Date
    public var lastActiveAt: Date?
    public var addresses: [Entry] = []
    public var orders: [Entry] = []
    public var consent: [AccessExport.ConsentEvent] = []
    /// Cookies per purpose (necessary, analytics, marketing), from the consent ledger.
    public var cookies: CookieState?
    public var deviceEvents: [Entry] = []
    /// How many device events there are in all (the tab shows the newest).
    public var deviceEventCount = 0
    public var feedback: [Entry] = []
    public var requests: [RequestSummary] = []

    /// Makes a detail with empty tabs.
    public init(summary: CustomerSummary, createdAt: Date, lastActiveAt: Date?) {
        self.summary = summary
        self.createdAt = createdAt
        self.lastActiveAt = lastActiveAt
    }
}

/// The tabs of the customer screen, in order.
public enum CustomerTab: String, CaseIterable, Sendable {
    case profile, addresses, orders, consent, device, feedback, requests
}

/// Builds the full-text query for what the user typed: each word a quoted prefix term, so `mul` finds `Müller`
/// (the index folds accents) and nothing typed can inject FTS syntax.
public enum CustomerSearchText {
    /// The FTS5 MATCH expression, or nil when nothing searchable was typed.
    public static func ftsQuery(_ text: String) -> String? {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(8)
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0.replacingOccurrences(of: "\"", with: ""))\"*" }.joined(separator: " ")
    }
}

/// One order with its items, for the order screen.
public struct OrderDetail: Equatable, Sendable {
    public var number: String
    public var placedAt: Date
    public var status: String
    public var totalMinor: Int
    public var currency: String
    public var customerPublicId: String?
    public var carrier: String?
    public var items: [ImportedOrderItem]

    /// Makes an order detail.
    public init(number: String, placedAt: Date, status: String, totalMinor: Int, currency: String,
                customerPublicId: String?, carrier: String?, items: [ImportedOrderItem]) {
        self.number = number
        self.placedAt = placedAt
        self.status = status
        self.totalMinor = totalMinor
        self.currency = currency
        self.customerPublicId = customerPublicId
        self.carrier = carrier
        self.items = items
    }
}
