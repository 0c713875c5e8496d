import Foundation
import GRDB
import GRDBSQLite
import Logging
import LoupeDomain

/// The Loupe database: one SQLite file, migrated on open, with one method per use case (each one transaction
/// that applies the domain rules, writes the rows and appends its audit entry).
public final class AppDatabase: Sendable {
    /// The connection (a pool on disk, a queue in memory). Only LoupeStore touches it.
    package let writer: any DatabaseWriter
    /// Seals what erasures must retain; its key lives beside the database file, never in it.
    let vault: RetentionVault
    /// Keyed digests of erased people's identifiers, consulted by every import and intake.
    let suppression: SuppressionLedger
    /// Background WAL checkpoints for file databases (nil in memory).
    let checkpointer: Checkpointer?
    /// Operational events (what ran, how many rows, how long): ids and counts only, never a personal value.
    let logger: Logger

    /// Wraps an open connection and migrates it. Create the connection with `makeConfiguration()`.
    public convenience init(_ writer: any DatabaseWriter, vault: RetentionVault = .ephemeral(),
                            logger: Logger = Logger(label: "loupe.store")) throws {
        try self.init(writer, vault: vault, files: nil, logger: logger)
    }

    /// Wraps and migrates a connection to the database of `files` (nil in memory), whose vault key is then checked
    /// against the one the database was sealed with.
    init(_ writer: any DatabaseWriter, vault: RetentionVault, files: DatabaseFiles?, logger: Logger) throws {
        do {
            try Self.migrator.migrate(writer)
        } catch {
            throw LoupeError(.storage, "Could not prepare the database schema.", cause: error)
        }
        let settled = try files.map { try Self.settledVault(writer, vault, files: $0) } ?? vault
        self.writer = writer
        self.logger = logger
        self.vault = settled
        suppression = SuppressionLedger(vault: settled)
        checkpointer = (writer as? DatabasePool).map { Checkpointer(path: $0.path) }
        do {
            try backfillSuppression()
            try refreshCustomerDigests()
        } catch {
            throw LoupeError(.storage, "Could not prepare the database schema.", cause: error)
        }
    }

    /// The protected `exports/` folder beside the database file (nil in memory): where access exports are kept,
    /// and the only place the retention sweep deletes files from.
    public var exportsFolder: String? { files?.exports }

    /// The files beside the database (nil in memory).
    public var files: DatabaseFiles? { (writer as? DatabasePool).map { DatabaseFiles($0.path) } }

