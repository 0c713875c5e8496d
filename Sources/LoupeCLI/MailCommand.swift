import ArgumentParser
import Foundation
import LoupeDomain
import LoupeMail
import LoupeStore

/// `loupe mail`: the privacy mailbox.
struct MailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "Read the privacy mailbox (a Maildir) into the queue.",
        subcommands: [ImportMail.self])
}

/// `loupe mail import --maildir DIR`: files each new message (a new request, a reply on one, a bounce, an
/// auto-reply), then marks it seen the Maildir way (moved to `cur/` with the `S` flag). Mail is never deleted;
/// a message that cannot be read is named and left in `new/`, and the rest import.
struct ImportMail: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "File the new messages of a Maildir: new requests, replies, bounces, auto-replies.",
        discussion: """
            Each message is recorded once (by Message-ID, or a digest of its bytes): running two imports at once, \
            or the same one twice, files nothing twice. Attachments are listed, never stored; card numbers are \
            removed and bodies capped at 64 kB before anything is written.
            """)

    @Option(
        help: ArgumentHelp(
            "The Maildir the privacy mailbox is delivered to (it holds new/ and cur/).", valueName: "dir"))
    var maildir: String
    @Flag(
        name: .customLong("dry-run"), help: "Read and say what each message would be filed as; write and move nothing.")
    var dryRun = false
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    /// One message's outcome, as `--json` prints it.
    struct Outcome: Encodable {
        let file: String
        let filed: String?
        let request: String?
        let error: String?
    }

    func run() throws {
        let inbox = URL(fileURLWithPath: maildir)
        let names = try Privilege.asUser {
            try FileManager.default.contentsOfDirectory(atPath: inbox.appendingPathComponent("new").path)
        }
        .filter { !$0.hasPrefix(".") }.sorted()
        var outcomes: [Outcome] = []
        try CommandContext.run(database) { context in
            for name in names {
                let path = inbox.appendingPathComponent("new").appendingPathComponent(name).path
                do {
                    guard let data = try Privilege.asUser({ FileManager.default.contents(atPath: path) }) else {
                        continue  // another import moved it since the listing
                    }
                    let mail = try MailParser.parse(data)
                    if dryRun {
                        let kind = RequestKindSuggestion.suggest(mail.subject + "\n" + mail.body)
                        outcomes.append(
                            Outcome(
                                file: name,
                                filed: "\(mail.nature.rawValue) (would suggest \(kind?.rawValue ?? "access"))",
                                request: mail.requestIdInSubject, error: nil))
                        continue
                    }
                    let filing = try context.database.receive(mail, actor: context.actor, at: context.now)
                    try markSeen(name, in: inbox)
                    outcomes.append(
                        Outcome(file: name, filed: filing.summary, request: Self.request(of: filing), error: nil))
                } catch {
                    let message = (error as? LoupeError)?.message ?? "\(error)"
                    outcomes.append(Outcome(file: name, filed: nil, request: nil, error: message + " (left in new/)"))
                }
            }
            if json {
                try JSONOutput.print(outcomes)
            } else {
                for outcome in outcomes {
                    print(
                        "\(TextRules.printable(outcome.file)): \(outcome.filed ?? "not read: " + (outcome.error ?? ""))"
                    )
                }
                let failed = outcomes.filter { $0.error != nil }.count
                print(
                    "\(outcomes.count - failed) of \(outcomes.count) message\(outcomes.count == 1 ? "" : "s") "
                        + (dryRun ? "read (dry run: nothing filed or moved)." : "filed."))
            }
            let failed = outcomes.filter { $0.error != nil }
            if !failed.isEmpty {
                throw LoupeError(
                    .invalidInput,
                    "\(failed.count) message\(failed.count == 1 ? "" : "s") could not be read "
                        + "and stay in new/: " + failed.map { TextRules.printable($0.file) }.joined(separator: ", ")
                        + ". The others were filed.")
            }
        }
    }

    /// Moves `new/NAME` to `cur/NAME:2,S` (seen), as the user; a message another import moved first is left be.
    private func markSeen(_ name: String, in inbox: URL) throws {
        let from = inbox.appendingPathComponent("new").appendingPathComponent(name).path
        let base = name.split(separator: ":", maxSplits: 1).first.map(String.init) ?? name
        let to = inbox.appendingPathComponent("cur").appendingPathComponent(base + ":2,S").path
        try Privilege.asUser {
            if rename(from, to) != 0 && errno != ENOENT {
                throw LoupeError(
                    .storage,
                    "Could not move \(name) to cur/ (\(String(cString: strerror(errno)))); it was filed and stays in new/."
                )
            }
        }
    }

    static func request(of filing: MailFiling) -> String? {
        switch filing {
        case .newRequest(let id, _), .reply(let id, _, _): id
        case .bounce(let id, _), .autoReply(let id): id
        case .duplicate, .unfiled: nil
        }
    }
}
