import LoupeDomain

/// The queue screen: open requests, urgent first then by due date, overdue rows marked `!`, due-this-week rows `~`.
enum QueueView {
    /// A column of the queue table.
    private struct Column {
        let title: String
        let width: Int
        let alignRight: Bool
    }

    static func draw(_ state: AppState, scope: QueueScope, into buffer: inout ScreenBuffer) {
        let queue = state[list: scope]
        let position = queue.total == 0 ? "0/0" : "\(queue.cursor + 1)/\(queue.total)"
        var title = scope == .open ? "Queue · \(queue.order.label)" : "Approvals · erasures awaiting a supervisor"
        if scope == .awaitingApproval && queue.order != .urgency { title += " · \(queue.order.label)" }
        if let filter = queue.filter {
            title = (scope == .open ? "Queue" : "Approvals") + " · filter \(filter.text) · \(queue.total) match\(queue.total == 1 ? "" : "es")"
        }
        if !queue.marks.isEmpty { title += " · \(queue.marks.count) marked" }
        // A breach's 72-hour clock toward the authority, while it runs, is the first thing the team sees.
        let clocks = queue.breachDeadlines.map { $0.clock(now: state.now).shortPhrase }
        if !clocks.isEmpty { title = clocks.joined(separator: " · ") + " · " + title }
        Renderer.drawTitle(title,
                           right: "\(position) · \(state.actor.userName) (\(state.actor.role.rawValue))",
                           into: &buffer)
        let showReceived = buffer.width >= 100
        // On the approvals list, who proposed each erasure where the queue has the assignee (a supervisor
        // cannot approve their own proposal; `d` still shows the assignee).
        let showProposer = scope == .awaitingApproval
        let fixed = 5 + 15 + 9 + 15 + (showProposer ? 14 : 9) + (showReceived ? 11 : 0) + 9
        // The subject takes what is left, up to a masked address's width: on a wide terminal the status,
        // assignee and due date stay next to the highlighted id instead of a hundred blank columns away.
        let subjectWidth = min(max(buffer.width - fixed - 1, 8), 40)
        var columns = [
            Column(title: "", width: 5, alignRight: false), Column(title: "ID", width: 15, alignRight: false),
            Column(title: "KIND", width: 9, alignRight: false),
            Column(title: "SUBJECT", width: subjectWidth + 1, alignRight: false),
            Column(title: "STATUS", width: 15, alignRight: false),
            showProposer ? Column(title: "PROPOSED BY", width: 14, alignRight: false)
                : Column(title: "ASSIGNEE", width: 9, alignRight: false),
        ]
        if showReceived { columns.append(Column(title: "RECEIVED", width: 11, alignRight: false)) }
        columns.append(Column(title: "DUE", width: 9, alignRight: true))

        buffer.fill(x: 0, y: 1, count: buffer.width, role: .header)
        var x = 0
        for column in columns {
            drawCell(column.title, column: column, x: x, y: 1, role: .header, into: &buffer)
            x += column.width
        }

        let height = state.queueViewHeight
        guard queue.isLoaded else {
            buffer.write(" Reading the list…", x: 0, y: 2, role: .muted)
            return
        }
        guard queue.total > 0 else {
            let empty = queue.filter != nil ? " Nothing matches the filter; Esc clears it."
                : scope == .open ? " No open requests: nothing is waiting." : " No erasure is waiting for approval."
            buffer.write(empty, x: 0, y: 2, role: .muted)
            return
        }
        for line in 0..<height {
            guard let row = queue.row(at: queue.top + line) else { continue }
            let y = 2 + line
            let overdue = state.deadlines.isOverdue(due: row.effectiveDueAt, now: state.now)
            let dueSoon = state.deadlines.isDueSoon(due: row.effectiveDueAt, now: state.now)
            let days = state.deadlines.daysLeft(until: row.effectiveDueAt, now: state.now)
            let isSelected = queue.top + line == queue.cursor
            let isMarked = queue.marks[row.id] != nil
            // The cursor lights the flags and the id only: a one-row move then redraws about 40 cells, not two
            // whole rows (under 200 bytes to an SSH terminal instead of about 340).
            let base: StyleRole = isMarked ? .marked : (overdue ? .overdue : .text)
            buffer.fill(x: 0, y: y, count: buffer.width, role: base)
            // The fourth column: a reply from the subject waits (✉), else an email request whose kind is only
            // suggested (?).
            let flag = (overdue ? "!" : dueSoon ? "~" : " ") + (row.priority > .normal ? "↑" : " ") + (isMarked ? "*" : " ")
                + (row.replyWaiting ? "✉" : row.kindSuggested ? "?" : " ")
            var values = [
                flag, row.publicId, row.kind.label, DisplayFormat.subject(row.subjectEmail),
                DisplayFormat.status(row.status),
            ]
            let ownProposal = row.proposedBy == state.actor.userName
            values.append(showProposer ? row.proposedBy.map { ownProposal ? "\($0) (you)" : $0 } ?? "—" : row.assignee ?? "—")
            if showReceived { values.append(state.deadlines.dayString(row.receivedAt)) }
            values.append(DisplayFormat.due(daysLeft: days, overdue: overdue))
            x = 0
            for (index, column) in columns.enumerated() {
                var role = base
                if isSelected && index < 2 {
                    role = .selection
                } else if !overdue && !isMarked {
                    if column.title == "SUBJECT" { role = .masked }
                    if dueSoon && (column.title == "DUE" || index == 0) { role = .dueSoon }
                    if column.title == "ASSIGNEE" && row.assignee == nil { role = .muted }
                    if column.title == "PROPOSED BY" && ownProposal { role = .muted }
                }
                if column.title == "SUBJECT", let words = queue.filter?.words, !words.isEmpty, let email = row.subjectEmail {
                    // The masked-search rule: the parts the agent typed show, the rest stays masked.
                    CustomersView.writeParts(Masking.email(email, revealing: words.joined(separator: " ")), x: x, y: y,
                                             width: column.width - 1, role: role, into: &buffer)
                } else {
                    drawCell(values[index], column: column, x: x, y: y, role: role, into: &buffer)
                }
                x += column.width
            }
        }
    }

    private static func drawCell(
        _ text: String, column: Column, x: Int, y: Int, role: StyleRole, into buffer: inout ScreenBuffer
    ) {
        if column.alignRight {
            buffer.writeRight(text, x: x, y: y, width: column.width - 1, role: role)
        } else {
            buffer.write(text, x: x, y: y, role: role, maxWidth: column.width - 1)
        }
    }
}
