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
    /// Show the selected row whole (`d`).
    case describeSelected
    /// A key while a row or the messages are shown whole: scroll or close.
    case describeKey(Key)
    /// Show the session's messages whole (`:messages`).
    case showMessages
    /// The active staff arrived, for the reassign prompt.
    case staffLoaded([StaffMember])
    /// Close the notice of the selected row of the notices list (`t` on `:tasks`).
    case closeNoticeOfRow
    /// Ask what an email request really asks for (`=`).
    case confirmKindPrompt
    /// Make a request of the selected unsorted mail (`f` on `:mail`): ask its kind.
    case fileMailOfRow
    /// Dismiss the selected unsorted mail (`x` on `:mail`): ask the reason.
    case dismissMailOfRow
    /// Ask the language the open request is answered in (`L`).
    case languagePrompt
    /// Unsorted mail was made a request of, or dismissed: the tray is read again.
    case mailSorted(message: String)
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
    /// Open a message of the request's conversation whole (`T`): at once when there is one, else asked which.
    case openConversation
    /// Write a reply to the subject in the editor (`W`).
    case writeReply
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
    case begin(RequestAction.Kind)
    /// Claim the most urgent unassigned request and open it (one key).
    case claimNext
    /// The request `claimNext` took, as it now is.
    case claimedNext(RequestDetail)
    /// Open the customer the shown request is about (back returns to the request).
    case openRequestCustomer
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

/// Work the reducer asks for; its result comes back as an action. Data effects go to the store (the CLI's
/// `EffectRunner`), terminal effects to the console loop; each side interprets its own kind with one exhaustive
/// switch. The static functions below build each effect by its own name.
public enum Effect: Equatable, Sendable {
    case data(DataEffect)
    case terminal(TerminalEffect)
}

/// Reads and writes of the database.
public enum DataEffect: Equatable, Sendable {
    /// Read a slice of a list, with that list's filter and order; answered by `.queueLoaded` or `.failed`.
    case loadQueue(QueuePageQuery, scope: QueueScope, filter: QueueFilter?, order: QueueOrder)
    /// Carry out a lifecycle command; answered by `.performed` or `.failed`.
    case perform(RequestCommand, publicId: String, expectedVersion: Int)
    /// Read the preview of an erasure or a rectification; answered by `.previewLoaded` or `.failed`.
    case loadPreview(RequestAction.Kind, publicId: String, corrections: [CorrectableField: String])
    /// Carry out a fulfilment; answered by `.fulfilled` or `.failed`.
    case fulfil(Fulfilment, publicId: String)
    /// Read the dashboard's figures; answered by `.dashboardLoaded` or `.failed`.
    case loadDashboard
    /// Read a request; answered by `.requestLoaded` or `.failed`.
    case loadRequest(publicId: String)
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
    /// Audit that the actor revealed a request's personal data; answered by `.revealed` or `.failed`.
    case recordReveal(publicId: String)
    /// Claim the most urgent unassigned open request; answered by `.claimedNext` or `.failed`.
    case claimNext
    /// Read the active staff (for the reassign prompt's completion); answered by `.staffLoaded` or `.failed`.
    case loadStaff
    /// Make a request of unsorted mail, or dismiss it; answered by `.mailSorted` or `.failed`.
    case sortMail(id: Int64, MailDecision)

    /// Whether the effect changes data (refused in a `--readonly` console).
    public var writes: Bool {
        switch self {
        case .perform, .fulfil, .performBulk, .createRequest, .claimNext, .sortMail: true
        case .loadQueue, .loadPreview, .loadDashboard, .loadRequest, .loadRecords, .searchCustomers, .loadCustomer,
             .checkForChanges, .recordReveal, .loadStaff: false
        }
    }
}

