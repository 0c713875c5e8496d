import Foundation
import GRDB
import LoupeDomain

/// A published version of the privacy policy.
public struct PolicyVersion: Equatable, Sendable, Codable {
    public var version: String
    public var effectiveAt: Date
    public var summary: String
    public var publishedAt: Date
}

extension AppDatabase {
    /// Every published policy version, oldest first.
    public func policyVersions() throws -> [PolicyVersion] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM policyVersion ORDER BY effectiveAt").map {
                PolicyVersion(version: $0["version"], effectiveAt: $0["effectiveAt"], summary: $0["summary"], publishedAt: $0["publishedAt"])
            }
        }
    }

    /// Publishes a new policy version with the date it takes effect. Admins only; audited. A version is
    /// published once.
    public func publishPolicy(version: String, effectiveAt: Date, summary: String, actor: StaffMember, at time: Date) throws {
        let version = try TextRules.validated(version, field: "version")
        let summary = try TextRules.validated(summary, field: "summary")
        try write { db in
            try StaffRules.requireAdmin(try Self.freshActor(db, actor))
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM policyVersion WHERE version = ?", arguments: [version]) == 0 else {
                throw LoupeError(.conflict, "Policy version \(version) is already published; give the new one another name.")
            }
            try PolicyVersionRecord(version: version, effectiveAt: effectiveAt, summary: summary, publishedAt: time)
                .insert(db)
            try AuditLog.append(db, at: time, actor: actor.userName, event: .policyPublished, target: "policy:\(version)",
                                details: ["effective": CivilTime.iso8601(effectiveAt)])
        }
    }
}
