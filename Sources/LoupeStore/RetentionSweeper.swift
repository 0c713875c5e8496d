import Foundation
import GRDB
import LoupeDomain

/// The SQL of one retention category: what has expired, what is held, and one batch of the sweep. Batches walk
/// ids upward from where the last one ended (one linear pass), and a rerun after an interruption starts again
/// from the lowest expired id: what was already swept no longer matches.
struct RetentionSweeper {
    let rule: RetentionRule
    let cutoff: Date
    let asOf: Date
    /// The protected `exports/` folder beside the database: the only place the sweep deletes files from (nil for
    /// an in-memory database).
    var exportsRoot: String?

    private var hold: String { AppDatabase.heldCustomers }

    /// `(table, id column, expired condition, customer column)` for the row-based categories.
    private var target: (table: String, expired: String, customer: String)? {
        switch rule.category {
        case .deviceEvents: ("deviceEvent", "occurredAt < :cutoff", "customerId")
        case .feedback: ("feedback", "createdAt < :cutoff", "customerId")
        case .cancelledOrders: ("customerOrder", "status IN ('cancelled', 'failed') AND placedAt < :cutoff", "customerId")
        case .inactiveAccounts: ("customer", "erasedAt IS NULL AND COALESCE(lastActiveAt, createdAt) < :cutoff", "id")
        // Invoices of erased customers carry their own date (retainedItem); the sweep honours it.
        case .invoices: ("customerOrder", """
            (billToName IS NOT NULL OR billToAddress IS NOT NULL) AND (placedAt < :cutoff OR number IN
                (SELECT reference FROM retainedItem WHERE anonymisedAt IS NULL AND retainUntil < :asOf))
            """, "customerId")
        case .closedRequests: ("privacyRequest",
                               AppDatabase.closedStatusSQL(column: "status") + " AND COALESCE(closedAt, receivedAt) < :cutoff AND (subjectEmail IS NOT NULL OR subjectName IS NOT NULL OR subjectPhone IS NOT NULL OR requesterName IS NOT NULL OR payload IS NOT NULL)",
                               "customerId")
        case .accessExports: ("requestExport", "createdAt < :cutoff AND deletedAt IS NULL", "NULL")
        case .dismissedMail: ("inboundMail", "tray = 'dismissed' AND decidedAt < :cutoff", "NULL")
        }
    }

    private var arguments: StatementArguments { ["cutoff": cutoff, "asOf": asOf] }

    func countExpired(_ db: Database) throws -> Int {
        guard let t = target else { return 0 }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(t.table) WHERE \(t.expired) AND \(notHeld(t.customer))",
                                arguments: arguments) ?? 0
    }

    func countHeld(_ db: Database) throws -> Int {
        guard let t = target, t.customer != "NULL" else { return 0 }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(t.table) WHERE \(t.expired) AND \(t.customer) IN (\(hold))",
                                arguments: arguments) ?? 0
    }

    private func notHeld(_ column: String) -> String {
        column == "NULL" ? "1" : "(\(column) IS NULL OR \(column) NOT IN (\(hold)))"
    }

    /// Sweeps up to `limit` expired rows with ids above `after`; returns how many it looked at, the last id seen
    /// and the export folders it would not or could not delete (those stay recorded, and are reported).
    func sweepBatch(_ db: Database, after: Int64, limit: Int, at time: Date) throws
        -> (count: Int, lastId: Int64, problems: [String]) {
        guard let t = target else { return (0, after, []) }
        var selection = arguments
        selection += ["after": after]
        let ids = try Int64.fetchAll(db, sql: """
            SELECT id FROM \(t.table) WHERE id > :after AND \(t.expired) AND \(notHeld(t.customer)) ORDER BY id LIMIT \(limit)
            """, arguments: selection)
        guard let lastId = ids.last else { return (0, after, []) }
        var problems: [String] = []
        let list = AppDatabase.jsonArray(ids)
        let inList = "id IN (SELECT value FROM json_each(:ids))"
        switch rule.category {
        case .deviceEvents, .feedback, .cancelledOrders, .dismissedMail:
            try db.execute(sql: "DELETE FROM \(t.table) WHERE \(inList)", arguments: ["ids": list])
        case .invoices:
            try db.execute(sql: """
                UPDATE customerOrder SET billToName = NULL, billToAddress = NULL, shipToName = NULL, shipToAddress = NULL,
                    shipToPhone = NULL, guestEmail = NULL WHERE \(inList)
                """, arguments: ["ids": list])
            try db.execute(sql: """
                UPDATE retainedItem SET anonymisedAt = :time
                WHERE anonymisedAt IS NULL AND reference IN (SELECT number FROM customerOrder WHERE \(inList))
                """, arguments: ["ids": list, "time": time])
        case .closedRequests:
            try db.execute(sql: """
                UPDATE privacyRequest SET subjectEmail = NULL, subjectName = NULL, subjectPhone = NULL, requesterName = NULL,
                    payload = NULL WHERE \(inList)
                """, arguments: ["ids": list])
        case .inactiveAccounts:
            // The profile is anonymised; orders stay, as guest orders without a shipping snapshot.
            try db.execute(sql: """
                DELETE FROM address WHERE customerId IN (SELECT value FROM json_each(:ids));
                DELETE FROM deviceEvent WHERE customerId IN (SELECT value FROM json_each(:ids));
                DELETE FROM feedback WHERE customerId IN (SELECT value FROM json_each(:ids));
                UPDATE customerOrder SET customerId = NULL, shipToName = NULL, shipToAddress = NULL, shipToPhone = NULL,
                    guestEmail = NULL WHERE customerId IN (SELECT value FROM json_each(:ids));
                UPDATE customer SET fullName = NULL, email = NULL, phone = NULL, birthDate = NULL, membershipTier = NULL,
                    stylePreferences = NULL, erasedAt = :time WHERE \(inList);
                """, arguments: ["ids": list, "time": time])
        case .accessExports:
            var gone: [Int64] = []
            for row in try Row.fetchAll(db, sql: "SELECT id, folder FROM requestExport WHERE \(inList)", arguments: ["ids": list]) {
                let folder: String = row["folder"]
                if let problem = Self.deleteExport(folder, inside: exportsRoot) {
                    problems.append(problem)
                } else {
                    gone.append(row["id"])
                }
            }
            // Marked deleted only when its files are gone.
            try db.execute(sql: "UPDATE requestExport SET deletedAt = :time WHERE id IN (SELECT value FROM json_each(:gone))",
                           arguments: ["gone": AppDatabase.jsonArray(gone), "time": time])
        }
        return (ids.count, lastId, problems)
    }

    /// Deletes an expired export's folder when it lies inside `root` (by its real path); otherwise, or when the
    /// deletion fails, says why and deletes nothing.
    static func deleteExport(_ folder: String, inside root: String?) -> String? {
        if let root, !AppDatabase.isInside(folder, folder: root) {
            return "\(folder) is outside the exports folder \(root): not deleted; check how it was recorded"
        }
        guard FileManager.default.fileExists(atPath: folder) else { return nil }
        do {
            try FileManager.default.removeItem(atPath: folder)
            return nil
        } catch {
            return "\(folder) could not be deleted (\((error as NSError).localizedDescription)); it stays recorded"
        }
    }
}
