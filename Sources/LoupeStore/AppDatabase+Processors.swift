import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// Adds a processor (a courier, a payment provider, a host) with its contact, purpose and the day its
    /// agreement was signed. Admins only; a name is added once. Audited.
    public func addProcessor(_ processor: Processor, actor: StaffMember, at time: Date) throws {
        let name = try TextRules.validated(processor.name, field: "name")
        let contact = try TextRules.validated(processor.contact, field: "contact")
        let purpose = try TextRules.validated(processor.purpose, field: "purpose")
        guard CivilTime.parseDay(processor.agreementDate) != nil else {
            throw LoupeError(
                .invalidInput,
                "The agreement date “\(TextRules.printable(processor.agreementDate))” is "
                    + "not a day; write YYYY-MM-DD.")
        }
        try write { db in
            try Self.authorize(db, actor, .addProcessor)
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM processor WHERE name = ?", arguments: [name]) == 0
            else {
                throw LoupeError(.conflict, "\(name) is already on the processors list.")
            }
            try db.execute(
                sql: """
                    INSERT INTO processor (name, kind, contact, purpose, agreementDate, addedBy, addedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    name, processor.kind.rawValue, contact, purpose, processor.agreementDate,
                    actor.userName, time,
                ])
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .processorAdded, target: "processor:\(name)",
                details: ["kind": processor.kind.rawValue])
        }
    }

    /// The processors, by kind and name.
    public func processors() throws -> [Processor] {
        try read { db in try Self.processors(db) }
    }

    static func processors(_ db: Database) throws -> [Processor] {
        try Row.fetchAll(db, sql: "SELECT * FROM processor ORDER BY kind, name").map { row in
            Processor(
                name: row["name"], kind: try decode(row["kind"]), contact: row["contact"],
                purpose: row["purpose"], agreementDate: row["agreementDate"])
        }
    }

    /// The record of processing activities (Art. 30): the data map's categories, purposes and retention periods
    /// as configured, the processors, and the disclosure register counted by recipient.
    public func recordOfProcessing() throws -> RecordOfProcessing {
        try read { db in
            var days: [RetentionCategory: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT category, days FROM retentionRule") {
                if let category = RetentionCategory(rawValue: row["category"]) { days[category] = row["days"] }
            }
            return RecordOfProcessing(
                controller: Self.defaultShopName, contact: try Self.privacyAddressText(db),
                processors: try Self.processors(db), disclosures: try Self.disclosureSummaries(db),
                retentionDays: days)
        }
    }
}
