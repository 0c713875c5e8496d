/// Which requests `loupe requests list` shows.
public struct RequestFilter: Equatable, Sendable {
    /// Whose requests.
    public enum Assignee: Equatable, Sendable {
        case anyone, nobody
        case user(String)
    }

    /// Only this status (else, open requests unless `openOnly` is false).
    public var status: RequestStatus?
    public var kind: RequestKind?
    public var assignee: Assignee
    /// Only open requests past their due date.
    public var overdueOnly: Bool
    /// Without a status: only open requests.
    public var openOnly: Bool
    /// At most this many rows.
    public var limit: Int

    /// Makes a filter; by default all open requests, up to 1,000.
    public init(status: RequestStatus? = nil, kind: RequestKind? = nil, assignee: Assignee = .anyone,
                overdueOnly: Bool = false, openOnly: Bool = true, limit: Int = 1_000) {
        self.status = status
        self.kind = kind
        self.assignee = assignee
        self.overdueOnly = overdueOnly
        self.openOnly = openOnly
        self.limit = limit
    }
}
