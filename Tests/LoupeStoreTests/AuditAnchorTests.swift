import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

/// Someone with the file can drop the triggers, cut the chain's tail and rewrite entries with recomputed hashes:
/// the chain then verifies on its own, and only the anchors taken outside the database tell.
@Suite struct AuditAnchorTests {
    /// One witness shared by two databases (even at the same path, one replacing the other): each considers only
    /// its own lines, by the id stored in it; and the entries after the newest anchor are counted, with their time.
    @Test func aSharedWitnessIsReadByDatabaseIdAndTheUnanchoredTailIsCounted() throws {
        let path = "/srv/loupe/loupe.sqlite"
        let first = try AppDatabase.inMemory()
        try first.initialize(admin: "root", displayName: "root", at: storeNow)
        let second = try AppDatabase.inMemory()
        try second.initialize(admin: "root", displayName: "root", at: storeNow)
        let root = try #require(try first.staffMember(userName: "root"))
        for name in ["ava", "ben"] {
            _ = try second.addStaff(userName: name, role: .agent, displayName: nil, actor: root, at: storeNow)
        }
        let witness = [
            try first.auditHead(database: path, at: storeNow), try second.auditHead(database: path, at: storeNow),
        ]
            .map(\.line).compactMap(AuditAnchor.parse)
        #expect(witness.allSatisfy { $0.databaseId != nil } && witness[0].databaseId != witness[1].databaseId)
        let checkFirst = try first.checkAnchors(witness, database: path)
        #expect(checkFirst.checked == 1 && checkFirst.problems.isEmpty, "\(checkFirst.problems)")
        #expect(try second.checkAnchors(witness, database: path).problems.isEmpty)
        // Three entries after the anchor: counted, with the time of the first of them.
        let later = storeNow.addingTimeInterval(3_600)
        for name in ["cy", "dee", "eve"] {
            _ = try first.addStaff(userName: name, role: .agent, displayName: nil, actor: root, at: later)
        }
        let tail = try first.checkAnchors(witness, database: path)
        #expect(tail.unanchored == 3 && tail.unanchoredSince == later)
        // A v1 line (before ids) is still read, by its path.
        let old = AuditAnchor.parse("loupe-anchor v1 2026-11-25T12:00:00Z 2 \(witness[0].hash) /srv/loupe/loupe.sqlite")
        #expect(old?.database == path && old?.databaseId == nil)
    }

    @Test func aCutTailAndARewrittenChainAreNamedByTheirAnchors() throws {
        let database = try AppDatabase.inMemory()
        try database.initialize(admin: "root", displayName: "root", at: storeNow)
        let root = try #require(try database.staffMember(userName: "root"))
        for name in ["ava", "ben", "cy"] {
            _ = try database.addStaff(userName: name, role: .agent, displayName: nil, actor: root, at: storeNow)
        }
        let early = try database.auditHead(database: "/srv/loupe/loupe.sqlite", at: storeNow)
        for name in ["dee", "eve", "fay"] {
            _ = try database.addStaff(userName: name, role: .agent, displayName: nil, actor: root, at: storeNow)
        }
        let late = try database.auditHead(database: "/srv/loupe/loupe.sqlite", at: storeNow)
        let other = AuditAnchor(database: "/elsewhere.sqlite", sequence: 999, hash: String(repeating: "a", count: 64),
                                anchoredAt: storeNow)
        let anchors = [early, late, other].map(\.line).compactMap(AuditAnchor.parse)
        #expect(anchors.count == 3, "witness lines read back")
        let clean = try database.checkAnchors(anchors, database: "/srv/loupe/loupe.sqlite")
        #expect(clean.checked == 2 && clean.problems.isEmpty && clean.missingTriggers.isEmpty)

        // The tampering: triggers dropped, the tail cut, entry 2 rewritten and every hash after it recomputed.
        try database.writer.write { db in
            try db.execute(sql: "DROP TRIGGER auditEntry_noDelete; DROP TRIGGER auditEntry_noUpdate")
            try db.execute(sql: "DELETE FROM auditEntry WHERE sequence > ?", arguments: [early.sequence + 1])
            var previous = AuditLog.genesisHash
            for var entry in try AuditEntry.fetchAll(db, sql: "SELECT * FROM auditEntry ORDER BY sequence") {
                if entry.sequence == 2 { entry.details = "{\"role\":\"rewritten\"}" }
                entry.previousHash = previous
                entry.hash = AuditLog.hash(of: entry)
                previous = entry.hash
                try db.execute(sql: "UPDATE auditEntry SET details = ?, previousHash = ?, hash = ? WHERE sequence = ?",
                               arguments: [entry.details, entry.previousHash, entry.hash, entry.sequence])
            }
        }
        #expect(try database.verifyAudit().firstBreak == nil, "the chain alone verifies: that is the attack")
        let check = try database.checkAnchors(anchors, database: "/srv/loupe/loupe.sqlite")
        #expect(check.missingTriggers == ["auditEntry_noUpdate", "auditEntry_noDelete"])
        #expect(check.problems.count == 2)
        #expect(check.problems.contains { $0.hasPrefix("entry \(early.sequence) no longer has the hash") })
        #expect(check.problems.contains { $0.contains("entry \(late.sequence) was anchored") && $0.contains("deleted from its end") })
    }

    @Test func witnessLinesThatAreNotAnchorsAreSkipped() {
        #expect(AuditAnchor.parse("hello") == nil)
        #expect(AuditAnchor.parse("loupe-anchor v1 2026-11-25T10:00:00Z 12 nothex /x") == nil)
        let anchor = AuditAnchor(database: "/srv/a b/loupe.sqlite", sequence: 7, hash: String(repeating: "0", count: 64),
                                 anchoredAt: storeNow)
        #expect(AuditAnchor.parse(anchor.line) == anchor, "a path with spaces survives")
    }
}
