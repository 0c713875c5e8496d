import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    static let summaryColumns = """
        r.id, r.publicId, r.kind, r.status, r.priority, COALESCE(c.email, r.subjectEmail) AS subjectEmail,
        r.assignee, r.receivedAt, r.effectiveDueAt, r.dueAt, r.extendedUntil, r.proposedBy,
        r.verifiedAt IS NOT NULL AS isIdentityVerified, r.version, r.customerId IS NOT NULL AS holdsData,
        r.replyWaiting, r.kindSuggested,
        (SELECT COUNT(*) FROM processorTask t WHERE t.requestId = r.id AND t.status = 'open') AS openTasks
        """

    /// Reads one slice of a queue (open requests, or erasures awaiting approval) with the total count and the
    /// slice's start position. Every read walks an index in order: no OFFSET, no sort, no full scan.
    public func queuePage(
        _ query: QueuePageQuery, scope: QueueScope = .open, filter: QueueFilter? = nil, order: QueueOrder = .urgency,
        actor: StaffMember
    ) throws -> QueuePage {
        try queuePage(query, scope: scope, filter: filter, order: order, reader: actor)
    }

    /// `queuePage` without the gate: for the store's own use and its tests.
    func queuePage(
        _ query: QueuePageQuery, scope: QueueScope = .open, filter: QueueFilter? = nil, order: QueueOrder = .urgency
    ) throws -> QueuePage {
        try queuePage(query, scope: scope, filter: filter, order: order, reader: nil)
    }

    func queuePage(_ query: QueuePageQuery, scope: QueueScope = .open, filter: QueueFilter? = nil,
                          order: QueueOrder = .urgency, reader: StaffMember?) throws -> QueuePage {
        try read(as: reader, .readRequests) { db in
            // INDEXED BY: the planner must walk the index in the list's order, never sort the requests.
            let (index, scopeCondition) = switch scope {
                case .open: (Self.openQueueIndex(for: order), Self.openStatusSQL)
                case .awaitingApproval: ("privacyRequest_status", "status = 'awaiting-approval'")
            }
            let (extra, extraArguments) = Self.filterSQL(filter, table: "")
            let condition = scopeCondition + extra
            let filter = scopeCondition.replacingOccurrences(of: "status", with: "r.status") + Self.filterSQL(filter, table: "r.").0
            let base = """
                SELECT \(Self.summaryColumns) FROM privacyRequest r INDEXED BY \(index)
                LEFT JOIN customer c ON c.id = r.customerId WHERE \(filter)
                """
            // Reversal flips directions and comparisons, so keyset paging works in every order.
            let columns = Self.orderColumns(order, table: "r.")
            let (up, down) = order.reversed ? ("DESC", "ASC") : ("ASC", "DESC")
            let (after, before) = order.reversed ? ("<=", ">=") : (">=", "<=")
            let ascending = "ORDER BY " + columns.map { "\($0) \(up)" }.joined(separator: ", ") + " LIMIT ?"
            let descending = "ORDER BY " + columns.map { "\($0) \(down)" }.joined(separator: ", ") + " LIMIT ?"
            let key = "(" + columns.joined(separator: ", ") + ")"
            let marks = "(" + columns.map { _ in "?" }.joined(separator: ", ") + ")"
            let rows: [RequestSummary]
            switch query {
            case .first(let limit):
                rows = try Self.fetchSummaries(db, "\(base) \(ascending)", extraArguments + [limit])
            case .last(let limit):
                rows = try Self.fetchSummaries(db, "\(base) \(descending)", extraArguments + [limit]).reversed()
            case .from(let from, let limit):
                rows = try Self.fetchSummaries(
                    db, "\(base) AND \(key) \(after) \(marks) \(ascending)", extraArguments + Self.keyArguments(from, order) + [limit])
            case .through(let through, let limit):
                rows = try Self.fetchSummaries(
                    db, "\(base) AND \(key) \(before) \(marks) \(descending)", extraArguments + Self.keyArguments(through, order) + [limit]).reversed()
            }
            // The position shown as "row n of N": two counts in the same index, of the open requests only.
            let count = "SELECT COUNT(*) FROM privacyRequest INDEXED BY \(index) WHERE \(condition)"
            let total = try Int.fetchOne(db, sql: count, arguments: extraArguments) ?? 0
            var startIndex = 0
            if let first = rows.first {
                let plainKey = "(" + Self.orderColumns(order, table: "").joined(separator: ", ") + ")"
                startIndex = try Int.fetchOne(
                    db, sql: "\(count) AND \(plainKey) \(order.reversed ? ">" : "<") \(marks)",
                    arguments: extraArguments + Self.keyArguments(first.key(for: order), order)) ?? 0
            }
            var page = QueuePage(rows: rows, total: total, startIndex: startIndex)
            page.breachDeadlines = try Self.breachDeadlines(db)
            return page
        }
    }

    /// The columns a list is sorted by, the id last to break ties. Each order of the open queue has a partial
    /// index on exactly these columns (`v9-queue-orders`), so a page is a range read, never a sort.
    static func orderColumns(_ order: QueueOrder, table t: String) -> [String] {
        switch order.field {
        case .urgency: ["\(t)queueRank", "\(t)effectiveDueAt", "\(t)id"]
        case .age: ["\(t)receivedAt", "\(t)id"]
        case .status: ["\(t)statusRank", "\(t)effectiveDueAt", "\(t)id"]
        }
    }

    /// The open queue's index for `order`.
    static func openQueueIndex(for order: QueueOrder) -> String {
        switch order.field {
        case .urgency: "privacyRequest_openQueue"
        case .age: "privacyRequest_openByAge"
        case .status: "privacyRequest_openByStatus"
        }
    }

    /// The values of `key` for `order`'s columns.
    static func keyArguments(_ key: QueueKey, _ order: QueueOrder) -> StatementArguments {
        order.field == .age ? [key.dueAt, key.id] : [key.rank, key.dueAt, key.id]
    }

    /// The filter as SQL conditions on unaliased `privacyRequest` columns (the queue query renames `status`),
    /// with their arguments in order.
    static func filterSQL(_ filter: QueueFilter?, table t: String) -> (String, StatementArguments) {
        guard let filter else { return ("", []) }
        var sql = ""
        var arguments: StatementArguments = []
        if !filter.statuses.isEmpty {
            sql += " AND \(t)status IN (" + filter.statuses.map { _ in "?" }.joined(separator: ",") + ")"
            arguments += StatementArguments(filter.statuses.map(\.rawValue))
        }
        if !filter.kinds.isEmpty {
            sql += " AND \(t)kind IN (" + filter.kinds.map { _ in "?" }.joined(separator: ",") + ")"
            arguments += StatementArguments(filter.kinds.map(\.rawValue))
        }
        switch filter.holder {
        case .anyone: break
        case .nobody: sql += " AND \(t)assignee IS NULL"
        case .user(let name):
            sql += " AND \(t)assignee = ?"
            arguments += [name]
        }
        if let dueBefore = filter.dueBefore {
            sql += " AND \(t)effectiveDueAt < ?"
            arguments += [dueBefore]
        }
        for word in filter.words {
            // Part of the id, of the subject as the request names them, or of the customer on file (the same
            // search index as the customers screen).
            let like = "%\(word.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: ""))%"
            var clause = "\(t)publicId LIKE ? OR \(t)subjectEmail LIKE ? OR \(t)subjectName LIKE ?"
            arguments += [like, like, like]
            if let query = CustomerSearchText.ftsQuery(word) {
                clause += " OR \(t)customerId IN (SELECT rowid FROM customerSearch WHERE customerSearch MATCH ?)"
                arguments += [query]
            }
            sql += " AND (\(clause))"
        }
        return (sql, arguments)
    }

    static func fetchSummaries(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws -> [RequestSummary] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map(summary(from:))
    }

    static func summary(from row: Row) throws -> RequestSummary {
        var summary = RequestSummary(
            id: row["id"], publicId: row["publicId"], kind: try decode(row["kind"]), status: try decode(row["status"]),
            priority: try decode(row["priority"]), subjectEmail: row["subjectEmail"], assignee: row["assignee"],
            receivedAt: row["receivedAt"], effectiveDueAt: row["effectiveDueAt"], originalDueAt: row["dueAt"],
            extendedUntil: row["extendedUntil"], proposedBy: row["proposedBy"],
            isIdentityVerified: row["isIdentityVerified"], version: row["version"])
        summary.openTasks = row["openTasks"]
        summary.holdsData = row["holdsData"] ?? true
        summary.replyWaiting = row["replyWaiting"] ?? false
        summary.kindSuggested = row["kindSuggested"] ?? false
        return summary
    }

    static func decode<E: RawRepresentable>(_ raw: String) throws -> E where E.RawValue == String {
        guard let value = E(rawValue: raw) else {
            throw LoupeError(.storage, "The database holds an unknown value '\(raw)' for \(E.self): is Loupe up to date?")
        }
        return value
    }
}
