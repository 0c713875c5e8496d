import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

@Suite struct SchemaTests {
    @Test func everyTableOfTheDesignExists() throws {
        let database = try AppDatabase.inMemory()
        let tables = try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'customerSearch_%' AND name NOT LIKE 'grdb_%'")
        }
        #expect(Set(tables) == [
            "loupeSetting", "staff", "customer", "address", "customerOrder", "orderItem", "deviceEvent",
            "consentEvent", "feedback", "privacyRequest", "requestNote", "inboundMail", "verificationCode", "processorTask", "policyVersion",
            "callbackTarget", "callbackDelivery", "exportLink", "jobLease", "jobRun",
            "retentionRule", "auditEntry", "customerSearch", "retainedItem", "requestExport", "messageTemplate",
            "outboxMessage", "suppression", "pendingFileRemoval",
                "disclosure", "authorityRequest", "breach", "processor", "openDSRController", "customerDigest",
                "customerDigestStale",
        ])
    }

    @Test func fileDatabaseUsesWALSecureDeleteForeignKeysAndTheSharedHostModes() throws {
        let directory = temporaryDirectory().appendingPathComponent("nested")
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let path = directory.appendingPathComponent("loupe.sqlite").path
        let previous = umask(0o027)  // a umask that would take the group's write away: the modes are set exactly
        defer { umask(previous) }
        let database = try AppDatabase.open(path: path)
        let (journal, secure, foreign) = try database.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA secure_delete"),
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journal == "wal")
        #expect(secure == 1)
        #expect(foreign == 1)
        try database.writer.write { db in try db.execute(sql: "CREATE TABLE t(x); DROP TABLE t") }
        func mode(_ file: String) throws -> Int? { try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int }
        // The shared-host model (README): the database and its WAL, SHM and lock are the group's to read and
        // write and never others'; a directory Loupe creates itself is the user's only.
        for file in [path, path + "-wal", path + "-shm", path + ".lock"] {
            #expect(try mode(file) == 0o660, "\(file)")
        }
        #expect(try mode(directory.path) == 0o700)
    }

    /// A batched intake opens a savepoint per item; SQLite keeps the pages each one changes in a sub-journal, a
    /// temporary file in /var/tmp beyond 64 kB: copies of personal data outside the data directory, never scrubbed.
    @Test func savepointJournalsStayInMemoryNeverInATemporaryFile() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase.open(path: directory.appendingPathComponent("loupe.sqlite").path)
        func temporaryFilesOpen() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").compactMap { fd in
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)"))
                    .flatMap { $0.contains("etilqs_") ? $0 : nil }
            }
        }
        let seen = try database.writer.write { db in
            try db.execute(sql: "CREATE TABLE filler(x TEXT)")
            for round in 0..<20 {
                try db.inSavepoint {
                    try db.execute(sql: """
                        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
                        INSERT INTO filler SELECT hex(randomblob(200)) FROM n
                        """)
                    try db.execute(sql: "UPDATE filler SET x = ? || x", arguments: [String(round)])
                    return .commit
                }
            }
            return try temporaryFilesOpen()
        }
        #expect(seen.isEmpty, "temporary files open during the batch: \(seen)")
        #expect(try database.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA temp_store") } == 2)
    }

    @Test func openingAMissingFileWithoutCreateNamesTheDemoCommand() throws {
        let path = temporaryDirectory().appendingPathComponent("absent.sqlite").path
        #expect(throws: LoupeError.self) { try AppDatabase.open(path: path, create: false) }
        do {
            _ = try AppDatabase.open(path: path, create: false)
        } catch let error as LoupeError {
            #expect(error.code == .storage, "exit 3: the database's code, as the README says")
            #expect(error.message.contains("loupe demo"))
        }
        #expect(!FileManager.default.fileExists(atPath: path), "nothing is created")
    }

    @Test func aFileThatIsNotADatabaseIsRefusedClearly() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("notes.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect {
            try AppDatabase.open(path: path, create: false)
        } throws: { error in
            (error as? LoupeError)?.code == .storage
        }
    }

    @Test func searchIndexIgnoresAccents() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO customer (publicId, fullName, email, phone, createdAt)
                VALUES ('C-000001', 'Jürgen Müller', 'j.mueller@example.com', '+49 151 2000', '2026-01-01 00:00:00.000')
                """)
        }
        let found = try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT c.publicId FROM customerSearch s JOIN customer c ON c.id = s.rowid WHERE customerSearch MATCH 'muller'")
        }
        #expect(found == ["C-000001"])
    }
}
