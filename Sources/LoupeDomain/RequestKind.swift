/// The right a data subject exercises with a privacy request.
public enum RequestKind: String, CaseIterable, Codable, Sendable {
    case access
    case rectification
    case erasure
    case consentWithdrawal = "consent-withdrawal"

    /// What the subject asked for, in words a message to them can use ("access to your data").
    public var phrase: String {
        switch self {
        case .access: "access to your data"
        case .rectification: "correction of your data"
        case .erasure: "erasure of your data"
        case .consentWithdrawal: "withdrawal of your consent"
        }
    }

    /// Short label for narrow columns.
    public var label: String {
        switch self {
        case .access: "access"
        case .rectification: "rectify"
        case .erasure: "erasure"
        case .consentWithdrawal: "consent"
        }
    }

    /// Whether fulfilment waits for identity verification (consent withdrawal never does).
    public var requiresIdentityVerification: Bool { self != .consentWithdrawal }
}

/// How a request reached the shop.
public enum RequestChannel: String, CaseIterable, Codable, Sendable {
    case email, phone, letter, web, shopify, opendsr
    /// Opened by staff (e.g. when a customer is found to be a minor).
    case staff
}

/// Who made the request: the data subject, or a guardian acting for a minor.
public enum RequesterKind: String, CaseIterable, Codable, Sendable {
    case subject, guardian
}

/// How urgently a request must be handled.
public enum RequestPriority: String, CaseIterable, Codable, Sendable, Comparable {
    case normal, high, urgent

    private var rank: Int {
        switch self {
        case .normal: 0
        case .high: 1
        case .urgent: 2
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
