import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

/// `loupe init`: creates an empty database, its keys, and makes the invoking OS user (or, for root installing
/// Loupe, the user named by `--admin`) its admin.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty database and its keys, and make you (the OS user running it) its admin.",
        discussion: """
            Root, installing Loupe on a shared host (scripts/install does this), names the first admin with \
            --admin USER instead: the files are then root's and the loupe group's, and no person owns them.
            """)

    @Option(name: .customLong("db"), help: ArgumentHelp("The database file.", valueName: "path"))
    var path: String?

    @Option(help: ArgumentHelp("The first admin's user name (root only).", valueName: "user"))
    var admin: String?

    func validate() throws {
        if admin != nil, getuid() != 0 {
            throw ValidationError("--admin is for root installing Loupe; run `loupe init` as yourself to become the admin.")
        }
    }

    func run() throws {
        let path = DatabaseOptions(path: path).resolvedPath
        try CLIFailure.reporting {
            let user = try admin ?? ActorResolver.osUserName()
            if let admin, getpwnam(admin) == nil {
                throw LoupeError(.invalidInput, "There is no OS user '\(admin)' on this host: create the account first (useradd \(admin)).")
            }
            let database = try AppDatabase.open(path: path, logger: LoupeLogging.logger())
            try database.initialize(admin: user, displayName: user, at: Date())
            let keyPath = DatabaseFiles(path).openDSRKey
            if !FileManager.default.fileExists(atPath: keyPath) {
                _ = try OpenDSRSigningKey.load(path: keyPath, mayCreate: true)
            }
            try database.checkpoint()
            print("Created \(path); \(user) is its admin.")
        }
    }
}
