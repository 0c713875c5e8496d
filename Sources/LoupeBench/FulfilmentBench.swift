import Foundation
import LoupeDomain
import LoupeStore

/// Times the use cases on customers with 200 orders and 5,000 device events (the demo's `long.history.N`
/// customers), each beside its floor: the plainest SQL for the same work in the sqlite3 shell.
struct FulfilmentBench {
    let database: AppDatabase
    let path: String
    let now: Date
    let iterations: Int
    let exportsDirectory: String
    /// Long-history customers not yet erased (a reused database has lost those erased by earlier runs), by number.
    let numbers: [Int]

    private var ava: StaffMember { try! database.staffMember(userName: "ava")! }
    private var sam: StaffMember { try! database.staffMember(userName: "sam")! }

    init(database: AppDatabase, path: String, now: Date, iterations: Int, exportsDirectory: String) throws {
        (self.database, self.path, self.now, self.iterations, self.exportsDirectory) = (database, path, now, iterations, exportsDirectory)
        numbers = try database.searchCustomers(
            "long.history", limit: 10_000, actor: try database.staffMember(userName: "ava")!
        )
            .filter { !$0.isErased && $0.publicId.hasPrefix("C-L") }
            .compactMap { Int($0.publicId.dropFirst(3)) }.sorted()
        guard numbers.count >= 3 * iterations else {
            throw NSError(domain: "bench", code: 1, userInfo: [NSLocalizedDescriptionKey:
                "\(path) has \(numbers.count) long-history customers left, not \(3 * iterations): delete it to build a new one."])
        }
    }

    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    /// The row id of long-history customer `number`.
    private func customerId(_ number: Int) throws -> Int64 {
        try database.customerDetail(publicId: String(format: "C-L%05d", number), actor: ava).summary.id
    }

    private func readyRequest(_ kind: RequestKind, customer number: Int) throws -> String {
        let id = try database.createRequest(NewRequest(kind: kind, email: "long.history.\(number)@example.com"), actor: ava, at: now)
            .summary.publicId
        try database.perform(.claim, on: id, actor: ava, at: now)
        try database.perform(.verify(method: .document, note: nil), on: id, actor: ava, at: now)
        try database.perform(.start, on: id, actor: ava, at: now)
        return id
    }

    func openCustomer(into table: inout BenchTable) throws {
        let numbers = Array(self.numbers.prefix(iterations))
        let times = try numbers.map { number in
            try Self.milliseconds {
                _ = try database.customerDetail(publicId: String(format: "C-L%05d", number), actor: ava)
            }
        }
        let floor = try ShellFloor.times(path: path, operations: numbers.map { number in
            let id = "(SELECT id FROM customer WHERE publicId = 'C-L\(String(format: "%05d", number))')"
            return ["SELECT * FROM customer WHERE id = \(id);",
                    "SELECT * FROM address WHERE customerId = \(id) LIMIT 50;",
                    "SELECT * FROM customerOrder WHERE customerId = \(id) ORDER BY placedAt DESC LIMIT 50;",
                    "SELECT * FROM deviceEvent WHERE customerId = \(id) ORDER BY occurredAt DESC LIMIT 50;",
                    "SELECT * FROM privacyRequest WHERE customerId = \(id) LIMIT 50;"]
        })
        table.add("open a customer with 200 orders", times, floor: floor, target: "< 10 ms")
    }

    func openAndClaimRequests(into table: inout BenchTable) throws {
        let received = try database.queuePage(
            .first(limit: 4 * iterations), filter: QueueFilter.parse("status:received", actor: "ava", now: now),
            actor: ava
        )
            .rows.filter { $0.assignee == nil }.map(\.publicId)
        let opened = Array(received.prefix(iterations))
        let open = try opened.map { id in
            try Self.milliseconds { _ = try database.requestDetail(publicId: id, actor: ava) }
        }
        table.add("open a request", open, floor: try ShellFloor.times(path: path, operations: opened.map { id in
            ["SELECT * FROM privacyRequest WHERE publicId = '\(id)';",
             "SELECT * FROM auditEntry WHERE target = '\(id)' ORDER BY sequence;"]
        }), target: "–")
        let claim = try opened.map { id in try Self.milliseconds { try database.perform(.claim, on: id, actor: ava, at: now) } }
        let others = Array(received.dropFirst(iterations).prefix(iterations))
        table.add("claim", claim, floor: try ShellFloor.times(path: path, operations: others.map { id in
            ["UPDATE privacyRequest SET assignee = 'ben', status = 'verifying', version = version + 1 WHERE publicId = '\(id)';"]
        }), target: "–")
    }

