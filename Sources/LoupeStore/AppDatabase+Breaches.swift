import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// Records a personal data breach: what happened, the categories of data and about how many people, and when
    /// the shop became aware (the 72-hour clock starts then). One transaction, audited.
    public func recordBreach(
        description: String, categories: [DataCategory], approximatePeople: Int,
        discoveredAt: Date, actor: StaffMember, at time: Date
    ) throws -> Breach {
        let description = try TextRules.validated(description, field: "description")
        guard !categories.isEmpty else {
            throw LoupeError(.invalidInput, "Name the categories of data concerned (--categories identity,payment).")
        }
        guard approximatePeople >= 0 else {
            throw LoupeError(
                .invalidInput, "The number of people is \(approximatePeople); give an estimate of 0 or more.")
        }
        guard discoveredAt <= time else {
            throw LoupeError(
                .invalidInput, "The breach is said to be discovered in the future; give when the shop learnt of it.")
        }
        return try write { db in
            try Self.authorize(db, actor, .recordBreach)
            let sequence = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM breach") ?? 0) + 1
            let year = try Self.deadlinePolicy(db).dayString(time).prefix(4)
            let publicId = String(format: "BR-%@-%02lld", String(year), sequence)
            try db.execute(
                sql: """
                    INSERT INTO breach (id, publicId, description, categories, approximatePeople, discoveredAt,
                        recordedBy,
                        recordedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    sequence, publicId, description, categories.map(\.key).joined(separator: ","),
                    approximatePeople, discoveredAt, actor.userName, time,
                ])
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .breachRecorded, target: publicId,
                details: [
                    "categories": categories.map(\.key).joined(separator: ","),
                    "people": String(approximatePeople),
                ])
            return try Self.breach(db, publicId: publicId)
        }
    }

    /// A supervisor records that the authority was told (with its reference); the clock stops.
    public func recordBreachAuthorityNotice(
        publicId: String, reference: String, actor: StaffMember,
        at time: Date
    ) throws -> Breach {
        let reference = try TextRules.validated(reference, field: "reference")
        return try write { db in
            let breach = try Self.breachForSupervisor(db, publicId, actor: actor, to: "record the notice to the authority")
            guard breach.authorityNotifiedAt == nil else {
                throw LoupeError(.conflict, "\(publicId): the authority was already told.")
            }
            try db.execute(
                sql: """
                    UPDATE breach SET authorityNotifiedAt = ?, authorityNotifiedBy = ?, authorityReference = ?
                    WHERE publicId = ?
                    """, arguments: [time, actor.userName, reference, publicId])
            let late = time > breach.authorityDeadline
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .breachAuthorityNotified, target: publicId,
                details: ["within 72h": late ? "no" : "yes"])
            return try Self.breach(db, publicId: publicId)
        }
    }

    /// A supervisor decides whether the people affected are told (Art. 34), with the reason.
    public func decideBreachNotice(
        publicId: String, tell: Bool, reason: String, actor: StaffMember,
        at time: Date
    ) throws -> Breach {
        let reason = try TextRules.validated(reason, field: "reason")
        return try write { db in
            let breach = try Self.breachForSupervisor(db, publicId, actor: actor, to: "decide whether people are told")
            guard breach.peopleToldAt == nil else {
                throw LoupeError(.conflict, "\(publicId): the people were already told.")
            }
            try db.execute(
                sql: """
                    UPDATE breach SET peopleDecision = ?, peopleDecisionReason = ?, peopleDecidedBy = ?,
                        peopleDecidedAt = ?
                    WHERE publicId = ?
                    """, arguments: [tell ? "tell" : "do-not-tell", reason, actor.userName, time, publicId])
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .breachDecided, target: publicId,
                details: ["decision": tell ? "tell" : "do-not-tell"])
            return try Self.breach(db, publicId: publicId)
        }
    }

    /// Tells the people affected, once a supervisor decided to: one notice per customer who has data in the
    /// breach's categories (a query over the data map's categories). Returns how many were queued.
    public func tellBreachAffected(publicId: String, actor: StaffMember, at time: Date) throws -> Int {
        try write { db in
            let breach = try Self.breachForSupervisor(db, publicId, actor: actor, to: "tell the people of a breach")
            guard breach.peopleDecision == "tell" else {
                throw LoupeError(
                    .notAllowed,
                    "\(publicId): no decision to tell the people yet; a supervisor records "
                        + "it first (loupe breaches decide \(publicId) --tell --reason TEXT).")
            }
            guard breach.peopleToldAt == nil else {
                throw LoupeError(.conflict, "\(publicId): the people were already told.")
            }
            let count = try queueNotices(
                db, .breachNotice, customerIdsSQL: Self.affectedCustomersSQL(breach.categories),
                values: [
                    .breachDescription: breach.description,
                    .breachCategories: breach.categories.map(\.rawValue).joined(separator: "; "),
                ],
                target: publicId, actor: actor.userName, at: time)
            try db.execute(
                sql: "UPDATE breach SET peopleToldAt = ?, peopleToldCount = ? WHERE publicId = ?",
                arguments: [time, count, publicId])
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .breachPeopleTold, target: publicId,
                details: ["notices": String(count)])
            return count
        }
    }

    /// Every breach, newest first.
    public func breaches(actor: StaffMember) throws -> [Breach] {
        try breaches(reader: actor)
    }

    /// `breaches` without the gate: for the store's own use and its tests.
    func breaches() throws -> [Breach] {
        try breaches(reader: nil)
    }

    func breaches(reader: StaffMember?) throws -> [Breach] {
        try read(as: reader, .readRegisters) { db in
            try String.fetchAll(db, sql: "SELECT publicId FROM breach ORDER BY id DESC").map {
                try Self.breach(db, publicId: $0)
            }
        }
    }

    /// The breaches the authority has not heard of yet, soonest deadline first.
    static func breachDeadlines(_ db: Database) throws -> [BreachDeadline] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT publicId, discoveredAt FROM breach WHERE authorityNotifiedAt IS NULL ORDER BY discoveredAt
                """
        ).map { row in
            BreachDeadline(
                publicId: row["publicId"],
                deadline: (row["discoveredAt"] as Date).addingTimeInterval(Breach.authorityWindow))
        }
    }

    /// The customers with data in any of `categories`, as a query giving `c.id`.
    static func affectedCustomersSQL(_ categories: [DataCategory]) -> String {
        let conditions = categories.map { category -> String in
            switch category {
            case .identity: "1"
            case .address: "EXISTS (SELECT 1 FROM address a WHERE a.customerId = c.id)"
            case .orders, .payment: "EXISTS (SELECT 1 FROM customerOrder o WHERE o.customerId = c.id)"
            case .tracking:
                "EXISTS (SELECT 1 FROM customerOrder o WHERE o.customerId = c.id AND o.trackingNumber IS NOT NULL)"
            case .device: "EXISTS (SELECT 1 FROM deviceEvent e WHERE e.customerId = c.id)"
            case .preferences: "(c.stylePreferences IS NOT NULL OR c.membershipTier IS NOT NULL)"
            case .feedback: "EXISTS (SELECT 1 FROM feedback f WHERE f.customerId = c.id)"
            case .consent: "EXISTS (SELECT 1 FROM consentEvent e WHERE e.customerId = c.id)"
            case .minors: "c.isMinor = 1"
            case .requests: "EXISTS (SELECT 1 FROM privacyRequest r WHERE r.customerId = c.id)"
            case .disclosures: "EXISTS (SELECT 1 FROM disclosure d WHERE d.customerId = c.id)"
            case .operations: "0"
            }
        }
        return "SELECT c.id FROM customer c WHERE " + conditions.joined(separator: " OR ")
    }

    /// The breach `publicId`, once `actor` is checked to be an active supervisor or admin (who `to` do it).
    private static func breachForSupervisor(_ db: Database, _ publicId: String, actor: StaffMember,
                                            to action: String) throws -> Breach {
        try authorize(db, actor, .decideBreach)
        return try breach(db, publicId: publicId)
    }

    static func breach(_ db: Database, publicId: String) throws -> Breach {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM breach WHERE publicId = ?", arguments: [publicId])
        else {
            throw LoupeError(
                .notFound, "No breach \(TextRules.printable(publicId)); list them with `loupe breaches list`.")
        }
        let categories = try (row["categories"] as String).split(separator: ",").map {
            try DataCategory.parse(key: String($0))
        }
        return Breach(
            publicId: row["publicId"], description: row["description"], categories: categories,
            approximatePeople: row["approximatePeople"], discoveredAt: row["discoveredAt"],
            recordedBy: row["recordedBy"], authorityNotifiedAt: row["authorityNotifiedAt"],
            authorityReference: row["authorityReference"], peopleDecision: row["peopleDecision"],
            peopleDecisionReason: row["peopleDecisionReason"], peopleToldAt: row["peopleToldAt"],
            peopleToldCount: row["peopleToldCount"])
    }
}
