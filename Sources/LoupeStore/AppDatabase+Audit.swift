import Foundation
import GRDB
import LoupeDomain

/// The result of walking the audit chain.
public struct AuditVerification: Equatable, Sendable {
    /// How many entries were checked.
    public var checked: Int
    /// The first entry that breaks the chain and what is wrong with it, or nil when the chain holds.
    public var firstBreak: (sequence: Int64, problem: String)?

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.checked == rhs.checked && lhs.firstBreak?.sequence == rhs.firstBreak?.sequence
            && lhs.firstBreak?.problem == rhs.firstBreak?.problem
    }
}

extension AppDatabase {
    /// Walks the whole audit chain in order (streaming, flat memory) and names the first entry whose sequence,
    /// link or hash is wrong.
    public func verifyAudit() throws -> AuditVerification {
        try read { db in
            var expectedSequence: Int64 = 1
            var previousHash = AuditLog.genesisHash
            var checked = 0
            let cursor = try AuditEntry.fetchCursor(db, sql: "SELECT * FROM auditEntry ORDER BY sequence")
            while let entry = try cursor.next() {
                checked += 1
                if entry.sequence != expectedSequence {
                    return AuditVerification(checked: checked, firstBreak: (entry.sequence,
                        "expected entry \(expectedSequence) here: entries are missing"))
                }
                if entry.previousHash != previousHash {
                    return AuditVerification(checked: checked, firstBreak: (entry.sequence,
                        "its previous-hash does not match entry \(entry.sequence - 1): an entry before it was changed or removed"))
                }
                if AuditLog.hash(of: entry) != entry.hash {
                    return AuditVerification(checked: checked, firstBreak: (entry.sequence,
                        "its content does not match its hash: the entry was edited"))
                }
                previousHash = entry.hash
                expectedSequence += 1
            }
            return AuditVerification(checked: checked, firstBreak: nil)
        }
    }

    /// Audit entries, newest first: all of them or those about `target`, at most `limit`.
    public func auditEntries(target: String? = nil, limit: Int = 100, actor: StaffMember) throws -> [AuditEntry] {
        try auditEntries(target: target, limit: limit, reader: actor)
    }

    /// `auditEntries` without the gate: for the store's own use and its tests.
    func auditEntries(target: String? = nil, limit: Int = 100) throws -> [AuditEntry] {
        try auditEntries(target: target, limit: limit, reader: nil)
    }

    func auditEntries(target: String? = nil, limit: Int = 100, reader: StaffMember?) throws -> [AuditEntry] {
        try read(as: reader, .readAudit) { db in
            if let target {
                return try AuditEntry.fetchAll(
                    db, sql: "SELECT * FROM auditEntry WHERE target = ? ORDER BY sequence DESC LIMIT ?",
                    arguments: [target, limit])
            }
            return try AuditEntry.fetchAll(db, sql: "SELECT * FROM auditEntry ORDER BY sequence DESC LIMIT ?",
                                           arguments: [limit])
        }
    }

    /// A number that grows with every committed change: every use case appends an audit entry, so its highest
    /// sequence tells the console whether anyone changed anything (one index lookup, no table scan).
    public func changeStamp() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM auditEntry") ?? 0 }
    }

    /// Records that `actor` revealed a request's personal data on screen: who, which customer, when.
    public func recordReveal(publicId: String, actor: StaffMember, at time: Date) throws {
        try write { db in
            try Self.authorize(db, actor, .revealPersonalData)
            // `publicId` is a request's (PR-...) or, on the customer screen, the customer's own (C-...).
            let customer = publicId.hasPrefix("C-") ? publicId : try String.fetchOne(db, sql: """
                SELECT c.publicId FROM privacyRequest r LEFT JOIN customer c ON c.id = r.customerId WHERE r.publicId = ?
                """, arguments: [publicId])
            try AuditLog.append(db, at: time, actor: actor.userName, event: .customerRevealed,
                                target: customer ?? publicId, details: ["request": publicId])
        }
    }
}
