import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

/// `loupe customers cookies C-…`: a customer's cookies per purpose; switching analytics or marketing on or off.
struct CustomerCookies: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cookies",
        abstract: "Show a customer's cookies per purpose, or switch analytics or marketing cookies on or off.")

    @Argument(help: "The customer, e.g. C-004211.") var customer: String
    @Option(help: "Switch analytics cookies: on or off (off deletes their analytics device events at once).")
    var analytics: String?
    @Option(help: "Switch marketing cookies: on or off.") var marketing: String?
    @Option(help: "Where the choice came from (e.g. \"cookie banner\", \"customer's email\").")
    var source = "staff, at the customer's word"
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    static func onOff(_ text: String, option: String) throws -> Bool {
        switch text {
        case "on": return true
        case "off": return false
        default: throw ValidationError("\(option) takes on or off, not \(text).")
        }
    }

    func run() throws {
        let changes = try [(CookiePurpose.analytics, analytics), (.marketing, marketing)].compactMap { purpose, text in
            try text.map { (purpose, try Self.onOff($0, option: "--\(purpose.rawValue)")) }
        }
        try CommandContext.run(database) { context in
            for (purpose, on) in changes {
                let deleted = try context.database.setCookies(
                    customerPublicId: customer, purpose: purpose, on: on, source: source, actor: context.actor,
                    at: context.now)
                print(
                    "\(purpose.rawValue) cookies \(on ? "on" : "off")"
                        + (deleted > 0 ? "; \(deleted) analytics device events deleted" : ""))
            }
            let state = try context.database.cookieState(customerPublicId: customer, actor: context.actor)
            if json { return try JSONOutput.print(state) }
            let policy = try context.database.deadlinePolicy()
            for entry in state.entries {
                let since = entry.since.map { " since \(policy.dayString($0))" } ?? ""
                let version = entry.policyVersion.map { ", policy \($0)" } ?? ""
                print(
                    "\(entry.purpose.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) "
                        + "\(entry.isOn ? "on " : "off")\(since) (\(TextRules.inert(entry.source))\(version))")
            }
        }
    }
}
