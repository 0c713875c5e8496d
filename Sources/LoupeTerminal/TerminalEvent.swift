import LoupeUI

/// What reading the terminal produced.
public enum TerminalEvent: Equatable, Sendable {
    /// A key press.
    case key(Key)
    /// The window changed size (columns, rows).
    case resize(width: Int, height: Int)
    /// Nothing arrived before the timeout.
    case idle
    /// Input has ended (the terminal went away).
    case end
}
