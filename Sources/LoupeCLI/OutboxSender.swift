import Foundation
import LoupeDomain
import LoupeStore

/// Sends the outbox: each queued message becomes an RFC 5322 file in a maildir and, when a sendmail program is
/// given, goes to it first.
///
/// The exactly-once rule. A message is marked `sending` (with its route) before anything leaves, and `sent` after.
/// The maildir file, moved from `tmp/` into `new/` with one atomic rename, is the proof a message went: a send
/// interrupted after that rename is marked sent on the next run, never handed on again. One interrupted before it
/// and routed only to the maildir did not go, so it is queued again. One routed to sendmail and interrupted before
/// the rename may have gone: it is marked in doubt and never resent on its own (`loupe outbox retry` or
/// `mark-sent` after a look at the mail log). So no message is sent twice; at worst one waits for a person.
struct OutboxSender {
    let database: AppDatabase
    let maildir: URL
    let sendmail: String?
    let actor: StaffMember
    let clock: () -> Date
    /// Whether the maildir is one the user named (`--maildir`): written with the user's own rights, owner-only.
    /// The default maildir is in the install's custody: the group's, folders 770 and files 640.
    var userNamed = false
    /// How many messages one run sends at most (notices to many customers go in batches, run after run).
    var batchSize = 1_000
    /// Who this sender is, for the lease on a message in flight: host, process and a random part.
    let owner = "\(ProcessInfo.processInfo.hostName):\(getpid()):\(UUID().uuidString.prefix(8))"

