import Foundation

/// A request entered by hand or by intake, before it is stored.
public struct NewRequest: Equatable, Sendable {
    public var kind: RequestKind
    /// The subject's email; nil when they gave only a phone (or, for OpenDSR, only hashed identities).
    public var email: String?
    /// The subject's phone, when they gave one (a customer the shop knows by phone only).
    public var phone: String?
    public var name: String?
    public var channel: RequestChannel
    /// The sender's own reference (message id, ticket number); unique per channel.
    public var externalReference: String?
    public var requester: RequesterKind
    public var requesterName: String?
    /// The guardian's own email: messages about the request go there, never to the child.
    public var requesterEmail: String?
    /// For a rectification: the corrections asked for.
    public var corrections: [CorrectableField: String]

    /// Makes a new request.
    public init(kind: RequestKind, email: String?, phone: String? = nil, name: String? = nil,
                channel: RequestChannel = .email,
                externalReference: String? = nil, requester: RequesterKind = .subject, requesterName: String? = nil,
                requesterEmail: String? = nil, corrections: [CorrectableField: String] = [:]) {
        self.requesterEmail = requesterEmail
        self.kind = kind
        self.email = email
        self.phone = phone
        self.name = name
        self.channel = channel
        self.externalReference = externalReference
        self.requester = requester
        self.requesterName = requesterName
        self.corrections = corrections
    }

    /// The request with every text checked: an email of the usual shape (lower-cased), names and references
    /// free of control characters. Errors say which field and why.
    public func validated() throws -> NewRequest {
        var copy = self
        copy.email = try email.map(Self.validatedEmail)
        if let given = phone {
            let phone = IdentifierText.normalized(given)
            guard let normalised = PersonIdentifier.phone(phone), phone.count <= 30,
                  phone.allSatisfy({ $0.isASCIIDigit || " +-().".contains($0) }) else {
                throw LoupeError(.invalidInput, "'\(TextRules.printable(phone))' is not a phone number: use digits, spaces and a leading +, e.g. +44 7700 900812.")
            }
            copy.phone = normalised.value
        }
        guard copy.email != nil || copy.phone != nil || channel == .opendsr else {
            throw LoupeError(.invalidInput, "A request needs the subject's email or phone, to find what the shop holds and to answer.")
        }
        copy.name = try name.map { try TextRules.validated($0, field: "name") }
        copy.externalReference = try externalReference.map { try TextRules.validated($0, field: "reference") }
        copy.requesterName = try requesterName.map { try TextRules.validated($0, field: "requester's name") }
        if let requesterEmail {
            guard requester == .guardian else {
                throw LoupeError(.invalidInput, "A requester's email is for a guardian's request: add --requester guardian.")
            }
            copy.requesterEmail = try NewRequest.validatedEmail(requesterEmail)
        }
        if !corrections.isEmpty {
            guard kind == .rectification else {
                throw LoupeError(.invalidInput, "Corrections belong to rectification requests, not \(kind.rawValue).")
            }
            copy.corrections = try RectificationRules.validated(corrections)
        }
        return copy
    }

    /// An email of the usual shape, trimmed and lower-cased; refused with what a good one looks like.
    public static func validatedEmail(_ text: String) throws -> String {
        let email = IdentifierText.normalized(TextRules.trimmed(text)).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].utf8.contains(UInt8(ascii: ".")), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix("."), email.count <= 254,
              !email.unicodeScalars.contains(where: { $0 == " " || TextRules.isForbidden($0) })
        else {
            throw LoupeError(.invalidInput, "'\(TextRules.printable(text))' is not an email address like name@example.com.")
        }
        return email
    }
}
