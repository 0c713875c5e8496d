import Foundation

/// A request from an authority (police, tax office) for a customer's data, and its four-eyes decision.
public struct AuthorityRequest: Equatable, Sendable, Codable {
    /// Where the request stands.
    public enum Status: String, Codable, Sendable, CaseIterable {
        case awaitingApproval = "awaiting-approval"
        case disclosed
        case refused
    }

    public var publicId: String
    public var authority: String
    public var legalBasis: String
    public var reference: String
    public var customer: String
    public var fieldsRequested: [DisclosureField]
    /// Why the law forbids telling the subject, when it does.
    public var secrecyReason: String?
    public var status: Status
    public var proposedBy: String
    public var receivedAt: Date
    public var decidedBy: String?
    public var decidedAt: Date?
    public var decisionNote: String?

    /// Makes a request value.
    public init(
        publicId: String, authority: String, legalBasis: String, reference: String, customer: String,
        fieldsRequested: [DisclosureField], secrecyReason: String?, status: Status, proposedBy: String,
        receivedAt: Date, decidedBy: String? = nil, decidedAt: Date? = nil, decisionNote: String? = nil
    ) {
        self.publicId = publicId
        self.authority = authority
        self.legalBasis = legalBasis
        self.reference = reference
        self.customer = customer
        self.fieldsRequested = fieldsRequested
        self.secrecyReason = secrecyReason
        self.status = status
        self.proposedBy = proposedBy
        self.receivedAt = receivedAt
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.decisionNote = decisionNote
    }

    /// Refuses a decision that breaks four-eyes: only a supervisor or admin decides, never the one who recorded
    /// it, and only while it waits; the fields disclosed are among those asked for.
    public func checkDecision(by actor: StaffMember, disclosing fields: [DisclosureField]?) throws {
        guard status == .awaitingApproval else {
            throw LoupeError(.notAllowed, "\(publicId) was already \(status.rawValue); a decision is made once.")
        }
        try AccessGate.require(actor, .decideAuthorityRequest, AccessFacts(proposer: proposedBy))
        if let fields, let extra = fields.first(where: { !fieldsRequested.contains($0) }) {
            throw LoupeError(
                .invalidInput,
                "\(extra.rawValue) was not asked for; disclose only fields in the request: "
                    + DisclosureField.listText(fieldsRequested) + ".")
        }
    }
}
