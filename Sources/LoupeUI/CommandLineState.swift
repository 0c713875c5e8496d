/// The `:` command line: what is typed, where in the history it is, and the commands it knows.
public struct CommandLineState: Equatable, Sendable {
    /// The line after the colon, with its cursor.
    public var line = LineEditor()
    /// The text after the colon.
    public var text: String {
        get { line.text }
        set { line.text = newValue }
    }
    /// While Tab cycles: the completions offered for what was typed, and which one is shown.
    public var cycle: (options: [String], index: Int)? {
        get { cycleOptions.isEmpty ? nil : (cycleOptions, cycleIndex) }
        set {
            cycleOptions = newValue?.options ?? []
            cycleIndex = newValue?.index ?? 0
        }
    }
    private var cycleOptions: [String] = []
    private var cycleIndex = 0
    /// The history entry shown (Up/Down), nil while typing a new command.
    public var historyIndex: Int?

    /// An empty command line.
    public init() {}

    /// A command the line understands: its name, the argument it takes (for help), and what it does.
    public struct Command: Sendable {
        public let name: String
        public let argument: String?
        public let help: String
    }

    /// Every command, in the order completion offers them.
    public static let commands: [Command] = [
        Command(name: "queue", argument: nil, help: "the queue of open requests"),
        Command(name: "approvals", argument: nil, help: "erasures awaiting a supervisor"),
        Command(name: "dash", argument: nil, help: "the dashboard"),
        Command(name: "customers", argument: nil, help: "customers, searched as you type"),
        Command(name: "cust", argument: "TEXT", help: "customers matching a name, email, phone, order or tracking number"),
        Command(name: "request", argument: "ID", help: "open a request by id (PR-2026-000123, or just 123)"),
        Command(name: "orders", argument: nil, help: "the newest orders"),
        Command(name: "order", argument: "NUMBER", help: "one order: its items and customer"),
        Command(name: "audit", argument: nil, help: "the audit log, newest first"),
        Command(name: "tasks", argument: nil, help: "open notices to couriers and payment providers"),
        Command(name: "mail", argument: nil, help: "unsorted mail: spam, newsletters, no clear request"),
        Command(name: "theme", argument: "NAME", help: "switch the theme now"),
        Command(name: "live", argument: nil, help: "resume live refresh (Z pauses it)"),
        Command(name: "messages", argument: nil, help: "every message of this session, whole, newest first"),
        Command(name: "help", argument: nil, help: "the keys of this screen"),
        Command(name: "q", argument: nil, help: "quit Loupe"),
    ]

    /// The commands and arguments that complete what is typed: command names for the first word, theme names
    /// after `theme `.
    public static func completions(for text: String, themes: [String]) -> [String] {
        let words = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        if words.count == 2 && words[0] == "theme" {
            return themes.filter { $0.hasPrefix(words[1]) }.map { "theme \($0)" }
        }
        guard words.count == 1 else { return [] }
        return commands.map(\.name).filter { $0.hasPrefix(words[0]) }.map { name in
            commands.first { $0.name == name }?.argument == nil ? name : name + " "
        }
    }

    /// The longest text every completion starts with (what Tab fills in).
    public static func commonPrefix(_ options: [String]) -> String? {
        guard var prefix = options.first else { return nil }
        for option in options.dropFirst() {
            while !option.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
