import LoupeDomain

import Foundation

/// The read-only list screens: the audit log, open notices to recipients, one order's items.
public enum RecordKind: Equatable, Sendable {
    case audit
    case tasks
    /// The newest orders.
    case orders
    /// One order, by number.
    case order(String)
    /// The unsorted mail tray (`:mail`).
    case mail
}

/// What a record list screen shows: a title, columns, and rows that may open a request (`PR-…`), a customer
/// (`C-…`) or an order (`order:NUMBER`) with Enter.
public struct RecordList: Equatable, Sendable {
    /// A row: its cells, and what Enter opens.
    public struct Row: Equatable, Sendable {
        public var cells: [String]
        public var opens: String?
        /// On the notices list: the notice `t` closes from here.
        public var notice: ProcessorTask?
        /// On the unsorted mail tray: the message `f` makes a request of and `x` dismisses.
        public var mail: Int64?

        /// Makes a row.
        public init(cells: [String], opens: String?, notice: ProcessorTask? = nil, mail: Int64? = nil) {
            self.cells = cells
            self.opens = opens
            self.notice = notice
            self.mail = mail
        }
    }

    public var title: String
    /// Column titles and widths (the last column takes the rest of the line).
    public var columns: [(title: String, width: Int)]
    public var rows: [Row]
    /// A line under the title (an order's total and customer), if any.
    public var summary: String?

    /// Makes a list.
    public init(title: String, columns: [(title: String, width: Int)], rows: [Row], summary: String? = nil) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.summary = summary
    }

    public static func == (lhs: RecordList, rhs: RecordList) -> Bool {
        lhs.title == rhs.title && lhs.rows == rhs.rows && lhs.summary == rhs.summary
            && lhs.columns.map(\.title) == rhs.columns.map(\.title) && lhs.columns.map(\.width) == rhs.columns.map(\.width)
    }
}

/// The record list on screen and its cursor.
public struct RecordListState: Equatable, Sendable {
    public var list: RecordList?
    public var cursor = 0
    public var top = 0
    /// The `/` filter: only rows with a cell containing this text (any case) are shown.
    public var filter: String?

    /// An empty list.
    public init() {}

    /// The rows shown: all, or those the filter keeps.
    public var rows: [RecordList.Row] {
        guard let list else { return [] }
        guard let filter, !filter.isEmpty else { return list.rows }
        return list.rows.filter { row in row.cells.contains { $0.localizedCaseInsensitiveContains(filter) } }
    }

    /// The selected row.
    public var selected: RecordList.Row? {
        let shown = rows
        return shown.indices.contains(cursor) ? shown[cursor] : nil
    }

    /// Moves the cursor to `target` (clamped) and keeps it in view.
    mutating func move(to target: Int, viewHeight: Int) {
        let count = rows.count
        cursor = min(max(target, 0), max(count - 1, 0))
        if cursor < top { top = cursor }
        if cursor >= top + viewHeight { top = cursor - viewHeight + 1 }
        top = max(min(top, max(count - viewHeight, 0)), 0)
    }
}

/// Draws a record list screen.
enum RecordListView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        let records = state.records
        guard let list = records.list else {
            Renderer.drawTitle("Reading…", right: state.actor.userName, into: &buffer)
            return
        }
        let rows = records.rows
        let position = rows.isEmpty ? "0/0" : "\(records.cursor + 1)/\(rows.count)"
        let title = records.filter.map { list.title + " · filter \($0) · \(rows.count) match\(rows.count == 1 ? "" : "es")" }
            ?? list.title
        Renderer.drawTitle(title, right: "\(position) · \(state.actor.userName) (\(state.actor.role.rawValue))", into: &buffer)
        var y = 1
        if let summary = list.summary {
            buffer.write(" " + summary, x: 0, y: y, role: .muted, maxWidth: buffer.width)
            y += 1
        }
        buffer.fill(x: 0, y: y, count: buffer.width, role: .header)
        var x = 0
        for column in list.columns {
            buffer.write(column.title, x: x, y: y, role: .header, maxWidth: max(column.width - 1, 1))
            x += column.width
        }
        y += 1
        if rows.isEmpty {
            buffer.write(records.filter == nil ? " Nothing to show." : " Nothing matches the filter; Esc clears it.",
                         x: 0, y: y, role: .muted)
            return
        }
        let height = buffer.height - 2 - y
        for line in 0..<max(height, 0) {
            let index = records.top + line
            guard rows.indices.contains(index) else { break }
            let selected = index == records.cursor
            let role: StyleRole = selected ? .selection : .text
            buffer.fill(x: 0, y: y + line, count: buffer.width, role: role)
            x = 0
            for (column, cell) in zip(list.columns, rows[index].cells) {
                let width = column == list.columns.last! ? buffer.width - x : column.width - 1
                buffer.write(cell, x: x, y: y + line, role: role, maxWidth: max(width, 1))
                x += column.width
            }
        }
    }
}
