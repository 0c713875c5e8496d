/// Where a message from the privacy mailbox went.
public enum MailFiling: Equatable, Sendable, Codable {
    /// A new request on channel `email`; its kind was suggested from the text (or access, when nothing pointed
    /// anywhere) until an agent confirms it.
    case newRequest(publicId: String, kind: RequestKind)
    /// A reply on a request; `fromSubject` is false when the sender is neither its subject nor its requester;
    /// `verified` when it carried the code sent to the address on file, from that address.
    case reply(publicId: String, fromSubject: Bool, verified: Bool)
    /// A delivery failure of one of Loupe's messages, shown to the request's holder.
    case bounce(publicId: String?, outboxMessage: Int64?)
    /// An automatic answer, recorded on its request if it answers one, and no request made of it.
    case autoReply(publicId: String?)
    /// Not a request, or not clearly one: kept in the unsorted tray for an agent to make a request of or dismiss.
    case unsorted(mail: Int64, reason: MailTrayReason)
    /// Recorded before (the same Message-ID, or the same bytes): nothing new.
    case duplicate
    /// Recorded, but no request can be made of it (it names no sender).
    case unfiled(reason: String)

    /// One line saying where it went.
    public var summary: String {
        switch self {
        case .newRequest(let id, let kind): "new request \(id) (\(kind.rawValue), suggested from the text)"
        case .reply(let id, let fromSubject, let verified): "reply on \(id)"
            + (fromSubject ? "" : " (from someone who is not its subject)")
            + (verified ? "; its code confirmed the identity" : "")
        case .bounce(let id, let message): "delivery failure" + (message.map { " of message #\($0)" } ?? "")
            + (id.map { " on \($0)" } ?? "")
        case .autoReply(let id): "auto-reply" + (id.map { " on \($0)" } ?? "") + ", no request made"
        case .unsorted(let mail, let reason): "unsorted mail #\(mail) (\(reason.label)), no request made"
        case .duplicate: "already imported"
        case .unfiled(let reason): "kept, not filed: \(reason)"
        }
    }
}
