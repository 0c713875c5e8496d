import Foundation

/// One message of a request's conversation with its subject: mail the privacy mailbox received, or a message
/// Loupe queued or sent.
public struct ConversationEntry: Equatable, Sendable {
    /// Which way it went.
    public enum Direction: Equatable, Sendable {
        /// From the mailbox: a reply, the mail that made the request, a bounce or an auto-reply.
        case received(filedAs: String, fromSubject: Bool, attachments: String?)
        /// To the subject, by the outbox: its number, event and where it stands.
        case sent(id: Int64, event: MessageEvent, status: OutboxStatus, lastError: String?, editedBy: String?)
    }

    public var direction: Direction
    /// When it arrived, or when it was sent (queued, while it waits).
    public var at: Date
    public var subject: String
    public var body: String

    /// Makes an entry.
    public init(direction: Direction, at: Date, subject: String, body: String) {
        self.direction = direction
        self.at = at
        self.subject = subject
        self.body = body
    }
}

extension RequestDetail {
    /// The conversation, oldest first: received mail and the outbox's messages in the order they happened.
    public var conversation: [ConversationEntry] {
        let received = inbound.map { mail in
            ConversationEntry(
                direction: .received(
                    filedAs: mail.filedAs, fromSubject: mail.fromSubject, attachments: mail.attachments),
                at: mail.at, subject: mail.subject, body: mail.body)
        }
        let sent = messages.map { message in
            ConversationEntry(
                direction: .sent(
                    id: message.id, event: message.event, status: message.status, lastError: message.lastError,
                    editedBy: message.editedBy),
                at: message.sentAt ?? message.createdAt, subject: message.subject, body: message.body)
        }
        // Stable: what happened at the same moment keeps received-before-sent (a mail, then its acknowledgement).
        return (received + sent).enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
            .map(\.element)
    }
}
