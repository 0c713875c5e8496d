import Foundation

/// What a permitted command does to a request: the store writes exactly this, with the audit entry.
public struct RequestChange: Equatable, Sendable {
    /// The status after the command.
    public var status: RequestStatus
    /// The holder after the command (nil: nobody).
    public var assignee: String?
    /// Set when identity is verified: method and note.
    public var verification: (method: VerificationMethod, note: String?)?
    /// Set when the deadline is extended.
    public var extension_: (until: Date, reason: String, noticeAt: Date)?
    /// Set when an erasure is proposed.
    public var proposedBy: String?
    /// Set when the request is closed: the outcome and its reason.
    public var outcome: (status: RequestStatus, reason: String?)?
    /// A note to add.
    public var note: String?
    /// Ids and field names for the audit entry (never personal values).
    public var auditDetails: [String: String] = [:]

    /// Makes a change that keeps the status and holder.
    public init(status: RequestStatus, assignee: String?) {
        self.status = status
        self.assignee = assignee
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.status == rhs.status && lhs.assignee == rhs.assignee
            && lhs.verification?.method == rhs.verification?.method && lhs.verification?.note == rhs.verification?.note
            && lhs.extension_?.until == rhs.extension_?.until && lhs.extension_?.reason == rhs.extension_?.reason
            && lhs.proposedBy == rhs.proposedBy && lhs.outcome?.status == rhs.outcome?.status
            && lhs.outcome?.reason == rhs.outcome?.reason && lhs.note == rhs.note && lhs.auditDetails == rhs.auditDetails
    }
}
