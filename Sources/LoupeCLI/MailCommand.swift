import ArgumentParser
import Foundation
import LoupeDomain
import LoupeMail
import LoupeStore

/// `loupe mail`: the privacy mailbox.
struct MailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "Read the privacy mailbox (a Maildir) into the queue; sort the unsorted mail.",
        subcommands: [ImportMail.self, ListUnsortedMail.self, ShowUnsortedMail.self, FileUnsortedMail.self,
                      DismissUnsortedMail.self])
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

    func run() throws {
        try CommandContext.run(database) { context in
            let outcomes = try MaildirImporter(database: context.database, maildir: URL(fileURLWithPath: maildir),
                                               actor: context.actor, clock: { context.now }).run(dryRun: dryRun)
            if json {
                try JSONOutput.print(outcomes)
            } else {
                for outcome in outcomes {
                    let said = outcome.quarantined
                        ? "not a mail message, moved to \(MaildirImporter.quarantine)/ (\(outcome.reason ?? ""))"
                        : outcome.filed ?? "not read: " + (outcome.error ?? "")
                    print("\(TextRules.printable(outcome.file)): \(said)")
                }
                let failed = outcomes.filter { $0.error != nil }.count
                let quarantined = outcomes.filter(\.quarantined).count
                let unsorted = outcomes.filter(\.unsorted).count
                print(
                    "\(outcomes.count - failed - quarantined) of \(outcomes.count) message\(outcomes.count == 1 ? "" : "s") "
                        + (dryRun ? "read (dry run: nothing filed or moved)." : "filed.")
                        + (unsorted == 0 ? "" : " \(unsorted) in the unsorted tray (loupe mail list).")
                        + (quarantined == 0 ? "" : " \(quarantined) not mail, moved to \(MaildirImporter.quarantine)/."))
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
}
