import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

/// `loupe breaches …`: the register of personal data breaches (GDPR Art. 33 and 34).
struct BreachesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breaches", abstract: "Record personal data breaches and the 72-hour notice to the authority.",
        subcommands: [
            NewBreach.self, ListBreaches.self, NotifyAuthority.self, DecideBreachNotice.self,
            TellBreachAffected.self,
        ])
}

struct NewBreach: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Record a breach; its 72-hour clock toward the authority starts.")

    @Option(help: "What happened, in a sentence or two.") var what: String
    @Option(help: "The categories of data concerned: \(DataCategory.allCases.map(\.key).joined(separator: ","))")
    var categories: String
    @Option(help: "About how many people are affected.") var people: Int
    @Option(help: "When the shop became aware (ISO 8601, e.g. 2026-11-28T09:30:00Z); default now.")
    var discovered: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let categories = try self.categories.split(separator: ",").map { try DataCategory.parse(key: String($0)) }
        let discoveredAt = try discovered.map { text -> Date in
            guard let date = CivilTime.parseISO8601(text) else {
                throw ValidationError("--discovered \(text) is not a time; write it like 2026-11-28T09:30:00Z.")
            }
            return date
        }
        try CommandContext.run(database) { context in
            let breach = try context.database.recordBreach(
                description: what, categories: categories, approximatePeople: people,
                discoveredAt: discoveredAt ?? context.now, actor: context.actor, at: context.now)
            let clock = breach.clock(now: context.now)
            print("\(breach.publicId) recorded. " + (clock.map { $0.phrase + "." } ?? ""))
        }
    }
}

struct ListBreaches: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List breaches and their clocks.")

    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let breaches = try context.database.breaches(actor: context.actor)
            if json { return try JSONOutput.print(breaches) }
            if breaches.isEmpty { print("No breaches recorded.") }
            let policy = try context.database.deadlinePolicy()
            for breach in breaches {
                let authority =
                    breach.clock(now: context.now)?.phrase
                    ?? "authority told \(policy.minuteString(breach.authorityNotifiedAt!))"
                let people =
                    breach.peopleToldAt.map { _ in "\(breach.peopleToldCount ?? 0) people told" }
                    ?? breach.peopleDecision.map { "decided: \($0)" } ?? "people: no decision yet"
                print(
                    "\(breach.publicId)  discovered \(policy.minuteString(breach.discoveredAt))  "
                        + "~\(breach.approximatePeople) "
                        + "people  \(breach.categories.map(\.key).joined(separator: ","))  \(authority)  \(people)")
                print("    \(TextRules.inert(breach.description))")
            }
        }
    }
}

struct NotifyAuthority: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify-authority", abstract: "Record that the authority was told (supervisors); the clock stops.")

    @Argument(help: "The breach, e.g. BR-2026-01.") var id: String
    @Option(help: "The authority's reference for the notification.") var reference: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let breach = try context.database.recordBreachAuthorityNotice(
                publicId: id, reference: reference, actor: context.actor, at: context.now)
            let late = context.now > breach.authorityDeadline
            print("\(breach.publicId): the authority's notice is recorded" + (late ? ", after the 72 hours." : "."))
        }
    }
}

struct DecideBreachNotice: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide", abstract: "Decide whether the people affected are told (supervisors).")

    @Argument(help: "The breach, e.g. BR-2026-01.") var id: String
    @Flag(help: "Tell them (Art. 34: a high risk to them).") var tell = false
    @Flag(
        name: .customLong("do-not-tell"), help: "Do not tell them (say why: no high risk, or the data was unreadable).")
    var doNotTell = false
    @Option(help: "Why.") var reason: String
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard tell != doNotTell else { throw ValidationError("Give --tell or --do-not-tell.") }
    }

    func run() throws {
        try CommandContext.run(database) { context in
            let breach = try context.database.decideBreachNotice(
                publicId: id, tell: tell, reason: reason, actor: context.actor, at: context.now)
            print(
                "\(breach.publicId): "
                    + (tell
                        ? "the people will be told (loupe breaches tell \(breach.publicId))."
                        : "the people are not told; the reason is recorded."))
        }
    }
}

struct TellBreachAffected: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tell", abstract: "Queue one notice per affected customer (supervisors, after `decide --tell`).")

    @Argument(help: "The breach, e.g. BR-2026-01.") var id: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let count = try context.database.tellBreachAffected(publicId: id, actor: context.actor, at: context.now)
            print("\(id): \(count) notices queued; `loupe outbox send` sends them in batches.")
        }
    }
}
