import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// Makes a new, empty database usable: `admin` (the OS user running `loupe init`) becomes its first admin.
    /// Refused when the database already has staff. One transaction, audited.
    public func initialize(admin userName: String, displayName: String, at time: Date) throws {
        try write { db in
            let staffCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staff") ?? 0
            guard staffCount == 0 else {
                throw LoupeError(.conflict,
                    "This database is already initialised. Add staff with `loupe staff add USER --role agent`.")
            }
            try AppDatabase.setSetting(db, .timeZone, "UTC")
            try db.execute(
                sql: "INSERT INTO staff (userName, displayName, role, isActive) VALUES (?, ?, 'admin', 1)",
                arguments: [userName, displayName])
            try AuditLog.append(db, at: time, actor: userName, action: "database.init", target: "loupe")
            try AuditLog.append(db, at: time, actor: userName, action: "staff.add", target: "staff:\(userName)",
                                details: ["role": StaffRole.admin.rawValue])
        }
    }

    /// Runs one use case in one write transaction; errors other than Loupe's become `LoupeError(.storage)`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch let error as LoupeError {
            throw error
        } catch {
            throw LoupeError(.storage, "Could not write the database; nothing was changed.", cause: error)
        }
    }
}
