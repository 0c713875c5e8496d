import LoupeDomain

/// What sits over the screen and takes the keys first: at most one at a time, so one place (`AppState.modal`)
/// decides where a key goes, in one order.
public enum Modal: Equatable, Sendable {
    /// The help overlay, scrolled and narrowed by what was typed.
    case help(scroll: Int, filter: String)
    /// The question of a command being entered (a reason, a method, a confirmation).
    case prompt(PromptState)
    /// The confirmation of an action on the marked rows.
    case bulk(BulkPrompt)
    /// The `N` new-request form.
    case form(NewRequestForm)
    /// The `:` command line.
    case command(CommandLineState)
    /// The `/` filter line of a list.
    case filter(LineEditor)
    /// One row, or the session's messages, shown whole.
    case describe(DescribeState)

    /// Where the key table looks keys up while this modal is open.
    public var keyContext: ScreenKind {
        switch self {
        case .help: .help
        case .prompt: .prompt
        case .bulk: .bulk
        case .form: .form
        case .command: .command
        case .filter: .filter
        case .describe: .describe
        }
    }

    /// The action an unbound key becomes while this modal is open (its text input, or nothing).
    func unboundKey(_ key: Key) -> Action {
        switch self {
        case .help: .helpKey(key)
        case .prompt: .promptKey(key)
        case .bulk: .bulkKey(key)
        case .form: .formKey(key)
        case .command: .commandKey(key)
        case .filter: .filterKey(key)
        case .describe: .describeKey(key)
        }
    }
}

extension AppState {
    /// The prompt, while one is open.
    public var prompt: PromptState? {
        get { if case .prompt(let value) = modal { value } else { nil } }
        set { setModal(newValue.map(Modal.prompt), clearing: prompt != nil) }
    }

    /// The bulk confirmation, while one is open.
    public var bulk: BulkPrompt? {
        get { if case .bulk(let value) = modal { value } else { nil } }
        set { setModal(newValue.map(Modal.bulk), clearing: bulk != nil) }
    }

    /// The new-request form, while it is open.
    public var form: NewRequestForm? {
        get { if case .form(let value) = modal { value } else { nil } }
        set { setModal(newValue.map(Modal.form), clearing: form != nil) }
    }

    /// The `:` command line, while it is open.
    public var commandLine: CommandLineState? {
        get { if case .command(let value) = modal { value } else { nil } }
        set { setModal(newValue.map(Modal.command), clearing: commandLine != nil) }
    }

    /// The `/` filter line of a list, while it is open.
    public var filterEditor: LineEditor? {
        get { if case .filter(let value) = modal { value } else { nil } }
        set { setModal(newValue.map(Modal.filter), clearing: filterEditor != nil) }
    }

    /// The text of the `/` filter line, while it is open.
    public var filterLine: String? {
        get { filterEditor?.text }
        set { filterEditor = newValue.map { LineEditor($0) } }
    }

    /// What is shown whole, while it is open.
    public var describe: DescribeState? {
        get { if case .describe(let value) = modal { value } else { nil } }
        set { setModal(newValue.map(Modal.describe), clearing: describe != nil) }
    }

    /// Whether the help overlay is open.
    public var isHelpVisible: Bool {
        get { if case .help = modal { true } else { false } }
        set { setModal(newValue ? .help(scroll: 0, filter: "") : nil, clearing: isHelpVisible) }
    }

    /// How far the help overlay is scrolled.
    public var helpScroll: Int {
        get { if case .help(let scroll, _) = modal { scroll } else { 0 } }
        set { if case .help(_, let filter) = modal { modal = .help(scroll: newValue, filter: filter) } }
    }

    /// What is typed to narrow the help.
    public var helpFilter: String {
        get { if case .help(_, let filter) = modal { filter } else { "" } }
        set { if case .help(let scroll, _) = modal { modal = .help(scroll: scroll, filter: newValue) } }
    }

    /// Opens `modal` (replacing any other), or closes the current one when `modal` is nil and `clearing`.
    private mutating func setModal(_ new: Modal?, clearing: Bool) {
        if let new { modal = new } else if clearing { modal = nil }
    }
}
