import Foundation
import GRDB
import LoupeDomain

/// What the witness lines say about this chain.
public struct AnchorCheck: Equatable, Sendable {
    /// Anchors of this database that were checked.
    public var checked = 0
    /// Each anchor the chain no longer matches, said in words: a deleted tail, a missing or rewritten entry.
    public var problems: [String] = []
    /// The append-only triggers that are missing from the schema (dropped by someone with the file).
    public var missingTriggers: [String] = []
    /// How many entries come after the newest anchor that matched (none anchored yet: all of them).
    public var unanchored: Int64 = 0
    /// When the first of those was written (nil when every entry is anchored).
    public var unanchoredSince: Date?

    /// Nothing checked yet.
    public init() {}
}

extension AppDatabase {
    /// The audit triggers that make the log append-only inside SQLite.
    static let auditTriggers = ["auditEntry_noUpdate", "auditEntry_noDelete"]

    /// The chain's head now (sequence 0 and the genesis hash for an empty chain), to anchor outside the database.
    public func auditHead(database path: String, at time: Date) throws -> AuditAnchor {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM auditEntry ORDER BY sequence DESC LIMIT 1")
            return AuditAnchor(database: path, databaseId: try Self.setting(db, .databaseId),
                               sequence: row?["sequence"] ?? 0, hash: row?["hash"] ?? AuditLog.genesisHash,
                               anchoredAt: time)
        }
    }

    /// Checks the chain against anchors taken earlier (those of other databases, by the id stored in this one,
    /// are ignored), and counts the entries written since the newest anchor that matched: an anchored entry
    /// must still exist with the anchored hash, so a deleted tail, a removed entry or a chain rewritten with
    /// recomputed hashes is found and named. Also names the append-only triggers that were dropped.
    public func checkAnchors(_ anchors: [AuditAnchor], database path: String) throws -> AnchorCheck {
        try read { db in
            var check = AnchorCheck()
            let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
            check.missingTriggers = Self.auditTriggers.filter { !present.contains($0) }
            let last = try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM auditEntry") ?? 0
            let policy = try Self.deadlinePolicy(db)
            let id = try Self.setting(db, .databaseId)
            var newest: Int64 = 0
            for anchor in anchors where anchor.belongs(toId: id, path: path) {
                check.checked += 1
                let when = policy.minuteString(anchor.anchoredAt)
                guard anchor.sequence > 0 else { continue }
                guard let hash = try String.fetchOne(db, sql: "SELECT hash FROM auditEntry WHERE sequence = ?",
                                                     arguments: [anchor.sequence]) else {
                    check.problems.append(anchor.sequence > last
                        ? "entry \(anchor.sequence) was anchored on \(when), but the chain ends at \(last): entries were deleted from its end"
                        : "entry \(anchor.sequence), anchored on \(when), is missing")
                    continue
                }
                if hash != anchor.hash {
                    check.problems.append("entry \(anchor.sequence) no longer has the hash anchored on \(when): the chain was rewritten at or before it")
                } else {
                    newest = max(newest, anchor.sequence)
                }
            }
            check.unanchored = max(last - newest, 0)
            check.unanchoredSince = try Date.fetchOne(
                db, sql: "SELECT occurredAt FROM auditEntry WHERE sequence > ? ORDER BY sequence LIMIT 1",
                arguments: [newest])
            return check
        }
    }
}
