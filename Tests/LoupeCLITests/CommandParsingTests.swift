import ArgumentParser
import Foundation
@testable import LoupeCLI
import Testing

@Suite struct CommandParsingTests {
    @Test func noSubcommandOpensTheConsole() throws {
        let command = try LoupeCommand.parseAsRoot(["--db", "/tmp/x.sqlite", "--theme", "monochrome"])
        let console = try #require(command as? ConsoleCommand)
        #expect(console.database.resolvedPath == "/tmp/x.sqlite")
        #expect(console.console.theme == "monochrome")
    }

    @Test func demoTakesItsOptionsAndTheSharedOnesInAnyOrder() throws {
        let command = try LoupeCommand.parseAsRoot(["demo", "--customers", "500", "--build-only", "--db", "d.sqlite", "--as", "ava"])
        let demo = try #require(command as? DemoCommand)
        #expect(demo.customers == 500)
        #expect(demo.buildOnly)
        #expect(demo.database.path == "d.sqlite")
        #expect(demo.database.actingAs == "ava")
        #expect(demo.seed == 20_261_125)
    }

    @Test(arguments: [
        (["demo", "--customers", "0"], "--customers must be between 1 and 5000000"),
        (["demo", "--customers", "many"], "many"),
        (["--db", ""], "--db needs a file path"),
        (["demo", "--as", ""], "--as needs a staff user name"),
        (["frobnicate"], "frobnicate"),
    ])
    func badArgumentsSayWhatIsWrong(arguments: [String], fragment: String) {
        do {
            _ = try LoupeCommand.parseAsRoot(arguments)
            Issue.record("\(arguments) should not parse")
        } catch {
            let message = LoupeCommand.message(for: error)
            #expect(message.contains(fragment), "\(message)")
            #expect(LoupeCommand.exitCode(for: error) != .success)
        }
    }

    @Test func theDefaultDatabaseFollowsXDG() {
        #expect(DatabaseOptions.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/ava"])
                == "/data/loupe/loupe.sqlite")
        #expect(DatabaseOptions.defaultPath(environment: ["HOME": "/home/ava"]) == "/home/ava/.local/share/loupe/loupe.sqlite")
        #expect(DatabaseOptions.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/ava"])
                == "/home/ava/.local/share/loupe/loupe.sqlite", "XDG paths must be absolute")
    }

    @Test func helpDocumentsEverySubcommand() {
        let help = LoupeCommand.helpMessage()
        for name in ["console", "demo", "keys"] { #expect(help.contains(name)) }
        #expect(LoupeCommand.helpMessage(for: DemoCommand.self).contains("--customers"))
    }

    @Test func theKeyTableListsEveryScreen() {
        let text = KeyTable.text()
        for heading in ["Queue", "Request", "Help"] { #expect(text.contains(heading + "\n")) }
        #expect(text.contains("Ctrl-D"))
        #expect(text.contains("Open the selected request"))
    }
}
