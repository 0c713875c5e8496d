import Foundation
import GRDB

/// Moves WAL checkpoints off the interactive path: instead of SQLite checkpointing inside whichever commit
/// crosses its threshold (a 50-300 ms stall for that user), each write queues one passive checkpoint on a
/// background queue, at most one at a time. The last connection to close checkpoints as usual.
final class Checkpointer: @unchecked Sendable {
    private let queue = DispatchQueue(label: "loupe.checkpoint", qos: .utility)
    private let lock = NSLock()
    private var isPending = false

    /// Queues a passive checkpoint of `writer` unless one is already waiting.
    func schedule(_ writer: any DatabaseWriter) {
        lock.lock()
        defer { lock.unlock() }
        guard !isPending else { return }
        isPending = true
        queue.async { [self] in
            lock.lock()
            isPending = false
            lock.unlock()
            _ = try? writer.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        }
    }
}
