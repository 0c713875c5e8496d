import Foundation

/// A notice to a courier or payment provider that received the subject's data (GDPR Art. 19), opened by a
/// rectification or an erasure; the request completes only once every task is confirmed or closed.
public struct ProcessorTask: Equatable, Sendable, Codable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case open, confirmed, impossible
    }

    public var id: Int64
    /// The request that opened it.
    public var requestPublicId: String
    public var recipient: String
    /// `courier` or `paymentProvider`.
    public var recipientKind: String
    public var status: Status
    public var createdAt: Date?
    public var closedAt: Date?
    /// Why telling the recipient was impossible.
    public var closedReason: String?

    /// Makes a task.
    public init(id: Int64, requestPublicId: String, recipient: String, recipientKind: String, status: Status,
                createdAt: Date?, closedAt: Date? = nil, closedReason: String? = nil) {
        self.id = id
        self.requestPublicId = requestPublicId
        self.recipient = recipient
        self.recipientKind = recipientKind
        self.status = status
        self.createdAt = createdAt
        self.closedAt = closedAt
        self.closedReason = closedReason
    }
}
