import Foundation

/// One privacy request as the queue lists it.
public struct RequestSummary: Equatable, Sendable, Identifiable {
    /// Database row id (the stable identity used for keyset paging).
    public var id: Int64
    /// Public id, e.g. `PR-2026-000123`.
    public var publicId: String
    public var kind: RequestKind
    public var status: RequestStatus
    public var priority: RequestPriority
    /// The subject's email (customer's or as given on an unmatched request); masked on screen.
    public var subjectEmail: String?
    /// The OS user name of the staff member holding the request.
    public var assignee: String?
    public var receivedAt: Date
    /// The date the request must be answered by, counting an extension.
    public var effectiveDueAt: Date
    /// The due date before any extension.
    public var originalDueAt: Date
    /// Set once the deadline was extended.
    public var extendedUntil: Date?
    /// Who proposed the erasure, once proposed.
    public var proposedBy: String?
    public var isIdentityVerified: Bool
    /// Optimistic-concurrency version: every change increments it.
    public var version: Int
    /// Notices to recipients not yet confirmed or closed.
    public var openTasks: Int = 0
    /// Whether the request is linked to a customer on file (see `RequestFacts.holdsData`).
    public var holdsData = true
    /// Whether a reply from the privacy mailbox waits for its holder (cleared when the holder acts on it).
    public var replyWaiting = false
    /// Whether the kind was only suggested from an email's words, not yet confirmed by an agent.
    public var kindSuggested = false

    /// Makes a summary.
    public init(
        id: Int64, publicId: String, kind: RequestKind, status: RequestStatus, priority: RequestPriority,
        subjectEmail: String?, assignee: String?, receivedAt: Date, effectiveDueAt: Date, originalDueAt: Date? = nil,
        extendedUntil: Date? = nil, proposedBy: String? = nil, isIdentityVerified: Bool = false, version: Int = 1
    ) {
        self.id = id
        self.publicId = publicId
        self.kind = kind
        self.status = status
        self.priority = priority
        self.subjectEmail = subjectEmail
        self.assignee = assignee
        self.receivedAt = receivedAt
        self.effectiveDueAt = effectiveDueAt
        self.originalDueAt = originalDueAt ?? effectiveDueAt
        self.extendedUntil = extendedUntil
        self.proposedBy = proposedBy
        self.isIdentityVerified = isIdentityVerified
        self.version = version
    }
}

/// The position of a request in the queue's order (urgent first, then due date, then row id): the key for
/// keyset paging.
public struct QueueKey: Equatable, Sendable, Comparable {
    /// 0 for urgent requests, 1 for the rest (the database's `queueRank`).
    public var rank: Int
    public var dueAt: Date
    public var id: Int64

    /// Makes a key.
    public init(rank: Int = 1, dueAt: Date, id: Int64) {
        self.rank = rank
        self.dueAt = dueAt
        self.id = id
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.rank, lhs.dueAt, lhs.id) < (rhs.rank, rhs.dueAt, rhs.id)
    }
}

extension RequestSummary {
    /// This row's key in the queue order.
    public var queueKey: QueueKey { QueueKey(rank: priority == .urgent ? 0 : 1, dueAt: effectiveDueAt, id: id) }

    /// What the lifecycle rules look at.
    public var facts: RequestFacts {
        RequestFacts(kind: kind, status: status, assignee: assignee, proposedBy: proposedBy,
                     isIdentityVerified: isIdentityVerified, receivedAt: receivedAt, originalDueAt: originalDueAt,
                     extendedUntil: extendedUntil, openTasks: openTasks, holdsData: holdsData)
            .withKindSuggested(kindSuggested)
    }
}
