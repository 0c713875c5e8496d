/// One key binding: the keys, what they do, where they work, and when they are refused. The help overlay, the
/// hint bar and `loupe keys` are all generated from `KeyMap.bindings`.
public struct KeyBinding: Sendable {
    /// The keys that trigger it (the first is the one shown in hints).
    public let keys: [Key]
    /// What it does, for the help overlay.
    public let help: String
    /// A short word for the hint bar, or nil to keep it out of the hints.
    public let hint: String?
    /// The keys as the hint bar writes them (the first key unless a binding says otherwise).
    public let hintKeys: String
    /// The screens where it works.
    public let contexts: Set<ScreenKind>
    /// The action it sends.
    public let action: @Sendable (AppState) -> Action
    /// Why it cannot be used now, or nil when it can (shown instead of acting).
    public let disabledReason: @Sendable (AppState) -> String?

    /// Makes a binding.
    public init(
        _ keys: [Key], _ help: String, hint: String? = nil, hintKeys: String? = nil, in contexts: Set<ScreenKind>,
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
    }

    /// The keys as written in help, e.g. `j/↓`.
    public var keyLabel: String { keys.map(\.description).joined(separator: "/") }
}

/// The console's key table.
public enum KeyMap {
    private static let lists: Set<ScreenKind> = [.queue, .request]

    /// Every binding, in the order help lists them.
    public static let bindings: [KeyBinding] = [
        KeyBinding([.char("j"), .down], "Move down one row", hint: "move", hintKeys: "j/k", in: lists) { _ in .moveBy(1) },
        KeyBinding([.char("k"), .up], "Move up one row", in: lists) { _ in .moveBy(-1) },
        KeyBinding([.char("g"), .home], "Go to the first row", in: lists) { _ in .moveToTop },
        KeyBinding([.char("G"), .end], "Go to the last row", in: lists) { _ in .moveToBottom },
        KeyBinding([.ctrl("d")], "Half a page down", in: lists) { _ in .moveByPage(0.5) },
        KeyBinding([.ctrl("u")], "Half a page up", in: lists) { _ in .moveByPage(-0.5) },
        KeyBinding([.pageDown], "A page down", in: lists) { _ in .moveByPage(1) },
        KeyBinding([.pageUp], "A page up", in: lists) { _ in .moveByPage(-1) },
        KeyBinding([.enter], "Open the selected request", hint: "open", in: [.queue],
                   disabledReason: { $0.queue.selected == nil ? "The queue is empty." : nil }) { _ in .open },
        KeyBinding([.escape, .char("q")], "Back to the queue", hint: "back", in: [.request]) { _ in .back },
        KeyBinding([.char("R")], "Read the screen's data again", hint: "refresh", in: lists) { _ in .refresh },
        KeyBinding([.ctrl("l")], "Redraw the terminal", in: lists) { _ in .redraw },
        KeyBinding([.char("?")], "Show the keys", hint: "help", in: lists) { _ in .toggleHelp },
        KeyBinding([.char("q")], "Quit Loupe", hint: "quit", in: [.queue]) { _ in .quit },
        KeyBinding([.ctrl("c")], "Quit Loupe from anywhere", in: [.queue, .request, .help]) { _ in .quit },
        KeyBinding([.escape, .char("q"), .char("?")], "Close the help", hint: "close", in: [.help]) { _ in .back },
    ]

    /// The bindings that work in `context`.
    public static func bindings(in context: ScreenKind) -> [KeyBinding] {
        bindings.filter { $0.contexts.contains(context) }
    }

    /// What `key` means in `state`: an action, a refusal (with its reason), or nothing.
    public static func resolve(_ key: Key, in state: AppState) -> KeyResolution {
        guard let binding = bindings(in: state.keyContext).first(where: { $0.keys.contains(key) }) else {
            return .unbound
        }
        if let reason = binding.disabledReason(state) { return .refused(reason) }
        return .action(binding.action(state))
    }
}

/// The outcome of looking a key up in the key table.
public enum KeyResolution: Equatable, Sendable {
    case action(Action)
    case refused(String)
    case unbound
}
