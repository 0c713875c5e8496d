import Foundation
import LoupeDomain

/// A screen of the console; the navigation stack holds these.
public enum Screen: Equatable, Sendable {
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

/// Which part of the console a key binding belongs to.
public enum ScreenKind: String, CaseIterable, Sendable {
    case queue, approvals, request, dashboard, customers, customer, records, search, filter, bulk, form, prompt, command, help

    /// The list screens (queue and approvals).
    public var isList: Bool { self == .queue || self == .approvals }
}

/// A line shown above the hint bar: information or an error.
public struct StatusMessage: Equatable, Sendable {
    public var text: String
    public var isError: Bool

    /// Makes a message.
    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// The privacy policy version in force, as the hint bar names it.
public struct PolicyInForce: Equatable, Sendable {
    public var version: String
    public var effective: Date

    /// Makes one.
    public init(version: String, effective: Date) {
        self.version = version
        self.effective = effective
    }
}

/// Everything the console shows, as a value. Changed only by `reduce`; `==` is synthesised, so a new field is
/// compared without anyone remembering to.
public struct AppState: Equatable, Sendable {
    /// The smallest terminal the console draws in.
    public static let minimumSize = (width: 60, height: 16)

    public var width: Int
    public var height: Int
    /// The clock reading, delivered by `tick` actions.
    public var now: Date
    public var deadlines: DeadlinePolicy
    /// Who is using the console.
    public var actor: StaffMember
    /// The navigation stack; the last screen is shown.
    public var screens: [Screen] = [.queue]
    /// Screens left with `back`, newest last: `]` returns to them until a new screen is opened.
    public var forwardScreens: [Screen] = []
    public var queue = QueueState()
    /// The approvals screen's list.
    public var approvals = QueueState()
    /// The request shown on a request screen, once read.
    public var detail: RequestDetail?
    /// How far the request screen's body is scrolled.
    public var detailScroll = 0
    /// The dashboard's figures, once read.
    public var dashboard: Dashboard?
    /// Draw charts with ASCII characters only (terminals without block characters).
    public var asciiCharts = false
    /// The record list screen's rows and cursor.
    public var records = RecordListState()
    /// The customers screen's search and results.
    public var customers = CustomersState()
    /// The customer shown on a customer screen, once read.
    public var customer: CustomerDetail?
    /// The customer screen's tab.
    public var customerTab = CustomerTab.profile
    /// How far the customer screen's tab is scrolled.
    public var customerScroll = 0
    /// Commands run from the command line, oldest first (Up and Down walk it).
    public var commandHistory: [String] = []
    /// Theme names `:theme` completes.
    public var themeNames: [String] = []
    /// Whether live refresh is paused (`Z`).
    public var isLivePaused = false
    /// The database's change stamp when the screen was last read; a new one means someone changed something.
    public var changeStamp: Int64?
    /// The request whose personal data `m` revealed (until the screen is left).
    public var revealed: String?
    /// Opened with `--readonly`: every write key is hidden and refused.
    public var isReadOnly = false
    /// What sits over the screen and takes the keys first (help, a prompt, a form, the command or filter line).
    public var modal: Modal?
    public var message: StatusMessage?
    /// False once the user has asked to quit.
    public var isRunning = true
    /// The privacy policy version in force and the day it took effect, shown in the hint bar.
    public var policy: PolicyInForce?

    /// Makes the state of a console that has not read anything yet.
    public init(width: Int, height: Int, now: Date, deadlines: DeadlinePolicy, actor: StaffMember) {
        self.width = width
        self.height = height
        self.now = now
        self.deadlines = deadlines
        self.actor = actor
    }

    /// The screen on top of the stack.
    public var screen: Screen { screens.last ?? .queue }

    /// Where key bindings are looked up: the open modal, else the customers search field while it is typed
    /// into, else the screen.
    public var keyContext: ScreenKind {
        if let modal { return modal.keyContext }
        return screen == .customers && customers.isEditing ? .search : screen.kind
    }

    /// The request the lifecycle keys act on: the open request, or the selected row of a list.
    public var focusedRequest: RequestSummary? {
        switch screen {
        case .queue: queue.selected
        case .approvals: approvals.selected
        case .request: detail?.summary
        case .dashboard, .customers, .customer, .records: nil
        }
    }

    /// The bindings the help overlay lists: the screen's, narrowed by what was typed.
    public var helpBindings: [KeyBinding] {
        let all = KeyMap.visibleBindings(in: screen.kind, state: self)
        guard !helpFilter.isEmpty else { return all }
        let wanted = helpFilter.lowercased()
        return all.filter { $0.help.lowercased().contains(wanted) || $0.keyLabel.lowercased().contains(wanted) }
    }

    /// The id of what the screen is about: the selected or open request, the selected or open customer.
    public var focusedId: String? {
        switch screen {
        case .customers: customers.selected?.publicId
        case .customer(let id): id
        case .records: records.selected?.opens
        default: focusedRequest?.publicId
        }
    }

    /// Whether the terminal is below the minimum size.
    public var isTooSmall: Bool { width < Self.minimumSize.width || height < Self.minimumSize.height }

    /// Rows of the queue list: all but the title, column header, status and hint lines.
    public var queueViewHeight: Int { max(height - 4, 1) }

    /// Rows of the request screen's body: all but the title, status and hint lines.
    public var detailViewHeight: Int { max(height - 3, 1) }
}