/// What only the terminal can do.
public enum TerminalEffect: Equatable, Sendable {
    /// Hand the terminal to the user's editor for a queued message, then save what they wrote; answered by
    /// `.fulfilled` or `.failed`.
    case editMessage(id: Int64, publicId: String)
    /// Hand the terminal to the user's editor for a reply to the subject (the draft quotes their last mail),
    /// then queue what they wrote; answered by `.fulfilled` or `.failed`.
    case writeReply(publicId: String)
    /// Load a theme and apply it now; answered by `.themeSwitched` or `.failed`.
    case switchTheme(String)
    /// Put text on the clipboard of the user's terminal (OSC 52; works over SSH).
    case copyToClipboard(String)
    /// Clear and repaint the terminal.
    case redrawTerminal
    /// Leave the console.
    case quit
}

extension Effect {
    public static func loadQueue(_ query: QueuePageQuery, scope: QueueScope, filter: QueueFilter?, order: QueueOrder) -> Effect {
        .data(.loadQueue(query, scope: scope, filter: filter, order: order))
    }
    public static func perform(_ command: RequestCommand, publicId: String, expectedVersion: Int) -> Effect {
        .data(.perform(command, publicId: publicId, expectedVersion: expectedVersion))
    }
    public static func loadPreview(_ key: RequestAction.Kind, publicId: String,
                            corrections: [CorrectableField: String] = [:]) -> Effect {
        .data(.loadPreview(key, publicId: publicId, corrections: corrections))
    }
    public static func fulfil(_ fulfilment: Fulfilment, publicId: String) -> Effect {
        .data(.fulfil(fulfilment, publicId: publicId))
    }
    public static let loadDashboard = Effect.data(.loadDashboard)
    /// A request's detail read.
    public static func loadRequest(publicId: String) -> Effect { .data(.loadRequest(publicId: publicId)) }
    public static func createRequest(_ draft: NewRequest) -> Effect { .data(.createRequest(draft)) }
    public static func performBulk(_ command: RequestCommand, targets: [BulkTarget]) -> Effect {
        .data(.performBulk(command, targets: targets))
    }
    public static func loadRecords(_ kind: RecordKind) -> Effect { .data(.loadRecords(kind)) }
    /// A customer search.
    public static func searchCustomers(_ query: String) -> Effect { .data(.searchCustomers(query)) }
    public static func loadCustomer(publicId: String) -> Effect { .data(.loadCustomer(publicId: publicId)) }
    public static let checkForChanges = Effect.data(.checkForChanges)
    /// The audit of a reveal.
    public static func recordReveal(publicId: String) -> Effect { .data(.recordReveal(publicId: publicId)) }
    public static func editMessage(id: Int64, publicId: String) -> Effect { .terminal(.editMessage(id: id, publicId: publicId)) }
    public static func switchTheme(_ name: String) -> Effect { .terminal(.switchTheme(name)) }
    public static func copyToClipboard(_ text: String) -> Effect { .terminal(.copyToClipboard(text)) }
    public static let redrawTerminal = Effect.terminal(.redrawTerminal)
    public static let quit = Effect.terminal(.quit)

    /// Whether the effect changes data (refused in a `--readonly` console).
    public var writes: Bool {
        switch self {
        case .data(let effect): effect.writes
        case .terminal(.editMessage), .terminal(.writeReply): true
        case .terminal(.switchTheme), .terminal(.copyToClipboard), .terminal(.redrawTerminal), .terminal(.quit): false
        }
    }
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
    /// Record that the recipient of every open notice of the request confirmed.
    case confirmAllTasks
    /// Write the access export, then complete the request (one confirmation for both).
    case exportAndComplete
    /// Send a six-digit code to the address on file.
    case sendVerificationCode
    /// Check the code the requester gave back.
    case confirmVerificationCode(String)
    /// Confirm (or change) the kind an email request was given from its words.
    case confirmKind(RequestKind)
    /// Write the request's messages in this language from now on.
    case setLanguage(Language)
}

/// What an agent decided about a message of the unsorted tray.
public enum MailDecision: Equatable, Sendable {
    /// A request of this kind, received when the message arrived.
    case file(RequestKind)
    /// Not a request, for this reason.
    case dismiss(MailDismissal)
}
