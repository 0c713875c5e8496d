import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

/// `loupe outbox`: the messages to data subjects that state changes queued.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "Messages to data subjects: list, show, send, and resolve interrupted sends.",
        subcommands: [ListOutbox.self, ShowMessage.self, SendOutbox.self, RetryMessage.self, MarkMessageSent.self])
}

/// A message as scripts see it; the address is masked, as on screen.
struct MessageJSON: Encodable {
    let id: Int64
    let request: String
    let event: String
    let status: String
    let to: String?
    let subject: String
    let messageId: String
    let inReplyTo: String?
    let createdAt: Date
    let editedBy: String?
    let sentAt: Date?
    let error: String?

    init(_ message: OutboxMessage) {
        id = message.id
        request = message.requestId
        event = message.event.rawValue
        status = message.status.rawValue
        to = message.toAddress.map(Masking.email)
        subject = message.subject
        messageId = message.messageId
        inReplyTo = message.inReplyTo
        createdAt = message.createdAt
        editedBy = message.editedBy
        sentAt = message.sentAt
        error = message.lastError
    }
}

struct ListOutbox: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Messages not yet sent (or all with --all).")

    @Flag(help: "Include sent messages.") var all = false
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let messages = try context.database.outbox(includeSent: all, actor: context.actor)
            if json { return try JSONOutput.print(messages.map(MessageJSON.init)) }
            if messages.isEmpty { print(all ? "No messages yet." : "Nothing waits to be sent.") }
            for message in messages {
                let to = message.toAddress.map(Masking.email) ?? "(no email)"
                print("\(message.id)\t\(message.requestId)\t\(message.event.rawValue)\t\(message.status.rawValue)\t\(to)\t\(TextRules.printable(message.subject))"
                      + (message.lastError.map { "\t! \($0)" } ?? ""))
            }
        }
    }
}

struct ShowMessage: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One message in full, as it will be sent.")

    @Argument(help: "The message number (from `outbox list`).") var message: Int64
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let found = try context.database.outboxMessage(id: message, actor: context.actor)
            print("Message \(found.id) for \(found.requestId) (\(found.event.rawValue), \(found.status.rawValue))")
            print("To: \(found.toAddress.map(Masking.email) ?? "(no email address: answer by letter or phone)")")
            print("Subject: \(TextRules.printable(found.subject))")
            print("")
            print(found.body.unicodeScalars.map { TextRules.isForbidden($0, allowNewlines: true) ? "?" : String($0) }.joined())
        }
    }
}

struct SendOutbox: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Write each queued message into a maildir as an RFC 5322 file and, with --sendmail, hand it to sendmail.",
        discussion: """
            A message is never sent twice: a send interrupted after the maildir delivery is marked sent on the next \
            run; one interrupted while sendmail had it is marked in doubt and waits for `outbox retry` or \
            `outbox mark-sent`. Exit status 1 when a message could not be sent (it stays queued with the reason).
            """)

    @Option(help: ArgumentHelp("The maildir to deliver into (default: mail/ beside the database).", valueName: "dir"))
    var maildir: String?
    @Option(help: ArgumentHelp("A sendmail-compatible program to pipe each message to (`-oi -t`).", valueName: "path"))
    var sendmail: String?
    @Option(help: "Send at most this many (requests' messages first, then notices); the rest wait for the next run.")
    var batch = 1_000
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard batch > 0 else { throw ValidationError("--batch \(batch): give a number of messages, 1 or more.") }
        if let sendmail, !FileManager.default.isExecutableFile(atPath: sendmail) {
            throw ValidationError("--sendmail \(sendmail) is not an executable file; give the full path, e.g. /usr/sbin/sendmail.")
        }
    }

    func run() throws {
        var failed = false
        try CommandContext.run(database) { context in
            // Who may send comes first; then where (an install's route is loupe.conf's).
            try context.database.authorize(.sendOutbox, actor: context.actor)
            let route = try OutboxRoute.resolve(maildir: maildir, sendmail: sendmail, database: database.resolvedPath)
            let folder = route.maildir
            let sendmail = route.sendmail
            let sender = OutboxSender(database: context.database, maildir: URL(fileURLWithPath: folder), sendmail: sendmail,
                                      actor: context.actor, clock: Date.init, userNamed: route.userNamed,
                                      batchSize: batch)
            let report = try sender.run()
            failed = !report.failed.isEmpty
            if json { return try JSONOutput.print(report) }
            print("Sent \(report.sent.count) message\(report.sent.count == 1 ? "" : "s") into \(folder)\(sendmail.map { " and to \($0)" } ?? "").")
            if !report.recovered.isEmpty { print("Found delivered after an interrupted send, now marked sent: \(report.recovered.map(String.init).joined(separator: ", ")).") }
            if !report.requeued.isEmpty { print("Interrupted before delivery, sent again: \(report.requeued.map(String.init).joined(separator: ", ")).") }
            if !report.withdrawn.isEmpty {
                print("Withdrawn, no longer true: message\(report.withdrawn.count == 1 ? "" : "s") \(report.withdrawn.map(String.init).joined(separator: ", ")) (see the request's audit trail).")
            }
            if !report.inDoubt.isEmpty { print("In doubt (sendmail may have sent them; check the mail log, then `loupe outbox retry ID` or `mark-sent ID`): \(report.inDoubt.map(String.init).joined(separator: ", ")).") }
            for failure in report.failed { print("Not sent: message \(failure.id) (\(failure.request)): \(failure.error)") }
        }
        if failed { throw ExitCode(1) }
    }
}

struct RetryMessage: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retry", abstract: "Queue a message in doubt again (the mail log shows it did not go).")

    @Argument(help: "The message number.") var message: Int64
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            try context.database.resolveInDoubt(id: message, wasSent: false, actor: context.actor, at: context.now)
            print("Message \(message) is queued again; `loupe outbox send` sends it.")
        }
    }
}

struct MarkMessageSent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark-sent", abstract: "Record that a message went (the mail log shows it, or it was answered by letter or phone).")

    @Argument(help: "The message number.") var message: Int64
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            try context.database.resolveInDoubt(id: message, wasSent: true, actor: context.actor, at: context.now)
            print("Message \(message) is marked sent.")
        }
    }
}
