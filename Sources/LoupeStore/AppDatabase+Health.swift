import Foundation
import GRDB
import LoupeDomain

/// One finding of `loupe doctor`: what was checked, whether it is fine, and what to do if not.
public struct HealthCheck: Equatable, Sendable {
    /// What was checked ("journal mode").
    public var name: String
    /// What was found.
    public var finding: String
    /// How to fix it, or nil when nothing needs fixing.
    public var fix: String?
    /// A finding worth acting on that does not make the check fail (printed WARN).
    public var isWarning: Bool

    /// Makes a finding.
    public init(name: String, finding: String, fix: String? = nil, isWarning: Bool = false) {
        self.name = name
        self.finding = finding
        self.fix = fix
        self.isWarning = isWarning
    }
}

extension AppDatabase {
    /// The health of the database at `path`: journal mode (read first, on a read-only connection, since opening
    /// the database would switch it to WAL), `integrity_check`, the audit chain, the schema version and the staff
    /// table.
    public static func healthChecks(path: String) throws -> [HealthCheck] {
        var configuration = Configuration()
        configuration.readonly = true
        let mode = try DatabaseQueue(path: path, configuration: configuration).read { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?"
        }
        return try open(path: path, create: false).healthChecks(journalMode: mode)
    }

    /// The same checks through this process's own connections, for a long-running process (`serve`'s doctor
    /// job). Opening and closing a second connection to a file the process holds in WAL mode (what
    /// `healthChecks(path:)` does) left `serve` reading pages other processes had since changed (found by the
    /// e2e: a setting changed with the CLI stayed invisible to it), so a running process never does that.
    public func healthChecks() throws -> [HealthCheck] {
        try healthChecks(journalMode: try read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?" })
    }

    private func healthChecks(journalMode mode: String) throws -> [HealthCheck] {
        var checks: [HealthCheck] = []
        let (integrity, applied) = try read { db in
            (try String.fetchAll(db, sql: "PRAGMA integrity_check(5)"), try Self.migrator.appliedIdentifiers(db))
        }
        let staff = try staffList()
        checks.append(HealthCheck(name: "journal mode", finding: mode,
                                  fix: mode == "wal" ? nil : "run `sqlite3 FILE 'PRAGMA journal_mode=WAL'` while no one has it open"))
        checks.append(HealthCheck(name: "integrity", finding: integrity.joined(separator: "; "),
                                  fix: integrity == ["ok"] ? nil : "restore the latest backup: the file is damaged"))
        let audit = try verifyAudit()
        checks.append(HealthCheck(
            name: "audit chain", finding: audit.firstBreak.map { "breaks at entry \($0.sequence): \($0.problem)" }
                ?? "\(audit.checked) entries verified",
            fix: audit.firstBreak == nil ? nil : "treat the file as tampered with: keep it, restore a backup, report it"))
        let known = Self.migrator.migrations
        let unknown = applied.filter { !known.contains($0) }
        let missing = known.filter { !applied.contains($0) }
        checks.append(HealthCheck(
            name: "schema version", finding: "\(applied.count) of \(known.count) migrations applied (latest \(known.last ?? "-"))",
            fix: !unknown.isEmpty ? "a newer Loupe wrote this file (\(unknown.joined(separator: ", "))): upgrade Loupe"
                : missing.isEmpty ? nil : "open it once with `loupe` to apply \(missing.joined(separator: ", "))"))
        let admins = staff.filter { $0.isActive && $0.role == .admin }
        checks.append(HealthCheck(
            name: "staff", finding: "\(staff.filter(\.isActive).count) active, \(admins.count) admin",
            fix: admins.isEmpty ? "no active admin: nobody can manage staff or settings; see README, Install on a shared host" : nil))
        return checks
    }
}
