import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

/// `loupe retention …`: how long each category is kept, and the sweep that enforces it.
struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "Retention rules per category and the sweep that enforces them.",
        subcommands: [RetentionRules.self, SetRetention.self, Sweep.self])
}

struct RetentionRules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the retention rules.")

    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let rules = try context.database.retentionRules()
            if json { return try JSONOutput.print(rules) }
            for rule in rules {
                print("\(rule.category.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)) \(String(rule.days).padding(toLength: 6, withPad: " ", startingAt: 0)) days, then \(rule.action.rawValue)")
            }
        }
    }
}

struct SetRetention: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Change a category's period and action (admins).")

    @Argument(help: "The category (\(RetentionCategory.allCases.map(\.rawValue).joined(separator: ", "))).") var category: String
    @Option(help: "Days to keep (1 to 36500).") var days: Int
    @Option(help: "delete or anonymise.") var action: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let rule = try RetentionRule.validated(category: category, days: days, action: action)
            try context.database.setRetentionRule(rule, actor: context.actor, at: context.now)
            print("\(rule.category.rawValue): kept \(rule.days) days, then \(rule.action.rawValue).")
        }
    }
}

struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Delete or anonymise what has expired, in batches (resumable); --dry-run only counts.")

    @Flag(help: "Count what has expired; change nothing.") var dryRun = false
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Sweep as on this day (YYYY-MM-DD); default today.", valueName: "date"))
    var asOf: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let policy = try context.database.deadlinePolicy()
            let day = try asOf.map { try DayParser.parse($0, policy: policy) } ?? context.now
            let bar = ProgressBar(label: "Sweeping")
            let report = try context.database.sweep(asOf: day, dryRun: dryRun, actor: context.actor, at: context.now,
                                                    progress: bar.update)
            bar.finish()
            if json { return try JSONOutput.print(report) }
            print(dryRun ? "Expired on \(policy.dayString(day)) (dry run: nothing changed):" : "Swept as of \(policy.dayString(day)):")
            for category in RetentionCategory.allCases.map(\.rawValue) where report.expired[category] != nil {
                let held = report.held[category] ?? 0
                print("  \(category.padding(toLength: 18, withPad: " ", startingAt: 0)) \(report.expired[category]!)"
                      + (held > 0 ? "   (\(held) held: their customer has an open request)" : ""))
            }
            if !dryRun { print("\(report.batches) batch\(report.batches == 1 ? "" : "es"), each audited.") }
            for problem in report.notDeleted { printErr("loupe: expired export \(problem)") }
            if !report.notDeleted.isEmpty { throw ExitCode(1) }
        }
    }
}

/// `loupe policy …`: published versions of the privacy policy.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Publish and list privacy policy versions.",
        subcommands: [PublishPolicy.self, ListPolicies.self, ShowPolicy.self])
}

struct PublishPolicy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Publish a new policy version with its full text (admins).")

    @Argument(help: "The version name, e.g. 2026-12.") var version: String
    @Option(help: "The day it takes effect (YYYY-MM-DD).") var effective: String
    @Option(help: "What changed, in a sentence.") var summary: String
    @Option(help: "The file with the policy's full text (UTF-8, Markdown or plain text).") var file: String
    @Flag(help: "It changes what data is used for: every customer with marketing consent is sent a notice.")
    var changesPurposes = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let text = try Privilege.asUser { () throws -> String in  // the user's file, read with the user's ids
            guard let data = FileManager.default.contents(atPath: file) else {
                throw LoupeError(.invalidInput, "Could not read \(TextRules.printable(file)); check the path.")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw LoupeError(.invalidInput, "\(TextRules.printable(file)) is not UTF-8 text; save it as UTF-8.")
            }
            return text
        }
        try CommandContext.run(database) { context in
            let day = try DayParser.parse(effective, policy: try context.database.deadlinePolicy())
            let notices = try context.database.publishPolicy(
                version: version, effectiveAt: day, summary: summary, fullText: text, changesPurposes: changesPurposes,
                actor: context.actor, at: context.now)
            print("Policy \(version) published, effective \(effective)."
                  + (changesPurposes ? " \(notices) notices queued to customers with marketing consent." : ""))
        }
    }
}

struct ShowPolicy: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a policy version's full text.")

    @Argument(help: "The version name.") var version: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let found = try context.database.policyVersion(version)
            let policy = try context.database.deadlinePolicy()
            print("Version \(found.version), effective \(policy.dayString(found.effectiveAt)): \(found.summary)\n")
            print(found.fullText.map { TextRules.inert($0, allowNewlines: true) }
                  ?? "(Published before Loupe kept the full text; only the summary above is on file.)")
        }
    }
}

struct ListPolicies: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List published policy versions.")

    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let versions = try context.database.policyVersions()
            if json { return try JSONOutput.print(versions) }
            let policy = try context.database.deadlinePolicy()
            for version in versions {
                print("\(version.version)  effective \(policy.dayString(version.effectiveAt))  \(version.summary)")
            }
        }
    }
}
