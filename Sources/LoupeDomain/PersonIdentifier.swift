import Foundation

/// One identifier a person is known by, normalised so that the same person spelled two ways compares equal:
/// first `IdentifierText.normalized` (NFKC, every script's digits as ASCII), then emails lower-cased and trimmed,
/// phones reduced to `+` and digits, the shop's ids as given. The suppression
/// ledger keys its digests on `kind` and `value`; nothing here is stored in clear.
public struct PersonIdentifier: Hashable, Sendable {
    /// Which kind of identifier.
    public enum Kind: String, Sendable, CaseIterable {
        case email
        case phone
        case shopifyCustomerId = "shopify-customer-id"
        case customerId = "customer-id"
        /// A mail's Message-ID (or the digest of its bytes): kept only as a keyed digest, so the mailbox still
        /// recognises a message it has seen without keeping what names the sender's mail host.
        case mailMessage = "mail-message"
    }

    /// The kind, part of the digest so an email and a phone can never collide.
    public let kind: Kind
    /// The normalised value.
    public let value: String

    private init(kind: Kind, value: String) {
        self.kind = kind
        self.value = value
    }

    /// An email, lower-cased and trimmed; nil when empty.
    public static func email(_ given: String?) -> PersonIdentifier? {
        guard let given, !given.isEmpty else { return nil }
        let text = IdentifierText.normalized(given)
        // Imports and intake hand over emails already trimmed and lower-cased: only others pay for Foundation.
        let clean = text.utf8.allSatisfy { $0 > 32 && !(65...90).contains($0) && $0 < 128 }
        let value = clean ? text : text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return value.isEmpty ? nil : PersonIdentifier(kind: .email, value: value)
    }

    /// A phone number as `+` and digits (`00` read as `+`); spaces, dots, dashes and brackets dropped. Nil when
    /// fewer than six digits remain (not a number anyone can be reached at).
    public static func phone(_ given: String?) -> PersonIdentifier? {
        guard let given else { return nil }
        let text = IdentifierText.normalized(given)
        let digits = text.unicodeScalars.filter { $0.properties.numericType == .decimal && $0.isASCII }
        guard digits.count >= 6 else { return nil }
        var value = String(String.UnicodeScalarView(digits))
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("+") {
            value = "+" + value
        } else if value.hasPrefix("00") {
            value = "+" + value.dropFirst(2)
        }
        return PersonIdentifier(kind: .phone, value: value)
    }

    /// Shopify's numeric customer id (a spreadsheet's `'` guard removed).
    public static func shopifyCustomer(_ given: String?) -> PersonIdentifier? {
        guard let given else { return nil }
        let text = IdentifierText.normalized(given)
        let value = text.hasPrefix("'") ? String(text.dropFirst()) : text
        return value.isEmpty ? nil : PersonIdentifier(kind: .shopifyCustomerId, value: value)
    }

    /// The shop's own customer id (`C-004211`).
    public static func customer(_ text: String?) -> PersonIdentifier? {
        guard let text, !text.isEmpty else { return nil }
        return PersonIdentifier(kind: .customerId, value: IdentifierText.normalized(text).uppercased())
    }

    /// A mail's key as the parser made it (`<id@host>` or `sha256:…`), as given.
    public static func mailMessage(_ key: String) -> PersonIdentifier {
        PersonIdentifier(kind: .mailMessage, value: key)
    }

    /// The text the ledger's keyed digest is computed over: `kind:value`.
    public var digestInput: String { kind.rawValue + ":" + value }
}

/// Why an import or intake left a person alone: they were erased, and when and by which request.
public struct Suppression: Equatable, Sendable, Codable {
    /// When the erasure was carried out.
    public var erasedAt: Date
    /// The erasure request, e.g. `PR-2026-000123`.
    public var requestPublicId: String

    /// Makes a suppression fact.
    public init(erasedAt: Date, requestPublicId: String) {
        self.erasedAt = erasedAt
        self.requestPublicId = requestPublicId
    }
}
