/// Which list of requests a queue screen shows.
public enum QueueScope: String, Equatable, Sendable, CaseIterable {
    /// Every open request (the queue).
    case open
    /// Erasures waiting for a supervisor (the approvals screen).
    case awaitingApproval
}

/// Which slice of the queue (open requests ordered by due date, then id) to read. Keyset paging: a slice is
/// named by a row's key, never by an offset.
public enum QueuePageQuery: Equatable, Sendable {
    /// The first `limit` rows.
    case first(limit: Int)
    /// The last `limit` rows.
    case last(limit: Int)
    /// Up to `limit` rows from `key` (inclusive) onward.
    case from(QueueKey, limit: Int)
    /// Up to `limit` rows ending at `key` (inclusive).
    case through(QueueKey, limit: Int)
}

/// A slice of the queue and the number of rows in the whole queue.
public struct QueuePage: Equatable, Sendable {
    /// The rows of the slice, in queue order.
    public var rows: [RequestSummary]
    /// The number of open requests.
    public var total: Int
    /// How many rows of the queue come before the first row of the slice.
    public var startIndex: Int
    /// Breaches whose 72-hour clock toward the authority runs: the queue's title shows them.
    public var breachDeadlines: [BreachDeadline] = []

    /// Makes a page.
    public init(rows: [RequestSummary], total: Int, startIndex: Int) {
        self.rows = rows
        self.total = total
        self.startIndex = startIndex
    }
}

/// The order of a request list: by urgency then due date (the queue's own), by age (received first), or by
/// status in lifecycle order; any of them reversed.
public struct QueueOrder: Equatable, Sendable {
    /// What the list is sorted by.
    public enum Field: String, CaseIterable, Sendable {
        case urgency, age, status
    }

    public var field: Field
    public var reversed: Bool

    /// The queue's own order: urgent first, then by due date.
    public static let urgency = QueueOrder(field: .urgency, reversed: false)

    /// Makes an order.
    public init(field: Field, reversed: Bool = false) {
        self.field = field
        self.reversed = reversed
    }

    /// How the title says it.
    public var label: String {
        let base = switch field {
            case .urgency: "urgent first, then by due date"
            case .age: "oldest first"
            case .status: "by status"
        }
        return reversed ? base + ", reversed" : base
    }
}

extension RequestSummary {
    /// This row's key in `order` (reversal is the store's: it flips the comparisons, not the key).
    public func key(for order: QueueOrder) -> QueueKey {
        switch order.field {
        case .urgency: queueKey
        case .age: QueueKey(rank: 0, dueAt: receivedAt, id: id)
        case .status: QueueKey(rank: RequestStatus.allCases.firstIndex(of: status) ?? 0, dueAt: effectiveDueAt, id: id)
        }
    }
}
