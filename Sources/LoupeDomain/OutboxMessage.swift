import Foundation

/// Where a message to the data subject stands.
public enum OutboxStatus: String, CaseIterable, Codable, Sendable {
    /// Waiting for `loupe outbox send`; the agent may still edit it.
    case queued
    /// A send began and has not finished (a crash leaves it here; the next send resolves it).
    case sending
    /// Delivered to the maildir (and to sendmail, when one was given).
    case sent
    /// Handed to sendmail, then the send was interrupted before it was recorded: it may or may not have gone.
    /// It is never sent again on its own; someone checks and runs `loupe outbox retry ID` or `loupe outbox mark-sent ID`.
    case inDoubt = "in-doubt"
}

/// A message to the data subject, queued with the state change that called for it.
public struct OutboxMessage: Equatable, Sendable, Codable {
    public var id: Int64
    /// The request it answers (public id).
    public var requestId: String
    public var event: MessageEvent
    public var toName: String?
    /// Nil when the request has no email address: it must be answered by letter or phone.
    public var toAddress: String?
    public var subject: String
    public var body: String
    public var messageId: String
    public var status: OutboxStatus
    public var createdAt: Date
    public var editedBy: String?
    public var editedAt: Date?
    public var sentAt: Date?
    /// Why the last send failed, if it did; on a sent message, what went wrong after it went ("copy not kept").
    public var lastError: String?
    /// The Message-ID it answers (the subject's last message on the request), when the subject wrote.
    public var inReplyTo: String?
    /// The conversation's Message-IDs, oldest first.
    public var references: [String] = []
    /// Who holds it while it is in flight (`host:pid`), and until when: another sender leaves it alone until then.
    public var leaseOwner: String?

    /// Makes a message value.
    public init(id: Int64, requestId: String, event: MessageEvent, toName: String?, toAddress: String?, subject: String,
                body: String, messageId: String, status: OutboxStatus, createdAt: Date, editedBy: String? = nil,
                editedAt: Date? = nil, sentAt: Date? = nil, lastError: String? = nil) {
        self.id = id
        self.requestId = requestId
        self.event = event
        self.toName = toName
        self.toAddress = toAddress
        self.subject = subject
        self.body = body
        self.messageId = messageId
        self.status = status
        self.createdAt = createdAt
        self.editedBy = editedBy
        self.editedAt = editedAt
        self.sentAt = sentAt
        self.lastError = lastError
    }
}
