import Foundation

/// A request entered by hand or by intake, before it is stored.
public struct NewRequest: Equatable, Sendable {
    public var kind: RequestKind
    public var email: String
    public var name: String?
    public var channel: RequestChannel
    /// The sender's own reference (message id, ticket number); unique per channel.
    public var externalReference: String?
    public var requester: RequesterKind
    public var requesterName: String?
    /// For a rectification: the corrections asked for.
    public var corrections: [CorrectableField: String]

    /// Makes a new request.
    public init(kind: RequestKind, email: String, name: String? = nil, channel: RequestChannel = .email,
                externalReference: String? = nil, requester: RequesterKind = .subject, requesterName: String? = nil,
                corrections: [CorrectableField: String] = [:]) {
        self.kind = kind
        self.email = email
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
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix("."), email.count <= 254,
              !email.unicodeScalars.contains(where: { $0 == " " || TextRules.isForbidden($0) })
        else {
            throw LoupeError(.invalidInput, "'\(TextRules.printable(self.email))' is not an email address like name@example.com.")
        }
        copy.email = email
        copy.name = try name.map { try TextRules.validated($0, field: "name") }
        copy.externalReference = try externalReference.map { try TextRules.validated($0, field: "reference") }
        copy.requesterName = try requesterName.map { try TextRules.validated($0, field: "requester's name") }
        if !corrections.isEmpty {
            guard kind == .rectification else {
                throw LoupeError(.invalidInput, "Corrections belong to rectification requests, not \(kind.rawValue).")
            }
            copy.corrections = try RectificationRules.validated(corrections)
        }
        return copy
    }
}
