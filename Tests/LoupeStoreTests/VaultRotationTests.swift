import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

/// `loupe vault rotate`: every sealed value is sealed again with the new key in one transaction, the list of erased
/// people keeps matching, a replaced key is told apart from the right one, and a rotation cut off at any point is
/// finished or undone by the next open.
@Suite struct VaultRotationTests {
    let root = StaffMember(userName: "root", displayName: "root", role: .admin)
    let ava = StaffMember(userName: "ava", displayName: "Ava", role: .agent)
    let suppression = SuppressionStoreTests()

    /// A database file where Zoë was erased with an invoice kept sealed and a message queued (its address sealed).
    func erasedZoe(in directory: URL) throws -> (path: String, database: AppDatabase) {
        let path = directory.appendingPathComponent("shop.sqlite").path
        let database = try AppDatabase.open(path: path)
        try database.initialize(admin: "root", displayName: "root", at: storeNow)
        _ = try database.addStaff(userName: "ava", role: .agent, displayName: "Ava", actor: root, at: storeNow)
        _ = try database.addStaff(userName: "sam", role: .supervisor, displayName: "Sam", actor: root, at: storeNow)
        _ = try suppression.importCustomers(database, [suppression.zoe])
        _ = try suppression.importOrders(database, [suppression.order])
        try database.writer.write { db in try db.execute(sql: "UPDATE customerOrder SET invoiceNumber = 'INV-1'") }
        _ = try suppression.erase(database, email: suppression.zoe.email!)
        return (path, database)
    }

    func sealedValues(_ database: AppDatabase) throws -> [String] {
        try database.writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT billToName FROM customerOrder WHERE billToName LIKE 'sealed:%'
                UNION ALL SELECT toAddress FROM outboxMessage WHERE toAddress LIKE 'sealed:%'
                """)
        }
    }

    @Test func aRotationSealsEveryValueAgainAndTheLedgerStillMatches() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, database) = try erasedZoe(in: directory)
        let files = DatabaseFiles(path)
        let before = try sealedValues(database)
        let opened = try before.map { try database.vault.open($0) }
        #expect(before.count >= 2)
        let oldKey = try Data(contentsOf: URL(fileURLWithPath: files.vaultKey))

        let rotation = try database.rotateVaultKey(files, actor: root, at: storeNow)
        #expect(rotation.resealed >= before.count && rotation.wroteLedgerKey)
        #expect(!FileManager.default.fileExists(atPath: files.vaultKeyNext))
        #expect(try Data(contentsOf: URL(fileURLWithPath: files.vaultKey)) != oldKey)

        let reopened = try AppDatabase.open(path: path, create: false)
        let after = try sealedValues(reopened)
        #expect(Set(after).isDisjoint(with: before))
        #expect(try after.map { try reopened.vault.open($0) } == opened)
        // The erased person is still refused by an import: the ledger kept its key.
        #expect(try suppression.importCustomers(reopened, [suppression.zoe]).suppressed.count == 1)
        let audit = try reopened.writer.read { db in
            try String.fetchOne(db, sql: "SELECT details FROM auditEntry WHERE action = 'vault.rotate'")
        }
        #expect(audit?.contains("\"resealed\":\"\(rotation.resealed)\"") == true)
        // A second rotation keeps the ledger key file it has.
        #expect(try reopened.rotateVaultKey(files, actor: root, at: storeNow).wroteLedgerKey == false)
    }

    @Test func anAgentCannotRotateAndNothingChanges() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, database) = try erasedZoe(in: directory)
        let files = DatabaseFiles(path)
        let oldKey = try Data(contentsOf: URL(fileURLWithPath: files.vaultKey))
        #expect(throws: LoupeError.self) { try database.rotateVaultKey(files, actor: ava, at: storeNow) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: files.vaultKey)) == oldKey)
        #expect(!FileManager.default.fileExists(atPath: files.vaultKeyNext))
        #expect(!FileManager.default.fileExists(atPath: files.ledgerKey))
    }

    @Test func anotherValidKeyInTheFileIsRefusedAsReplaced() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, _) = try erasedZoe(in: directory)
        let other = RetentionVault.ephemeral().fileText
        try Data(other.utf8).write(to: URL(fileURLWithPath: DatabaseFiles(path).vaultKey))
        do {
            _ = try AppDatabase.open(path: path, create: false)
            Issue.record("a replaced key was accepted")
        } catch let error as LoupeError {
            #expect(error.code == .storage && error.message.contains("it was replaced"))
        }
    }

    @Test func aRotationCutOffAfterItsCommitIsFinishedByTheNextOpen() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, database) = try erasedZoe(in: directory)
        let files = DatabaseFiles(path)
        let oldKey = try Data(contentsOf: URL(fileURLWithPath: files.vaultKey))
        let opened = try sealedValues(database).map { try database.vault.open($0) }
        _ = try database.rotateVaultKey(files, actor: root, at: storeNow)
        // As if killed between the commit and the rename: the new key still beside the old one.
        try FileManager.default.moveItem(atPath: files.vaultKey, toPath: files.vaultKeyNext)
        try oldKey.write(to: URL(fileURLWithPath: files.vaultKey))
        let reopened = try AppDatabase.open(path: path, create: false)
        #expect(!FileManager.default.fileExists(atPath: files.vaultKeyNext))
        #expect(try sealedValues(reopened).map { try reopened.vault.open($0) } == opened)
    }

    @Test func aRotationCutOffBeforeItsCommitLeavesTheOldKey() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, database) = try erasedZoe(in: directory)
        let files = DatabaseFiles(path)
        let opened = try sealedValues(database).map { try database.vault.open($0) }
        try Data(RetentionVault.ephemeral().fileText.utf8).write(to: URL(fileURLWithPath: files.vaultKeyNext))
        let reopened = try AppDatabase.open(path: path, create: false)
        #expect(!FileManager.default.fileExists(atPath: files.vaultKeyNext), "the unused next key is removed")
        #expect(try sealedValues(reopened).map { try reopened.vault.open($0) } == opened)
    }

    @Test func aSessionOpenedBeforeTheRotationMayNotSealWithTheOldKey() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, database) = try erasedZoe(in: directory)
        let earlier = try AppDatabase.open(path: path, create: false)
        _ = try database.rotateVaultKey(DatabaseFiles(path), actor: root, at: storeNow)
        do {
            // Recording a request queues its "received" message, whose address is sealed.
            _ = try earlier.createRequest(NewRequest(kind: .access, email: "new@example.com"), actor: ava, at: storeNow)
            Issue.record("an old session sealed with the old key")
        } catch let error as LoupeError {
            #expect(error.code == .conflict && error.message.contains("rotated since this session"))
        }
        #expect(try sealedValues(try AppDatabase.open(path: path, create: false)).count == 2)
    }

    @Test func theLogAndItsIndexKeepTheDatabasesMode() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("shop.sqlite").path
        do {
            let database = try AppDatabase.open(path: path)
            try database.initialize(admin: "root", displayName: "root", at: storeNow)
        }
        let files = DatabaseFiles(path)
        for file in [files.wal, files.shm] {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            #expect(attributes[.posixPermissions] as? Int == 0o660, "\(file) keeps the database's mode")
        }
        // That the log is emptied when the last process closes is checked in e2e (a real process exits there).
    }
}
