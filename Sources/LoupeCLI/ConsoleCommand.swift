import ArgumentParser
import Foundation
import LoupeDomain
import LoupeDemo
import LoupeStore

/// `loupe console` (the default): opens the console on an existing database.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the console on the request queue (the default when no subcommand is given).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var console: ConsoleOptions

    func run() throws {
        try CLIFailure.reporting {
            let context = try CommandContext.open(database, console: true)
            defer { try? context.database.checkpoint() }
            try console.open(context, databasePath: database.resolvedPath)
        }
    }
}

/// `loupe demo`: builds a demo database (unless one exists) and opens the console on it.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo database of a jewellery shop (if none exists at the path) and open the console.",
        discussion: """
            The data is generated from a fixed seed: the same seed gives the same customers, orders and requests \
            (dates are relative to today). Demo staff: ava and ben (agents), sam (supervisor), max (admin), and \
            you as admin. Act as one of them with --as.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var console: ConsoleOptions

    @Option(help: "How many customers to generate (1 to 5000000).")
    var customers: Int = 2_000

    @Option(help: "The generator's seed.")
    var seed: UInt64 = 20_261_125

    @Flag(help: "Build the database and exit without opening the console.")
    var buildOnly = false

    func validate() throws {
        guard (1...5_000_000).contains(customers) else {
            throw ValidationError("--customers must be between 1 and 5000000, not \(customers).")
        }
    }

    func run() throws {
        let path = database.resolvedPath
        try CLIFailure.reporting {
            let options = DemoOptions(customers: customers, seed: seed, now: Date(), operatorUser: try ActorResolver.osUserName())
            let bar = ProgressBar(label: "Building the demo database")
            let started = Date()
            let built = try DemoSeeder.build(at: path, options: options, progress: bar.update)
            bar.finish()
            if built {
                let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                printErr(String(format: "Demo database with %d customers written to %@ in %.1f s (%.1f MB).",
                                customers, path, Date().timeIntervalSince(started), Double(bytes) / 1_000_000))
            } else if buildOnly {
                printErr("A database already exists at \(path); it was left as it is.")
            }
            guard !buildOnly else { return }
            try console.open(CommandContext.open(database, console: true), databasePath: path)
        }
    }
}

/// `loupe keys`: prints the console's key table.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "List the console's keys, screen by screen (from the same table as `?`).")

    func run() throws {
        print(KeyTable.text(), terminator: "")
    }
}
