import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

/// `loupe requests …`: the same lifecycle actions as the console keys, for scripts and the shell.
struct RequestsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "List, show, create and act on privacy requests (the same core path as the console's keys).",
        subcommands: [
            ListRequests.self, ShowRequest.self, NewRequestCommand.self, ClaimRequest.self,
            SimpleAction<ReleaseAction>.self, ReassignRequest.self, VerifyRequest.self, SimpleAction<StartAction>.self,
            NoteRequest.self, NoteInternalRequest.self, ConfirmKindRequest.self, RequestLanguage.self, ReplyRequest.self, ExtendRequest.self, SimpleAction<ProposeErasureAction>.self,
            SimpleAction<ApproveAction>.self, ReasonAction<RejectAction>.self, ReasonAction<CancelAction>.self,
            SimpleAction<CompleteAction>.self, PreviewErasure.self, RectifyRequest.self, WithdrawConsent.self, OpenDSRStatus.self,
        ])
}

/// Options every request action takes after its own arguments.
struct ActionOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Print the request as JSON.")
    var json = false

    @Option(name: .customLong("if-version"),
            help: ArgumentHelp("Refuse unless the request is still at this version (see `requests show`).", valueName: "n"))
    var expectedVersion: Int?

    /// Runs `command` on request `id` and reports the result.
    func perform(_ command: RequestCommand, on id: String) throws {
        try CommandContext.run(database) { context in
            let detail = try context.database.perform(
                command, on: id, expectedVersion: expectedVersion, actor: context.actor, at: context.now)
            try report(detail, command: command, context: context)
            if command == .approve { try Self.reportCleanup(context.database.finishErasures()) }
        }
    }

    /// Says on stderr what an erasure could not finish yet (a file it could not remove, a WAL still in use).
    static func reportCleanup(_ cleanup: ErasureCleanup) {
        for refusal in cleanup.refused { printErr("loupe: not removed: \(refusal)") }
        for path in cleanup.filesLeft {
            printErr("loupe: could not remove \(path) yet; the next command tries again (check its permissions).")
        }
        if !cleanup.walTruncated {
            printErr("loupe: another Loupe process is reading the database, so the WAL still holds the erased values;"
                     + " the next command clears it.")
        }
    }

    func report(_ detail: RequestDetail, command: RequestCommand, context: CommandContext) throws {
        if json { return try JSONOutput.print(RequestJSON(detail, now: context.now)) }
        let summary = detail.summary
        print("\(summary.publicId): \(command.verb) by \(context.actor.userName); now \(summary.status.label)"
              + (summary.assignee.map { ", held by \($0)" } ?? ", unassigned") + " (version \(summary.version)).")
    }
}

/// An action that takes only the request id.
protocol SimpleRequestAction {
    static var name: String { get }
    static var abstract: String { get }
    static var command: RequestCommand { get }
}

enum ReleaseAction: SimpleRequestAction {
    static let name = "release", abstract = "Give a request you hold back to the queue.", command = RequestCommand.release
}
enum StartAction: SimpleRequestAction {
    static let name = "start", abstract = "Start work (identity must be verified, except for consent withdrawal).",
               command = RequestCommand.start
}
enum ProposeErasureAction: SimpleRequestAction {
    static let name = "propose-erasure", abstract = "Propose the erasure for a supervisor's approval.",
               command = RequestCommand.proposeErasure
}
enum ApproveAction: SimpleRequestAction {
    static let name = "approve", abstract = "Approve an erasure someone else proposed (supervisors and admins).",
               command = RequestCommand.approve
}
enum CompleteAction: SimpleRequestAction {
    static let name = "complete", abstract = "Mark a request fulfilled.", command = RequestCommand.complete
}

struct SimpleAction<Action: SimpleRequestAction>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Action.name, abstract: Action.abstract)
    }

    @Argument(help: "The request id, e.g. PR-2026-000123.") var id: String
    @OptionGroup var options: ActionOptions

    func run() throws { try options.perform(Action.command, on: id) }
}

/// An action that needs a reason.
protocol ReasonRequestAction {
    static var name: String { get }
    static var abstract: String { get }
    static func command(reason: String) -> RequestCommand
}

