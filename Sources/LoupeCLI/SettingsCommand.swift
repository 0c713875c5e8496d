import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

/// `loupe settings …`: the shop's settings.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Show or change the shop's settings (admins change them).",
        subcommands: [ShowSettings.self, SetTimeZone.self, SetPrivacyAddress.self, SetCallbackHosts.self,
                      SetPublicURL.self, SetExportLinkDays.self, SetJobSchedule.self, SetMailAuthservId.self])
}

struct ShowSettings: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the settings.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            print("time-zone  \(try context.database.deadlinePolicy().timeZone.identifier)")
            print("privacy-address  \(try context.database.privacyAddress() ?? "(not set: outbox send refuses until an admin sets it)")")
            let hosts = try context.database.callbackHosts()
            let hostList = hosts.isEmpty ? "(none: OpenDSR status callbacks go nowhere)" : hosts.joined(separator: " ")
            print("callback-hosts  \(hostList)")
            let publicURL = try context.database.publicURL()
            print("public-url  \(publicURL ?? "(not set: access-ready messages name the export's folder)")")
            let intervals = try context.database.jobIntervals()
            print("job-schedule  " + ScheduledJobKind.allCases.map { "\($0.rawValue)=\(Int(intervals[$0] ?? 0))s" }
                .joined(separator: " "))
            let authserv = try context.database.mailAuthservId()
            print("mail-authserv-id  \(authserv ?? "(not set: no reply is authenticated; a code that comes back by mail waits for its holder)")")
            print("demo       \(try context.database.isDemo() ? "yes" : "no")")
        }
    }
}

struct SetTimeZone: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "time-zone", abstract: "Set the time zone deadlines are counted in (an IANA name, e.g. Europe/Berlin).")

    @Argument(help: "The time zone.") var zone: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            try context.database.setTimeZone(zone, actor: context.actor, at: context.now)
            print("Deadlines are now counted in \(zone).")
        }
    }
}

struct SetPrivacyAddress: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy-address",
        abstract: "Set the address messages to subjects come from (and the domain of their Message-IDs).")

    @Argument(help: "The privacy mailbox's address, e.g. privacy@example.com.") var address: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            try context.database.setPrivacyAddress(address, actor: context.actor, at: context.now)
            print("Messages now come from \(try context.database.privacyAddress() ?? address).")
        }
    }
}

/// `loupe settings callback-hosts HOST...`: where OpenDSR status callbacks may go.
struct SetCallbackHosts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callback-hosts",
        abstract: "Set the hosts OpenDSR status callbacks may go to (names, *.domain, or addresses; none clears it).",
        discussion: """
            A callback URL whose host is not listed is not kept (audited). A listed name that resolves to a \
            private, loopback or link-local address is refused unless that address is listed too.
            """)

    @Argument(help: "The hosts, e.g. callbacks.partner.example *.dsr.example 203.0.113.7.") var hosts: [String] = []
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            try context.database.setCallbackHosts(hosts, actor: context.actor, at: context.now)
            let now = try context.database.callbackHosts()
            print(now.isEmpty ? "No host is allowed: callbacks go nowhere."
                  : "Callbacks may go to: \(now.joined(separator: " ")).")
        }
    }
}

/// `loupe settings public-url URL`: where the public reaches `loupe serve`; access-ready messages then carry a
/// one-time link instead of a folder.
struct SetPublicURL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "public-url",
        abstract: "Set the address the public reaches loupe serve at (access copies then go by one-time link).")

    @Argument(help: "e.g. https://privacy.shop.example") var url: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            try context.database.setPublicURL(url, actor: context.actor, at: context.now)
            print("Access copies now go by one-time link under \(try context.database.publicURL() ?? url)/exports/.")
        }
    }
}

/// `loupe settings job-schedule JOB SECONDS`: how often `serve` runs one of its jobs.
struct SetJobSchedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "job-schedule",
        abstract: "Set how often loupe serve runs a job, in seconds (0 turns it off).",
        discussion: "Jobs: " + ScheduledJobKind.allCases.map { "\($0.rawValue) (default \(Int($0.defaultInterval))s)" }
            .joined(separator: ", ") + ".")

    @Argument(help: "The job.") var job: String
    @Argument(help: "Seconds between runs (at least 60), or 0.") var seconds: Double
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard ScheduledJobKind(rawValue: job) != nil else {
            let jobs = ScheduledJobKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("'\(job)' is not a job: \(jobs).")
        }
    }

    func run() throws {
        try CommandContext.run(database) { context in
            try context.database.setJobInterval(
                ScheduledJobKind(rawValue: job)!, seconds: seconds, actor: context.actor, at: context.now)
            print(seconds == 0 ? "\(job) is off." : "\(job) runs every \(Int(seconds)) seconds.")
        }
    }
}

/// `loupe settings export-link-days N`: how long a one-time link to an access copy works.
struct SetExportLinkDays: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-link-days", abstract: "Set how many days a one-time link to an access copy works (1-30).")

    @Argument(help: "Days (default 7).") var days: Int
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            try context.database.setExportLinkDays(days, actor: context.actor, at: context.now)
            print("One-time links now work for \(days) day\(days == 1 ? "" : "s").")
        }
    }
}

struct SetMailAuthservId: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail-authserv-id",
        abstract: "Trust the Authentication-Results headers (RFC 8601) of this receiving mail host, and no other.",
        discussion: """
            A verification code that comes back in a reply then verifies only when DMARC, or a DKIM signature \
            aligned with the From: domain, passed there; otherwise the reply waits for the request's holder, who \
            types the code. The host must remove such headers of its own name from incoming mail.
            """)

    @Argument(help: "The authserv-id, e.g. mx.jewelrydealshop.com.") var name: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            try context.database.setMailAuthservId(name, actor: context.actor, at: context.now)
            print("Authentication-Results of \(name.lowercased()) are trusted now; every other host's are ignored.")
        }
    }
}
