import LoupeStore
import Foundation

/// A bounded hand-over of row batches from the generating thread to the writing one. The generator waits when
/// `capacity` batches are pending, so memory stays flat however many rows are made.
final class BatchChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [RowBatch] = []
    private var isFinished = false
    private var isCancelled = false
    private let capacity: Int

    /// Makes a channel that holds at most `capacity` batches.
    init(capacity: Int) { self.capacity = capacity }

    /// Hands over a batch, waiting for room. Returns false when the reader has cancelled.
    func send(_ batch: RowBatch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while pending.count >= capacity && !isCancelled { condition.wait() }
        guard !isCancelled else { return false }
        pending.append(batch)
        condition.broadcast()
        return true
    }

    /// Says no more batches will come.
    func finish() {
        condition.lock()
        isFinished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Stops the generator: its next `send` returns false.
    func cancel() {
        condition.lock()
        isCancelled = true
        pending.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, waiting for one; nil once the generator has finished and every batch was taken.
    func receive() -> RowBatch? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty && !isFinished && !isCancelled { condition.wait() }
        guard !pending.isEmpty else { return nil }
        let batch = pending.removeFirst()
        condition.broadcast()
        return batch
    }
}
