import Foundation
import LoupeDomain
import LoupeMail
import LoupeStore

/// Files each new message of a Maildir (`loupe mail import`, and `serve`'s mail-import job): parsed by
/// `MailParser`, recorded by the store's `receive` (each message once, in batches of one transaction with a
/// savepoint per message), then marked seen the Maildir way (moved to `cur/` with the `S` flag). Mail is never
/// deleted; a file that is not a mail message is moved to the Maildir++ folder `.Quarantine/` (named once, in the
/// run that moved it), and a message whose recording failed stays in `new/` for the next run. Two stages overlap:
/// while one batch is written, the next is parsed on another thread (the parser is the other half of the work).
struct MaildirImporter {
    let database: AppDatabase
    let maildir: URL
    let actor: StaffMember
    let clock: () -> Date
    /// The most messages one transaction records, and the most raw bytes one batch holds in memory. The first
    /// batches are smaller (32, then doubling), so the second thread starts parsing early.
    var batchSize = 256
    var batchBytes = 16 * 1_024 * 1_024

    /// One message's outcome, as `--json` prints it.
    struct Outcome: Encodable {
        let file: String
        let filed: String?
        let request: String?
        let error: String?
        /// Whether it was not mail and was moved to `.Quarantine/` (not an error: later runs no longer see it).
        var quarantined = false
        /// Why it is not mail, for a quarantined file.
        var reason: String?
        /// Whether it went to the unsorted tray (recorded, no request made).
        var unsorted = false
    }

    /// The Maildir++ folder files that are not mail are moved to.
    static let quarantine = ".Quarantine"

    /// A message read from `new/` and parsed (or why it could not be).
    struct Parsed: Sendable {
        let name: String
        let mail: Result<InboundMail, LoupeError>
    }