    /// A fresh, migrated in-memory database (tests, benchmarks).
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: makeConfiguration()))
    }

    /// The connection settings every Loupe connection uses: foreign keys, busy timeout, `secure_delete`.
    public static func makeConfiguration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(15)
        config.prepareDatabase { db in
            // Erased values must not survive in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // SQLite's temporary files (the savepoint and statement journals of a batched intake, sorts) stay in
            // memory: on disk they were unnamed files in /var/tmp holding copies of pages, personal data included,
            // outside the data directory and its modes, never scrubbed; and writing them was half the I/O of a
            // batch of webhooks.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // WAL with NORMAL sync: a crash or kill -9 never loses a committed transaction; only a power cut
            // can lose the last ones (never corrupt). Commits then do not wait for fsync.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Checkpoints run in the background after writes (`Checkpointer`), not inside a user's commit.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            // The -wal and -shm files are kept (emptied, never deleted) when the last connection closes, so they
            // keep the owner and mode the install gave them instead of being re-created by whichever agent
            // opens next (who would then own them and could write to them outside Loupe).
            // An emptied log is cut to nothing at once, so pages of erased rows do not linger in it.
            try db.execute(sql: "PRAGMA journal_size_limit = 0")
            var persist: Int32 = 1
            _ = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
        }
        return config
    }

    /// Reads a transaction-consistent snapshot; unexpected errors become `LoupeError(.storage)`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try translatingErrors("Could not read the database.") { try writer.read(body) }
    }

    /// Runs one use case in one write transaction (all or nothing); unexpected errors become `.storage`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        let result = try translatingErrors("Could not write the database; nothing was changed.") { try writer.write(body) }
        checkpointer?.schedule()
        return result
    }

    /// One write transaction that `body` may roll back: it returns its result and whether to commit (a dry run,
    /// or an import stopped by bad rows, rolls back so its counts are exact and nothing is written).
    func writeOrRollBack<T>(_ body: (Database) throws -> (result: T, commit: Bool)) throws -> T {
        var result: T?
        try translatingErrors("Could not write the database; nothing was changed.") {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let outcome = try body(db)
                    result = outcome.result
                    return outcome.commit ? .commit : .rollback
                }
            }
        }
        checkpointer?.schedule()
        return result!
    }

    /// Copies the WAL into the database file now (passive by default: never waits for readers), on the same
    /// connection and queue as the background checkpoints. Short-lived processes call it before they exit, since
    /// their background checkpoint may not get to run.
    public func checkpoint(_ mode: Database.CheckpointMode = .passive) throws {
        try checkpointer?.run(mode)
    }

    private func translatingErrors<T>(_ message: String, _ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch let error as LoupeError {
            throw error
        } catch {
            throw LoupeError(.storage, message, cause: error)
        }
    }

    /// Whether the database file already exists at `path`.
    public static func exists(at path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// Opens (creating if needed) the database file at `path` in WAL mode and migrates it.
    ///
    /// A missing directory is created owner-only (0700); the file, its log, index and lock are 660 and the keys 640
    /// (`SharedFileMode`), for the install's group. Opening and migrating happen
    /// under an exclusive lock on `<path>.lock`, so two processes that open a new file at the same instant do not
    /// race on `journal_mode` or the schema.
    public static func open(path: String, create: Bool = true,
                            logger: Logger = Logger(label: "loupe.store")) throws -> AppDatabase {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        if !create && !exists(at: path) {
            // Exit 3, as every problem with the database (the README's exit codes).
            throw LoupeError(.storage, "No database at \(path). Create one with `loupe demo` or `loupe init`.")
        }
        try makeOwnerOnlyDirectory(directory)
        let files = DatabaseFiles(path)
        let lock = try FileLock(path: files.lock)
        defer { lock.unlock() }
        // A database that is new, or still empty (a file made by an interrupted first open), gets its vault key.
        let isNew = !exists(at: path) || ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) == 0
        try createDatabaseFile(path)
        do {
            let pool = try DatabasePool(path: path, configuration: makeConfiguration())
            let database = try AppDatabase(pool, vault: RetentionVault.load(files, create: isNew), files: files,
                                           logger: logger)
            logger.debug("database opened", metadata: ["new": "\(isNew)"])
            // What an erasure left for after its commit, when the process that did it was killed first.
            if try database.hasUnfinishedErasures() { _ = try? database.finishErasures() }
            return database
        } catch let error as LoupeError {
            throw error
        } catch {
            throw LoupeError(.storage, "Could not open the database at \(path): is it a Loupe database, and readable?",
                             cause: error)
        }
    }

    private static func makeOwnerOnlyDirectory(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw LoupeError(.storage, "\(directory) is a file, not a directory: choose another --db path.")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw LoupeError(.storage, "Could not create the directory \(directory): check its parent's permissions.",
                             cause: error)
        }
    }

    private static func createDatabaseFile(_ path: String) throws {
        let fd = SharedFileMode.open(path, mode: SharedFileMode.database)
        guard fd >= 0 else {
            throw LoupeError(.storage, "Could not open \(path) (\(String(cString: strerror(errno)))): check the path and its permissions.")
        }
        close(fd)
    }
}

extension AppDatabase {
    /// A read that asks the gate first, in the same snapshot: `reader` nil is the store reading for itself (a
    /// use case already gated, or its tests).
    func read<T>(as reader: StaffMember?, _ useCase: UseCase, _ body: (Database) throws -> T) throws -> T {
        try read { db in
            if let reader { try Self.authorize(db, reader, useCase) }
            return try body(db)
        }
    }
}
