import Foundation

/// Everything the request screen shows about one request.
public struct RequestDetail: Equatable, Sendable {
    public var summary: RequestSummary
    public var channel: RequestChannel
    public var externalReference: String?
    /// The customer's public id when the subject matched a customer.
    public var customerPublicId: String?
    public var subjectName: String?
    public var subjectPhone: String?
    public var subjectIsMinor: Bool
    public var requester: RequesterKind
    public var requesterName: String?
    public var extendedUntil: Date?
    public var extensionReason: String?
    public var verificationMethod: String?
    public var verifiedBy: String?
    public var verifiedAt: Date?
    public var outcomeReason: String?
    /// The open request this one duplicates, if it was marked so on arrival.
    public var duplicateOf: String?
    public var version: Int
    /// The request's audit timeline, oldest first.
    public var timeline: [AuditEntry]
    /// The customer's consent events, oldest first (empty when the request matched nobody).
    public var consentHistory: [AccessExport.ConsentEvent] = []
    /// What an erasure kept for the law: reference, ground and the date it is anonymised.
    public var retained: [RetainedItem] = []
    /// Notices to recipients (Art. 19) this request opened.
    public var tasks: [ProcessorTask] = []
    /// Folders access exports were written to, newest last.
    public var exports: [String] = []
    /// Messages to the subject about this request, oldest first (recipient not read).
    public var messages: [OutboxMessage] = []
    /// Staff notes on this request, newest first: why someone acted, for whoever reviews it next.
    public var notes: [RequestNote] = []
    /// Mail from the privacy mailbox filed on the request, newest first (what the sender wrote; attachments
    /// only listed).
    public var inbound: [InboundNote] = []
    /// The language messages to the subject are written in; nil for English, the default.
    public var language: Language?

    /// Makes a detail.
    public init(
        summary: RequestSummary, channel: RequestChannel, externalReference: String? = nil,
        customerPublicId: String? = nil, subjectName: String? = nil, subjectPhone: String? = nil,
        subjectIsMinor: Bool = false, requester: RequesterKind = .subject, requesterName: String? = nil,
        extendedUntil: Date? = nil, extensionReason: String? = nil, verificationMethod: String? = nil,
        verifiedBy: String? = nil, verifiedAt: Date? = nil, outcomeReason: String? = nil, duplicateOf: String? = nil,
        version: Int = 1,
        timeline: [AuditEntry] = []
    ) {
        self.summary = summary
        self.channel = channel
        self.externalReference = externalReference
        self.customerPublicId = customerPublicId
        self.subjectName = subjectName
        self.subjectPhone = subjectPhone
        self.subjectIsMinor = subjectIsMinor
        self.requester = requester
        self.requesterName = requesterName
        self.extendedUntil = extendedUntil
        self.extensionReason = extensionReason
        self.verificationMethod = verificationMethod
        self.verifiedBy = verifiedBy
        self.verifiedAt = verifiedAt
        self.outcomeReason = outcomeReason
        self.duplicateOf = duplicateOf
        self.version = version
        self.timeline = timeline
    }

    /// The date the request must be answered by, counting an extension.
    public var effectiveDue: Date { extendedUntil ?? summary.effectiveDueAt }

    /// What a message's body reads as to staff who may not read it (an agent who does not hold the request).
    public static let withheldBody =
        "(the message is for the request's holder, supervisors and admins: claim it to read)"

    /// Replaces every message's body with `withheldBody`.
    public mutating func withholdMessageBodies() {
        for index in messages.indices { messages[index].body = Self.withheldBody }
    }
}

/// Something an erasure kept because the law requires it, until a date.
public struct RetainedItem: Equatable, Sendable, Codable {
    public var category: String
    public var reference: String
    public var ground: String
    public var until: Date

    /// Makes an item.
    public init(category: String, reference: String, ground: String, until: Date) {
        self.category = category
        self.reference = reference
        self.ground = ground
        self.until = until
    }
}

/// A staff note on a request (`n`, `loupe requests note`): who wrote it, when, and what. Notes about the subject
/// are personal data and go into their access export, unless an admin marked the note internal, with a reason.
public struct RequestNote: Equatable, Sendable, Codable {
    /// The note's number (`loupe requests note-internal ID` names it).
    public var id: Int64?
    public var author: String
    public var at: Date
    public var text: String
    /// Why an admin keeps it out of the access export, if they did.
    public var internalReason: String?

    /// Makes a note.
    public init(id: Int64? = nil, author: String, at: Date, text: String, internalReason: String? = nil) {
        self.id = id
        self.author = author
        self.at = at
        self.text = text
        self.internalReason = internalReason
    }
}

/// A message from the privacy mailbox as the request screen shows it.
public struct InboundNote: Equatable, Sendable, Codable {
    public var id: Int64
    public var at: Date
    /// `reply`, `new-request`, `bounce` or `auto-reply`.
    public var filedAs: String
    public var subject: String
    public var body: String
    /// False when the sender is neither the subject nor the requester.
    public var fromSubject: Bool
    /// "2 attachments not kept: …", when there were any.
    public var attachments: String?

    /// Makes one.
    public init(id: Int64, at: Date, filedAs: String, subject: String, body: String, fromSubject: Bool, attachments: String?) {
        self.id = id; self.at = at; self.filedAs = filedAs; self.subject = subject; self.body = body
        self.fromSubject = fromSubject; self.attachments = attachments
    }
}
