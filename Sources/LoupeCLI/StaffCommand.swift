import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

extension StaffRole: ExpressibleByArgument {}

/// `loupe staff …`: who may use Loupe, with which role (admins only change it).
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Add, list and deactivate staff (admins only change them).",
        subcommands: [AddStaff.self, ListStaff.self, DeactivateStaff.self])
}

struct AddStaff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a staff member by OS user name (or change their role and reactivate them).")

    @Argument(help: "Their OS user name.") var user: String
    @Option(help: "agent, supervisor, admin, or service (the account `loupe serve` runs as).") var role: StaffRole
    @Option(help: "The name shown on screen.") var name: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let member = try context.database.addStaff(userName: user, role: role, displayName: name,
                                                       actor: context.actor, at: context.now)
            print("\(member.userName) is now \(member.role.rawValue).")
        }
    }
}

struct ListStaff: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List staff members.")

    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let members = try context.database.staffList()
            if json { return try JSONOutput.print(members) }
            for member in members {
                print([member.userName.padding(toLength: 12, withPad: " ", startingAt: 0),
                       member.role.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0),
                       member.isActive ? "active     " : "deactivated", member.displayName].joined(separator: " "))
            }
        }
    }
}

struct DeactivateStaff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deactivate", abstract: "Stop a staff member from acting; their open requests return to the queue.")

    @Argument(help: "Their OS user name.") var user: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            try context.database.deactivateStaff(userName: user, actor: context.actor, at: context.now)
            print("\(user) is deactivated.")
        }
    }
}
