import Foundation
import LoupeDomain

extension RequestDetailLayout {
    /// The conversation section: received mail (←) and the outbox's messages (→), oldest first, numbered as `T`
    /// asks for them; a received message shows its first lines, a sent one where it stands.
    static func conversationLines(_ detail: RequestDetail, policy: DeadlinePolicy) -> [[Segment]] {
        let entries = detail.conversation
        guard !entries.isEmpty else { return [] }
        let waiting = detail.summary.replyWaiting ? "a reply waits for you; " : ""
        let queued = detail.messages.contains { $0.status == .queued } ? ", o edits the queued one" : ""
        var lines: [[Segment]] = [
            [],
            [
                Segment(
                    " Conversation (\(entries.count), oldest first; \(waiting)T opens one, W replies\(queued))", .header
                )
            ],
        ]
        for (index, entry) in entries.enumerated() {
            let number = Segment(String(index + 1).leftPadded(to: 4) + " ", .muted)
            switch entry.direction {
            case .received(let filedAs, let fromSubject, let attachments):
                lines.append([
                    number, Segment("← ", .hintKey), Segment(policy.minuteString(entry.at) + "  ", .muted),
                    Segment(filedAs.padding(toLength: 12, withPad: " ", startingAt: 0), .hintKey),
                    Segment(fromSubject ? "" : "not from the subject or requester  ", .danger), Segment(entry.subject),
                ])
                for line in entry.body.split(separator: "\n", omittingEmptySubsequences: true).prefix(2) {
                    lines.append([Segment("        " + line, .muted)])
                }
                if let attachments { lines.append([Segment("        " + attachments, .dueSoon)]) }
            case .sent(let id, let event, let status, let lastError, let editedBy):
                let when = status == .sent ? "sent " + policy.minuteString(entry.at) : status.rawValue
                lines.append([
                    number, Segment("→ ", .ok),
                    Segment(when.padding(toLength: 23, withPad: " ", startingAt: 0), status == .sent ? .ok : .dueSoon),
                    Segment("#\(id) \(event.rawValue)  ", .muted),
                    Segment(editedBy.map { "edited by \($0) · " } ?? "", .muted), Segment(entry.subject, .muted),
                ])
                if let lastError { lines.append([Segment("        ! " + lastError, .error)]) }
            }
        }
        return lines
    }
}

extension String {
    /// The string with spaces before it up to `width` characters.
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(width - count, 0)) + self
    }
}
