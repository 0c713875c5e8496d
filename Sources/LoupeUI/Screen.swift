import LoupeDomain

/// Where a screen is: its kind and what it shows, without its state. Opening an address already on top keeps
/// that screen; tests and the reducer compare addresses, never screen states.
public enum ScreenAddress: Equatable, Sendable {
    /// The queue of open requests.
    case queue
    /// Erasures waiting for a supervisor.
    case approvals
    /// One request, by public id.
    case request(String)
    /// Request load, intake and retention figures.
    case dashboard
    /// Customers, searched as you type.
    case customers
    /// One customer, by public id, with tabs.
    case customer(String)
    /// A read-only list: the audit log, open notices, an order.
    case records(RecordKind)
}

/// A screen of the console with its own state; the navigation stack holds these, so going back finds a screen
/// as it was left (its cursor, scroll and tab) and a screen's state ends when it is closed.
public enum Screen: Equatable, Sendable {
    /// The queue: its loaded page, cursor, marks, filter and order.
    case queue(QueueState)
    /// The approvals list, as the queue.
    case approvals(QueueState)
    /// One request: its detail once read, scroll and reveal.
    case request(RequestScreen)
    /// The dashboard: its figures once read, and which count is selected.
    case dashboard(DashboardScreen)
    /// The customers search and its results.
    case customers(CustomersState)
    /// One customer: its detail once read, tab, scroll and reveal.
    case customer(CustomerScreen)
    /// A record list: which one, its rows and cursor.
    case records(RecordsScreen)

    /// A screen at `address` that has read nothing yet.
    public init(_ address: ScreenAddress) {
        switch address {
        case .queue: self = .queue(QueueState())
        case .approvals: self = .approvals(QueueState())
        case .request(let id): self = .request(RequestScreen(publicId: id))
        case .dashboard: self = .dashboard(DashboardScreen())
        case .customers: self = .customers(CustomersState())
        case .customer(let id): self = .customer(CustomerScreen(publicId: id))
        case .records(let kind): self = .records(RecordsScreen(kind: kind))
        }
    }

    /// Where this screen is.
    public var address: ScreenAddress {
        switch self {
        case .queue: .queue
        case .approvals: .approvals
        case .request(let screen): .request(screen.publicId)
        case .dashboard: .dashboard
        case .customers: .customers
        case .customer(let screen): .customer(screen.publicId)
        case .records(let screen): .records(screen.kind)
        }
    }

    /// The kind of screen, for the key table.
    public var kind: ScreenKind {
        switch self {
        case .queue: .queue
        case .approvals: .approvals
        case .request: .request
        case .dashboard: .dashboard
        case .customers: .customers
        case .customer: .customer
        case .records: .records
        }
    }
}

/// The request screen's own state.
public struct RequestScreen: Equatable, Sendable {
    /// The request shown.
    public var publicId: String
    /// The request, once read.
    public var detail: RequestDetail?
    /// How far the body is scrolled.
    public var scroll = 0
    /// Whether `m` showed its personal data unmasked (ends when the screen is left).
    public var isRevealed = false

    /// A request screen that has read nothing yet.
    public init(publicId: String) {
        self.publicId = publicId
    }
}

/// The customer screen's own state.
public struct CustomerScreen: Equatable, Sendable {
    /// The customer shown.
    public var publicId: String
    /// The customer, once read.
    public var detail: CustomerDetail?
    /// The tab shown.
    public var tab = CustomerTab.profile
    /// How far the tab is scrolled.
    public var scroll = 0
    /// The selected row of the requests tab (Enter opens it).
    public var row = 0
    /// Whether `m` showed the personal data unmasked (ends when the screen is left).
    public var isRevealed = false

    /// The request selected on the requests tab, if that tab is shown.
    public var selectedRequest: RequestSummary? {
        guard tab == .requests, let requests = detail?.requests, requests.indices.contains(row) else { return nil }
        return requests[row]
    }

    /// A customer screen that has read nothing yet.
    public init(publicId: String) {
        self.publicId = publicId
    }

    /// Moves `step` tabs along, wrapping, and scrolls the new tab to its top.
    mutating func switchTab(by step: Int) {
        let all = CustomerTab.allCases
        let index = all.firstIndex(of: tab)!
        tab = all[(index + step + all.count) % all.count]
        scroll = 0
        row = 0
    }
}

/// A record list screen's own state.
public struct RecordsScreen: Equatable, Sendable {
    /// Which list it is.
    public var kind: RecordKind
    /// Its rows and cursor.
    public var list = RecordListState()

    /// A record list screen that has read nothing yet.
    public init(kind: RecordKind) {
        self.kind = kind
    }
}

/// The dashboard's own state: the figures, and the count the cursor is on (Enter opens its list).
public struct DashboardScreen: Equatable, Sendable {
    /// A count that opens a filtered queue.
    public enum Link: Equatable, Sendable {
        case status(RequestStatus), overdue, unassigned

        /// The queue filter that lists what the count counts.
        public var filter: String {
            switch self {
            case .status(let status): "status:\(status.rawValue)"
            case .overdue: "status:overdue"
            case .unassigned: "assignee:none"
            }
        }
    }

    /// The figures, once read.
    public var figures: Dashboard?
    /// The selected link, by position in `links`.
    public var link = 0

    /// A dashboard that has read nothing yet.
    public init() {}

    /// The counts that open a list: each open status, the overdue and the unassigned.
    public var links: [Link] {
        guard let figures else { return [] }
        return figures.byStatus.filter(\.status.isOpen).map { .status($0.status) } + [.overdue, .unassigned]
    }

    /// The selected link, if the figures are in.
    public var selected: Link? { links.indices.contains(link) ? links[link] : nil }
}
