import Foundation
import LoupeDomain
import LoupeStore

/// What every data command needs: the open database, who is acting, and the clock.
struct CommandContext {
    let database: AppDatabase
    let actor: StaffMember
    let now: Date

    /// Opens the context and runs `body`, reporting a `LoupeError` as one line and a non-zero exit.
    static func run(_ options: DatabaseOptions, _ body: (CommandContext) throws -> Void) throws {
        try CLIFailure.reporting {
            let context = try open(options)
            defer { try? context.database.checkpoint() }
            try body(context)
        }
    }

    /// Opens the database named by `options` (it must exist) and resolves the actor. The console's store logs
    /// nothing below critical, since the console owns the terminal.
    static func open(_ options: DatabaseOptions, console: Bool = false) throws -> CommandContext {
        let database = try AppDatabase.open(path: options.resolvedPath, create: false,
                                            logger: LoupeLogging.logger(console: console))
        let actor = try ActorResolver.resolve(in: database, actingAs: options.actingAs)
        return CommandContext(database: database, actor: actor, now: Date())
    }
}

/// Prints values as JSON for scripts: sorted keys, ISO 8601 dates, one document per command.
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        Swift.print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

/// A request as scripts see it. Personal data is masked, as on screen.
struct RequestJSON: Encodable {
    let id: String
    let kind: String
    let status: String
    let priority: String
    let subject: String
    let assignee: String?
    let receivedAt: Date
    let dueAt: Date
    let overdue: Bool
    let version: Int
    var channel: String?
    /// The language the request's messages are written in (en, de, es, fr).
    var language: String?
    var reference: String?
    var customer: String?
    var requester: String?
    var extendedUntil: Date?
    var verifiedBy: String?
    var verificationMethod: String?
    var proposedBy: String?
    var outcomeReason: String?
    var duplicateOf: String?
    var timeline: [AuditEntryJSON]?
    var retained: [RetainedItem]?
    var tasks: [ProcessorTask]?
    var exports: [String]?
    var notes: [RequestNote]?
    /// The messages to the subject, as `outbox list --json` shows them (address masked), with a delivery
    /// failure if one came back.
    var messages: [MessageJSON]?

    init(_ summary: RequestSummary, now: Date) {
        id = summary.publicId
        kind = summary.kind.rawValue
        status = summary.status.rawValue
        priority = summary.priority.rawValue
        subject = summary.subjectEmail.map(Masking.email) ?? ""
        assignee = summary.assignee
        receivedAt = summary.receivedAt
        dueAt = summary.effectiveDueAt
        overdue = summary.status.isOpen && now > summary.effectiveDueAt
        version = summary.version
        proposedBy = summary.proposedBy
    }

    init(_ detail: RequestDetail, now: Date) {
        self.init(detail.summary, now: now)
        channel = detail.channel.rawValue
        language = (detail.language ?? .english).rawValue
        reference = detail.externalReference
        customer = detail.customerPublicId
        requester = detail.requester.rawValue
        extendedUntil = detail.extendedUntil
        verifiedBy = detail.verifiedBy
        verificationMethod = detail.verificationMethod
        outcomeReason = detail.outcomeReason
        duplicateOf = detail.duplicateOf
        timeline = detail.timeline.map(AuditEntryJSON.init)
        retained = detail.retained
        tasks = detail.tasks
        exports = detail.exports
        notes = detail.notes
        messages = detail.messages.map(MessageJSON.init)
    }
}

/// An audit entry as scripts see it.
struct AuditEntryJSON: Encodable {
    let sequence: Int64
    let at: Date
    let actor: String
    let action: String
    let target: String
    let details: [String: String]
    let hash: String

    init(_ entry: AuditEntry) {
        sequence = entry.sequence
        at = entry.occurredAt
        actor = entry.actor
        action = entry.action
        target = entry.target
        details = (try? JSONDecoder().decode([String: String].self, from: Data(entry.details.utf8))) ?? [:]
        hash = entry.hash
    }
}