    /// Reads every message in `new/`; `dryRun` says what each would be filed as, and writes and moves nothing.
    func run(dryRun: Bool = false) throws -> [Outcome] {
        // Refused before a file is read: the privacy mailbox is the service's (and admins') to import.
        try database.authorize(.importMail, actor: actor)
        // An erasure queues the subject's own mail files; the import runs as the mailbox's owner and removes them.
        if !dryRun, try database.hasUnfinishedErasures() { try database.finishErasures() }
        let names = try Privilege.asUser {
            try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path)
        }
        .filter { !$0.hasPrefix(".") }.sorted()
        var outcomes: [Outcome] = []
        var rest = names[...]
        let newFolder = maildir.appendingPathComponent("new")
        var size = min(32, batchSize)
        var upcoming = ParseJob(files: readBatch(&rest, limit: size), newFolder: newFolder)
        while let job = upcoming {
            let parsed = job.result()
            // The next batch is read here (as the user: the group privilege is the process's, so never from two
            // threads) and parsed on another thread while this one is written.
            size = min(size * 2, batchSize)
            upcoming = ParseJob(files: readBatch(&rest, limit: size), newFolder: newFolder)
            outcomes += dryRun ? parsed.map(Self.dryRunOutcome) : try file(parsed)
        }
        return outcomes
    }

    /// Up to `limit` messages (and `batchBytes`) from the front of `names`, read as the user; a message
    /// another import moved since the listing is skipped.
    private func readBatch(_ names: inout ArraySlice<String>, limit: Int) -> [(name: String, data: Data)] {
        var files: [(name: String, data: Data)] = []
        var bytes = 0
        while let name = names.first, files.count < limit, bytes < batchBytes {
            names.removeFirst()
            let path = maildir.appendingPathComponent("new").appendingPathComponent(name).path
            guard let data = try? Privilege.asUser({ FileManager.default.contents(atPath: path) }) else { continue }
            files.append((name, data))
            bytes += data.count
        }
        return files
    }

    /// Records one parsed batch in one transaction and marks each recorded message seen.
    private func file(_ batch: [Parsed]) throws -> [Outcome] {
        let readable = batch.compactMap { parsed in (try? parsed.mail.get()).map { (parsed.name, $0) } }
        let filings: [Result<MailFiling, any Error>]
        do {
            filings = try database.receive(batch: readable.map(\.1), actor: actor, at: clock())
        } catch {
            filings = readable.map { _ in .failure(error) }
        }
        var byName: [String: Result<MailFiling, any Error>] = [:]
        for (index, (name, _)) in readable.enumerated() { byName[name] = filings[index] }
        return batch.map { parsed in
            do {
                if case .failure(let error) = parsed.mail {
                    // Not mail at all: out of new/ for good (a person can look at it in the quarantine folder).
                    try quarantine(parsed.name)
                    return Outcome(file: parsed.name, filed: nil, request: nil, error: nil, quarantined: true,
                                   reason: error.message)
                }
                let filing = try byName[parsed.name]!.get()
                try markSeen(parsed.name)
                var outcome = Outcome(
                    file: parsed.name, filed: filing.summary, request: Self.request(of: filing), error: nil)
                if case .unsorted = filing { outcome.unsorted = true }
                return outcome
            } catch {
                let message = (error as? LoupeError)?.message ?? "\(error)"
                return Outcome(file: parsed.name, filed: nil, request: nil, error: message + " (left in new/)")
            }
        }
    }

    private static func dryRunOutcome(_ parsed: Parsed) -> Outcome {
        switch parsed.mail {
        case .success(let mail):
            let kind = RequestKindSuggestion.assess(subject: mail.subject, body: mail.body).kind
            let verdict = mail.isSpam ? "spam, to the tray" : mail.isList ? "newsletter, to the tray"
                : kind.map { "would suggest \($0.rawValue)" } ?? "no clear request, to the tray"
            return Outcome(file: parsed.name, filed: "\(mail.nature.rawValue) (\(verdict))",
                           request: mail.requestIdInSubject, error: nil)
        case .failure(let error):
            return Outcome(file: parsed.name, filed: nil, request: nil, error: nil, quarantined: true,
                           reason: error.message + "; a dry run moves nothing")
        }
    }

    /// Moves `new/NAME` to `.Quarantine/new/NAME` (Maildir++: a mail client shows it as a folder), as the user.
    private func quarantine(_ name: String) throws {
        let folder = maildir.appendingPathComponent(Self.quarantine)
        try Privilege.asUser {
            for part in ["", "/cur", "/new", "/tmp"] {
                try FileManager.default.createDirectory(
                    atPath: folder.path + part, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            }
            let from = maildir.appendingPathComponent("new").appendingPathComponent(name).path
            let to = folder.appendingPathComponent("new").appendingPathComponent(name).path
            if rename(from, to) != 0 && errno != ENOENT {
                throw LoupeError(
                    .storage,
                    "Could not move \(name), which is not a mail message, to \(Self.quarantine)/ "
                        + "(\(String(cString: strerror(errno)))); it stays in new/.")
            }
        }
    }

    /// Moves `new/NAME` to `cur/NAME:2,S` (seen), as the user; a message another import moved first is left be.
    private func markSeen(_ name: String) throws {
        let from = maildir.appendingPathComponent("new").appendingPathComponent(name).path
        let base = name.split(separator: ":", maxSplits: 1).first.map(String.init) ?? name
        let to = maildir.appendingPathComponent("cur").appendingPathComponent(base + ":2,S").path
        try Privilege.asUser {
            if rename(from, to) != 0 && errno != ENOENT {
                throw LoupeError(
                    .storage,
                    "Could not move \(name) to cur/ (\(String(cString: strerror(errno)))); "
                        + "it was filed and stays in new/.")
            }
        }
    }

    static func request(of filing: MailFiling) -> String? {
        switch filing {
        case .newRequest(let id, _), .reply(let id, _, _): id
        case .bounce(let id, _), .autoReply(let id): id
        case .duplicate, .unfiled, .unsorted: nil
        }
    }
}

/// Parses one batch of raw messages on a thread of its own; `result()` waits for it.
final class ParseJob: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the parsing thread before `done` is signalled, read after the wait.
    private var parsed: [MaildirImporter.Parsed] = []

    /// Starts parsing `files`; nil when there is nothing to parse.
    init?(files: [(name: String, data: Data)], newFolder: URL) {
        guard !files.isEmpty else { return nil }
        let thread = Thread { [self] in
            parsed = files.map { file in
                do {
                    var mail = try MailParser.parse(file.data)
                    // Recorded as `new/NAME` (flags dropped): an erasure finds it there or, seen, in `cur/`.
                    let base = file.name.split(separator: ":", maxSplits: 1).first.map(String.init) ?? file.name
                    mail.maildirFile = newFolder.appendingPathComponent(base).path
                    return MaildirImporter.Parsed(name: file.name, mail: .success(mail))
                } catch {
                    let failure = error as? LoupeError ?? LoupeError(.invalidInput, "\(error)")
                    return MaildirImporter.Parsed(name: file.name, mail: .failure(failure))
                }
            }
            done.signal()
        }
        thread.stackSize = 8 * 1_024 * 1_024  // MIME nested a hundred deep recurses in the parser
        thread.start()
    }

    /// The parsed batch, once the thread is done.
    func result() -> [MaildirImporter.Parsed] {
        done.wait()
        return parsed
    }
}
