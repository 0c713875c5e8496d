import Foundation
import LoupeDomain

/// `PREFIX/etc/loupe.conf`, written by `scripts/install`: where the installed binary's database is. It is found
/// from the binary's own path (`/proc/self/exe`), never from the environment, and trusted only when root owns it
/// and nobody else can write it.
struct InstallConfig: Equatable {
    /// The database file of this install.
    var database: String
    /// The witness file of audit anchors.
    var witness: String?
    /// The maildir the outbox writes into (default: `mail/` beside the database): on an install, never an
    /// agent's argument.
    var maildir: String?
    /// The sendmail program the outbox pipes messages to (none: only the maildir).
    var sendmail: String?

    /// The configuration beside the running binary (`BIN/../etc/loupe.conf`), or nil when there is none (a build
    /// in the source tree). A configuration that root does not own, or that others can write, is refused.
    static let current: InstallConfig? = {
        guard let binary = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            return nil
        }
        let path = URL(fileURLWithPath: binary).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("etc/loupe.conf").path
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        guard info.st_uid == 0, info.st_mode & 0o022 == 0 else {
            printErr("loupe: \(path) must belong to root and be writable by root only (chown root \(path); chmod go-w \(path)).")
            exit(3)
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            printErr("loupe: cannot read \(path); it must be readable by everyone (chmod 644 \(path)).")
            exit(3)
        }
        do {
            return try parse(text, source: path)
        } catch {
            printErr("loupe: \(error)")
            exit(3)
        }
    }()

    /// The keys a configuration may name, each an absolute path.
    static let keys = ["database", "witness", "maildir", "sendmail"]

    /// Parses `key = value` lines; `#` starts a comment. `database` is required; every value is an absolute path.
    static func parse(_ text: String, source: String) throws -> InstallConfig {
        var values: [String: String] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard !content.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let parts = content.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, keys.contains(parts[0]), parts[1].hasPrefix("/") else {
                throw LoupeError(
                    .configuration,
                    "\(source), line \(number + 1): expected `KEY = /absolute/path`, KEY one of "
                        + keys.joined(separator: ", ") + ".")
            }
            values[parts[0]] = parts[1]
        }
        guard let database = values["database"] else {
            throw LoupeError(.configuration, "\(source) names no database: add `database = /srv/loupe/loupe.sqlite`.")
        }
        return InstallConfig(database: database, witness: values["witness"], maildir: values["maildir"],
                             sendmail: values["sendmail"])
    }
}
