import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

/// `loupe audit anchor`: writes the chain's head to the system log and appends it to a witness file outside the
/// data directory, so that a later rewrite of the chain is found by `audit verify --witness`.
struct AnchorAudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anchor",
        abstract: "Write the audit chain's head to syslog (tag loupe) and append it to a witness file.",
        discussion: """
            Run it daily (loupe serve will), as root or the account that owns the witness. The witness should be \
            root-owned and append-only (chattr +a) outside the data directory, so that nobody who can write the \
            database can also rewrite the anchors.
            """)

    /// Where anchors go unless `--witness` names another file.
    static let defaultWitness = InstallConfig.current?.witness ?? "/var/log/loupe/witness"

    @Option(help: ArgumentHelp("The witness file (appended to, made if missing).", valueName: "file"))
    var witness: String = AnchorAudit.defaultWitness
    @Flag(name: .customLong("no-syslog"), help: "Do not write to the system log (tests, containers without one).")
    var noSyslog = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        // No staff check: the head of the chain holds no personal data, and the witness is protected by its own
        // owner (root, from cron, is not staff).
        try CLIFailure.reporting {
            let path = database.resolvedPath
            let opened = try AppDatabase.open(path: path, create: false, logger: LoupeLogging.logger())
            let anchor = try opened.auditHead(database: AnchorAudit.identity(path), at: Date())
            try AnchorAudit.append(anchor.line, to: witness)
            if !noSyslog { AnchorAudit.log(anchor.line) }
            print("Anchored entry \(anchor.sequence) of \(anchor.database) in \(witness)\(noSyslog ? "" : " and the system log").")
        }
    }

    /// The database's absolute path, as anchors name it.
    static func identity(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Appends one line (with O_APPEND: whole lines, never interleaved with another writer's).
    static func append(_ line: String, to path: String) throws {
        try Privilege.asUser { try appendAsUser(line, to: path) }
    }

    private static func appendAsUser(_ line: String, to path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o755])
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard fd >= 0 else {
            throw LoupeError(.storage, "Could not open the witness \(path) (\(String(cString: strerror(errno)))): run as its owner, or name another with --witness.")
        }
        defer { close(fd) }
        let bytes = Array((line + "\n").utf8)
        guard write(fd, bytes, bytes.count) == bytes.count, fsync(fd) == 0 else {
            throw LoupeError(.storage, "Could not write the witness \(path) (\(String(cString: strerror(errno)))).")
        }
    }

    /// One line to the system log, tag `loupe`, facility auth.
    static func log(_ line: String) {
        openlog("loupe", LOG_PID, LOG_AUTH)
        withVaList([line]) { vsyslog(LOG_NOTICE, "%s", $0) }
        closelog()
    }

    /// The anchors in the witness files (lines that are not anchors are skipped); an unreadable file is an error.
    static func anchors(in files: [String]) throws -> [AuditAnchor] {
        try files.flatMap { file -> [AuditAnchor] in
            guard let text = try? Privilege.asUser({ try String(contentsOfFile: file, encoding: .utf8) }) else {
                throw LoupeError(.invalidInput, "Could not read the witness \(file): check the path and that you may read it.")
            }
            return text.split(separator: "\n").compactMap { AuditAnchor.parse(String($0)) }
        }
    }
}
