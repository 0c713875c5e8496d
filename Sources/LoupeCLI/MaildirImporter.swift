import Foundation
import LoupeDomain
import LoupeMail
import LoupeStore

/// Files each new message of a Maildir (`loupe mail import`, and `serve`'s mail-import job): parsed by
/// `MailParser`, recorded by the store's `receive` (one transaction each, each message once), then marked seen the
/// Maildir way (moved to `cur/` with the `S` flag). Mail is never deleted; a message that cannot be read is named
/// and left in `new/`, and the rest import.
struct MaildirImporter {
    let database: AppDatabase
    let maildir: URL
    let actor: StaffMember
    let clock: () -> Date

    /// One message's outcome, as `--json` prints it.
    struct Outcome: Encodable {
        let file: String
        let filed: String?
        let request: String?
        let error: String?
    }

    /// Reads every message in `new/`; `dryRun` says what each would be filed as, and writes and moves nothing.
    func run(dryRun: Bool = false) throws -> [Outcome] {
        let names = try Privilege.asUser {
            try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path)
        }
        .filter { !$0.hasPrefix(".") }.sorted()
        var outcomes: [Outcome] = []
        for name in names {
            let path = maildir.appendingPathComponent("new").appendingPathComponent(name).path
            do {
                guard let data = try Privilege.asUser({ FileManager.default.contents(atPath: path) }) else {
                    continue  // another import moved it since the listing
                }
                let mail = try MailParser.parse(data)
                if dryRun {
                    let kind = RequestKindSuggestion.suggest(mail.subject + "\n" + mail.body)
                    outcomes.append(
                        Outcome(
                            file: name, filed: "\(mail.nature.rawValue) (would suggest \(kind?.rawValue ?? "access"))",
                            request: mail.requestIdInSubject, error: nil))
                    continue
                }
                let filing = try database.receive(mail, actor: actor, at: clock())
                try markSeen(name)
                outcomes.append(
                    Outcome(file: name, filed: filing.summary, request: Self.request(of: filing), error: nil))
            } catch {
                let message = (error as? LoupeError)?.message ?? "\(error)"
                outcomes.append(Outcome(file: name, filed: nil, request: nil, error: message + " (left in new/)"))
            }
        }
        return outcomes
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
        case .duplicate, .unfiled: nil
        }
    }
}
