import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

/// `loupe requests reply ID`: the agent's own answer to the subject's mail. Without `--file` it opens $EDITOR on
/// a draft (the reply template, `Re:` the subject's last message, quoted); the saved text is queued in the outbox
/// threaded to that message (`In-Reply-To`, `References`). `--draft` prints the draft instead, for scripts.
struct ReplyRequest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply",
        abstract: "Reply to the subject: write in $EDITOR (or give --file), queued threaded to their last mail.")

    @Argument(help: "The request id.") var id: String
    @Option(
        help: ArgumentHelp(
            "Take the reply from this file (- for standard input): a `Subject: ...` line, a blank line, the text.",
            valueName: "path"))
    var file: String?
    @Flag(help: "Print the draft (the same shape as --file takes) and queue nothing.")
    var draft = false
    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Print the queued message as JSON.")
    var json = false

    func validate() throws {
        if draft && file != nil { throw ValidationError("--draft prints the draft; --file queues a reply. Give one.") }
    }

    func run() throws {
        try CommandContext.run(database) { context in
            let start = try context.database.replyDraft(publicId: id, actor: context.actor)
            let document = ExternalEditor.document(subject: start.subject, body: start.body)
            if draft { return print(document, terminator: "") }
            let written: String
            if let file {
                written = try Self.read(file)
            } else {
                guard let edited = try ExternalEditor.edit(document) else {
                    throw LoupeError(.invalidInput, "The draft was left unchanged: nothing was queued.")
                }
                written = edited
            }
            let parts = try ExternalEditor.parse(written, source: file == nil ? "The reply" : "The reply file")
            let queued = try context.database.queueReply(
                publicId: id, subject: parts.subject, body: parts.body, actor: context.actor, at: context.now)
            if json { return try JSONOutput.print(MessageJSON(queued)) }
            print(
                "\(id): reply queued as message \(queued.id)"
                    + (queued.inReplyTo == nil ? "" : ", threaded to the subject's last mail")
                    + "; it goes with the next `loupe outbox send`.")
        }
    }

    /// The reply's text from `path`, or standard input for `-`.
    private static func read(_ path: String) throws -> String {
        let data: Data?
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        guard let data else { throw LoupeError(.invalidInput, "Could not read \(path); check the path.") }
        guard data.count <= 100_000, let text = String(data: data, encoding: .utf8) else {
            throw LoupeError(.invalidInput, "\(path) is not UTF-8 text of at most 100 kB; nothing was queued.")
        }
        return text
    }
}
