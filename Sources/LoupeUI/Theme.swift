/// How each style role looks: colours and attributes. Attributes alone must carry every role, so a theme
/// degrades to monochrome (NO_COLOR, TERM=vt100) without losing a signal.
public struct Theme: Equatable, Sendable {
    /// A colour as a theme names it.
    public enum Color: Equatable, Sendable {
        /// The terminal's own foreground or background.
        case terminalDefault
        /// One of the 16 named ANSI colours (0-15).
        case ansi(Int)
        /// One of the 256 indexed colours (`colorNNN`).
        case indexed(Int)
        /// A true colour (`#rrggbb`), drawn as the nearest colour the terminal has.
        case rgb(UInt8, UInt8, UInt8)
    }

    /// A text attribute.
    public enum Attribute: String, CaseIterable, Sendable {
        case bold, dim, reverse, underline
    }

    /// The look of one role.
    public struct Style: Equatable, Sendable {
        public var foreground: Color
        public var background: Color
        public var attributes: Set<Attribute>

        /// Makes a style; colours default to the terminal's own.
        public init(foreground: Color = .terminalDefault, background: Color = .terminalDefault,
                    attributes: Set<Attribute> = []) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
        }
    }

    /// The theme's name (its file name without `.yaml`).
    public var name: String
    /// The style of each role; roles a file leaves out take the built-in default's style.
    public var styles: [StyleRole: Style]

    /// Makes a theme.
    public init(name: String, styles: [StyleRole: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style of `role` (the default theme's if this theme lacks it).
    public func style(_ role: StyleRole) -> Style {
        styles[role] ?? Theme.builtInDefault.styles[role] ?? Style()
    }

    /// The 16 colour names themes may use, in ANSI order.
    public static let colorNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "brightBlack", "brightRed", "brightGreen", "brightYellow", "brightBlue", "brightMagenta", "brightCyan",
        "brightWhite",
    ]

    /// The default theme, built in so Loupe runs without its theme files; `themes/default.yaml` says the same
    /// (a test keeps them equal).
    public static let builtInDefault = Theme(name: "default", styles: [
        .text: Style(),
        .title: Style(foreground: .ansi(15), background: .ansi(4), attributes: [.bold]),
        .header: Style(foreground: .ansi(6), attributes: [.bold, .underline]),
        .selection: Style(foreground: .ansi(0), background: .ansi(6), attributes: [.reverse]),
        .marked: Style(foreground: .ansi(5), attributes: [.bold]),
        .overdue: Style(foreground: .ansi(9), attributes: [.bold]),
        .dueSoon: Style(foreground: .ansi(3), attributes: [.underline]),
        .danger: Style(foreground: .ansi(1), attributes: [.bold]),
        .ok: Style(foreground: .ansi(2)),
        .muted: Style(foreground: .ansi(8), attributes: [.dim]),
        .masked: Style(foreground: .ansi(8)),
        .match: Style(foreground: .ansi(11), attributes: [.bold, .underline]),
        .hint: Style(foreground: .ansi(7), background: .ansi(8)),
        .hintKey: Style(foreground: .ansi(11), background: .ansi(8), attributes: [.bold]),
        .status: Style(foreground: .ansi(6)),
        .error: Style(foreground: .ansi(15), background: .ansi(1), attributes: [.bold]),
    ])

    /// The monochrome theme: attributes only.
    public static let monochrome = Theme(name: "monochrome", styles: [
        .text: Style(),
        .title: Style(attributes: [.reverse, .bold]),
        .header: Style(attributes: [.bold, .underline]),
        .selection: Style(attributes: [.reverse]),
        .marked: Style(attributes: [.bold]),
        .overdue: Style(attributes: [.bold]),
        .dueSoon: Style(attributes: [.underline]),
        .danger: Style(attributes: [.bold]),
        .ok: Style(),
        .muted: Style(attributes: [.dim]),
        .masked: Style(attributes: [.dim]),
        .match: Style(attributes: [.bold, .underline]),
        .hint: Style(attributes: [.reverse]),
        .hintKey: Style(attributes: [.reverse, .bold]),
        .status: Style(attributes: [.bold]),
        .error: Style(attributes: [.reverse, .bold]),
    ])
}
