import Foundation
import GRDB
import LoupeDomain

/// Who a new request is about, as far as the shop's records tell.
struct SubjectMatch {
    var customerId: Int64?
    var isMinor = false
    /// How the match was made, for the audit entry: `email`, `phone`, `guest orders`, or `no`.
    var how = "no"
}

extension AppDatabase {
    /// Finds the customer a request names: by email, else by phone (customers the shop knows by phone only),
    /// else from guest orders placed under that email or phone. People known only from guest orders get a customer
    /// record made for them here, holding just the email or phone they gave and their orders, so that access,
    /// rectification and erasure reach those orders as they reach any customer's. An erased person is never
    /// matched or re-created (the suppression ledger).
    func matchSubject(_ db: Database, _ request: NewRequest, at time: Date) throws -> SubjectMatch {
        let phoneKey = request.phone.flatMap { PersonIdentifier.phone($0)?.value }
        if let email = request.email, let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, isMinor FROM customer WHERE email = ? AND erasedAt IS NULL ORDER BY id LIMIT 1
            """), arguments: [email]) {
            return SubjectMatch(customerId: row["id"], isMinor: row["isMinor"], how: "email")
        }
        if let phoneKey, let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, isMinor FROM customer WHERE phoneKey = ? AND erasedAt IS NULL ORDER BY id LIMIT 1
            """), arguments: [phoneKey]) {
            return SubjectMatch(customerId: row["id"], isMinor: row["isMinor"], how: "phone")
        }
        guard request.email != nil || phoneKey != nil,
              try suppression.match(db, [.email(request.email), .phone(request.phone)]) == nil else { return SubjectMatch() }
        let guestOrders = try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT id FROM customerOrder WHERE customerId IS NULL AND guestEmail = ?
            UNION SELECT id FROM customerOrder WHERE customerId IS NULL AND shipPhoneKey = ?
            """), arguments: [request.email, phoneKey])
        guard !guestOrders.isEmpty else { return SubjectMatch() }
        let customerId = (try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(id) FROM customer")) ?? 0) + 1
        let first = try Date.fetchOne(db.cachedStatement(sql: "SELECT MIN(placedAt) FROM customerOrder WHERE id IN (SELECT value FROM json_each(?))"),
                                      arguments: [Self.jsonArray(guestOrders)]) ?? time
        try db.execute(sql: """
            INSERT INTO customer (id, publicId, email, phone, createdAt) VALUES (?, ?, ?, ?, ?)
            """, arguments: [customerId, String(format: "C-%06lld", customerId), request.email, request.phone, first])
        try db.execute(sql: "UPDATE customerOrder SET customerId = ? WHERE id IN (SELECT value FROM json_each(?))",
                       arguments: [customerId, Self.jsonArray(guestOrders)])
        return SubjectMatch(customerId: customerId, how: "guest orders (\(guestOrders.count))")
    }
}
