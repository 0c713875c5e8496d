import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

/// `loupe init`: creates an empty database and makes the invoking OS user its admin.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty database and make you (the OS user running it) its admin.")

    @Option(name: .customLong("db"), help: ArgumentHelp("The database file.", valueName: "path"))
    var path: String?

    func run() throws {
        let path = DatabaseOptions(path: path).resolvedPath
        try CLIFailure.reporting {
            let database = try AppDatabase.open(path: path)
            let user = try ActorResolver.osUserName()
            try database.initialize(admin: user, displayName: user, at: Date())
            print("Created \(path); \(user) is its admin.")
        }
    }
}