    /// Erasure on approval of the first n long-history customers, export of the next n; the floors erase the
    /// n after those and read the exported ones.
    func eraseAndExport(into table: inout BenchTable) throws {
        var erasures: [Double] = []
        var cleanups: [Double] = []
        for number in numbers.prefix(iterations) {
            let id = try readyRequest(.erasure, customer: number)
            try database.perform(.proposeErasure, on: id, actor: ava, at: now)
            erasures.append(try Self.milliseconds { try database.perform(.approve, on: id, actor: sam, at: now) })
            cleanups.append(try Self.milliseconds { _ = try database.finishErasures() })
        }
        let erasureFloor = try ShellFloor.times(path: path, operations: try numbers[(2 * iterations)..<(3 * iterations)].map { number in
            let id = try customerId(number)
            return ["BEGIN;",
                    "DELETE FROM deviceEvent WHERE customerId = \(id);",
                    "DELETE FROM consentEvent WHERE customerId = \(id);",
                    "DELETE FROM address WHERE customerId = \(id);",
                    "UPDATE customerOrder SET customerId = NULL, shipToName = NULL, shipToAddress = NULL, shipToPhone = NULL, billToName = NULL, billToAddress = NULL WHERE customerId = \(id);",
                    "DELETE FROM customer WHERE id = \(id);",
                    "COMMIT;"]
        })
        table.add("erasure of a customer with 200 orders", erasures, floor: erasureFloor, target: "< 50 ms")
        let mergeFloor = try ShellFloor.times(path: path, operations: (0..<3).map { _ in
            ["PRAGMA secure_delete = ON;", "INSERT INTO customerSearch(customerSearch) VALUES ('optimize');",
             "PRAGMA wal_checkpoint(TRUNCATE);"]
        })
        table.add("after the erasure: files, search-index merge, WAL truncate", cleanups, floor: mergeFloor,
                  target: "–")
        var exports: [Double] = []
        for number in numbers[iterations..<(2 * iterations)] {
            let id = try readyRequest(.access, customer: number)
            exports.append(try Self.milliseconds {
                _ = try database.exportAccess(publicId: id, to: exportsDirectory, actor: ava, at: now)
            })
        }
        let exportFloor = try ShellFloor.times(path: path, operations: try numbers[iterations..<(2 * iterations)].map { number in
            let id = try customerId(number)
            return ["SELECT * FROM customer WHERE id = \(id);",
                    "SELECT * FROM address WHERE customerId = \(id);",
                    "SELECT o.*, i.* FROM customerOrder o JOIN orderItem i ON i.orderId = o.id WHERE o.customerId = \(id);",
                    "SELECT * FROM deviceEvent WHERE customerId = \(id);",
                    "SELECT * FROM consentEvent WHERE customerId = \(id);",
                    "SELECT * FROM feedback WHERE customerId = \(id);"]
        })
        table.add("access export of that customer", exports, floor: exportFloor, target: "< 100 ms")
    }

    /// The retention sweep under the demo's rules; the floor deletes what expired in one statement per
    /// category inside a transaction it rolls back, before Loupe's sweep runs.
    func sweep(into table: inout BenchTable) throws {
        let admin = try database.staffMember(userName: "max")!
        // GRDB's storage format, "YYYY-MM-DD HH:MM:SS.SSS", is strftime's %f.
        func cutoff(_ days: Int) -> String {
            "strftime('%Y-%m-%d %H:%M:%f', \(now.timeIntervalSince1970), 'unixepoch', '-\(days) days')"
        }
        let floor = try ShellFloor.times(path: path, operations: [
            ["BEGIN;",
             "DELETE FROM deviceEvent WHERE occurredAt < \(cutoff(395));",
             "DELETE FROM feedback WHERE createdAt < \(cutoff(730));",
             "DELETE FROM customerOrder WHERE status = 'cancelled' AND placedAt < \(cutoff(365));"],
            ["ROLLBACK;"],
        ]).prefix(1)
        var report = SweepReport()
        let time = try Self.milliseconds { report = try database.sweep(asOf: now, dryRun: false, actor: admin, at: now) }
        let swept = report.expired.values.reduce(0, +)
        table.add("retention sweep (\(swept) rows expired)", [time], floor: Array(floor), target: "–")
    }
}
