import LoupeDomain

/// The customers screen: the search text, the matching customers (at most one read's worth) and the cursor.
public struct CustomersState: Equatable, Sendable {
    /// The search field, with its cursor.
    public var search = LineEditor(limit: 100)
    /// What is typed in the search field.
    public var query: String {
        get { search.text }
        set { search.text = newValue }
    }
    /// Whether keys go to the search field (after `/`) rather than moving the cursor.
    public var isEditing = false
    public var rows: [CustomerSummary] = []
    public var cursor = 0
    public var top = 0
    /// The query the rows answer (a reply to an older query is dropped).
    public var loadedQuery: String?

    /// An empty customers screen.
    public init() {}

    /// The selected customer.
    public var selected: CustomerSummary? { rows.indices.contains(cursor) ? rows[cursor] : nil }

    /// Moves the cursor to `target` (clamped) and keeps it in view.
    mutating func move(to target: Int, viewHeight: Int) {
        cursor = min(max(target, 0), max(rows.count - 1, 0))
        if cursor < top { top = cursor }
        if cursor >= top + viewHeight { top = cursor - viewHeight + 1 }
        top = max(min(top, max(rows.count - viewHeight, 0)), 0)
    }
}
