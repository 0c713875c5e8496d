import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// Records an authority's request for a customer's data: who asks, on what legal basis, their reference, the
    /// fields asked for, and why the subject must not be told (when the law says so). It waits for a supervisor
    /// who did not record it (four eyes). One transaction, audited.
    public func recordAuthorityRequest(
        authority: String, legalBasis: String, reference: String, customerPublicId: String,
        fields: [DisclosureField], secrecyReason: String?, actor: StaffMember, at time: Date
    ) throws -> AuthorityRequest {
        let authority = try TextRules.validated(authority, field: "authority")
        let legalBasis = try TextRules.validated(legalBasis, field: "legal basis")
        let reference = try TextRules.validated(reference, field: "reference")
        let secrecy = try secrecyReason.map { try TextRules.validated($0, field: "reason for secrecy") }
        guard !fields.isEmpty else {
            throw LoupeError(.invalidInput, "Name the fields asked for (--fields name,email).")
        }
        return try write { db in
            try Self.authorize(db, actor, .recordAuthorityRequest)
            let customerId = try Self.customerRowId(db, customerPublicId)
            let sequence = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM authorityRequest") ?? 0) + 1
            let year = try Self.deadlinePolicy(db).dayString(time).prefix(4)
            let publicId = String(format: "AR-%@-%04lld", String(year), sequence)
            try db.execute(
                sql: """
                    INSERT INTO authorityRequest (id, publicId, authority, legalBasis, reference, customerId,
                        fieldsRequested, secrecyReason, status, proposedBy, receivedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'awaiting-approval', ?, ?)
                    """,
                arguments: [
                    sequence, publicId, authority, legalBasis, reference, customerId,
                    DisclosureField.listText(fields), secrecy, actor.userName, time,
                ])
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .authorityRequestRecorded, target: publicId,
                details: [
                    "customer": customerPublicId, "fields": DisclosureField.listText(fields),
                    "secret": secrecy == nil ? "no" : "yes",
                ])
            return try Self.authorityRequest(db, publicId: publicId)
        }
    }

    /// A supervisor's decision on an authority's request: approve (disclosing `fields`, all those asked for when
    /// nil) or refuse with a note. Approval records the disclosure with the exact fields and tells the subject
    /// through the outbox, unless the request says the law forbids it (then the disclosure is marked withheld).
    /// Returns the request and, when approved, the values handed over. One transaction, audited.
    public func decideAuthorityRequest(
        publicId: String, approve: Bool, fields: [DisclosureField]? = nil, note: String?, actor: StaffMember,
        at time: Date
    ) throws -> (request: AuthorityRequest, handedOver: [(DisclosureField, String)]) {
        let note = try note.map { try TextRules.validated($0, field: "note") }
        if !approve && note == nil {
            throw LoupeError(.invalidInput, "Say why the disclosure is refused (--note TEXT).")
        }
        return try write { db in
            let member = try Self.currentMember(db, actor)
            let request = try Self.authorityRequest(db, publicId: publicId)
            try request.checkDecision(by: member, disclosing: approve ? fields : nil)
            try db.execute(
                sql: """
                    UPDATE authorityRequest SET status = ?, decidedBy = ?, decidedAt = ?, decisionNote = ?
                    WHERE publicId = ?
                    """, arguments: [approve ? "disclosed" : "refused", actor.userName, time, note, publicId])
            var handedOver: [(DisclosureField, String)] = []
            let disclosed = fields ?? request.fieldsRequested
            if approve {
                let customerId = try Int64.fetchOne(
                    db, sql: "SELECT customerId FROM authorityRequest WHERE publicId = ?",
                    arguments: [publicId])!
                try db.execute(
                    sql: """
                        INSERT INTO disclosure (recipientKind, recipient, customerId, authorityRequestId, fields,
                            disclosedAt,
                            disclosedBy, withheldReason)
                        SELECT 'authority', authority, customerId, id, ?, ?, ?, secrecyReason FROM authorityRequest
                        WHERE publicId = ?
                        """, arguments: [DisclosureField.listText(disclosed), time, actor.userName, publicId])
                handedOver = try Self.fieldValues(db, customerId: customerId, fields: disclosed)
                if request.secrecyReason == nil {
                    try queueNotices(
                        db, .authorityDisclosure, customerIdsSQL: "SELECT ?", arguments: [customerId],
                        values: [
                            .authorityName: request.authority,
                            .disclosedFields: disclosed.map(\.rawValue).joined(separator: ", "),
                        ],
                        target: publicId, actor: actor.userName, at: time)
                }
            }
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .authorityRequestDecided, target: publicId,
                details: [
                    "decision": approve ? "disclosed" : "refused",
                    "fields": approve ? DisclosureField.listText(disclosed) : "",
                    "subject told": approve && request.secrecyReason == nil ? "yes" : "no",
                ])
            return (try Self.authorityRequest(db, publicId: publicId), handedOver)
        }
    }

    /// Every authority's request, newest first.
    public func authorityRequests(actor: StaffMember) throws -> [AuthorityRequest] {
        try authorityRequests(reader: actor)
    }

    /// `authorityRequests` without the gate: for the store's own use and its tests.
    func authorityRequests() throws -> [AuthorityRequest] {
        try authorityRequests(reader: nil)
    }

    func authorityRequests(reader: StaffMember?) throws -> [AuthorityRequest] {
        try read(as: reader, .readRegisters) { db in
            try String.fetchAll(db, sql: "SELECT publicId FROM authorityRequest ORDER BY id DESC")
                .map { try Self.authorityRequest(db, publicId: $0) }
        }
    }

    static func authorityRequest(_ db: Database, publicId: String) throws -> AuthorityRequest {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT a.*, c.publicId AS customer FROM authorityRequest a JOIN customer c ON c.id = a.customerId
                    WHERE a.publicId = ?
                    """, arguments: [publicId])
        else {
            throw LoupeError(
                .notFound,
                "No authority request \(TextRules.printable(publicId)); list them with "
                    + "`loupe authority list`.")
        }
        return AuthorityRequest(
            publicId: row["publicId"], authority: row["authority"], legalBasis: row["legalBasis"],
            reference: row["reference"], customer: row["customer"],
            fieldsRequested: try DisclosureField.parseList(row["fieldsRequested"]), secrecyReason: row["secrecyReason"],
            status: try decode(row["status"]), proposedBy: row["proposedBy"], receivedAt: row["receivedAt"],
            decidedBy: row["decidedBy"], decidedAt: row["decidedAt"], decisionNote: row["decisionNote"])
    }

    /// The customer's values of `fields`, as handed over (one line per value).
    static func fieldValues(
        _ db: Database, customerId: Int64,
        fields: [DisclosureField]
    ) throws -> [(DisclosureField, String)] {
        let customer = try Row.fetchOne(
            db, sql: "SELECT fullName, email, phone FROM customer WHERE id = ?",
            arguments: [customerId])
        var values: [(DisclosureField, String)] = []
        func lines(_ field: DisclosureField, _ sql: String) throws {
            values += try String.fetchAll(db, sql: sql, arguments: [customerId]).map { (field, $0) }
        }
        for field in fields {
            switch field {
            case .name: values.append((field, customer?["fullName"] ?? ""))
            case .email: values.append((field, customer?["email"] ?? ""))
            case .phone: values.append((field, customer?["phone"] ?? ""))
            case .shippingAddress, .billingAddress:
                let kind = field == .shippingAddress ? "shipping" : "billing"
                try lines(
                    field,
                    """
                    SELECT line1 || COALESCE(', ' || line2, '') || ', ' || COALESCE(postalCode || ' ', '') || city
                        || COALESCE(', ' || region, '') || ', ' || country FROM address
                    WHERE customerId = ? AND kind = '\(kind)'
                    """)
            case .orders:
                try lines(
                    field,
                    """
                    SELECT number || ' ' || status || ' ' || placedAt || ' ' 
                        || printf('%.2f', totalMinor / 100.0) || ' '
                        || currency FROM customerOrder WHERE customerId = ? ORDER BY placedAt
                    """)
            case .paymentDetails:
                try lines(
                    field,
                    """
                    SELECT number || ': ' || paymentMethod || ' via ' || paymentProvider
                        || COALESCE(' ' || cardBrand || ' ending ' || cardLast4, '')
                    FROM customerOrder WHERE customerId = ? ORDER BY placedAt
                    """)
            case .deviceData:
                try lines(
                    field,
                    """
                    SELECT occurredAt || ' ' || COALESCE(ip, '') || ' ' || COALESCE(deviceModel, '') || ' '
                        || COALESCE(page, '') FROM deviceEvent WHERE customerId = ? ORDER BY occurredAt
                    """)
            case .feedback:
                try lines(
                    field, "SELECT createdAt || ' ' || text FROM feedback WHERE customerId = ? ORDER BY createdAt")
            }
        }
        return values
    }
}
