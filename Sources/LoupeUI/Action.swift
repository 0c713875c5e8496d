import Foundation
import LoupeDomain

/// Everything that can happen to the console: a key's meaning, a clock tick, a resize, or the answer to an effect.
public enum Action: Equatable, Sendable {
    /// The console opened: read the first slice of the queue.
    case start
    /// Move the selection (or scroll) by rows; negative moves up.
    case moveBy(Int)
    /// Move by a fraction of the visible rows (0.5 for Ctrl-D, -1 for PgUp).
    case moveByPage(Double)
    case moveToTop
    case moveToBottom
    /// Open the selected item.
    case open
    /// Go back one screen (or close the help).
    case back
    /// Quit the console.
    case quit
    case toggleHelp
    /// Scroll the help overlay by rows.
    case scrollHelp(Int)
    /// A key typed while the help is open: letters filter the bindings shown.
    case helpKey(Key)
    /// Repaint the whole terminal (Ctrl-L).
    case redraw
    /// Read the current screen's data again.
    case refresh
    case resized(width: Int, height: Int)
    case tick(Date)
    /// A slice of a list arrived.
    case queueLoaded(QueuePage, scope: QueueScope)
    /// Show the approvals screen.
    case showApprovals
    /// Show the dashboard.
    case showDashboard
    /// Edit the open request's newest queued message.
    case editMessage
    /// Show the customers screen, searching for the text (`editing`: keys go to the search field).
    case showCustomers(query: String, editing: Bool)
    /// Start typing in the customers search field (`/`).
    case startSearch
    /// A key typed into the customers search field.
    case searchKey(Key)
    /// Search results arrived for a query.
    case customersLoaded([CustomerSummary], query: String)
    /// A customer's detail arrived.
    case customerLoaded(CustomerDetail)
    /// Move to the next (1) or previous (-1) tab of the customer screen.
    case switchTab(Int)
    /// Go forward again to the screen `back` left (`]`).
    case forward
    /// Copy the focused item's id to the clipboard (`y`, OSC 52).
    case copyId
    /// Open the new-request form (`N`).
    case newRequest
    /// A key typed while the new-request form is open.
    case formKey(Key)
    /// A request was recorded: open it.
    case created(RequestDetail)
    /// Mark or unmark the selected row and move down (`Space`).
    case toggleMark
    /// Mark the rows from the last mark to the cursor (`V`).
    case markRange
    /// Unmark every row (`U`).
    case unmarkAll
    /// A key typed while the bulk confirmation is open.
    case bulkKey(Key)
    /// A bulk action ran: the requests it changed and the refusals (`ID: reason`).
    case bulkDone(BulkOutcome)
    /// Show a record list screen.
    case showRecords(RecordKind)
    /// A record list arrived.
    case recordsLoaded(RecordKind, RecordList)
    /// Sort the list: by `field` (nil: the next field), or reverse the order.
    case sort(QueueOrder.Field?, reverse: Bool)
    /// Open the `/` filter line on a list.
    case openFilter
    /// A key typed while the filter line is open.
    case filterKey(Key)
    /// Open the `:` command line.
    case openCommandLine
    /// A key typed while the command line is open.
    case commandKey(Key)
    /// Pause or resume live refresh.
    case toggleLive
    /// The database's change stamp was read; a new one reloads the screen.
    case changesChecked(Int64)
    /// The theme was switched.
    case themeSwitched(String)
    /// Show the open request's personal data unmasked (audited first).
    case reveal
    /// The reveal was audited: show the request unmasked.
    case revealed(publicId: String)
    /// The dashboard's figures arrived.
    case dashboardLoaded(Dashboard)
    /// Begin a lifecycle command on the focused request; commands that need answers open a prompt.
    case begin(RequestCommandKey)
    /// A key typed while a prompt is open.
    case promptKey(Key)
    /// A command was carried out; the request as it now is.
    case performed(RequestDetail, verb: String)
    /// A fulfilment (export, rectification, consent withdrawal, minor flag) was carried out.
    case fulfilled(RequestDetail, message: String)
    /// The preview a confirmation shows arrived (erasure plan, rectification before and after).
    case previewLoaded(publicId: String, lines: [String])
    /// A request's detail arrived.
    case requestLoaded(RequestDetail)
    /// An effect failed.
    case failed(LoupeError)
    /// A key was refused; the reason is shown.
    case refused(String)
}

