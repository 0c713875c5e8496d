import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

/// `loupe controllers …`: the OpenDSR controllers that may send requests to `loupe serve` (admins only).
struct ControllersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "controllers",
        abstract: "Register, list and revoke the OpenDSR controllers allowed to send requests (admins only).",
        subcommands: [AddController.self, ListControllers.self, DeactivateController.self])
}

struct AddController: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Register a controller and print its bearer token, once (adding it again replaces the token).",
        discussion: """
            The controller sends `Authorization: Bearer TOKEN` on every OpenDSR route; only the token's SHA-256 is \
            stored. It sees and cancels only the requests it sent.
            """)

    @Argument(help: "The controller's name (letters, digits, '-', '_', '.').") var name: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let token = try context.database.addController(name: name, actor: context.actor, at: context.now)
            print("Controller \(name) registered. Its bearer token (shown this once; give it to them safely):")
            print(token)
        }
    }
}

struct ListControllers: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The registered controllers.")

    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let controllers = try context.database.controllers(actor: context.actor)
            if json { return try JSONOutput.print(controllers) }
            if controllers.isEmpty { print("No controller is registered: loupe controllers add NAME") }
            for controller in controllers {
                print(
                    [
                        TextRules.printable(controller.name), controller.isActive ? "active" : "revoked",
                        "added by \(controller.addedBy) \(CivilTime.iso8601(controller.addedAt))",
                    ]
                    .joined(separator: "\t"))
            }
        }
    }
}

struct DeactivateController: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deactivate", abstract: "Revoke a controller's token (its requests stay).")

    @Argument(help: "The controller's name.") var name: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            try context.database.deactivateController(name: name, actor: context.actor, at: context.now)
            print("Controller \(name) revoked.")
        }
    }
}
