import Crypto
import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// The algorithms OpenDSR identities may be hashed with.
    static let digestFormats = ["sha256", "sha1", "md5"]

    /// Computes the digests of the emails the triggers queued (new or changed since), inside the caller's
    /// transaction; at most `limit` customers (nil: all). Returns how many were done.
    @discardableResult
    package static func refreshCustomerDigests(_ db: Database, limit: Int? = nil) throws -> Int {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT s.customerId, c.email FROM customerDigestStale s LEFT JOIN customer c ON c.id = s.customerId
                ORDER BY s.customerId LIMIT ?
                """, arguments: [limit ?? -1])
        guard !rows.isEmpty else { return 0 }
        let insert = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO customerDigest (digest, customerId) VALUES (?, ?)")
        let done = try db.cachedStatement(sql: "DELETE FROM customerDigestStale WHERE customerId = ?")
        for row in rows {
            let customerId: Int64 = row["customerId"]
            if let email: String = row["email"] {
                for format in digestFormats {
                    try insert.execute(arguments: [format + ":" + (hexDigest(email, format: format) ?? ""), customerId])
                }
            }
            try done.execute(arguments: [customerId])
        }
        return rows.count
    }

    /// Whether digests wait to be computed (a cheap read, before any write lock is taken).
    func hasStaleCustomerDigests() throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM customerDigestStale)") ?? false }
    }

    /// Brings the digests up to date in short transactions of their own (a bulk import or a new database may
    /// leave many), so an intake's transaction finds nothing or almost nothing left to compute.
    func refreshCustomerDigests() throws {
        while try hasStaleCustomerDigests() {
            if try write({ db in try Self.refreshCustomerDigests(db, limit: 5_000) }) == 0 { return }
        }
    }

    /// The customer whose email has this digest (lower-case hex), through the index; nil when none. The caller
    /// brings the digests up to date first (`refreshCustomerDigests()`, outside its transaction).
    static func customerEmail(_ db: Database, digest: String, format: String) throws -> String? {
        try String.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT c.email FROM customerDigest d JOIN customer c ON c.id = d.customerId
                    WHERE d.digest = ? AND c.erasedAt IS NULL LIMIT 1
                    """), arguments: [format + ":" + digest.lowercased()])
    }

    static func hexDigest(_ text: String, format: String) -> String? {
        let data = Data(text.utf8)
        let bytes: [UInt8]
        switch format {
        case "sha256": bytes = Array(SHA256.hash(data: data))
        case "sha1": bytes = Array(Insecure.SHA1.hash(data: data))
        case "md5": bytes = Array(Insecure.MD5.hash(data: data))
        default: return nil
        }
        return bytes.lowercaseHex
    }
}
