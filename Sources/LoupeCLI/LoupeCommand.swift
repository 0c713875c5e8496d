import ArgumentParser
import Foundation
import LoupeStore

/// `loupe`: the privacy-request console of jewelrydealshop, and its command-line tools.
public struct LoupeCommand: ParsableCommand {
    /// The version `loupe --version` prints.
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "loupe",
        abstract: "The privacy-request console of jewelrydealshop.",
        discussion: """
            With no subcommand, opens the console on the default database \
            ($XDG_DATA_HOME/loupe/loupe.sqlite, or ~/.local/share/loupe/loupe.sqlite).
            Try it with `loupe demo`, which builds a demo database first.
            """,
        version: version,
        subcommands: [
            ConsoleCommand.self, DemoCommand.self, InitCommand.self, RequestsCommand.self, StaffCommand.self,
            ExportCommand.self, CustomersCommand.self, TasksCommand.self, RetentionCommand.self, PolicyCommand.self,
            AuditCommand.self, SettingsCommand.self, OutboxCommand.self, TemplatesCommand.self,
            IntakeCommand.self, ImportCommand.self, MailCommand.self, ServeCommand.self,
            DoctorCommand.self, KeysCommand.self, DataMapCommand.self, VaultCommand.self, OrdersCommand.self,
            DisclosuresCommand.self, AuthorityCommand.self, BreachesCommand.self, AnalyticsCommand.self,
            ProcessorsCommand.self, RopaCommand.self, ControllersCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self)

    public init() {}

    /// Call first in `main`: hardens the process when it runs as the installed setgid binary (no core dumps, no
    /// SQLite environment), before any argument is parsed or file opened.
    public static func prepareProcess() {
        Privilege.hardenAtStart()
        LoupeLogging.bootstrap()
    }
}

/// Options every subcommand that opens a database takes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The database file.", valueName: "path"))
    var path: String?

    @Option(name: .customLong("as"),
            help: ArgumentHelp("Act as this demo staff member (demo databases only).", valueName: "user"))
    var actingAs: String?

    init() {}

    init(path: String?) { self.path = path }

    /// The file to use: `--db`, else the install's database (`PREFIX/etc/loupe.conf`), else the default path.
    /// Resolving it also settles the group privilege: the installed binary keeps it for its configured database
    /// only, and gives it up for good before opening any other file the user names.
    var resolvedPath: String {
        let resolved = path.map(Self.expandTilde) ?? InstallConfig.current?.database ?? Self.defaultPath()
        if Privilege.isElevated, !Self.isConfiguredDatabase(resolved) { Privilege.dropForGood() }
        return resolved
    }

    /// Whether `path` is the installed binary's configured database (the same file, whatever the spelling).
    static func isConfiguredDatabase(_ path: String) -> Bool {
        guard let configured = InstallConfig.current?.database else { return false }
        func canonical(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        return canonical(path) == canonical(configured)
    }

    /// `$XDG_DATA_HOME/loupe/loupe.sqlite`, or `~/.local/share/loupe/loupe.sqlite`.
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return "\(data)/loupe/loupe.sqlite"
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return "\(home)/.local/share/loupe/loupe.sqlite"
    }


    private static func expandTilde(_ path: String) -> String {
        guard path.hasPrefix("~/") else { return path }
        return (ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst(1)
    }

    func validate() throws {
        if let path, path.isEmpty { throw ValidationError("--db needs a file path, e.g. --db ~/loupe-demo.sqlite") }
        if let actingAs, actingAs.isEmpty { throw ValidationError("--as needs a staff user name, e.g. --as ava") }
    }
}

/// Options of the commands that open the console.
struct ConsoleOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A theme name (default, monochrome, ...) or a theme file's path.", valueName: "name|path"))
    var theme: String = "default"

    @Flag(help: "Open the console with every write action hidden and refused.")
    var readonly = false

    /// Loads the theme and runs the console for `context` until the user quits.
    func open(_ context: CommandContext, databasePath: String) throws {
        try ConsoleApp.run(database: context.database, actor: context.actor, theme: ThemeLoader.load(theme),
                           exportsDirectory: DatabaseFiles(databasePath).exports, readOnly: readonly)
    }
}
