import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    static let summaryColumns = """
        r.id, r.publicId, r.kind, r.status, r.priority, COALESCE(c.email, r.subjectEmail) AS subjectEmail,
        r.assignee, r.receivedAt, r.effectiveDueAt, r.dueAt, r.extendedUntil, r.proposedBy,
        r.verifiedAt IS NOT NULL AS isIdentityVerified, r.version
        """

    /// Reads one slice of the queue of open requests, with the total count and the slice's start position.
    /// Every read uses the partial index on (effectiveDueAt, id): no OFFSET, no full scan.
    public func queuePage(_ query: QueuePageQuery) throws -> QueuePage {
        try read { db in
            let open = Self.openStatusSQL.replacingOccurrences(of: "status", with: "r.status")
            // INDEXED BY: the planner must walk the partial queue index in order, never sort the open requests.
            let base = """
                SELECT \(Self.summaryColumns) FROM privacyRequest r INDEXED BY privacyRequest_openQueue
                LEFT JOIN customer c ON c.id = r.customerId
                """
            let rows: [RequestSummary]
            switch query {
            case .first(let limit):
                rows = try Self.fetchSummaries(db, "\(base) WHERE \(open) ORDER BY r.effectiveDueAt, r.id LIMIT ?", [limit])
            case .last(let limit):
                rows = try Self.fetchSummaries(
                    db, "\(base) WHERE \(open) ORDER BY r.effectiveDueAt DESC, r.id DESC LIMIT ?", [limit]).reversed()
            case .from(let key, let limit):
                rows = try Self.fetchSummaries(
                    db, "\(base) WHERE \(open) AND (r.effectiveDueAt, r.id) >= (?, ?) ORDER BY r.effectiveDueAt, r.id LIMIT ?",
                    [key.dueAt, key.id, limit])
            case .through(let key, let limit):
                rows = try Self.fetchSummaries(
                    db,
                    "\(base) WHERE \(open) AND (r.effectiveDueAt, r.id) <= (?, ?) ORDER BY r.effectiveDueAt DESC, r.id DESC LIMIT ?",
                    [key.dueAt, key.id, limit]).reversed()
            }
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM privacyRequest WHERE \(Self.openStatusSQL)") ?? 0
            var startIndex = 0
            if let first = rows.first {
                startIndex = try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM privacyRequest INDEXED BY privacyRequest_openQueue
                        WHERE \(Self.openStatusSQL) AND (effectiveDueAt, id) < (?, ?)
                        """,
                    arguments: [first.dueAt, first.id]) ?? 0
            }
            return QueuePage(rows: rows, total: total, startIndex: startIndex)
        }
    }

    /// Reads a transaction-consistent snapshot; errors become `LoupeError(.storage)`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let error as LoupeError {
            throw error
        } catch {
            throw LoupeError(.storage, "Could not read the database.", cause: error)
        }
    }

    static func fetchSummaries(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws -> [RequestSummary] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map(summary(from:))
    }

    static func summary(from row: Row) throws -> RequestSummary {
        RequestSummary(
            id: row["id"], publicId: row["publicId"], kind: try decode(row["kind"]), status: try decode(row["status"]),
            priority: try decode(row["priority"]), subjectEmail: row["subjectEmail"], assignee: row["assignee"],
            receivedAt: row["receivedAt"], dueAt: row["effectiveDueAt"], originalDueAt: row["dueAt"],
            extendedUntil: row["extendedUntil"], proposedBy: row["proposedBy"],
            isIdentityVerified: row["isIdentityVerified"], version: row["version"])
    }

    static func decode<E: RawRepresentable>(_ raw: String) throws -> E where E.RawValue == String {
        guard let value = E(rawValue: raw) else {
            throw LoupeError(.storage, "The database holds an unknown value '\(raw)' for \(E.self): is Loupe up to date?")
        }
        return value
    }
}
