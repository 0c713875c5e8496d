/// What a piece of the screen means; a theme decides how each role looks. Every state is also carried by text
/// (a `!` for overdue, a word for status), so the screen reads the same without colour.
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
    case text, title, header, selection, marked, overdue, dueSoon, danger, ok, muted, masked, hint, hintKey, status, error
    /// The part of a masked value that matches what was typed into a search (shown, underlined).
    case match
}
