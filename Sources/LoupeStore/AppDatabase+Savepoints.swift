import GRDB
import LoupeDomain

extension AppDatabase {
    /// Runs `body` on each item in its own savepoint of the caller's transaction: an item whose body throws is
    /// rolled back alone and reported with its error, the others stay. The batched intakes (the mail import, the
    /// service's group commit of webhooks) record many items in one transaction this way.
    static func eachInSavepoint<Item, Output>(
        _ db: Database, _ items: [Item], _ body: (Item) throws -> Output
    ) -> [Result<Output, any Error>] {
        items.map { item in
            Result {
                var output: Output?
                try db.inSavepoint {
                    output = try body(item)
                    return .commit
                }
                guard let output else { throw LoupeError(.storage, "A savepoint committed without a result.") }
                return output
            }
        }
    }
}