/// Work the reducer asks the runner to do; its result comes back as an action.
public enum Effect: Equatable, Sendable {
    /// Read a slice of a list (only the requests `filter` passes); answered by `.queueLoaded` or `.failed`.
    case loadQueue(QueuePageQuery, scope: QueueScope, filter: QueueFilter? = nil, order: QueueOrder = .urgency)
    /// Carry out a lifecycle command; answered by `.performed` or `.failed`.
    case perform(RequestCommand, publicId: String, expectedVersion: Int)
    /// Read the preview of an erasure or a rectification; answered by `.previewLoaded` or `.failed`.
    case loadPreview(RequestCommandKey, publicId: String, corrections: [CorrectableField: String] = [:])
    /// Carry out a fulfilment; answered by `.fulfilled` or `.failed`.
    case fulfil(Fulfilment, publicId: String)
    /// Read the dashboard's figures; answered by `.dashboardLoaded` or `.failed`.
    case loadDashboard
    /// Read a request; answered by `.requestLoaded` or `.failed`.
    case loadRequest(publicId: String)
    /// Open a queued message in the user's editor and save what they wrote; answered by `.fulfilled` or `.failed`.
    case editMessage(id: Int64, publicId: String)
    /// Record a request entered by hand; answered by `.created` or `.failed`.
    case createRequest(NewRequest)
    /// Run one lifecycle command on each target, each in its own transaction; answered by `.bulkDone`.
    case performBulk(RequestCommand, targets: [BulkTarget])
    /// Read a record list; answered by `.recordsLoaded` or `.failed`.
    case loadRecords(RecordKind)
    /// Search customers; answered by `.customersLoaded` or `.failed`.
    case searchCustomers(String)
    /// Read a customer; answered by `.customerLoaded` or `.failed`.
    case loadCustomer(publicId: String)
    /// Read the database's change stamp; answered by `.changesChecked`.
    case checkForChanges
    /// Load a theme and apply it now; answered by `.themeSwitched` or `.failed`.
    case switchTheme(String)
    /// Audit that the actor revealed a request's personal data; answered by `.revealed` or `.failed`.
    case recordReveal(publicId: String)
    /// Put text on the clipboard of the user's terminal (OSC 52; works over SSH).
    case copyToClipboard(String)
    /// Clear and repaint the terminal.
    case redrawTerminal
    /// Leave the console.
    case quit
}

extension Effect {
    /// Whether the effect changes data (refused in a `--readonly` console).
    public var writes: Bool {
        switch self {
        case .perform, .fulfil, .editMessage, .performBulk, .createRequest: true
        default: false
        }
    }
}

/// The lifecycle commands a key can start (the answers come from prompts).
public enum RequestCommandKey: String, CaseIterable, Equatable, Sendable {
    case claim, release, verify, start, note, extend, proposeErasure, approve, reject, cancel, complete
    case export, rectify, withdrawConsent, flagMinor, closeTask
}

/// The ways of fulfilling a right that are not lifecycle steps.
public enum Fulfilment: Equatable, Sendable {
    /// Write the access export.
    case export
    /// Apply the corrections the request carries, with those typed in the console.
    case rectify(corrections: [CorrectableField: String])
    /// Withdraw consent for these purposes (all granted ones when empty).
    case withdrawConsent(purposes: [ConsentPurpose])
    /// Flag the request's customer as under 16, with the reason.
    case flagMinor(reason: String, guardian: String?)
    /// Record that a recipient confirmed a notice (reason nil) or that telling them is impossible.
    case closeTask(id: Int64, impossibleBecause: String?)
}
