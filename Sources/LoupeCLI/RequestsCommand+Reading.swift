import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

extension RequestStatus: ExpressibleByArgument {}
extension RequestKind: ExpressibleByArgument {}
extension RequestChannel: ExpressibleByArgument {}
extension RequesterKind: ExpressibleByArgument {}

struct ListRequests: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List requests by due date (open ones unless --status says otherwise).")

    @Option(help: "Only this status (\(RequestStatus.allCases.map(\.rawValue).joined(separator: ", "))).")
    var status: RequestStatus?
    @Option(help: "Only this kind (\(RequestKind.allCases.map(\.rawValue).joined(separator: ", "))).")
    var kind: RequestKind?
    @Option(help: "Only requests held by USER, by you (me) or by nobody (none).") var assignee: String?
    @Flag(help: "Only open requests past their due date.") var overdue = false
    @Option(help: "At most this many rows.") var limit = 1_000
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1.") }
    }

    func run() throws {
        try CommandContext.run(database) { context in
            let who: RequestFilter.Assignee = switch assignee {
                case nil: .anyone
                case "none": .nobody
                case "me": .user(context.actor.userName)
                case let name?: .user(name)
            }
            let rows = try context.database.requests(
                RequestFilter(status: status, kind: kind, assignee: who, overdueOnly: overdue, limit: limit),
                now: context.now, actor: context.actor)
            if json { return try JSONOutput.print(rows.map { RequestJSON($0, now: context.now) }) }
            let policy = try context.database.deadlinePolicy()
            for row in rows {
                let overdue = row.status.isOpen && policy.isOverdue(due: row.effectiveDueAt, now: context.now)
                let fields = [
                    overdue ? "!" : " ", row.publicId, row.kind.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0),
                    row.status.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0),
                    (row.assignee ?? "-").padding(toLength: 8, withPad: " ", startingAt: 0), policy.dayString(row.effectiveDueAt),
                    row.subjectEmail.map(Masking.email) ?? "-",
                ]
                print(fields.joined(separator: " "))
            }
            printErr("\(rows.count) request\(rows.count == 1 ? "" : "s")")
        }
    }
}

struct ShowRequest: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one request and its audit timeline.")

    @Argument(help: "The request id.") var id: String
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let detail = try context.database.requestDetail(publicId: id, actor: context.actor)
            if json { return try JSONOutput.print(RequestJSON(detail, now: context.now)) }
            let policy = try context.database.deadlinePolicy()
            let summary = detail.summary
            print("""
                \(summary.publicId)  \(summary.kind.rawValue)  \(summary.status.label)  (version \(summary.version))
                subject    \(summary.subjectEmail.map(Masking.email) ?? "-")\(detail.customerPublicId.map { " (\($0))" } ?? "")
                received   \(policy.minuteString(summary.receivedAt))
                due        \(policy.minuteString(summary.effectiveDueAt))\(detail.extendedUntil == nil ? "" : " (extended)")
                assignee   \(summary.assignee ?? "-")
                identity   \(detail.verifiedBy.map { "verified by \($0) (\(detail.verificationMethod ?? "?"))" } ?? "not verified")
                """)
            if let duplicate = detail.duplicateOf { print("duplicate  of \(duplicate)") }
            if let reason = detail.outcomeReason { print("outcome    \(reason)") }
            for folder in detail.exports { print("exported   \(folder)") }
            for task in detail.tasks {
                print("notice     #\(task.id) \(task.recipient) (\(task.recipientKind)): \(task.status.rawValue)\(task.closedReason.map { " — \($0)" } ?? "")")
            }
            for item in detail.retained {
                print("retained   \(item.category) \(item.reference): \(item.ground), until \(policy.dayString(item.until))")
            }
            for note in detail.notes {
                // Whole, line by line, every control or bidi character shown as an escape (inert in a terminal).
                let lines = note.text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                    line.unicodeScalars.map { TextRules.isForbidden($0) ? String(format: "\\u{%04X}", $0.value) : String($0) }
                        .joined()
                }
                let number = note.id.map { "#\($0)" } ?? ""
                let mark = note.internalReason.map { "  [internal, not exported: \($0)]" } ?? ""
                print("note \(number.padding(toLength: 6, withPad: " ", startingAt: 0)) \(policy.minuteString(note.at)) \(note.author): "
                      + lines.joined(separator: "\n           ") + mark)
            }
            for entry in detail.timeline {
                print("  \(policy.minuteString(entry.occurredAt))  \(entry.actor)  \(entry.action)  \(entry.details)")
            }
        }
    }
}

struct NewRequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Record a request that arrived by email, phone, letter or the web.")

    @Option(help: "access, rectification, erasure or consent-withdrawal.") var kind: RequestKind
    @Option(help: "The data subject's email address.") var email: String?
    @Option(help: "The subject's phone (for someone the shop knows by phone only); --email, --phone or both.")
    var phone: String?
    @Option(help: "The subject's name, as given.") var name: String?
    @Option(help: "email, phone, letter or web.") var channel: RequestChannel = .email
    @Option(help: "The sender's reference (unique per channel).") var reference: String?
    @Option(help: "subject, or guardian (for a minor).") var requester: RequesterKind = .subject
    @Option(help: "The guardian's name.") var requesterName: String?
    @Option(help: "The guardian's email: messages about the request go there, never to the child.")
    var requesterEmail: String?
    @Option(name: .customLong("correct"), help: ArgumentHelp("For rectification: a correction FIELD=VALUE; repeatable.", valueName: "field=value"))
    var corrections: [String] = []
    @Flag(help: "Print the request as JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let detail = try context.database.createRequest(
                NewRequest(kind: kind, email: email, phone: phone, name: name, channel: channel, externalReference: reference,
                           requester: requester, requesterName: requesterName, requesterEmail: requesterEmail,
                           corrections: try RectificationRules.parse(corrections)),
                actor: context.actor, at: context.now)
            if json { return try JSONOutput.print(RequestJSON(detail, now: context.now)) }
            let policy = try context.database.deadlinePolicy()
            print("\(detail.summary.publicId): \(kind.rawValue) request recorded, due \(policy.dayString(detail.summary.effectiveDueAt))"
                  + (detail.customerPublicId.map { "; about \($0)" } ?? "; no customer on file matches"
                     + (kind == .access || kind == .erasure ? " (complete it to answer that no data is held)" : ""))
                  + (detail.duplicateOf.map { "; duplicate of \($0)" } ?? "") + ".")
        }
    }
}
