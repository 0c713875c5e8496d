import Foundation

/// The purposes a cookie serves (policy section 6). Necessary cookies keep the cart, the checkout and the session
/// working and need no consent; analytics and marketing cookies need it and can be switched off.
public enum CookiePurpose: String, CaseIterable, Codable, Sendable {
    case necessary
    case analytics
    case marketing

    /// The consent that switches it on; nil for necessary cookies, which are always on.
    public var consent: ConsentPurpose? {
        switch self {
        case .necessary: nil
        case .analytics: .analyticsCookies
        case .marketing: .marketingCookies
        }
    }
}

/// What a customer's cookies do now, per purpose, from the consent ledger.
public struct CookieState: Equatable, Sendable, Codable {
    /// One purpose's state: on or off, since when, and the source of the last change.
    public struct Entry: Equatable, Sendable, Codable {
        public var purpose: CookiePurpose
        public var isOn: Bool
        public var since: Date?
        /// `signup`, `request PR-…`, `Global Privacy Control`, …; `always on` for necessary cookies.
        public var source: String
        public var policyVersion: String?

        /// Makes an entry.
        public init(purpose: CookiePurpose, isOn: Bool, since: Date?, source: String, policyVersion: String?) {
            self.purpose = purpose
            self.isOn = isOn
            self.since = since
            self.source = source
            self.policyVersion = policyVersion
        }
    }

    public var entries: [Entry]

    /// The state from the last consent event of each cookie purpose (nil when never asked: off).
    public static func from(
        lastEvents: [ConsentPurpose: (granted: Bool, at: Date, source: String, version: String?)]
    ) -> CookieState {
        CookieState(
            entries: CookiePurpose.allCases.map { purpose in
                guard let consent = purpose.consent else {
                    return Entry(purpose: purpose, isOn: true, since: nil, source: "always on", policyVersion: nil)
                }
                guard let last = lastEvents[consent] else {
                    return Entry(purpose: purpose, isOn: false, since: nil, source: "never asked", policyVersion: nil)
                }
                return Entry(
                    purpose: purpose, isOn: last.granted, since: last.at, source: last.source,
                    policyVersion: last.version)
            })
    }

    /// The source a Global Privacy Control signal is recorded with.
    public static let globalPrivacyControlSource = "Global Privacy Control (Sec-GPC: 1)"

    /// What a Global Privacy Control signal opts out of: marketing cookies and sharing.
    public static let globalPrivacyControlOptOut: [ConsentPurpose] = [.marketingCookies, .dataSharing]

    /// Whether a `Sec-GPC` header value is the signal (`1`, the only value the specification defines).
    public static func isGlobalPrivacyControl(_ headerValue: String?) -> Bool {
        headerValue?.trimmingCharacters(in: .whitespaces) == "1"
    }
}

/// Why a device event was recorded: for a necessary cookie (cart, checkout, session) or for analytics.
public enum DeviceEventPurpose: String, Codable, Sendable {
    case necessary
    case analytics
}
