import Foundation
import GRDB
import LoupeDomain

/// The figures `loupe serve` exports to Prometheus at each scrape: counts only, never a personal value.
public struct ServiceFigures: Equatable, Sendable {
    /// Open requests by status (every open status, zero included).
    public var openByStatus: [(String, Int)]
    /// Open requests past their due date.
    public var overdue: Int
    /// Messages not yet sent: queued, sending or in doubt.
    public var outboxDepth: Int

    public static func == (lhs: ServiceFigures, rhs: ServiceFigures) -> Bool {
        lhs.openByStatus.map(\.0) == rhs.openByStatus.map(\.0) && lhs.openByStatus.map(\.1) == rhs.openByStatus.map(\.1)
            && lhs.overdue == rhs.overdue && lhs.outboxDepth == rhs.outboxDepth
    }
}

extension AppDatabase {
    /// Reads the service figures in one read transaction (the open counts use the queue's partial index).
    public func serviceFigures(now: Date) throws -> ServiceFigures {
        try read { db in
            let counts = try Row.fetchAll(
                db,
                sql: """
                    SELECT status, COUNT(*) FROM privacyRequest WHERE \(Self.openStatusSQL) GROUP BY status
                    """
            ).reduce(into: [String: Int]()) { $0[$1[0]] = $1[1] }
            let open = RequestStatus.allCases.filter(\.isOpen).map { ($0.rawValue, counts[$0.rawValue] ?? 0) }
            let overdue =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM privacyRequest WHERE \(Self.openStatusSQL) AND effectiveDueAt < ?
                        """, arguments: [now]) ?? 0
            let outbox = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outboxMessage WHERE status != 'sent'") ?? 0
            return ServiceFigures(openByStatus: open, overdue: overdue, outboxDepth: outbox)
        }
    }

    /// Whether the database answers and its schema is the one this binary expects (`/healthz`); the error says
    /// what is wrong.
    public func checkServing() throws {
        try read { db in
            guard try Self.migrator.hasCompletedMigrations(db) else {
                throw LoupeError(
                    .storage,
                    "The database schema is not the one this loupe expects: run any loupe "
                        + "command once as an admin to migrate it.")
            }
        }
    }

    /// A signature of `body` with the controller's OpenDSR key (ECDSA P-256 over its SHA-256, DER, base64), for the
    /// `X-OpenDSR-Signature` header.
    public func openDSRSignature(for body: Data) throws -> String {
        guard let files else { throw LoupeError(.storage, "An in-memory database has no OpenDSR signing key.") }
        let key = try OpenDSRSigningKey.load(path: files.openDSRKey, mayCreate: false)
        return try key.signature(for: body).derRepresentation.base64EncodedString()
    }
}
