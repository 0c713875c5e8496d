import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

@Suite struct AuditLogTests {
    @Test func entriesAreHashLinked() throws {
        let database = try AppDatabase.inMemory()
        let (first, second) = try database.writer.write { db in
            (try AuditLog.append(db, at: storeNow, actor: "ava", event: .request(.claim), target: "PR-2026-000001"),
             try AuditLog.append(db, at: storeNow, actor: "sam", event: .request(.approve), target: "PR-2026-000001",
                                 details: ["field": "email"]))
        }
        #expect(first.sequence == 1)
        #expect(first.previousHash == AuditLog.genesisHash)
        #expect(second.previousHash == first.hash)
        #expect(second.hash == AuditLog.hash(of: second))
        let stored = try database.writer.read { db in try AuditEntry.fetchAll(db, sql: "SELECT * FROM auditEntry") }
        #expect(stored == [first, second], "what is stored hashes to what was computed")
    }

    @Test func theDatabaseRefusesToEditOrDeleteTheAuditLog() throws {
        let database = try AppDatabase.inMemory()
        _ = try database.writer.write { db in
            try AuditLog.append(db, at: storeNow, actor: "ava", event: .request(.claim), target: "PR-2026-000001")
        }
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in try db.execute(sql: "UPDATE auditEntry SET actor = 'mallory'") }
        }
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in try db.execute(sql: "DELETE FROM auditEntry") }
        }
    }

    @Test func detailsAreCanonical() {
        #expect(CanonicalJSON.object(["b": "2", "a": "1"]) == #"{"a":"1","b":"2"}"#)
    }
}
