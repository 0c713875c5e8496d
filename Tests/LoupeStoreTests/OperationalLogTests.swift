import Foundation
import GRDB
import Logging
import LoupeDomain
@testable import LoupeStore
import Synchronization
import Testing

/// The store logs operational events (what ran, ids and counts) and never a personal value: an erasure's log
/// lines are read back and searched for every value the subject had.
@Suite struct OperationalLogTests {
    @Test func anErasuresLogLinesHoldNoValueOfTheSubject() throws {
        let lines = CapturedLines()
        let logger = Logger(label: "test") { _ in CapturingHandler(lines: lines) }
        let suppression = SuppressionStoreTests()
        let database = try AppDatabase(DatabaseQueue(configuration: AppDatabase.makeConfiguration()), logger: logger)
        try database.initialize(admin: "root", displayName: "root", at: storeNow)
        _ = try database.addStaff(userName: "ava", role: .agent, displayName: "Ava", actor: suppression.root, at: storeNow)
        _ = try database.addStaff(userName: "sam", role: .supervisor, displayName: "Sam", actor: suppression.root, at: storeNow)
        _ = try suppression.importCustomers(database, [suppression.zoe])
        _ = try suppression.importOrders(database, [suppression.order])
        let id = try suppression.erase(database, email: suppression.zoe.email!)
        _ = try database.finishErasures()

        let text = lines.all.joined(separator: "\n")
        #expect(text.contains("erasure executed") && text.contains(id), "the erasure is logged by its request id")
        #expect(text.contains("request.approve"))
        let zoe = suppression.zoe
        let values = [zoe.email, zoe.phone, zoe.fullName, zoe.address?.line1, zoe.address?.city, zoe.shopifyId,
                      suppression.order.billingName, suppression.order.shippingAddress, suppression.order.shippingPhone,
                      "zoe", "Zoë", "Ñandú", "Paix"]
        for value in values.compactMap({ $0 }).filter({ !$0.isEmpty }) {
            #expect(!text.localizedCaseInsensitiveContains(value), "a log line holds '\(value)'")
        }
    }
}

/// Log lines, as text with their metadata, collected across threads.
final class CapturedLines: Sendable {
    private let storage = Mutex<[String]>([])
    var all: [String] { storage.withLock { $0 } }
    func append(_ line: String) { storage.withLock { $0.append(line) } }
}

/// A log handler that keeps every line (message and metadata) for the test to read.
struct CapturingHandler: LogHandler {
    let lines: CapturedLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
             file: String, function: String, line: UInt) {
        let all = self.metadata.merging(metadata ?? [:]) { $1 }
        lines.append("\(level) \(message) \(all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
    }
}
