import LoupeDomain

/// One key binding: the keys, what they do, where they work, and when they are refused. The help overlay, the
/// hint bar and `loupe keys` are all generated from `KeyMap.bindings`.
public struct KeyBinding: Sendable {
    /// The keys that trigger it (the first is the one shown in hints).
    public let keys: [Key]
    /// What it does, for the help overlay.
    public let help: String
    /// A short word for the hint bar, or nil to keep it out of the hints.
    public let hint: String?
    /// The hint as the state has it, when it changes (Enter on a dialog names the focused button).
    let hintInState: (@Sendable (AppState) -> String?)?
    /// The keys as the hint bar writes them (the first key unless a binding says otherwise).
    public let hintKeys: String
    /// The screens where it works.
    public let contexts: Set<ScreenKind>
    /// The action it sends.
    public let action: @Sendable (AppState) -> Action
    /// Why it cannot be used now, or nil when it can (shown instead of acting).
    public let disabledReason: @Sendable (AppState) -> String?
    /// Whether it changes data (hidden and refused in a `--readonly` console).
    public let writes: Bool
    /// Whether what it does depends on the focused request (a lifecycle key): hinted on the request screen,
    /// not on a list, where it would change with every row the cursor crosses.
    public let followsFocus: Bool

    /// Makes a binding.
    public init(
        _ keys: [Key], _ help: String, hint: String? = nil, hintKeys: String? = nil, in contexts: Set<ScreenKind>,
        writes: Bool = false, followsFocus: Bool = false, hintInState: (@Sendable (AppState) -> String?)? = nil,
        disabledReason: @escaping @Sendable (AppState) -> String? = { _ in nil },
        action: @escaping @Sendable (AppState) -> Action
    ) {
        self.keys = keys
        self.help = help
        self.hint = hint
        self.hintKeys = hintKeys ?? keys.first?.description ?? ""
        self.contexts = contexts
        self.action = action
        self.disabledReason = disabledReason
        self.writes = writes
        self.followsFocus = followsFocus
        self.hintInState = hintInState
    }

    /// The hint-bar word in `state`.
    public func hint(in state: AppState) -> String? {
        hintInState?(state) ?? hint
    }

    /// The keys as written in help, e.g. `j/↓`.
    public var keyLabel: String { keys.map(\.description).joined(separator: "/") }
}

/// The console's key table.
public enum KeyMap {
    private static let screens: Set<ScreenKind> = [.queue, .approvals, .request]
    private static let browsing: Set<ScreenKind> = [.queue, .approvals, .request, .customers, .customer, .records]
    private static let lists: Set<ScreenKind> = [.queue, .approvals]
    private static let everywhere: Set<ScreenKind> = [.queue, .approvals, .request, .dashboard, .customers, .customer, .records]

    /// A lifecycle key: works on the focused request, refused (with the rules' reason) when not allowed.
    private static func lifecycle(_ key: Character, _ command: RequestAction.Kind, _ help: String, hint: String? = nil) -> KeyBinding {
        KeyBinding([.char(key)], help, hint: hint, in: screens, writes: true, followsFocus: true,
                   disabledReason: { $0.refusal(for: command) }) { _ in
            .begin(command)
        }
    }

