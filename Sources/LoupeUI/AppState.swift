import Foundation
import LoupeDomain

/// Which part of the console a key binding belongs to.
public enum ScreenKind: String, CaseIterable, Sendable {
    case queue, approvals, request, dashboard, customers, customer, records, search, filter, bulk, form, prompt, command, help
    case describe

    /// The list screens (queue and approvals).
    public var isList: Bool { self == .queue || self == .approvals }

    /// A modal or the search field: what takes typed keys rather than screen commands.
    public var takesTyping: Bool {
        switch self {
        case .queue, .approvals, .request, .dashboard, .customers, .customer, .records: false
        case .search, .filter, .bulk, .form, .prompt, .command, .help, .describe: true
        }
    }
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

/// A message of the session, with the time it was shown.
public struct LoggedMessage: Equatable, Sendable {
    public var at: Date
    public var message: StatusMessage
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
    /// The navigation stack, each screen with its own state; the last is shown, the first is always the queue.
    public var screens: [Screen] = [.queue(QueueState())]
    /// Screens left with `back`, newest last: `]` returns to them until a new screen is opened.
    public var forwardScreens: [Screen] = []
    /// Draw charts with ASCII characters only (terminals without block characters).
    public var asciiCharts = false
    /// Commands run from the command line, oldest first (Up and Down walk it).
    public var commandHistory: [String] = []
    /// Theme names `:theme` completes.
    public var themeNames: [String] = []
    /// Whether live refresh is paused (`Z`).
    public var isLivePaused = false
    /// The database's change stamp when the screen was last read; a new one means someone changed something.
    public var changeStamp: Int64?
    /// Opened with `--readonly`: every write key is hidden and refused.
    public var isReadOnly = false
    /// What sits over the screen and takes the keys first (help, a prompt, a form, the command or filter line).
    public var modal: Modal?
    public var message: StatusMessage? {
        didSet {
            // Every message is kept for `:messages`, so nothing cut on the status line is lost.
            guard let message, message != oldValue else { return }
            messageLog.append(LoggedMessage(at: now, message: message))
            if messageLog.count > 500 { messageLog.removeFirst(messageLog.count - 500) }
        }
    }
    /// The session's messages, oldest first (`:messages` shows them newest first).
    public var messageLog: [LoggedMessage] = []
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

    /// Where key bindings are looked up: the open modal, else the customers search field while it is typed
    /// into, else the screen.
    public var keyContext: ScreenKind {
        if let modal { return modal.keyContext }
        return screen.address == .customers && customers.isEditing ? .search : screen.kind
    }

    /// The request the lifecycle keys act on: the open request, or the selected row of a list.
    public var focusedRequest: RequestSummary? {
        switch screen {
        case .queue(let list), .approvals(let list): list.selected
        case .request(let shown): shown.detail?.summary
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
        case .customers(let search): search.selected?.publicId
        case .customer(let shown): shown.publicId
        case .records(let shown): shown.list.selected?.opens
        case .queue, .approvals, .request, .dashboard: focusedRequest?.publicId
        }
    }

    /// Whether the terminal is below the minimum size.
    public var isTooSmall: Bool { width < Self.minimumSize.width || height < Self.minimumSize.height }

    /// Rows of the queue list: all but the title, column header, status and hint lines.
    public var queueViewHeight: Int { max(height - 4, 1) }

    /// Rows of the request screen's body: all but the title, status and hint lines.
    public var detailViewHeight: Int { max(height - 3, 1) }
}
