import Dispatch
import LoupeDomain
import LoupeStore
import Synchronization

/// Group commit for Shopify's webhooks: the webhooks that arrive while one transaction is being written wait
/// together and are recorded by the next, one savepoint each (`AppDatabase.receive(batch:)`). A webhook alone
/// is written at once, so a quiet shop waits for nothing; under load, the commit's cost is shared by every
/// webhook that came in meanwhile. Each sender is answered only after the transaction holding its webhook has
/// committed, so a 200 always means recorded, and a kill before the commit leaves its senders unanswered (they
/// deliver again).
///
/// The batches are written on a thread of their own, one after the other: the next batch starts the moment the
/// last commits, never waiting for a turn on the request handlers' (two-thread) pool.
final class WebhookGroupCommit: Sendable {
    private struct Waiting: Sendable {
        let delivery: ShopifyDelivery
        let answer: CheckedContinuation<WebhookReceipt, any Error>
    }

    private struct State {
        var waiting: [Waiting] = []
        var isWriting = false
    }

    /// At most this many webhooks in one transaction (the rest wait for the next).
    static let largestBatch = 256

    private let database: AppDatabase
    private let recorder: StaffMember
    private let state = Mutex(State())
    private let writer = DispatchQueue(label: "loupe.webhook-commit")

    /// A group commit recording as `recorder` (the audit's actor).
    init(database: AppDatabase, recorder: StaffMember) {
        self.database = database
        self.recorder = recorder
    }

    /// Records `delivery` with whatever else arrives meanwhile, and returns what it did once committed.
    func receive(_ delivery: ShopifyDelivery) async throws -> WebhookReceipt {
        try await withCheckedThrowingContinuation { answer in
            let startsWriting = state.withLock { state in
                state.waiting.append(Waiting(delivery: delivery, answer: answer))
                defer { state.isWriting = true }
                return !state.isWriting
            }
            if startsWriting { writer.async { self.writeWhileWaiting() } }
        }
    }

    /// Writes batches until no webhook waits; what arrives during a write makes the next batch.
    private func writeWhileWaiting() {
        while true {
            let batch = state.withLock { state in
                let batch = Array(state.waiting.prefix(Self.largestBatch))
                state.waiting.removeFirst(batch.count)
                if batch.isEmpty { state.isWriting = false }
                return batch
            }
            if batch.isEmpty { return }
            do {
                let results = try database.receive(batch: batch.map(\.delivery), actor: recorder)
                for (item, result) in zip(batch, results) { item.answer.resume(with: result) }
            } catch {
                for item in batch { item.answer.resume(throwing: error) }
            }
        }
    }
}
