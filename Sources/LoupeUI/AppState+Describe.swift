import LoupeDomain

extension AppState {
    /// Shows the selected row of the list on screen whole (`d`): every field, wrapped, masked as on the list.
    mutating func describeSelected() {
        switch screen {
        case .queue, .approvals:
            guard let row = focusedRequest else { return }
            describe = DescribeState(title: row.publicId, fields: fields(of: row))
        case .customers(let search):
            guard let row = search.selected else { return }
            describe = DescribeState(
                title: row.publicId,
                fields: [
                    .init("Name", row.fullName.map(Masking.name) ?? "—"),
                    .init("Email", row.email.map(Masking.email) ?? "—"),
                    .init("Phone", row.phone.map(Masking.phone) ?? "—"),
                    .init("Orders", String(row.orderCount)),
                    .init(
                        "Flags",
                        [row.isMinor ? "under 16" : nil, row.isErased ? "erased" : nil]
                            .compactMap { $0 }.joined(separator: ", ").nonEmpty ?? "none"),
                ])
        case .records(let shown):
            guard let list = shown.list.list, let row = shown.list.selected else { return }
            let titles = list.columns.map(\.title)
            var fields = zip(titles, row.cells).map { DescribeState.Field($0.0.capitalized, $0.1.nonEmpty ?? "—") }
            if let target = row.opens { fields.append(.init("Enter opens", target)) }
            describe = DescribeState(title: list.title, fields: fields)
        case .request, .dashboard, .customer:
            return
        }
    }

    /// One message of the request's conversation, whole (`T`): which way it went, when, where it stands, its
    /// subject and every line of its text.
    mutating func describeConversation(_ entries: [ConversationEntry], at index: Int) {
        guard entries.indices.contains(index) else { return }
        let entry = entries[index]
        var fields: [DescribeState.Field]
        switch entry.direction {
        case .received(let filedAs, let fromSubject, let attachments):
            fields = [
                .init("Received", deadlines.minuteString(entry.at)),
                .init("Filed as", filedAs),
                .init("From", fromSubject ? "the subject or requester" : "someone else: not the subject or requester",
                      isError: !fromSubject),
            ]
            if let attachments { fields.append(.init("Attachments", attachments)) }
        case .sent(let id, let event, let status, let lastError, let editedBy):
            fields = [
                .init("Message", "#\(id) \(event.rawValue)"),
                .init(status == .sent ? "Sent" : "Status",
                      status == .sent ? deadlines.minuteString(entry.at) : status.rawValue),
            ]
            if let editedBy { fields.append(.init("Edited by", editedBy)) }
            if let lastError { fields.append(.init("Problem", lastError, isError: true)) }
        }
        fields += [.init("Subject", entry.subject), .init("Text", entry.body.isEmpty ? "(empty)" : entry.body)]
        describe = DescribeState(title: "Message \(index + 1) of \(entries.count)", fields: fields)
    }

    /// The session's messages, newest first, whole (`:messages`).
    mutating func showMessages() {
        let fields = messageLog.reversed().map { logged in
            DescribeState.Field(deadlines.minuteString(logged.at), logged.message.text, isError: logged.message.isError)
        }
        describe = DescribeState(
            title: "Messages of this session, newest first",
            fields: fields.isEmpty ? [.init("", "No messages yet.")] : fields)
    }

    /// A key while something is shown whole: the movement keys scroll, Esc, q or d close.
    mutating func handleDescribeKey(_ key: Key) -> [Effect] {
        guard var shown = describe else { return [] }
        let overflow = max(
            shown.lines(width: DescribeView.textWidth(width)).count - DescribeView.visibleRows(height), 0)
        switch key {
        case .escape, .char("q"), .char("d"), .enter:
            describe = nil
            return []
        case .char("j"), .down: shown.scroll += 1
        case .char("k"), .up: shown.scroll -= 1
        case .pageDown, .char(" "), .ctrl("d"): shown.scroll += DescribeView.visibleRows(height)
        case .pageUp, .ctrl("u"): shown.scroll -= DescribeView.visibleRows(height)
        case .char("g"), .home: shown.scroll = 0
        case .char("G"), .end: shown.scroll = overflow
        default: return []
        }
        shown.scroll = min(max(shown.scroll, 0), overflow)
        describe = shown
        return []
    }

    /// A request row's fields, as `d` shows them.
    private func fields(of row: RequestSummary) -> [DescribeState.Field] {
        var fields: [DescribeState.Field] = [
            .init("Kind", row.kind.rawValue),
            .init("Status", row.status.label),
            .init("Priority", row.priority.rawValue),
            .init("Subject", row.subjectEmail.map(Masking.email) ?? "—"),
            .init("Assignee", row.assignee ?? "nobody (i or a claims it)"),
            .init("Received", deadlines.minuteString(row.receivedAt)),
            .init(
                "Due",
                deadlines.dayString(row.effectiveDueAt)
                    + (row.effectiveDueAt < now && row.status.isOpen ? " (overdue)" : "")),
        ]
        if let until = row.extendedUntil {
            fields.append(
                .init("Extended", "from \(deadlines.dayString(row.originalDueAt)) to \(deadlines.dayString(until))"))
        }
        if let proposer = row.proposedBy {
            fields.append(
                .init(
                    "Erasure",
                    "proposed by \(proposer)"
                        + (proposer == actor.userName ? " (you: another supervisor approves)" : "")))
        }
        fields.append(.init("Identity", row.isIdentityVerified ? "verified" : "not verified"))
        if row.openTasks > 0 { fields.append(.init("Notices", "\(row.openTasks) open")) }
        return fields
    }
}

extension String {
    /// The string, or nil when it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
