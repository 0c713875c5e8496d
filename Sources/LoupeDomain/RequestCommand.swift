import Foundation

/// How a staff member checked that the requester is the data subject.
public enum VerificationMethod: String, CaseIterable, Codable, Sendable {
    /// The request came from the email address on file.
    case email
    /// The requester knew details of an order.
    case order
    /// A staff member saw an identity document.
    case document
    /// A six-digit code sent to the address on file came back (in a reply, or typed by an agent).
    case emailCode = "email-code"
}

/// Everything a staff member can do to a privacy request.
public enum RequestCommand: Equatable, Sendable {
    /// Assign to me (atomic: refused when someone else holds it).
    case claim
    /// Give the request back to the queue.
    case release
    /// Give the request to another staff member (supervisors and admins).
    case reassign(to: String)
    /// Record how the requester's identity was checked.
    case verify(method: VerificationMethod, note: String?)
    /// Begin fulfilling (identity must be verified, except for consent withdrawal).
    case start
    /// Add a note to the request.
    case note(String)
    /// Extend the deadline by one or two months, with a reason; the notice to the subject is recorded.
    case extend(months: Int, reason: String)
    /// Propose erasing the subject's data; a supervisor who did not propose it must approve.
    case proposeErasure
    /// Approve a proposed erasure.
    case approve
    /// Refuse the request, with a reason given to the subject.
    case reject(reason: String)
    /// Close the request without acting (e.g. withdrawn), with a reason.
    case cancel(reason: String)
    /// Mark the request fulfilled.
    case complete

    /// The command without its arguments.
    public var kind: RequestAction.Kind {
        switch self {
        case .claim: .claim
        case .release: .release
        case .reassign: .reassign
        case .verify: .verify
        case .start: .start
        case .note: .note
        case .extend: .extend
        case .proposeErasure: .proposeErasure
        case .approve: .approve
        case .reject: .reject
        case .cancel: .cancel
        case .complete: .complete
        }
    }

    /// The audit action name, e.g. `request.claim`.
    public var auditAction: String { AuditEvent.request(kind).action }

    /// A short verb for messages ("claim", "approve").
    public var verb: String { kind.verb }

    /// What was done, as a status line says it afterwards ("identity verified", "reassigned to ben").
    public var done: String {
        switch self {
        case .claim: "claimed"
        case .release: "released to the queue"
        case .reassign(let target): "reassigned to \(target)"
        case .verify(let method, _): "identity verified (\(method.rawValue))"
        case .start: "work started"
        case .note: "note added"
        case .extend(let months, _): "deadline extended by \(months == 1 ? "one month" : "two months")"
        case .proposeErasure: "erasure proposed for approval"
        case .approve: "erasure approved and carried out"
        case .reject: "rejected"
        case .cancel: "cancelled"
        case .complete: "completed"
        }
    }

    /// One value of each command, for tables and tests.
    public static let samples: [RequestCommand] = [
        .claim, .release, .reassign(to: "ben"), .verify(method: .email, note: nil), .start, .note("Called back"),
        .extend(months: 1, reason: "Many orders"), .proposeErasure, .approve, .reject(reason: "Not verifiable"),
        .cancel(reason: "Withdrawn"), .complete,
    ]
}

/// The facts about a request that the rules look at.
public struct RequestFacts: Equatable, Sendable {
    public var kind: RequestKind
    public var status: RequestStatus
    public var assignee: String?
    /// Who proposed the erasure, once proposed.
    public var proposedBy: String?
    public var isIdentityVerified: Bool
    public var receivedAt: Date
    /// The original due date (before any extension).
    public var originalDueAt: Date
    public var extendedUntil: Date?
    /// Notices to couriers and payment providers (Art. 19) not yet confirmed or closed.
    public var openTasks: Int
    /// Whether the request names someone the shop holds data about (a customer on file); when not, an access
    /// or erasure request is answered "we hold no data about you".
    public var holdsData: Bool
    /// Whether the kind was only suggested from an email's words (work starts once an agent confirms it).
    public var kindSuggested = false
    /// Whether the request's customer is flagged as under 16.
    public var subjectIsMinor = false

    /// Makes facts.
    public init(kind: RequestKind, status: RequestStatus, assignee: String? = nil, proposedBy: String? = nil,
                isIdentityVerified: Bool = false, receivedAt: Date, originalDueAt: Date,
                extendedUntil: Date? = nil, openTasks: Int = 0, holdsData: Bool = true) {
        self.holdsData = holdsData
        self.kind = kind
        self.status = status
        self.assignee = assignee
        self.proposedBy = proposedBy
        self.isIdentityVerified = isIdentityVerified
        self.receivedAt = receivedAt
        self.originalDueAt = originalDueAt
        self.extendedUntil = extendedUntil
        self.openTasks = openTasks
    }
}

extension RequestFacts {
    /// The same facts, with `kindSuggested` set.
    public func withKindSuggested(_ suggested: Bool) -> RequestFacts {
        var facts = self
        facts.kindSuggested = suggested
        return facts
    }
}
