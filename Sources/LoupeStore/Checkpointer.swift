import Foundation
import GRDB

/// Moves WAL checkpoints off the interactive path: instead of SQLite checkpointing inside whichever commit
/// crosses its threshold (a 50-300 ms stall for that user), each write queues one passive checkpoint on a
/// background queue, at most one at a time. The last connection to close checkpoints as usual.
///
/// The checkpoint runs on a connection of its own: on the pool's writer it held the write queue, and the next
/// user's commit waited for it (a claim took 744 ms behind the checkpoint of a large WAL). A passive checkpoint
/// takes no write lock, so commits go on beside it.
final class Checkpointer: @unchecked Sendable {
    private let queue = DispatchQueue(label: "loupe.checkpoint", qos: .utility)
    private let lock = NSLock()
    private var isPending = false
    private let path: String
    /// The checkpoint's own connection, opened on first use (only `queue` touches it).
    private var connection: DatabaseQueue?

    /// A checkpointer for the database file at `path`.
    init(path: String) { self.path = path }

    /// When the last background checkpoint was queued.
    private var lastQueued = Date.distantPast
    /// At most one background checkpoint in this interval, unless the WAL has grown past `walLimit`: a burst of
    /// writes (a mail import, webhooks under load) no longer pays a checkpoint, and its fsync, per commit.
    static let interval: TimeInterval = 1
    static let walLimit = 4 << 20

    /// Queues a passive checkpoint unless one is already waiting or one was queued within the last second (and
    /// the WAL is still small).
    func schedule() {
        lock.lock()
        defer { lock.unlock() }
        guard !isPending else { return }
        let now = Date()
        if now.timeIntervalSince(lastQueued) < Self.interval {
            guard walSize >= Self.walLimit else { return }
        }
        isPending = true
        lastQueued = now
        queue.async { [self] in
            lock.lock()
            isPending = false
            lock.unlock()
            try? checkpointNow(.passive)
        }
    }

    /// Checkpoints now, on the checkpoint queue (so never beside a background one), and waits for it.
    func run(_ mode: Database.CheckpointMode) throws {
        try queue.sync { try checkpointNow(mode) }
    }

    /// Whether the WAL file is missing or empty (after a TRUNCATE checkpoint).
    var walIsEmpty: Bool { walSize == 0 }

    /// The WAL file's size in bytes (0 when missing): one `stat`, asked after every write under load.
    private var walSize: Int {
        var info = stat()
        return stat(path + "-wal", &info) == 0 ? Int(info.st_size) : 0
    }

    private func checkpointNow(_ mode: Database.CheckpointMode) throws {
        if connection == nil {
            // A short wait: a TRUNCATE checkpoint blocked by another process's reader is retried by the caller,
            // never left hanging for the 15 s every other connection waits for a lock.
            var configuration = AppDatabase.makeConfiguration()
            configuration.busyMode = .timeout(0.2)
            connection = try DatabaseQueue(path: path, configuration: configuration)
        }
        _ = try connection?.writeWithoutTransaction { db in try db.checkpoint(mode) }
    }
}
