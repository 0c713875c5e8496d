import Foundation

/// One entry of the append-only, hash-linked audit log. Holds ids and field names, never personal values.
public struct AuditEntry: Equatable, Sendable, Codable {
    /// Position in the chain, from 1.
    public var sequence: Int64
    public var occurredAt: Date
    /// OS user name of the staff member (or `system`).
    public var actor: String
    /// What happened, e.g. `request.claim`.
    public var action: String
    /// The id of the thing acted on, e.g. `PR-2026-000123`.
    public var target: String
    /// Extra facts as a sorted JSON object of strings (ids and field names only).
    public var details: String
    public var previousHash: String
    public var hash: String

    /// Makes an entry.
    public init(
        sequence: Int64, occurredAt: Date, actor: String, action: String, target: String, details: String,
        previousHash: String, hash: String
    ) {
        self.sequence = sequence
        self.occurredAt = occurredAt
        self.actor = actor
        self.action = action
        self.target = target
        self.details = details
        self.previousHash = previousHash
        self.hash = hash
    }
}
