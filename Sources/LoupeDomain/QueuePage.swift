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

    /// Makes a page.
    public init(rows: [RequestSummary], total: Int, startIndex: Int) {
        self.rows = rows
        self.total = total
        self.startIndex = startIndex
    }
}
