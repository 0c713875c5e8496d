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
        subcommands: [PublishPolicy.self, ListPolicies.self])
}

struct PublishPolicy: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "publish", abstract: "Publish a new policy version (admins).")

    @Argument(help: "The version name, e.g. 2026-12.") var version: String
    @Option(help: "The day it takes effect (YYYY-MM-DD).") var effective: String
    @Option(help: "What changed, in a sentence.") var summary: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let day = try DayParser.parse(effective, policy: try context.database.deadlinePolicy())
            try context.database.publishPolicy(version: version, effectiveAt: day, summary: summary, actor: context.actor, at: context.now)
            print("Policy \(version) published, effective \(effective).")
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
