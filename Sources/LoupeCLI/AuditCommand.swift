import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

/// `loupe audit …`: read and check the hash-linked audit log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "List and verify the append-only, hash-linked audit log.",
        subcommands: [VerifyAudit.self, ListAudit.self, AnchorAudit.self])
}

struct VerifyAudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Walk the chain and name the first entry that was changed or removed; check it against its anchors.")

    @Option(name: .customLong("witness"), help: ArgumentHelp(
        "A witness file of anchors (repeatable; default: /var/log/loupe/witness when it exists).", valueName: "file"))
    var witnesses: [String] = []
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let result = try context.database.verifyAudit()
            let files = witnesses.isEmpty && FileManager.default.isReadableFile(atPath: AnchorAudit.defaultWitness)
                ? [AnchorAudit.defaultWitness] : witnesses
            let anchors = try context.database.checkAnchors(try AnchorAudit.anchors(in: files),
                                                            database: AnchorAudit.identity(database.resolvedPath))
            var problems = anchors.problems
            if let broken = result.firstBreak {
                problems.insert("the chain is broken at entry \(broken.sequence): \(broken.problem)", at: 0)
            }
            if !anchors.missingTriggers.isEmpty {
                problems.append("the append-only triggers \(anchors.missingTriggers.joined(separator: ", ")) were dropped")
            }
            guard problems.isEmpty else {
                for problem in problems.dropLast() { printErr("loupe: \(problem)") }
                throw LoupeError(.storage, "The audit trail was tampered with: \(problems.last!). Keep the file as evidence and restore a backup.")
            }
            let witnessed = files.isEmpty ? "no witness given" : "\(anchors.checked) anchor\(anchors.checked == 1 ? "" : "s") matched"
            print("The audit chain holds: \(result.checked) entries verified, \(witnessed).")
            if let since = anchors.unanchoredSince, anchors.unanchored > 0 {
                let policy = try context.database.deadlinePolicy()
                print("Not anchored yet: \(anchors.unanchored) entr\(anchors.unanchored == 1 ? "y" : "ies") since "
                      + "\(policy.minuteString(since)) (a deletion among them would not be noticed until the next "
                      + "anchor: loupe audit anchor, or loupe serve every 100 entries or 5 minutes).")
            }
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
            let entries = try context.database.auditEntries(target: target, limit: limit, actor: context.actor)
            if json { return try JSONOutput.print(entries.map(AuditEntryJSON.init)) }
            let policy = try context.database.deadlinePolicy()
            for entry in entries {
                print("\(entry.sequence)  \(policy.minuteString(entry.occurredAt))  \(entry.actor)  \(entry.action)  \(entry.target)  \(entry.details)")
            }
        }
    }
}
