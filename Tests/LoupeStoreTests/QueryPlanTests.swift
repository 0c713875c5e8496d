import Foundation
import GRDB
import LoupeDomain
@testable import LoupeDemo
@testable import LoupeStore
import Testing

/// Every query a console screen runs, recorded by tracing, must be answered from an index: no table is read in
/// full, and an index is walked from end to end only by a query with a LIMIT (a page in index order).
@Suite struct QueryPlanTests {
    /// The statements the connection ran while `recording` was on.
    final class StatementLog: @unchecked Sendable {
        private let lock = NSLock()
        private var statements: [String] = []
        var recording = false

        func record(_ sql: String) {
            lock.lock()
            defer { lock.unlock() }
            if recording { statements.append(sql) }
        }

        func take() -> [String] {
            lock.lock()
            defer { lock.unlock() }
            defer { statements = [] }
            return statements
        }
    }

    /// Small tables that are read whole by design (settings, staff, rules, templates).
    static let smallTables: Set<String> = ["staff", "setting", "retentionRule", "policyVersion", "messageTemplate",
                                           "json_each", "grdb_migrations", "sqlite_master", "retentionRun",
                                           // GRDB reads the temp schema's catalog once per connection.
                                           "sqlite_temp_master",
                                           // The breach register holds a handful of rows; the running clocks are
                                           // read from a partial index of the open ones.
                                           "breach"]

    /// The queue's "row n of N": two counts of the open requests in the list's own partial index (only open
    /// requests are in it; 1 ms at 80,000 open requests), the one read that is not bounded by the rows shown.
    static func isQueuePosition(_ sql: String) -> Bool {
        sql.hasPrefix("SELECT COUNT(*) FROM privacyRequest INDEXED BY privacyRequest_open")
            || sql.hasPrefix("SELECT COUNT(*) FROM privacyRequest INDEXED BY privacyRequest_status")
    }

    func tracedDemo() throws -> (AppDatabase, StatementLog) {
        let log = StatementLog()
        var configuration = AppDatabase.makeConfiguration()
        configuration.prepareDatabase { db in
            db.trace(options: .statement) { event in
                if case .statement(let statement) = event { log.record(statement.expandedSQL) }
            }
        }
        let database = try AppDatabase(DatabaseQueue(configuration: configuration))
        try database.seedDemo(DemoOptions(customers: 300, seed: 7, now: storeNow, operatorUser: "tester",
                                          longHistoryCustomers: 1), progress: { _ in })
        return (database, log)
    }

    /// The plan lines of the statements that read more than they show.
    func fullScans(_ statements: [String], in database: AppDatabase) throws -> [String] {
        var found: [String] = []
        for sql in Set(statements) where sql.uppercased().hasPrefix("SELECT") || sql.uppercased().hasPrefix("WITH") {
            let details = try database.writer.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }
            }
            // A walk in the output's order that stops at a LIMIT reads only what it shows; a sort (temp B-tree)
            // means every matching row was read first.
            let stopsAtLimit = sql.uppercased().contains("LIMIT") && !details.contains { $0.contains("TEMP B-TREE") }
            for detail in details where detail.hasPrefix("SCAN ") {
                let table = String(detail.dropFirst(5).prefix { $0 != " " })
                if Self.smallTables.contains(table) || table.hasPrefix("(") || detail.contains("VIRTUAL TABLE")
                    || detail.contains("CONSTANT ROW") || Self.isQueuePosition(sql) {
                    continue
                }
                if stopsAtLimit { continue }
                found.append("\(detail)  <-  \(sql.prefix(240))")
            }
        }
        return found
    }

    @Test func everyScreenQueryIsAnsweredFromAnIndex() throws {
        let (database, log) = try tracedDemo()
        let now = storeNow
        let ava = try database.staffMember(userName: "ava")!
        log.recording = true
        // Queue: first page, pages either way, every order, a filter, the approvals scope.
        for order in QueueOrder.Field.allCases.flatMap({ [QueueOrder(field: $0), QueueOrder(field: $0, reversed: true)] }) {
            let page = try database.queuePage(.first(limit: 30), order: order)
            if let last = page.rows.last {
                _ = try database.queuePage(.from(last.key(for: order), limit: 30), order: order)
                _ = try database.queuePage(.through(last.key(for: order), limit: 30), order: order)
            }
            _ = try database.queuePage(.last(limit: 30), order: order)
        }
        for filter in ["status:received", "kind:erasure", "assignee:ava", "status:overdue", "assignee:none", "PR-2026"] {
            _ = try database.queuePage(.first(limit: 30), filter: QueueFilter.parse(filter, actor: "ava", now: now))
        }
        _ = try database.queuePage(.first(limit: 30), scope: .awaitingApproval)
        // A request, its customer, customer search, the record lists, the live-refresh stamp.
        let request = try database.queuePage(.first(limit: 1)).rows[0].publicId
        _ = try database.requestDetail(publicId: request)
        _ = try database.messages(publicId: request)
        for text in ["", "m", "mu", "muller", "JDS-100001", "long.history"] { _ = try database.searchCustomers(text) }
        _ = try database.customerDetail(publicId: "C-L00001")
        _ = try database.auditEntries(limit: 500)
        _ = try database.auditEntries(target: request, limit: 100)
        _ = try database.processorTasks()
        _ = try database.recentOrders()
        _ = try database.order(number: "JDS-100001")
        _ = try database.changeStamp()
        _ = ava
        let scans = try fullScans(log.take(), in: database)
        #expect(scans.isEmpty, "full scans:\n\(scans.joined(separator: "\n"))")
    }
}

extension QueryPlanTests {
    /// Claiming, exporting and erasing touch the request's own rows and its customer's: their time must not grow
    /// with the shop (a full scan in an erasure took 216 ms at 1,000,000 customers).
    @Test func fulfilmentReadsOnlyItsOwnCustomer() throws {
        let (database, log) = try tracedDemo()
        let ava = try database.staffMember(userName: "ava")!
        let sam = try database.staffMember(userName: "sam")!
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        log.recording = true
        for kind in [RequestKind.access, .erasure] {
            let id = try database.createRequest(NewRequest(kind: kind, email: "long.history.1@example.com"), actor: ava,
                                                at: storeNow).summary.publicId
            try database.perform(.claim, on: id, actor: ava, at: storeNow)
            try database.perform(.verify(method: .document, note: nil), on: id, actor: ava, at: storeNow)
            try database.perform(.start, on: id, actor: ava, at: storeNow)
            if kind == .access {
                _ = try database.exportAccess(publicId: id, to: directory.path, actor: ava, at: storeNow)
            } else {
                _ = try database.erasurePreview(publicId: id)
                try database.perform(.proposeErasure, on: id, actor: ava, at: storeNow)
                try database.perform(.approve, on: id, actor: sam, at: storeNow)
            }
        }
        let scans = try fullScans(log.take(), in: database)
        #expect(scans.isEmpty, "full scans:\n\(scans.joined(separator: "\n"))")
    }
}
