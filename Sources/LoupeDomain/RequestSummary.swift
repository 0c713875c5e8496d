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
    public var dueAt: Date

    /// Makes a summary.
    public init(
        id: Int64, publicId: String, kind: RequestKind, status: RequestStatus, priority: RequestPriority,
        subjectEmail: String?, assignee: String?, receivedAt: Date, dueAt: Date
    ) {
        self.id = id
        self.publicId = publicId
        self.kind = kind
        self.status = status
        self.priority = priority
        self.subjectEmail = subjectEmail
        self.assignee = assignee
        self.receivedAt = receivedAt
        self.dueAt = dueAt
    }
}

/// The position of a request in the queue's order (due date, then row id): the key for keyset paging.
public struct QueueKey: Equatable, Sendable, Comparable {
    public var dueAt: Date
    public var id: Int64

    /// Makes a key.
    public init(dueAt: Date, id: Int64) {
        self.dueAt = dueAt
        self.id = id
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.dueAt, lhs.id) < (rhs.dueAt, rhs.id)
    }
}

extension RequestSummary {
    /// This row's key in the queue order.
    public var queueKey: QueueKey { QueueKey(dueAt: dueAt, id: id) }
}
