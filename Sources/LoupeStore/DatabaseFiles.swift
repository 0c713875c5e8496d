import Foundation

/// Every file that lives beside a Loupe database, named in one place: the database and SQLite's journal files,
/// the lock, the keys (which live outside the database on purpose) and the folders Loupe keeps in custody.
public struct DatabaseFiles: Sendable, Equatable {
    /// The database file.
    public let database: String

    /// The files of the database at `path`.
    public init(_ path: String) { database = path }

    /// The folder holding the database (the data directory of an install).
    public var directory: String { URL(fileURLWithPath: database).deletingLastPathComponent().path }
    /// SQLite's write-ahead log; kept (emptied, never deleted) between sessions, so its owner and mode stay.
    public var wal: String { database + "-wal" }
    /// SQLite's shared-memory index of the log; kept like the log.
    public var shm: String { database + "-shm" }
    /// The lock held while a process opens and migrates the database.
    public var lock: String { database + ".lock" }
    /// The vault key: seals what erasures must retain, and keyed the suppression ledger until a rotation.
    public var vaultKey: String { database + ".vault-key" }
    /// A new vault key during a rotation, before it replaces the old one.
    public var vaultKeyNext: String { database + ".vault-key.next" }
    /// The suppression ledger's own key, written by the first vault key rotation (before that it is derived).
    public var ledgerKey: String { database + ".ledger-key" }
    /// The P-256 key OpenDSR responses are signed with.
    public var openDSRKey: String { database + ".opendsr-key" }
    /// The protected folder of access exports.
    public var exports: String { directory + "/exports" }
    /// The default maildir of sent messages.
    public var mail: String { directory + "/mail" }

    /// The files that share the database's group and mode on a shared host.
    public var sharedFiles: [String] { [database, wal, shm, lock] }
    /// The key files: readable by the group, never by others, never written after they are made.
    public var keyFiles: [String] { [vaultKey, ledgerKey, openDSRKey] }
}
