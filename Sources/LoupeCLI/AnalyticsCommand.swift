import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

/// `loupe analytics …`: the one door through which shop analytics get data from Loupe.
struct AnalyticsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analytics", abstract: "Counts for shop analytics, each describing at least k customers.",
        subcommands: [AnalyticsExportCommand.self, AnalyticsThreshold.self])
}

struct AnalyticsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Visits and orders counted by day, country, device, browser and value band; no ids, no free text.")

    @Option(help: "The first day (YYYY-MM-DD, UTC); default 30 days before --to.") var from: String?
    @Option(help: "The last day (YYYY-MM-DD, UTC); default yesterday.") var to: String?
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Print CSV (table,day,country,device,browser,valueBand,count,customers).") var csv = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if json && csv { throw ValidationError("Give --json or --csv, not both.") }
    }

    static func day(_ text: String, option: String) throws -> Date {
        guard let date = CivilTime.parseDay(text) else {
            throw ValidationError("\(option) \(text) is not a day; write YYYY-MM-DD.")
        }
        return date
    }

    func run() throws {
        let lastDay = try to.map { try Self.day($0, option: "--to") }
        let firstDay = try from.map { try Self.day($0, option: "--from") }
        try CommandContext.run(database) { context in
            let today = try Self.day(CivilTime.utcDay(context.now), option: "today")
            let end = lastDay ?? today.addingTimeInterval(-86_400)
            let export = try context.database.analyticsExport(
                fromDay: firstDay ?? end.addingTimeInterval(-29 * 86_400), toDay: end, actor: context.actor,
                at: context.now)
            if json { return try JSONOutput.print(export) }
            if csv { return print(Self.csv(export), terminator: "") }
            print(
                "Analytics \(export.from) to \(export.to) (UTC days); every row describes at least "
                    + "k=\(export.k) customers."
            )
            for (name, rows) in [("visits", export.visits), ("orders", export.orders)] {
                print("\n\(name): \(rows.count) rows; \(export.daysWithheld[name] ?? 0) days under k left out")
                for row in rows {
                    let cell = row.isOther ? "other (cells under k, merged)" : row.cell.joined(separator: " ")
                    print("  \(row.day)  \(cell)  \(row.count)  (\(row.customers) customers)")
                }
            }
        }
    }

    static func csv(_ export: AnalyticsExport) -> String {
        var lines = ["table,day,country,device,browser,valueBand,count,customers"]
        for row in export.visits {
            let cell = row.isOther ? ["other", "other", "other"] : row.cell
            lines.append(
                (["visits", row.day] + cell + ["", String(row.count), String(row.customers)]).map(field)
                    .joined(separator: ","))
        }
        for row in export.orders {
            let cell = row.isOther ? ["other", "other"] : row.cell
            lines.append(
                (["orders", row.day, cell[0], "", "", cell[1], String(row.count), String(row.customers)])
                    .map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func field(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            : text
    }
}

struct AnalyticsThreshold: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "k", abstract: "Show or set k, the fewest customers a published count describes (admins set).")

    @Argument(help: "The new k (2 to 1000).") var k: Int?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            if let k { try context.database.setAnalyticsK(k, actor: context.actor, at: context.now) }
            print("k = \(try context.database.analyticsK())")
        }
    }
}
