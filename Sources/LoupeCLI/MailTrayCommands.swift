import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

extension MailDismissal: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `loupe mail list`: the unsorted tray (mail that is not, or not clearly, a request), oldest first.
struct ListUnsortedMail: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The unsorted mail: spam, newsletters and messages that ask for no right clearly, oldest first.",
        discussion: """
            Each line shows the message's number, its age (if it is a request after all, its month runs from \
            receipt), why it is here and its sender (masked) and subject. Make a request of one with `loupe mail \
            file N --kind KIND`, or dismiss it with `loupe mail dismiss N --reason REASON`.
            """)

    @Flag(help: "The dismissed mail the retention rule still keeps, instead.") var dismissed = false
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    struct Entry: Encodable {
        let id: Int64
        let receivedAt: Date
        let ageDays: Int
        let reason: String
        let from: String?
        let subject: String
        let language: String?
        let dismissal: String?
        let decidedBy: String?
    }

    func run() throws {
        try CommandContext.run(database) { context in
            let mail = try context.database.unsortedMail(dismissed: dismissed, actor: context.actor)
            if json {
                return try JSONOutput.print(mail.map {
                    Entry(id: $0.id, receivedAt: $0.receivedAt, ageDays: $0.ageInDays(at: context.now),
                          reason: $0.reason.rawValue, from: $0.fromAddress.map(Masking.email), subject: $0.subject,
                          language: $0.language?.rawValue, dismissal: $0.dismissal?.rawValue, decidedBy: $0.decidedBy)
                })
            }
            guard !mail.isEmpty else {
                return print(dismissed ? "No dismissed mail is kept." : "The unsorted tray is empty.")
            }
            for item in mail {
                let from = item.fromAddress.map(Masking.email) ?? "(no sender)"
                let state = item.dismissal.map { "dismissed: \($0.rawValue)" } ?? item.reason.label
                print("#\(item.id)".padding(toLength: 8, withPad: " ", startingAt: 0)
                      + item.age(at: context.now).padding(toLength: 6, withPad: " ", startingAt: 0)
                      + state.padding(toLength: 18, withPad: " ", startingAt: 0)
                      + TextRules.inert(from).padding(toLength: 28, withPad: " ", startingAt: 0)
                      + TextRules.inert(item.subject))
            }
            let stale = mail.filter {
                $0.dismissal == nil && $0.ageInDays(at: context.now) >= UnsortedMail.staleAfterDays
            }
            if !stale.isEmpty {
                print("\(stale.count) older than \(UnsortedMail.staleAfterDays) days: if one is a request, its month "
                      + "has been running since it arrived.")
            }
        }
    }
}

/// `loupe mail show N`: one message of the tray, its text shown inert.
struct ShowUnsortedMail: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One unsorted message, with its text.")

    @Argument(help: "The message's number (from `loupe mail list`).") var id: Int64
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let mail = try context.database.unsortedMail(id: id, actor: context.actor)
            let state = mail.dismissal.map { "dismissed as \($0.rawValue) by \(mail.decidedBy ?? "?")" }
                ?? mail.reason.label
            print("Mail #\(mail.id), received \(CivilTime.iso8601(mail.receivedAt)) "
                  + "(\(mail.age(at: context.now)) ago), \(state)")
            print("From: " + TextRules.inert(mail.fromAddress.map(Masking.email) ?? "(no sender)"))
            print("Subject: " + TextRules.inert(mail.subject))
            if let language = mail.language { print("Language: \(language.name)") }
            print("")
            print(TextRules.inert(mail.body ?? "", allowNewlines: true))
        }
    }
}

/// `loupe mail file N --kind KIND`: makes a request of a message in the tray.
struct FileUnsortedMail: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "file",
        abstract: "Make a request of an unsorted message: of the kind you pick, received when the message arrived.")

    @Argument(help: "The message's number (from `loupe mail list`).") var id: Int64
    @Option(help: "access, rectification, erasure or consent-withdrawal.") var kind: RequestKind
    @Flag(help: "Print the request as JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let detail = try context.database.fileMail(id: id, kind: kind, actor: context.actor, at: context.now)
            if json { return try JSONOutput.print(RequestJSON(detail, now: context.now)) }
            print("Mail #\(id) is now \(detail.summary.publicId) (\(kind.rawValue)), received "
                  + "\(CivilTime.iso8601(detail.summary.receivedAt)), due \(CivilTime.iso8601(detail.effectiveDue)).")
        }
    }
}

/// `loupe mail dismiss N --reason REASON`: not a request.
struct DismissUnsortedMail: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dismiss",
        abstract: "Dismiss an unsorted message as not a request (audited; deleted by the dismissed-mail rule).")

    @Argument(help: "The message's number (from `loupe mail list`).") var id: Int64
    @Option(help: "spam, newsletter, not-for-us or other.") var reason: MailDismissal
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            try context.database.dismissMail(id: id, reason: reason, actor: context.actor, at: context.now)
            print("Mail #\(id) dismissed: \(reason.label).")
        }
    }
}

/// `loupe requests language ID CODE`: the language the request's messages are written in.
struct RequestLanguage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language", abstract: "Set the language a request is answered in (en, de, es, fr).")

    @Argument(help: "The request id.") var id: String
    @Argument(help: "en, de, es or fr.") var language: Language
    @OptionGroup var options: ActionOptions

    func run() throws {
        try CommandContext.run(options.database) { context in
            let detail = try context.database.setLanguage(
                publicId: id, language: language, actor: context.actor, at: context.now)
            if options.json { return try JSONOutput.print(RequestJSON(detail, now: context.now)) }
            print("\(id) is answered in \(language.name) from now on.")
        }
    }
}
