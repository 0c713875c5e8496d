import ArgumentParser
import Foundation
import LoupeDomain
import LoupeIntake
import LoupeStore

/// `loupe import`: the shop's own CSV exports.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import the shop's Shopify customer and order CSV exports (admins).",
        subcommands: [ImportCustomers.self, ImportOrders.self])
}

/// The options both imports take.
struct ImportOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The CSV export.", valueName: "file")) var file: String
    @Flag(name: .customLong("dry-run"), help: "Read and check every row, report, write nothing.") var dryRun = false
    @Flag(name: .customLong("skip-bad-rows"), help: "Import the good rows even when some are refused (they are reported).")
    var skipBadRows = false
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    /// Prints the report and fails (exit 1) when rows were refused and nothing was written because of them.
    func finish(_ report: ImportReport, what: String) throws {
        if json {
            try JSONOutput.print(report)
        } else {
            let verb = report.written ? "Imported" : dryRun ? "Dry run, nothing written:" : "Nothing written:"
            print("\(verb) \(report.created) new, \(report.updated) updated, \(report.unchanged) unchanged \(what)"
                  + (report.consentEvents > 0 ? "; \(report.consentEvents) consent events (source import)" : "") + ".")
            if !report.suppressed.isEmpty {
                let rows = report.suppressed.count == 1 ? "1 row" : "\(report.suppressed.count) rows"
                print("\(rows) left alone: the person was erased.")
            }
            if !report.kept.isEmpty {
                let values = report.kept.count == 1 ? "1 value" : "\(report.kept.count) values"
                print("\(values) kept against the file (a withdrawal, correction or minor flag made in Loupe).")
            }
            for note in (report.suppressed + report.kept).sorted(by: { $0.line < $1.line }).prefix(50) {
                print("  \(file), line \(note.line): \(note.reason)")
            }
            for problem in report.rejected.prefix(50) { print("  \(file), line \(problem.line): \(problem.reason)") }
            if report.rejected.count > 50 { print("  … and \(report.rejected.count - 50) more refused rows (--json lists them all).") }
            if !report.rejected.isEmpty && !report.written && !dryRun {
                print("\(report.rejected.count) row\(report.rejected.count == 1 ? " was" : "s were") refused: fix \(report.rejected.count == 1 ? "it" : "them") in the file, or import the rest with --skip-bad-rows.")
            }
        }
        if !report.rejected.isEmpty && !skipBadRows { throw ExitCode(1) }
    }
}

extension ImportOptions {
    /// Opens the database, streams the file through `importer` with a progress bar, then reports.
    func run(what: String, importer: (CommandContext, ProgressBar) throws -> ImportReport) throws {
        var report = ImportReport()
        try CommandContext.run(database) { context in
            let bar = ProgressBar(label: "Importing \(what)")
            defer { bar.finish() }
            report = try importer(context, bar)
        }
        try finish(report, what: what)
    }
}

struct ImportCustomers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shopify-customers",
        abstract: "Customers, upserted by Customer ID (by email in pre-2022 exports); marketing acceptance becomes consent events.")

    @OptionGroup var options: ImportOptions

    func run() throws {
        try options.run(what: "customers") { context, bar in
            let reader = try Privilege.asUser { try ShopifyCustomerCSV(path: options.file) }  // opened as the user
            return try context.database.importCustomers(
                from: reader.next, fileName: options.file, dryRun: options.dryRun, skipBadRows: options.skipBadRows,
                actor: context.actor, at: context.now, progress: { bar.update(reader.progress) })
        }
    }
}

struct ImportOrders: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shopify-orders",
        abstract: "Orders (one row per line item), upserted by Id (by Name when absent), linked to customers by email.")

    @OptionGroup var options: ImportOptions

    func run() throws {
        try options.run(what: "orders") { context, bar in
            let reader = try Privilege.asUser { try ShopifyOrderCSV(path: options.file) }  // opened as the user
            return try context.database.importOrders(
                from: reader.next, fileName: options.file, dryRun: options.dryRun, skipBadRows: options.skipBadRows,
                actor: context.actor, at: context.now, progress: { bar.update(reader.progress) })
        }
    }
}
