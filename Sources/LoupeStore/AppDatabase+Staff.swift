import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// Makes a new, empty database usable: `admin` (the OS user running `loupe init`) becomes its first admin.
    /// Refused when the database already has staff. One transaction, audited.
    public func initialize(admin userName: String, displayName: String, at time: Date) throws {
        try write { db in
            let staffCount = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM staff")) ?? 0
            guard staffCount == 0 else {
                throw LoupeError(.conflict,
                    "This database is already initialised. Add staff with `loupe staff add USER --role agent`.")
            }
            try AppDatabase.setSetting(db, .timeZone, "UTC")
            try db.execute(
                sql: "INSERT INTO staff (userName, displayName, role, isActive) VALUES (?, ?, 'admin', 1)",
                arguments: [userName, displayName])
            try AuditLog.append(db, at: time, actor: userName, event: .databaseInitialised, target: "loupe")
            try AuditLog.append(db, at: time, actor: userName, event: .staffAdded, target: "staff:\(userName)",
                                details: ["role": StaffRole.admin.rawValue])
        }
    }
}

extension AppDatabase {
    /// Adds a staff member, or gives an existing one a new role and reactivates them. Admins only; audited.
    @discardableResult
    public func addStaff(userName: String, role: StaffRole, displayName: String?, actor: StaffMember, at time: Date) throws -> StaffMember {
        try write { db in
            try Self.authorize(db, actor, .manageStaff)
            let name = try StaffRules.validatedUserName(userName)
            let display = try displayName.map { try TextRules.validated($0, field: "display name") } ?? name
            let existing = try Self.fetchStaff(db, userName: name)
            if let existing {
                let admins = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM staff WHERE role = 'admin' AND isActive")) ?? 0
                try StaffRules.checkRoleChange(of: existing, to: role, activeAdmins: admins)
            }
            let existed = existing != nil
            try db.execute(
                sql: """
                    INSERT INTO staff (userName, displayName, role, isActive) VALUES (?, ?, ?, 1)
                    ON CONFLICT(userName) DO UPDATE SET role = excluded.role, isActive = 1,
                        displayName = CASE WHEN ? THEN excluded.displayName ELSE displayName END
                    """,
                arguments: [name, display, role.rawValue, displayName != nil])
            try AuditLog.append(db, at: time, actor: actor.userName, event: existed ? .staffUpdated : .staffAdded,
                                target: "staff:\(name)", details: ["role": role.rawValue])
            return try Self.fetchStaff(db, userName: name)!
        }
    }

    /// Deactivates a staff member (they can no longer act; their history stays). Admins only; audited.
    public func deactivateStaff(userName: String, actor: StaffMember, at time: Date) throws {
        try write { db in
            try Self.authorize(db, actor, .manageStaff)
            guard let member = try Self.fetchStaff(db, userName: userName) else {
                throw LoupeError(.notFound, "'\(userName)' is not staff; see `loupe staff list`.")
            }
            let admins = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM staff WHERE role = 'admin' AND isActive")) ?? 0
            try StaffRules.checkDeactivation(of: member, activeAdmins: admins)
            try db.execute(sql: "UPDATE staff SET isActive = 0 WHERE userName = ?", arguments: [userName])
            let held = try String.fetchAll(db.cachedStatement(sql: "SELECT publicId FROM privacyRequest WHERE assignee = ? AND \(Self.openStatusSQL)"), arguments: [userName])
            try AuditLog.append(db, at: time, actor: actor.userName, event: .staffDeactivated, target: "staff:\(userName)",
                                details: ["releasedRequests": String(held.count)])
            // Their open requests go back to the queue, each with its own audit entry.
            for publicId in held {
                typealias Columns = PrivacyRequestRecord.Columns
                try PrivacyRequestRecord.filter(Columns.publicId == publicId)
                    .updateAll(db, [Columns.assignee.set(to: nil), Columns.version += 1])
                try AuditLog.append(db, at: time, actor: actor.userName, event: .request(.release), target: publicId,
                                    details: ["from": userName, "because": AuditEvent.staffDeactivated.action])
            }
        }
    }

    /// Every staff member, by user name.
    public func staffList() throws -> [StaffMember] {
        try read { db in
            try String.fetchAll(db.cachedStatement(sql: "SELECT userName FROM staff ORDER BY userName")).compactMap {
                try Self.fetchStaff(db, userName: $0)
            }
        }
    }

    /// The actor as the database knows them now (their role may have changed since they started).
    /// Asks the gate whether `actor` may take `useCase` (no particular item), before a front door starts work the
    /// use case will need: reading a mailbox, preparing a send. The use case itself asks again in its transaction.
    public func authorize(_ useCase: UseCase, actor: StaffMember) throws {
        _ = try read { db in try Self.authorize(db, actor, useCase) }
    }

    /// The gate, inside the use case's transaction: the actor re-read from the staff table, then
    /// `AccessGate.may` for `useCase` on the item `facts` describe. Returns the member on file; throws the
    /// refusal (`.notAllowed`) before anything is read or written.
    @discardableResult
    static func authorize(_ db: Database, _ actor: StaffMember, _ useCase: UseCase,
                          _ facts: AccessFacts = .none) throws -> StaffMember {
        let onFile = try fetchStaff(db, userName: actor.userName)
        try AccessGate.require(AccessActor(claimed: actor, onFile: onFile), useCase, facts)
        return onFile!
    }

    /// The actor as the staff table has them now, when still active and in the role the session began with
    /// (the domain rule that follows, e.g. `RequestRules.check`, asks the gate for its use case).
    @discardableResult
    static func currentMember(_ db: Database, _ actor: StaffMember) throws -> StaffMember {
        switch AccessGate.current(AccessActor(claimed: actor, onFile: try fetchStaff(db, userName: actor.userName))) {
        case .success(let member): member
        case .failure(let refusal): throw refusal.error
        }
    }
}
