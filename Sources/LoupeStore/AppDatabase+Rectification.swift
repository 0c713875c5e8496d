import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// Before and after of every field the rectification would change: the corrections the request carries,
    /// plus (or overridden by) `extra`.
    public func rectificationPreview(publicId: String, extra: [CorrectableField: String] = [:], actor: StaffMember)
        throws -> [FieldChange]
    {
        try rectificationPreview(publicId: publicId, extra: extra, reader: actor)
    }

    /// `rectificationPreview` without the gate: for the store's own use and its tests.
    func rectificationPreview(publicId: String, extra: [CorrectableField: String] = [:]) throws -> [FieldChange] {
        try rectificationPreview(publicId: publicId, extra: extra, reader: nil)
    }

    func rectificationPreview(publicId: String, extra: [CorrectableField: String] = [:], reader: StaffMember?) throws
        -> [FieldChange]
    {
        try read(as: reader, .readRequests) { db in
            try Self.rectificationChanges(db, publicId: publicId, extra: extra).changes
        }
    }

    /// Applies the corrections of a verified rectification request in one transaction: the customer's profile and
    /// shipping address, one notice task per courier that received the old name, address or phone, and an audit
    /// entry naming the fields (never the values). The request stays in progress until it is completed.
    @discardableResult
    public func rectify(publicId: String, extra: [CorrectableField: String] = [:], actor: StaffMember, at time: Date) throws -> [FieldChange] {
        try write { db in
            let request = try Self.fetchDetail(db, publicId: publicId)
            try RequestRules.check(.rectify, on: request.summary.facts, by: Self.currentMember(db, actor), now: time,
                                   policy: Self.deadlinePolicy(db))
            let (customerId, changes) = try Self.rectificationChanges(db, publicId: publicId, extra: extra)
            let changed = changes.filter { $0.before != $0.after }
            guard !changed.isEmpty else {
                throw LoupeError(.invalidInput, "Every correction already matches what the shop holds: nothing to change.")
            }
            let values = Dictionary(uniqueKeysWithValues: changed.map { ($0.field, $0.after) })
            // One UPDATE per row, so no in-between version of the row is left in free space.
            func value(_ field: CorrectableField) -> String? { values[field.rawValue] }
            try db.execute(sql: """
                UPDATE customer SET fullName = COALESCE(?, fullName), email = COALESCE(?, email), phone = COALESCE(?, phone)
                WHERE id = ?
                """, arguments: [value(.fullName), value(.email), value(.phone), customerId])
            try db.execute(sql: """
                UPDATE address SET line1 = COALESCE(?, line1), city = COALESCE(?, city), postalCode = COALESCE(?, postalCode),
                    country = COALESCE(?, country)
                WHERE id = (SELECT id FROM address WHERE customerId = ? AND kind = 'shipping' ORDER BY id LIMIT 1)
                """, arguments: [value(.addressLine), value(.city), value(.postalCode), value(.country), customerId])
            let fields = changed.compactMap { CorrectableField(rawValue: $0.field) }
            var couriers: [String] = []
            if fields.contains(where: \.reachesCouriers) {
                couriers = try String.fetchAll(db, sql: """
                    SELECT DISTINCT carrier FROM customerOrder
                    WHERE id IN (SELECT value FROM json_each(?)) AND carrier IS NOT NULL AND trackingNumber IS NOT NULL ORDER BY carrier
                    """, arguments: [Self.jsonArray(try Self.orderIds(db, customerId: customerId))])
                for courier in couriers {
                    try ProcessorTaskRecord(requestId: request.summary.id, recipient: courier, recipientKind: "courier",
                                            status: ProcessorTask.Status.open.rawValue, createdAt: time).insert(db)
                }
            }
            try PrivacyRequestRecord.touch(db, id: request.summary.id)
            try AuditLog.append(db, at: time, actor: actor.userName, event: .request(.rectify), target: publicId, details: [
                "fields": changed.map(\.field).sorted().joined(separator: ","), "tasks": String(couriers.count),
            ])
            return changed
        }
    }

    private static func rectificationChanges(
        _ db: Database, publicId: String, extra: [CorrectableField: String]
    ) throws -> (customerId: Int64, changes: [FieldChange]) {
        guard let request = try Row.fetchOne(db, sql: "SELECT kind, customerId, payload FROM privacyRequest WHERE publicId = ?",
                                             arguments: [publicId])
        else { throw LoupeError(.notFound, "No request \(publicId). List requests with `loupe requests list`.") }
        guard request["kind"] == RequestKind.rectification.rawValue else {
            throw LoupeError(.notAllowed, "\(publicId) is not a rectification request.")
        }
        guard let customerId: Int64 = request["customerId"] else {
            throw LoupeError(.notAllowed, "\(publicId) matched no customer: there is nothing to correct. Reject it with a reason.")
        }
        var corrections: [CorrectableField: String] = [:]
        if let payload: String = request["payload"],
           let stored = try? JSONDecoder().decode([String: String].self, from: Data(payload.utf8)) {
            for (key, value) in stored { if let field = CorrectableField(rawValue: key) { corrections[field] = value } }
        }
        corrections.merge(extra) { $1 }
        corrections = try RectificationRules.validated(corrections)
        let current = try Row.fetchOne(db, sql: """
            SELECT c.fullName, c.email, c.phone, a.line1, a.city, a.postalCode, a.country FROM customer c
            LEFT JOIN address a ON a.id = (SELECT id FROM address WHERE customerId = c.id AND kind = 'shipping' ORDER BY id LIMIT 1)
            WHERE c.id = ?
            """, arguments: [customerId])!
        let columns: [CorrectableField: String] = [.fullName: "fullName", .email: "email", .phone: "phone", .addressLine: "line1",
                                                   .city: "city", .postalCode: "postalCode", .country: "country"]
        let changes = CorrectableField.allCases.compactMap { field in
            corrections[field].map { FieldChange(field: field.rawValue, before: current[columns[field]!], after: $0) }
        }
        return (customerId, changes)
    }
}
