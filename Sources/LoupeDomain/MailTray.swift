import Foundation

/// Why a message went to the unsorted tray instead of the queue.
public enum MailTrayReason: String, Sendable, Codable, CaseIterable {
    /// The MTA's spam filter marked it (SpamAssassin's `X-Spam-Flag`/`X-Spam-Status`, rspamd's `X-Spam`).
    case spam
    /// Mailing-list mail (`List-Id`, `List-Unsubscribe`): a newsletter or announcement.
    case newsletter
    /// A person's mail that does not clearly ask for a privacy right (no kind reached the suggestion's threshold).
    case unclear

    /// How the tray shows it.
    public var label: String {
        switch self {
        case .spam: "marked spam"
        case .newsletter: "newsletter"
        case .unclear: "no clear request"
        }
    }
}

/// Why an agent dismissed a message as not a request.
public enum MailDismissal: String, Sendable, Codable, CaseIterable {
    case spam
    case newsletter
    case notForUs = "not-for-us"
    case other

    /// The reason as a person reads it.
    public var label: String {
        switch self {
        case .spam: "spam"
        case .newsletter: "newsletter"
        case .notForUs: "not for us (an order question, a complaint, a supplier)"
        case .other: "other"
        }
    }

    /// The reason named by `text` (its raw value); errors list the accepted ones.
    public static func parse(_ text: String) throws -> MailDismissal {
        guard let reason = MailDismissal(rawValue: text.lowercased()) else {
            throw LoupeError(
                .invalidInput, "'\(TextRules.printable(text))' is not a reason to dismiss mail; use one of: "
                    + allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        return reason
    }
}

/// A message in the unsorted tray: what it is, how old it is, and what became of it.
public struct UnsortedMail: Equatable, Sendable, Identifiable {
    public var id: Int64
    public var receivedAt: Date
    public var fromAddress: String?
    public var fromName: String?
    public var subject: String
    /// The text, when the reader asked for it (lists leave it out).
    public var body: String?
    public var reason: MailTrayReason
    public var language: Language?
    /// Set once an agent dismissed it, with who and when.
    public var dismissal: MailDismissal?
    public var decidedBy: String?
    public var decidedAt: Date?

    /// Makes one.
    public init(id: Int64, receivedAt: Date, fromAddress: String?, fromName: String?, subject: String, body: String?,
                reason: MailTrayReason, language: Language?, dismissal: MailDismissal? = nil,
                decidedBy: String? = nil, decidedAt: Date? = nil) {
        self.id = id; self.receivedAt = receivedAt; self.fromAddress = fromAddress; self.fromName = fromName
        self.subject = subject; self.body = body; self.reason = reason; self.language = language
        self.dismissal = dismissal; self.decidedBy = decidedBy; self.decidedAt = decidedAt
    }

    /// Unsorted mail older than this many days is counted on the dashboard: if it is a request after all, its month
    /// has been running since it arrived.
    public static let staleAfterDays = 2

    /// Whole days since it arrived.
    public func ageInDays(at now: Date) -> Int { max(0, Int(now.timeIntervalSince(receivedAt) / 86_400)) }

    /// "3d", "5h", "12m": its age, short.
    public func age(at now: Date) -> String {
        let seconds = max(0, now.timeIntervalSince(receivedAt))
        if seconds >= 86_400 { return "\(Int(seconds / 86_400))d" }
        if seconds >= 3_600 { return "\(Int(seconds / 3_600))h" }
        return "\(Int(seconds / 60))m"
    }
}

/// What the MTA's spam filter said of a message, from its headers.
public enum SpamVerdict {
    /// Whether any of the filters' headers calls it spam: SpamAssassin's `X-Spam-Flag: YES` or
    /// `X-Spam-Status: Yes, score=…`, rspamd's `X-Spam: Yes` or `X-Spamd-Result: default: True […]`.
    /// A sender can only ever forge its own mail into the tray: a "no" is never trusted over a "yes".
    public static func isSpam(flag: String?, status: String?, rspamd: String?, rspamdResult: String?) -> Bool {
        func yes(_ value: String?) -> Bool {
            value?.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("yes") ?? false
        }
        let result = rspamdResult?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return yes(flag) || yes(status) || yes(rspamd) || result.hasPrefix("default: true")
            || result.hasPrefix("true")
    }
}
