import Foundation

/// A message that arrived in the privacy mailbox, as Loupe keeps it: who sent it, how it threads, its text
/// (capped, card numbers removed) and what was attached (listed, never kept).
public struct InboundMail: Equatable, Sendable, Codable {
    /// A file that came with the message; its bytes are not stored.
    public struct Attachment: Equatable, Sendable, Codable {
        public var name: String
        public var type: String
        public var size: Int
        public init(name: String, type: String, size: Int) {
            self.name = name; self.type = type; self.size = size
        }
    }

    /// What the message is, before any request is looked at.
    public enum Nature: String, Sendable, Codable, CaseIterable {
        /// A person writing: a new request, or a reply on one.
        case message
        /// An out-of-office or other automatic answer (`Auto-Submitted`, `Precedence: bulk|junk`, `X-Autoreply`).
        case autoReply = "auto-reply"
        /// A delivery failure report (`multipart/report`) about a message Loupe sent.
        case bounce
    }

    /// The longest body kept; longer ones are cut and say so.
    public static let bodyLimit = 64 * 1024

    /// How the message is recorded once: its Message-ID, or `sha256:` and a digest of its bytes when it has none.
    public var key: String
    public var messageId: String?
    /// The Message-IDs it answers (In-Reply-To, then References), without angle brackets.
    public var answers: [String]
    public var fromAddress: String?
    public var fromName: String?
    public var subject: String
    public var body: String
    public var bodyWasCut: Bool
    public var cardNumbersRemoved: Int
    public var attachments: [Attachment]
    public var nature: Nature
    /// For a bounce: the Message-ID of the message that could not be delivered, when the report carries it.
    public var bouncedMessageId: String?

    /// Makes one.
    /// Every `Authentication-Results` header (RFC 8601) the message carries, as received; which of them count is the
    /// store's to decide, from the one host a setting trusts (`MailAuthentication`).
    public var authenticationResults: [String] = []
    /// Whether the MTA's spam filter marked it (`SpamVerdict`).
    public var isSpam = false
    /// Whether it came through a mailing list (`List-Id` or `List-Unsubscribe`): a newsletter, not a person.
    public var isList = false
    /// The Maildir file it was read from (its unique name, without flags), so an erasure can remove it.
    public var maildirFile: String?

    public init(key: String, messageId: String?, answers: [String], fromAddress: String?, fromName: String?,
                subject: String, body: String, bodyWasCut: Bool, cardNumbersRemoved: Int, attachments: [Attachment],
                nature: Nature, bouncedMessageId: String?) {
        self.key = key; self.messageId = messageId; self.answers = answers; self.fromAddress = fromAddress
        self.fromName = fromName; self.subject = subject; self.body = body; self.bodyWasCut = bodyWasCut
        self.cardNumbersRemoved = cardNumbersRemoved; self.attachments = attachments; self.nature = nature
        self.bouncedMessageId = bouncedMessageId
    }

    /// The request id written in the subject as `[PR-2026-000123]`, if any.
    public var requestIdInSubject: String? {
        guard let open = subject.range(of: "[PR-"), let close = subject[open.upperBound...].firstIndex(of: "]") else {
            return nil
        }
        let id = "PR-" + subject[open.upperBound..<close]
        return id.count == 14 && id.dropFirst(3).allSatisfy({ $0.isNumber || $0 == "-" }) ? id : nil
    }

    /// "2 attachments not kept: passport.jpg (image/jpeg, 1.2 MB), …", or nil when there were none.
    public var attachmentsNote: String? {
        guard !attachments.isEmpty else { return nil }
        let list = attachments.map { "\($0.name) (\($0.type), \($0.size) bytes)" }.joined(separator: ", ")
        return "\(attachments.count) attachment\(attachments.count == 1 ? "" : "s") not kept: \(list)"
    }
}