    /// Whether the sender named `owner` may still be running: a process of another host is taken to be (its
    /// lease says until when); one of this host is alive while its pid is (a kill -9 ends it at once).
    static func isAlive(_ owner: String) -> Bool {
        let parts = owner.split(separator: ":")
        guard parts.count == 3, String(parts[0]) == ProcessInfo.processInfo.hostName, let pid = pid_t(parts[1]) else {
            return true
        }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// What a send did, for people and scripts.
    struct Report: Encodable {
        var sent: [Int64] = []
        var failed: [Failure] = []
        var recovered: [Int64] = []
        var requeued: [Int64] = []
        var inDoubt: [Int64] = []
        /// Queued messages whose reason had passed (identity verified, request closed): removed, not sent.
        var withdrawn: [Int64] = []
    }

    /// A message that stays queued, and why.
    struct Failure: Encodable {
        let id: Int64
        let request: String
        let error: String
    }

    func run() throws -> Report {
        // A sendmail that exits before reading everything must be an error to report, not a SIGPIPE that kills us.
        signal(SIGPIPE, SIG_IGN)
        // Refused before any folder is made or program started: sending is the service's (and admins').
        try database.authorize(.sendOutbox, actor: actor)
        try prepareMaildir()
        var report = Report()
        report.withdrawn = try database.withdrawStaleMessages(actor: actor, at: clock())
        for (message, route) in try database.takeOverUnfinishedSends(
            owner: owner, actor: actor, at: clock(), isAlive: Self.isAlive) {
            if isDelivered(message) {
                try database.markSent(id: message.id, copyPath: copyPath(message), actor: actor, at: clock())
                report.recovered.append(message.id)
            } else if route == .maildir {
                try database.markFailed(
                    id: message.id, error: "A send was interrupted before delivery; queued again.", actor: actor,
                    at: clock())
                report.requeued.append(message.id)
            } else {
                try database.markInDoubt(id: message.id, actor: actor, at: clock())
                report.inDoubt.append(message.id)
            }
        }
        guard let privacyAddress = try database.privacyAddress() else {
            throw LoupeError(.configuration, "No privacy address is set, so no message can say where it comes from: "
                             + "an admin runs `loupe settings privacy-address ADDRESS`. Nothing was sent.")
        }
        let from = try MailAddress(name: "jewelrydealshop privacy team", address: privacyAddress)
        for message in try database.sendBatch(limit: batchSize, actor: actor) {
            guard let address = message.toAddress else {
                let reason = "No email address on file: answer by letter or phone, then `loupe outbox mark-sent \(message.id)`."
                try database.markFailed(id: message.id, error: reason, actor: actor, at: clock())
                report.failed.append(Failure(id: message.id, request: message.requestId, error: reason))
                continue
            }
            let to: MailAddress
            let claimed: OutboxMessage
            do {
                to = try MailAddress(name: message.toName, address: address)
                let route: SendRoute = sendmail == nil ? .maildir : .sendmail
                guard let taken = try database.beginSending(
                    id: message.id, route: route, owner: owner, actor: actor, at: clock())
                else { continue }
                claimed = taken
            } catch {
                try fail(message, error, into: &report)
                continue
            }
            // An access copy's one-time link is made now, so no token waits in the database.
            var body = claimed.body
            if body.contains(ExportLink.placeholder) {
                do {
                    body = body.replacingOccurrences(
                        of: ExportLink.placeholder,
                        with: try database.issueExportLink(forMessage: message.id, actor: actor, at: clock()))
                } catch {
                    try fail(message, error, into: &report)
                    continue
                }
            }
            let mail = MailMessage(from: from, to: to, subject: claimed.subject, body: body, date: clock(),
                                   messageId: claimed.messageId, inReplyTo: claimed.inReplyTo,
                                   references: claimed.references, isAutomatic: claimed.event != .reply)
            let bytes = mail.rfc5322()
            guard let sendmail else {
                // The maildir is the only route: a copy that fails means nothing went, so it waits in the queue.
                do {
                    try deliver(bytes, name: fileName(message))
                    try database.markSent(id: message.id, copyPath: copyPath(message), actor: actor, at: clock())
                    report.sent.append(message.id)
                } catch {
                    try fail(message, error, into: &report)
                }
                continue
            }
            do { try pipe(bytes, to: sendmail, envelopeFrom: from.address) } catch {
                try fail(message, error, into: &report)
                continue
            }
            // sendmail accepted it: from here on it went, and is never queued again whatever fails next.
            try recordAccepted(message, bytes: bytes, into: &report)
        }
        // An erasure report's copy holds the erased person's address: it was queued for removal when marked sent.
        if try database.hasUnfinishedErasures() { try database.finishErasures() }
        return report
    }

    /// Records a message sendmail accepted: sent, with its maildir copy or saying the copy was not kept. When even
    /// that record is refused, it is left in doubt with what happened, for a person to mark sent.
    private func recordAccepted(_ message: OutboxMessage, bytes: Data, into report: inout Report) throws {
        var copyFailure: String?
        do { try deliver(bytes, name: fileName(message)) } catch {
            copyFailure = (error as? LoupeError)?.message ?? "\(error)"
        }
        do {
            try database.markSent(id: message.id, copyPath: copyFailure == nil ? copyPath(message) : nil,
                                  copyNotKept: copyFailure, actor: actor, at: clock())
            report.sent.append(message.id)
        } catch {
            let why = (error as? LoupeError)?.message ?? "\(error)"
            let reason = "sendmail accepted it, then recording the send was refused (\(why)): it went; "
                + "`loupe outbox mark-sent \(message.id)` records it."
            try database.markInDoubt(id: message.id, reason: reason, actor: actor, at: clock())
            report.inDoubt.append(message.id)
        }
    }

    /// Puts `message` back in the queue with the reason, for a failure before anything left.
    private func fail(_ message: OutboxMessage, _ error: Error, into report: inout Report) throws {
        let text = (error as? LoupeError)?.message ?? "\(error)"
        try database.markFailed(id: message.id, error: text, actor: actor, at: clock())
        report.failed.append(Failure(id: message.id, request: message.requestId, error: text))
    }

    /// Where the maildir copy of `message` was delivered (a mail reader may later move it to `cur/`).
    private func copyPath(_ message: OutboxMessage) -> String {
        maildir.appendingPathComponent("new/\(fileName(message))").path
    }

    /// `<created>.M<id>.loupe`: fixed per message, so a rerun finds what an interrupted run delivered.
    private func fileName(_ message: OutboxMessage) -> String {
        "\(Int(message.createdAt.timeIntervalSince1970)).M\(message.id).loupe"
    }

    private func isDelivered(_ message: OutboxMessage) -> Bool {
        let name = fileName(message)
        let manager = FileManager.default
        if manager.fileExists(atPath: maildir.appendingPathComponent("new/\(name)").path) { return true }
        let read = (try? manager.contentsOfDirectory(atPath: maildir.appendingPathComponent("cur").path)) ?? []
        return read.contains { $0 == name || $0.hasPrefix(name + ":") }
    }

    private func prepareMaildir() throws {
        try userNamed ? Privilege.asUser(prepareFolders) : prepareFolders()
    }

    private func prepareFolders() throws {
        for folder in ["tmp", "new", "cur"] {
            let url = maildir.appendingPathComponent(folder)
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: userNamed ? 0o700 : 0o770])
            } catch {
                throw LoupeError(.storage, "Could not create the maildir folder \(url.path); pick another with --maildir.", cause: error)
            }
        }
    }

    /// Writes into `tmp/`, flushes, then renames into `new/` (the maildir delivery protocol).
    private func deliver(_ bytes: Data, name: String) throws {
        try userNamed ? Privilege.asUser { try deliverFile(bytes, name: name) } : deliverFile(bytes, name: name)
    }

    private func deliverFile(_ bytes: Data, name: String) throws {
        let temporary = maildir.appendingPathComponent("tmp/\(name)")
        let final = maildir.appendingPathComponent("new/\(name)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: bytes,
                                             attributes: [.posixPermissions: userNamed ? 0o600 : 0o640]),
              let handle = FileHandle(forWritingAtPath: temporary.path) else {
            throw LoupeError(.storage, "Could not write \(temporary.path).")
        }
        try handle.synchronize()
        try handle.close()
        guard rename(temporary.path, final.path) == 0 else {
            throw LoupeError(.storage, "Could not move the message into \(final.path): \(String(cString: strerror(errno))).")
        }
    }

    /// Pipes the message to `sendmail -oi -t -f PRIVACY-ADDRESS` (recipients from the To header; the envelope
    /// sender is the privacy mailbox, so a bounce comes back to it and `mail import` files it on this message);
    /// a non-zero exit is a failure.
    private func pipe(_ bytes: Data, to program: String, envelopeFrom: String) throws {
        // sendmail is the user's choice of program: it starts without the install's group (exec then sets its
        // saved group from the effective one, so it cannot take the group back), and with no descriptor of ours
        // but its standard input, output and error.
        let outcome: ChildProcess.Outcome
        do {
            outcome = try ChildProcess.run(program, arguments: ["-oi", "-t", "-f", envelopeFrom], input: bytes)
        } catch {
            throw LoupeError(.configuration, "Could not run the sendmail program \(program); check --sendmail.", cause: error)
        }
        // A program that exits without reading its input closes the pipe (EPIPE): its exit status says why.
        if !outcome.readAll, outcome.status == 0 {
            throw LoupeError(.storage, "\(program) exited without reading the message; check --sendmail.")
        }
        guard outcome.status == 0 else {
            let said = outcome.firstErrorLine
            throw LoupeError(
                .storage,
                "\(program) refused the message (exit \(outcome.status))\(said.isEmpty ? "" : ": " + TextRules.printable(said))"
            )
        }
    }
}
