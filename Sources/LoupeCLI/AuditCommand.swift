import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

/// `loupe audit …`: read and check the hash-linked audit log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "List and verify the append-only, hash-linked audit log.",
        subcommands: [VerifyAudit.self, ListAudit.self])
}

struct VerifyAudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Walk the chain and name the first entry that was changed or removed.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let result = try context.database.verifyAudit()
            if let broken = result.firstBreak {
                throw LoupeError(.storage, "The audit chain is broken at entry \(broken.sequence): \(broken.problem).")
            }
            print("The audit chain holds: \(result.checked) entries verified.")
        }
    }
}

struct ListAudit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List audit entries, newest first.")

    @Option(help: "Only entries about this target (e.g. a request id).") var target: String?
    @Option(help: "At most this many entries.") var limit = 100
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let entries = try context.database.auditEntries(target: target, limit: limit)
            if json { return try JSONOutput.print(entries.map(AuditEntryJSON.init)) }
            let policy = try context.database.deadlinePolicy()
            for entry in entries {
                print("\(entry.sequence)  \(policy.minuteString(entry.occurredAt))  \(entry.actor)  \(entry.action)  \(entry.target)  \(entry.details)")
            }
        }
    }
}