enum RejectAction: ReasonRequestAction {
    static let name = "reject", abstract = "Refuse a request, with the reason the subject will be given."
    static func command(reason: String) -> RequestCommand { .reject(reason: reason) }
}
enum CancelAction: ReasonRequestAction {
    static let name = "cancel", abstract = "Close a request without acting (e.g. withdrawn), with a reason."
    static func command(reason: String) -> RequestCommand { .cancel(reason: reason) }
}

struct ReasonAction<Action: ReasonRequestAction>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Action.name, abstract: Action.abstract)
    }

    @Argument(help: "The request id.") var id: String
    @Option(help: "Why (required).") var reason: String
    @OptionGroup var options: ActionOptions

    func run() throws { try options.perform(Action.command(reason: reason), on: id) }
}

struct ClaimRequest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim", abstract: "Assign a request to yourself (atomic: never two holders).")

    @Argument(help: "The request id (or use --next).") var id: String?
    @Flag(help: "Claim the most urgent unassigned request.") var next = false
    @OptionGroup var options: ActionOptions

    func validate() throws {
        if (id == nil) == !next { throw ValidationError("Give a request id or --next (not both).") }
    }

    func run() throws {
        guard next else { return try options.perform(.claim, on: id!) }
        try CommandContext.run(options.database) { context in
            let detail = try context.database.claimNext(actor: context.actor, at: context.now)
            try options.report(detail, command: .claim, context: context)
        }
    }
}

struct ReassignRequest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reassign", abstract: "Give a request to another staff member (supervisors and admins).")

    @Argument(help: "The request id.") var id: String
    @Option(help: "The staff member's user name.") var to: String
    @OptionGroup var options: ActionOptions

    func run() throws { try options.perform(.reassign(to: to), on: id) }
}

struct VerifyRequest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Record how the requester's identity was verified, or verify it by an emailed code.",
        discussion: """
            --method email-code sends a six-digit code to the address on file for the customer (it works for 24 \
            hours, 5 tries); the request is verified when the code comes back in a reply (`mail import` reads it) \
            or when you type it: --code NNNNNN.
            """)

    @Argument(help: "The request id.") var id: String
    @Option(help: "email (the address on file), order (knew an order's details), document (ID seen), or email-code (send a code).")
    var method: VerificationMethod?
    @Option(help: ArgumentHelp("The code the requester gave back (from an email-code).", valueName: "NNNNNN"))
    var code: String?
    @Option(help: "A note on how it was checked.") var note: String?
    @OptionGroup var options: ActionOptions

    func validate() throws {
        guard (method == nil) != (code == nil) else {
            throw ValidationError("Give --method (how it was verified, or email-code to send a code) or --code (the code that came back), not both.")
        }
    }

    func run() throws {
        if let code {
            return try CommandContext.run(options.database) { context in
                let detail = try context.database.confirmVerificationCode(publicId: id, code: code, actor: context.actor,
                                                                           at: context.now)
                try options.report(detail, command: .verify(method: .emailCode, note: nil), context: context)
            }
        }
        if method == .emailCode {
            return try CommandContext.run(options.database) { context in
                let sent = try context.database.sendVerificationCode(publicId: id, actor: context.actor, at: context.now)
                if options.json { return try JSONOutput.print(sent) }
                print("\(id): a code is queued to \(sent.sentTo), the address on file; it works until "
                      + "\(try context.database.deadlinePolicy().minuteString(sent.expiresAt)). `loupe outbox send` sends it.")
            }
        }
        try options.perform(.verify(method: method!, note: note), on: id)
    }
}

extension VerificationMethod: ExpressibleByArgument {}

struct NoteRequest: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to a request.")

    @Argument(help: "The request id.") var id: String
    @Argument(help: "The note.") var text: String
    @OptionGroup var options: ActionOptions

    func run() throws { try options.perform(.note(text), on: id) }
}

struct ExtendRequest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "Extend the deadline by 1 or 2 months (once, before the first month ends); the notice is recorded.")

    @Argument(help: "The request id.") var id: String
    @Option(help: "1 or 2.") var months: Int
    @Option(help: "Why more time is needed (told to the subject).") var reason: String
    @OptionGroup var options: ActionOptions

    func validate() throws {
        guard (1...2).contains(months) else { throw ValidationError("--months must be 1 or 2, not \(months).") }
    }

    func run() throws { try options.perform(.extend(months: months, reason: reason), on: id) }
}
