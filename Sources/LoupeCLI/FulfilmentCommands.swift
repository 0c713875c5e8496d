import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

extension ConsentPurpose: ExpressibleByArgument {}

/// `loupe export …`: access exports, kept in Loupe's custody (`exports/` beside the database).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Access exports: write one (the default), list them, read one, copy one out.",
        subcommands: [WriteExport.self, ListExports.self, ShowExport.self], defaultSubcommand: WriteExport.self)
}

/// `loupe export ID [--out DIR]`: the access export of a verified access request.
struct WriteExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write",
        abstract: "Write the copy of a subject's data for a verified access request: data.json, report.txt, SHA256SUMS.")

    @Argument(help: "The access request id.") var id: String
    @Option(help: ArgumentHelp("Also copy it out of Loupe's custody into DIR/ID (audited: who, where).", valueName: "dir"))
    var out: String?
    @Flag(help: "Print the result as JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let custody = DatabaseFiles(database.resolvedPath).exports
            if let out { try context.database.checkCopyDestination(out) }
            let result = try context.database.exportAccess(publicId: id, to: custody, actor: context.actor, at: context.now)
            let copy = try out.map { try context.database.copyExport(publicId: id, to: $0, actor: context.actor, at: context.now,
                                                                         userFiles: Privilege.userFiles) }
            if json {
                var fields = ["folder": result.folder].merging(result.checksums) { $1 }
                fields["copy"] = copy
                return try JSONOutput.print(fields)
            }
            print("Wrote \(result.folder) (data.json, report.txt, SHA256SUMS)."
                  + (copy.map { " Copied to \($0), readable by you only." } ?? ""))
        }
    }
}

/// `loupe export list`: every export, newest first.
struct ListExports: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List access exports, newest first.")

    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let records = try context.database.exportRecords(actor: context.actor)
            if json { return try JSONOutput.print(records) }
            let policy = try context.database.deadlinePolicy()
            for record in records {
                let state = record.deletedAt.map { "deleted \(policy.dayString($0))" } ?? "kept"
                print("\(record.request)  \(policy.minuteString(record.createdAt))  \(record.createdBy)  \(state)  \(record.folder)")
            }
        }
    }
}

/// `loupe export show ID`: the report of a request's export (audited: it shows personal data).
struct ShowExport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the report of a request's export (audited).")

    @Argument(help: "The access request id.") var id: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            print(try context.database.readExportReport(publicId: id, actor: context.actor, at: context.now), terminator: "")
        }
    }
}

struct PreviewErasure: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview-erasure", abstract: "Show, field by field, what erasing the request's subject will do.")

    @Argument(help: "The erasure request id.") var id: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let plan = try context.database.erasurePreview(publicId: id, actor: context.actor)
            let policy = try context.database.deadlinePolicy()
            print("Erasure of \(plan.customerPublicId):")
            for line in plan.lines(policy: policy) { print("  " + line) }
        }
    }
}

struct RectifyRequest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rectify", abstract: "Apply the corrections a verified rectification request carries (shows before and after).")

    @Argument(help: "The rectification request id.") var id: String
    @Option(name: .customLong("set"), help: ArgumentHelp("A correction FIELD=VALUE (name, email, phone, address, city, postal-code, country); repeatable.", valueName: "field=value"))
    var corrections: [String] = []
    @Flag(help: "Only show before and after; change nothing.") var preview = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let extra = try RectificationRules.parse(corrections)
            let changes = preview
                ? try context.database.rectificationPreview(publicId: id, extra: extra, actor: context.actor)
                : try context.database.rectify(publicId: id, extra: extra, actor: context.actor, at: context.now)
            for change in changes {
                print("\(change.field.padding(toLength: 12, withPad: " ", startingAt: 0)) \(change.before ?? "-")  →  \(change.after)")
            }
            if !preview { print("\(id): \(changes.count) field\(changes.count == 1 ? "" : "s") corrected.") }
        }
    }
}

struct WithdrawConsent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw-consent", abstract: "Fulfil a consent-withdrawal request at once (every granted purpose unless named).")

    @Argument(help: "The consent-withdrawal request id.") var id: String
    @Option(help: "email-marketing, sms-marketing or analytics-cookies; repeatable.") var purpose: [ConsentPurpose] = []
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let withdrawn = try context.database.withdrawConsent(publicId: id, purposes: purpose, actor: context.actor, at: context.now)
            print("\(id): withdrawn \(withdrawn.isEmpty ? "nothing (no consent was granted)" : withdrawn.map(\.rawValue).joined(separator: ", ")); completed.")
        }
    }
}

/// `loupe customers …`.
struct CustomersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers", abstract: "Act on customers.", subcommands: [FlagMinor.self, CustomerCookies.self])
}

struct FlagMinor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flag-minor",
        abstract: "Record that a customer is under 16: marketing consent is withdrawn and an urgent erasure opened.")

    @Argument(help: "The customer id, e.g. C-000123.") var customer: String
    @Option(help: "How it was discovered.") var reason: String
    @Option(help: "The guardian who asked, if any (becomes the requester).") var guardian: String?
    @Option(name: .customLong("guardian-email"), help: "The guardian's email: messages about the erasure go there.")
    var guardianEmail: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let request = try context.database.flagMinor(customerPublicId: customer, reason: reason, guardianName: guardian,
                                                         guardianEmail: guardianEmail, actor: context.actor, at: context.now)
            let policy = try context.database.deadlinePolicy()
            print("\(customer) flagged as a minor; marketing consent withdrawn; \(request.summary.publicId) (urgent erasure) due \(policy.dayString(request.summary.effectiveDueAt)).")
        }
    }
}

/// `loupe tasks …`: notices to couriers and payment providers (Art. 19).
struct TasksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks", abstract: "Notices to couriers and payment providers after a rectification or erasure.",
        subcommands: [ListTasks.self, ConfirmTask.self, CloseTask.self])
}

struct ListTasks: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Open tasks (or all of one request).")

    @Option(help: "Only this request's tasks.") var request: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let tasks = try context.database.processorTasks(requestPublicId: request, actor: context.actor)
            if json { return try JSONOutput.print(tasks) }
            for task in tasks {
                print("\(task.id)\t\(task.requestPublicId)\t\(task.recipientKind)\t\(task.recipient)\t\(task.status.rawValue)\(task.closedReason.map { "\t\($0)" } ?? "")")
            }
        }
    }
}

struct ConfirmTask: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "confirm", abstract: "The recipient confirmed the notice.")

    @Argument(help: "The task number.") var task: Int64
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let closed = try context.database.closeTask(id: task, impossibleBecause: nil, actor: context.actor, at: context.now)
            print("Task \(task) (\(closed.recipient)) confirmed.")
        }
    }
}

struct CloseTask: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Telling the recipient is impossible; say why.")

    @Argument(help: "The task number.") var task: Int64
    @Option(help: "Why it is impossible.") var reason: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let closed = try context.database.closeTask(id: task, impossibleBecause: reason, actor: context.actor, at: context.now)
            print("Task \(task) (\(closed.recipient)) closed as impossible.")
        }
    }
}
