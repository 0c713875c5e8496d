import Foundation
import GRDB
import Logging
import LoupeDomain

/// What `loupe vault rotate` did.
public struct VaultRotation: Sendable, Equatable {
    /// How many sealed values were opened with the old key and sealed again with the new one.
    public let resealed: Int
    /// Whether this rotation wrote the suppression ledger's key to its own file (the first rotation does).
    public let wroteLedgerKey: Bool
}

extension AppDatabase {
    /// The vault to use for `files`: `vault` when its fingerprint is the one recorded in the database (recorded now
    /// the first time); the next key when a rotation committed and was cut off before it replaced the key file
    /// (the rotation is finished here); otherwise an error, since the key was replaced.
    static func settledVault(_ writer: any DatabaseWriter, _ vault: RetentionVault,
                             files: DatabaseFiles) throws -> RetentionVault {
        let recorded = try writer.read { try setting($0, .vaultKeyFingerprint) }
        let hasNext = FileManager.default.fileExists(atPath: files.vaultKeyNext)
        if recorded == nil {
            try writer.write { try setSetting($0, .vaultKeyFingerprint, vault.fingerprint) }
        }
        if recorded == nil || recorded == vault.fingerprint {
            if hasNext { unlink(files.vaultKeyNext) }  // a rotation that never committed
            return vault
        }
        if hasNext, let next = try? RetentionVault.load(keyPath: files.vaultKeyNext), next.fingerprint == recorded {
            try replaceKeyFile(files)
            return try RetentionVault.load(files)
        }
        throw LoupeError(.storage, "The vault key \(files.vaultKey) is not the key this database's values were sealed with (it was replaced); restore the right one from your backup.")
    }

    /// The vault, checked inside a write transaction against the recorded fingerprint, for sealing: a session
    /// that started before a rotation must not seal with the old key.
    func currentVault(_ db: Database) throws -> RetentionVault {
        guard let recorded = try Self.setting(db, .vaultKeyFingerprint), recorded != vault.fingerprint else {
            return vault
        }
        throw LoupeError(.conflict, "The vault key was rotated since this session opened the database; quit and open Loupe again. Nothing was changed.")
    }

    /// Replaces the vault key with a new one and seals every sealed value again with it, in one transaction.
    /// Admins only. The suppression ledger keeps its key (written to its own file first, since its digests cannot
    /// be recomputed). The new key is written beside the old one before the transaction and renamed into place
    /// after it; a crash in between is finished by the next open. This value keeps the old key: open the database
    /// again to use it.
    public func rotateVaultKey(_ files: DatabaseFiles, actor: StaffMember, at time: Date) throws -> VaultRotation {
        try read { db in try Self.authorize(db, actor, .rotateVaultKey) }
        var wroteLedgerKey = false
        if !FileManager.default.fileExists(atPath: files.ledgerKey) {
            try RetentionVault.writeKeyFile(files.ledgerKey, text: vault.ledgerKeyData.base64EncodedString() + "\n")
            wroteLedgerKey = true
        }
        unlink(files.vaultKeyNext)
        let next = vault.rotated()
        try RetentionVault.writeKeyFile(files.vaultKeyNext, text: next.fileText)
        let resealed: Int
        do {
            resealed = try write { db in
                try Self.authorize(db, actor, .rotateVaultKey)
                let count = try Self.reseal(db, from: try currentVault(db), to: next)
                try Self.setSetting(db, .vaultKeyFingerprint, next.fingerprint)
                try AuditLog.append(db, at: time, actor: actor.userName, event: .vaultKeyRotated, target: "loupe",
                                    details: ["resealed": String(count), "ledgerKeyWritten": String(wroteLedgerKey)])
                return count
            }
        } catch {
            unlink(files.vaultKeyNext)
            throw error
        }
        try Self.replaceKeyFile(files)
        logger.notice("vault key rotated", metadata: ["resealed": .stringConvertible(resealed)])
        return VaultRotation(resealed: resealed, wroteLedgerKey: wroteLedgerKey)
    }

    /// Opens every sealed value of every text column of every table in the data map with `old` and seals it with
    /// `new`: one UPDATE (one scan) per table, so a column added later is covered (a test keeps the map's tables
    /// equal to the schema's).
    private static func reseal(_ db: Database, from old: RetentionVault, to new: RetentionVault) throws -> Int {
        let counter = ResealCounter()
        let function = DatabaseFunction("loupeReseal", argumentCount: 1, pure: false) { values in
            guard let sealed = String.fromDatabaseValue(values[0]) else { return values[0] }
            counter.add()
            return try new.seal(try old.open(sealed))
        }
        db.add(function: function)
        defer { db.remove(function: function) }
        let pattern = "'\(RetentionVault.prefix)%'"
        for table in DataMap.tables {
            // Stored text columns (generated ones are hidden 2 or 3 in table_xinfo, and follow their sources).
            let columns = try String.fetchAll(db.cachedStatement(sql: """
                SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0 AND upper(type) IN ('TEXT', '')
                """), arguments: [table]).map(\.quotedDatabaseIdentifier)
            guard !columns.isEmpty else { continue }
            let assignments = columns.map { "\($0) = CASE WHEN \($0) LIKE \(pattern) THEN loupeReseal(\($0)) ELSE \($0) END" }
            try db.execute(sql: """
                UPDATE \(table.quotedDatabaseIdentifier) SET \(assignments.joined(separator: ", "))
                WHERE \(columns.map { "\($0) LIKE \(pattern)" }.joined(separator: " OR "))
                """)
        }
        return counter.value
    }

    /// Renames the next key over the vault key and makes the rename durable.
    private static func replaceKeyFile(_ files: DatabaseFiles) throws {
        guard rename(files.vaultKeyNext, files.vaultKey) == 0 else {
            throw LoupeError(.storage, "Could not move \(files.vaultKeyNext) to \(files.vaultKey) (\(String(cString: strerror(errno)))); move it by hand, then open Loupe again.")
        }
        let directory = Foundation.open(files.directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 { fsync(directory); close(directory) }
    }
}

/// Counts the values a rotation sealed again (SQLite calls the function on the transaction's thread only).
private final class ResealCounter: @unchecked Sendable {
    private(set) var value = 0
    func add() { value += 1 }
}