    /// Every binding, in the order help lists them.
    public static let bindings: [KeyBinding] = [
        KeyBinding([.char("j"), .down], "Move down one row", hint: "move", hintKeys: "j/k", in: browsing) { _ in .moveBy(1) },
        KeyBinding([.char("k"), .up], "Move up one row", in: browsing) { _ in .moveBy(-1) },
        KeyBinding([.char("g"), .home], "Go to the first row", in: browsing) { _ in .moveToTop },
        KeyBinding([.char("G"), .end], "Go to the last row", in: browsing) { _ in .moveToBottom },
        KeyBinding([.ctrl("d")], "Half a page down", in: browsing) { _ in .moveByPage(0.5) },
        KeyBinding([.ctrl("u")], "Half a page up", in: browsing) { _ in .moveByPage(-0.5) },
        KeyBinding([.pageDown], "A page down", in: browsing) { _ in .moveByPage(1) },
        KeyBinding([.pageUp], "A page up", in: browsing) { _ in .moveByPage(-1) },
        KeyBinding([.enter], "Open the selected request", hint: "open", in: lists,
                   disabledReason: { $0.focusedRequest == nil ? "The list is empty." : nil }) { _ in .open },
        KeyBinding([.enter], "Open the request or customer of the row", hint: "open", in: [.records],
                   disabledReason: { $0.records.selected?.opens == nil ? "This row opens nothing." : nil }) { _ in .open },
        KeyBinding([.enter], "Open the selected customer", hint: "open", in: [.customers],
                   disabledReason: { $0.customers.selected == nil ? "No customer matches." : nil }) { _ in .open },
        KeyBinding([.char("d")], "Describe: the selected row whole, every field wrapped",
                   in: [.queue, .approvals, .customers, .records],
                   disabledReason: { $0.focusedId == nil && $0.records.selected == nil ? "Nothing is selected." : nil }) { _ in
            .describeSelected
        },
        KeyBinding([.down, .char("j")], "Scroll down", hint: "scroll", hintKeys: "j/k", in: [.describe]) { _ in
            .describeKey(.down)
        },
        KeyBinding([.escape, .char("d"), .char("q")], "Close", hint: "close", in: [.describe]) { _ in .describeKey(.escape) },
        KeyBinding([.char("/")], "Search: type a name, email, phone, order or tracking number", hint: "search",
                   in: [.customers]) { _ in .startSearch },
        KeyBinding([.char("/")], "Filter: status:overdue kind:erasure assignee:me, or part of an id; Esc clears", hint: "filter",
                   in: lists) { _ in .openFilter },
        KeyBinding([.char("/")], "Filter: only rows containing the text; Esc clears", hint: "filter",
                   in: [.records]) { _ in .openFilter },
        KeyBinding([.char("t")], "Close the selected notice (confirmed, or impossible with a reason)", hint: "close",
                   in: [.records], writes: true,
                   disabledReason: { $0.records.selected?.notice == nil ? "t closes a notice on the notices list (:tasks)." : nil }) { _ in
            .closeNoticeOfRow
        },
        KeyBinding([.char("f")], "Make a request of the selected mail (pick its kind; it runs from receipt)",
                   hint: "file", in: [.records], writes: true,
                   disabledReason: { $0.records.selected?.mail == nil ? "f files unsorted mail (:mail)." : nil }) { _ in
            .fileMailOfRow
        },
        KeyBinding([.char("x")], "Dismiss the selected mail as not a request (spam, newsletter, not for us)",
                   hint: "dismiss", in: [.records], writes: true,
                   disabledReason: { $0.records.selected?.mail == nil ? "x dismisses unsorted mail (:mail)." : nil }
        ) { _ in
            .dismissMailOfRow
        },
        KeyBinding([.enter], "Apply the filter", hint: "apply", in: [.filter]) { _ in .filterKey(.enter) },
        KeyBinding([.escape], "Leave the filter line", hint: "leave", in: [.filter]) { _ in .filterKey(.escape) },
        KeyBinding([.tab], "Next tab", hint: "tabs", hintKeys: "Tab", in: [.customer]) { _ in .switchTab(1) },
        KeyBinding([.char("j"), .down], "Next count", hint: "select", hintKeys: "j/k", in: [.dashboard]) { _ in .moveBy(1) },
        KeyBinding([.char("k"), .up], "Previous count", in: [.dashboard]) { _ in .moveBy(-1) },
        KeyBinding([.enter], "Open the selected count's list (the queue, filtered)", hint: "open", in: [.dashboard],
                   disabledReason: { $0.dashboard == nil ? "Still reading the figures." : nil }) { _ in .open },
        KeyBinding([.enter], "Open the selected request (requests tab)", hint: "open", in: [.customer],
                   disabledReason: { state in
                       state.customerTab != .requests ? "Enter opens a request from the requests tab (Tab to it)."
                           : state.customerScreen?.selectedRequest == nil ? "This customer has no privacy requests." : nil
                   }) { _ in .open },
        KeyBinding([.backTab], "Previous tab", in: [.customer]) { _ in .switchTab(-1) },
        KeyBinding([.enter], "Open the selected customer", hint: "open", in: [.search]) { _ in .searchKey(.enter) },
        KeyBinding([.down], "Stop typing and browse the results", hint: "browse", hintKeys: "↓", in: [.search]) { _ in
            .searchKey(.down)
        },
        KeyBinding([.escape], "Clear the search", hint: "clear", in: [.search]) { _ in .searchKey(.escape) },
        lifecycle("a", .claim, "Assign to me (claim)", hint: "claim"),
        lifecycle("u", .release, "Release: give it back to the queue"),
        lifecycle("h", .reassign, "Hand over: reassign to a staff member (Tab completes the name)"),
        lifecycle("v", .verify, "Verify the requester's identity", hint: "verify"),
        lifecycle("s", .start, "Start work", hint: "start"),
        lifecycle("n", .note, "Add a note"),
        lifecycle("x", .extend, "Extend the deadline (1 or 2 months, with a reason)"),
        lifecycle("e", .proposeErasure, "Propose the erasure for approval", hint: "propose"),
        // e proposes an erasure, E approves one: Shift-A is the conventional sort by age (DESIGN section 5).
        lifecycle("E", .approve, "Approve an erasure (supervisors; not your own)", hint: "approve"),
        lifecycle("r", .reject, "Reject, with a reason"),
        lifecycle("C", .cancel, "Cancel, with a reason"),
        lifecycle("c", .complete, "Complete", hint: "complete"),
        lifecycle("X", .export, "Export the subject's data (verified access request)", hint: "export"),
        lifecycle("f", .rectify, "Apply the corrections (shows before and after)", hint: "correct"),
        lifecycle("w", .withdrawConsent, "Withdraw the customer's consent (at once)", hint: "withdraw"),
        lifecycle("M", .flagMinor, "Flag the customer as under 16"),
        lifecycle("t", .closeTask, "Close a notice to a recipient (confirmed, or impossible with a reason)"),
        KeyBinding([.char("m")], "Reveal the personal data until you leave (audited)", in: [.request, .customer],
                   disabledReason: { $0.detail == nil && $0.customer == nil ? "Still being read." : $0.revealed != nil ? "Already shown unmasked." : nil }) { _ in
            .reveal
        },
        KeyBinding([.char("o")], "Edit the message waiting to go to the subject (in $EDITOR)", in: [.request], writes: true,
                   disabledReason: { state in
                       if state.queuedMessage == nil {
                           return "No message of this request waits to be sent (see Messages below)."
                       }
                       // The core's holder rule, asked the same way the store asks it.
                       do {
                           try RequestRules.checkHolder(assignee: state.detail?.summary.assignee, actor: state.actor)
                       } catch let error as LoupeError { return error.message } catch { return nil }
                       return nil
                   }) { _ in
            .editMessage
        },
        KeyBinding([.char("T")], "Open a message of the conversation whole (mail received and sent)",
                   in: [.request],
                   disabledReason: { state in
                       state.detail == nil ? "Still being read."
                           : state.detail?.conversation.isEmpty == true ? "No mail on this request yet." : nil
                   }) { _ in .openConversation },
        // R reads the screen again everywhere, so the reply is W (write).
        KeyBinding([.char("W")], "Write a reply to the subject in $EDITOR, quoting their last mail (threaded)",
                   in: [.request], writes: true, followsFocus: true,
                   disabledReason: { state in
                       guard let summary = state.detail?.summary else { return "Still being read." }
                       do { try RequestRules.checkHolder(assignee: summary.assignee, actor: state.actor, for: .queueReply) } catch let error as LoupeError {
                           return error.message
                       } catch { return nil }
                       return nil
                   }) { _ in .writeReply },
        KeyBinding([.char("=")], "Confirm or change the kind an email request was given from its words", hint: "confirm kind",
                   in: [.request], writes: true, followsFocus: true,
                   disabledReason: { state in
                       guard let summary = state.detail?.summary else { return "Still being read." }
                       if !summary.kindSuggested { return "Its kind is confirmed." }
                       do { try RequestRules.checkHolder(assignee: summary.assignee, actor: state.actor, for: .confirmKind) } catch let error as LoupeError {
                           return error.message
                       } catch { return nil }
                       return nil
                   }) { _ in .confirmKindPrompt },
        KeyBinding([.char("i")], "Take the next request: claim the most urgent unassigned one and open it", hint: "next",
                   in: [.queue], writes: true) { _ in .claimNext },
        KeyBinding([.char("L")], "Language the subject is answered in (English, Deutsch, Español, Français)",
                   in: [.request], writes: true,
                   disabledReason: { state in
                       guard let summary = state.detail?.summary else { return "Still reading the request." }
                       if !summary.status.isOpen { return "\(summary.publicId) is closed: nothing more is sent." }
                       do {
                           try RequestRules.checkHolder(
                               assignee: summary.assignee, actor: state.actor, for: .changeLanguage)
                       } catch let error as LoupeError { return error.message } catch { return nil }
                       return nil
                   }) { _ in .languagePrompt },
        KeyBinding([.char("K")], "Open the customer this request is about (back returns here)", in: [.request],
                   disabledReason: { state in
                       state.detail == nil ? "Still being read."
                           : state.detail?.customerPublicId == nil ? "This request matched no customer on file." : nil
                   }) { _ in .openRequestCustomer },
        KeyBinding([.char("N")], "Record a new request received by email, phone, letter or web", in: [.queue], writes: true) { _ in .newRequest },
        KeyBinding([.enter], "Save the answer, or press the focused button", hint: "next", in: [.form],
                   hintInState: { $0.form.flatMap { $0.stage == .confirm ? ($0.isConfirmFocused ? "Record" : "Cancel") : nil } }) { _ in
            .formKey(.enter)
        },
        KeyBinding([.escape], "Leave without recording anything", hint: "leave", in: [.form]) { _ in .formKey(.escape) },
        KeyBinding([.tab], "At the email: search customers for what is typed; 1-5 picks one", hint: "search", in: [.form]) { _ in
            .formKey(.tab)
        },
        KeyBinding([.char(" ")], "Mark the row and move down (a, v, E and r then act on the marked rows)",
                   in: lists) { _ in .toggleMark },
        KeyBinding([.char("V")], "Mark every row from the last mark to here", in: lists) { _ in .markRange },
        KeyBinding([.char("o")], "Sort by the next column: urgency, age, status", in: lists) { _ in .sort(nil, reverse: false) },
        KeyBinding([.char("O")], "Reverse the order", in: lists) { _ in .sort(nil, reverse: true) },
        KeyBinding([.char("S")], "Sort by status (lifecycle order)", in: lists) { _ in .sort(.status, reverse: false) },
        KeyBinding([.char("A")], "Sort by age (oldest first)", in: lists) { _ in .sort(.age, reverse: false) },
        KeyBinding([.char("U")], "Unmark every row", in: lists,
                   disabledReason: { state in state.listScope.map { state[list: $0].marks.isEmpty } ?? true ? "Nothing is marked." : nil }) { _ in
            .unmarkAll
        },
        KeyBinding([.enter], "Choose, or press the focused button", hint: "confirm", in: [.bulk],
                   hintInState: { $0.bulk.flatMap { $0.stage == .confirm ? ($0.isConfirmFocused ? $0.verb : "Cancel") : nil } }) { _ in
            .bulkKey(.enter)
        },
        KeyBinding([.escape], "Leave without changing anything", hint: "leave", in: [.bulk]) { _ in .bulkKey(.escape) },
        KeyBinding([.char("p")], "Erasures awaiting approval", hint: "approvals", in: [.queue, .request, .dashboard]) { _ in
            .showApprovals
        },
        KeyBinding([.char("D")], "Dashboard: load, intake, retention", in: [.queue, .approvals, .request]) { _ in
            .showDashboard
        },
        KeyBinding([.escape, .char("q")], "Back (on a filtered list: clear the filter)", hint: "back",
                   in: [.approvals, .request, .dashboard, .customers, .customer, .records]) { _ in .back },
        KeyBinding([.escape], "Clear the filter", in: [.queue]) { _ in .back },
        KeyBinding([.char("R")], "Read the screen's data again", in: everywhere) { _ in .refresh },
        KeyBinding([.char("[")], "Back to the previous screen", in: [.approvals, .request, .dashboard, .customers, .customer, .records]) { _ in .back },
        KeyBinding([.char("]")], "Forward again to the screen you left", in: everywhere,
                   disabledReason: { $0.forwardScreens.isEmpty ? "There is no screen to go forward to." : nil }) { _ in .forward },
        KeyBinding([.char("y")], "Copy the id to the clipboard (OSC 52, works over SSH)", in: everywhere,
                   disabledReason: { $0.focusedId == nil ? "Nothing is selected." : nil }) { _ in .copyId },
        KeyBinding([.char("Z")], "Pause or resume live refresh", in: everywhere) { _ in .toggleLive },
        KeyBinding([.char("?")], "Show the keys", hint: "help", in: everywhere) { _ in .toggleHelp },
        KeyBinding([.char("q")], "Quit Loupe", hint: "quit", in: [.queue]) { _ in .quit },
        KeyBinding([.char(":")], "Command line (:queue :approvals :dash :request ID :theme NAME :q), Tab completes", hint: "cmd",
                   in: everywhere) { _ in .openCommandLine },
        KeyBinding([.ctrl("l")], "Redraw the terminal", in: everywhere) { _ in .redraw },
        KeyBinding([.enter], "Choose, save the text, or press the focused button", hint: "confirm", in: [.prompt],
                   hintInState: { state in
                       guard let prompt = state.prompt else { return nil }
                       switch prompt.question.stage {
                       case .confirm(let verb): return prompt.isConfirmFocused ? verb : "Cancel"
                       case .text: return "save"
                       case .choice: return nil
                       }
                   }) { _ in
            .promptKey(.enter)
        },
        KeyBinding([.escape], "Leave the prompt without changing anything", hint: "leave", in: [.prompt]) { _ in
            .promptKey(.escape)
        },
        KeyBinding([.ctrl("c")], "Quit Loupe from anywhere",
                   in: everywhere.union([.prompt, .command, .search, .filter, .bulk, .form, .help, .describe])) { _ in .quit },
        KeyBinding([.enter], "Run the command", hint: "run", in: [.command]) { _ in .commandKey(.enter) },
        KeyBinding([.tab], "Complete the command or theme name", hint: "complete", in: [.command]) { _ in .commandKey(.tab) },
        KeyBinding([.up, .down], "Walk the command history", hint: "history", hintKeys: "↑/↓", in: [.command]) { _ in .commandKey(.up) },
        KeyBinding([.escape], "Leave the command line", hint: "leave", in: [.command]) { _ in .commandKey(.escape) },
        KeyBinding([.down], "Scroll the help down", hint: "scroll", hintKeys: "↓/↑", in: [.help]) { _ in .scrollHelp(1) },
        KeyBinding([.up], "Scroll the help up", in: [.help]) { _ in .scrollHelp(-1) },
        KeyBinding([.escape, .char("?")], "Close the help", hint: "close", in: [.help]) { _ in .back },
        KeyBinding([.backspace], "Delete the last letter of the help filter", hint: "type to filter", hintKeys: "abc", in: [.help]) { _ in
            .helpKey(.backspace)
        },
    ]

    /// The bindings that work in `context`.
    public static func bindings(in context: ScreenKind) -> [KeyBinding] {
        bindings.filter { $0.contexts.contains(context) }
    }

    /// The bindings shown in `state`: a `--readonly` console hides those that write.
    public static func visibleBindings(in context: ScreenKind, state: AppState) -> [KeyBinding] {
        bindings(in: context).filter { !(state.isReadOnly && $0.writes) }
    }

    /// What `key` means in `state`: an action, a refusal (with its reason), or nothing.
    public static func resolve(_ key: Key, in state: AppState) -> KeyResolution {
        guard let binding = bindings(in: state.keyContext).first(where: { $0.keys.contains(key) }) else {
            return .unbound
        }
        if state.isReadOnly && binding.writes {
            return .refused("Read-only console (--readonly): nothing can be changed here.")
        }
        if let reason = binding.disabledReason(state) { return .refused(reason) }
        // One binding lists both arrows; each keeps its own direction.
        if case .commandKey = binding.action(state) { return .action(.commandKey(key)) }
        return .action(binding.action(state))
    }
}

/// The outcome of looking a key up in the key table.
public enum KeyResolution: Equatable, Sendable {
    case action(Action)
    case refused(String)
    case unbound
}
