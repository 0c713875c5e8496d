import LoupeDemo
import LoupeStore
import Foundation
import GRDB
import LoupeDomain

/// What `loupe demo` builds.
public struct DemoOptions: Sendable {
    /// How many customers to generate (orders, events and requests scale with it).
    public var customers: Int
    /// The generator's seed: the same seed and clock give the same data.
    public var seed: UInt64
    /// The clock reading all demo dates are relative to.
    public var now: Date
    /// The OS user who runs the demo; they become an admin.
    public var operatorUser: String
    /// Extra customers with a long history (200 orders, 5,000 device events each), for benchmarks; their
    /// emails are `long.history.N@example.com`.
    public var longHistoryCustomers: Int

    /// Makes options; the default seed is fixed.
    public init(customers: Int = 2_000, seed: UInt64 = 20_261_125, now: Date, operatorUser: String,
                longHistoryCustomers: Int = 0) {
        self.customers = customers
        self.seed = seed
        self.now = now
        self.operatorUser = operatorUser
        self.longHistoryCustomers = longHistoryCustomers
    }
}

/// Builds the deterministic demo database of a jewellery shop.
public enum DemoSeeder {
    /// The demo staff: two agents, a supervisor and an admin.
    public static let staff: [StaffMember] = [
        StaffMember(userName: "ava", displayName: "Ava Lindqvist", role: .agent),
        StaffMember(userName: "ben", displayName: "Ben Okafor", role: .agent),
        StaffMember(userName: "sam", displayName: "Sam Rivera", role: .supervisor),
        StaffMember(userName: "max", displayName: "Max Weber", role: .admin),
    ]

    /// Builds a demo database at `path`, unless one exists there already. The data is written to a side file and
    /// renamed into place only when complete, so an interrupted build never leaves a half-made database.
    /// `progress` receives the fraction done, from 0 to 1. Returns false when a database already existed.
    @discardableResult
    public static func build(at path: String, options: DemoOptions, progress: (Double) -> Void = { _ in }) throws -> Bool {
        if AppDatabase.exists(at: path) { return false }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let lock = try FileLock(path: path + ".lock")
        defer { lock.unlock() }
        if AppDatabase.exists(at: path) { return false }
        let staging = "\(path).building-\(getpid())"
        defer { removeDatabaseFiles(staging) }
        removeDatabaseFiles(staging)
        do {
            let fd = SharedFileMode.open(staging, mode: SharedFileMode.database, flags: O_RDWR | O_EXCL)
            guard fd >= 0 else { throw LoupeError(.storage, "Could not create \(staging): check the directory's permissions.") }
            close(fd)
            // The generator only refers to rows it has written (a test runs `foreign_key_check` on its output),
            // so the staging file skips the per-row parent lookups.
            var configuration = AppDatabase.makeConfiguration()
            configuration.foreignKeysEnabled = false
            let queue = try DatabaseQueue(path: staging, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                // A larger page cache (256 MiB) and sorter threads for building the indexes at the end.
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA threads = 2")
            }
            let database = try AppDatabase(queue)
            try database.seedDemo(options, progress: progress)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try queue.close()
        } catch let error as LoupeError {
            throw error
        } catch {
            throw LoupeError(.storage, "Could not build the demo database at \(path).", cause: error)
        }
        // The new database's vault key, made with it (an existing database never gets a new one silently).
        _ = try RetentionVault.load(keyPath: path + ".vault-key", create: true)
        // And its OpenDSR signing key: like `loupe init`, the only other place one is made.
        _ = try OpenDSRSigningKey.load(path: DatabaseFiles(path).openDSRKey, mayCreate: true)
        guard rename(staging, path) == 0 else {
            throw LoupeError(.storage, "Could not move the demo database into \(path): \(String(cString: strerror(errno))).")
        }
        return true
    }

    private static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }
}

extension AppDatabase {
    /// The tables the demo fills in bulk.
    static let demoTables = ["customer", "address", "customerOrder", "orderItem", "deviceEvent", "consentEvent",
                             "feedback", "privacyRequest", "auditEntry"]

    /// Indexes whose keys the generator writes in ascending order (rows by customer, items by order): they grow
    /// at their right edge, which costs less than building them afterwards.
    static let ascendingIndexes: Set<String> = ["address_customer", "customerOrder_customer", "orderItem_order",
                                                "deviceEvent_customer", "consentEvent_customer", "feedback_customer"]

    /// Fills an empty database with the demo data in one transaction. The rows are generated on a second thread
    /// while this one inserts them; the indexes are built once the rows are in.
    func seedDemo(_ options: DemoOptions, progress: (Double) -> Void) throws {
        try writer.write { db in
            let indexes = try DeferredIndexes.drop(db, on: Self.demoTables, keeping: Self.ascendingIndexes)
            try DemoWriter.writeSettingsAndStaff(db, options: options)
            let last = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM auditEntry ORDER BY sequence DESC LIMIT 1")
            let generation = DemoGeneration(options: options, lastAudit: (last?["sequence"] ?? 0,
                                                                          last?["hash"] ?? AuditLog.genesisHash))
            let rows = try RowBatchWriter(db, insertSQL: DemoTables.insertSQL)
            do {
                while let batch = generation.channel.receive() {
                    try rows.write(batch)
                    progress(batch.progress * 0.75)
                }
            } catch {
                generation.channel.cancel()
                generation.waitUntilDone()
                throw error
            }
            generation.waitUntilDone()
            try indexes.rebuild(db) { progress(0.75 + $0 * 0.25) }
            // The email digests hashed OpenDSR identities are matched through.
            try AppDatabase.refreshCustomerDigests(db)
            progress(1)
        }
    }
}

/// The demo's generating thread: runs a `DemoWriter` and hands its batches over `channel`.
final class DemoGeneration: @unchecked Sendable {
    /// The batches, for the writing thread.
    let channel = BatchChannel(capacity: 4)
    private let done = DispatchSemaphore(value: 0)

    /// Starts generating at once.
    init(options: DemoOptions, lastAudit: (sequence: Int64, hash: String)) {
        let thread = Thread { [channel, done] in
            let tables = DemoTables(channel: channel)
            var writer = DemoWriter(options: options, tables: tables, lastAudit: lastAudit)
            // The only error is CancellationError, when the writing thread has stopped.
            try? writer.writeCustomers()
            try? writer.writeLongHistoryCustomers()
            try? writer.writeRequests()
            try? writer.writeAudit()
            try? tables.flush()
            channel.finish()
            done.signal()
        }
        thread.start()
    }

    /// Waits for the generating thread to end.
    func waitUntilDone() { done.wait() }
}
