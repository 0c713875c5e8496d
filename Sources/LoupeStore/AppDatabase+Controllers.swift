import Crypto
import Foundation
import GRDB
import LoupeDomain

/// An OpenDSR controller registered to send requests: its name and whether it may still.
public struct OpenDSRController: Equatable, Sendable, Codable {
    public var name: String
    public var addedBy: String
    public var addedAt: Date
    public var isActive: Bool
}

extension AppDatabase {
    /// Registers a controller and returns its bearer token, shown once: only its SHA-256 is stored. Adding a
    /// name again replaces its token (the old one stops working) and reactivates it. Admins only; audited.
    public func addController(name: String, actor: StaffMember, at time: Date) throws -> String {
        let name = try TextRules.validated(name, field: "controller name")
        guard name.count <= 64, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
            throw LoupeError(.invalidInput, "A controller name is up to 64 letters, digits, '-', '_' or '.'.")
        }
        let token = Self.randomToken()
        try write { db in
            try Self.authorize(db, actor, .manageControllers)
            try db.execute(
                sql: """
                    INSERT INTO openDSRController (name, tokenHash, addedBy, addedAt, isActive) VALUES (?, ?, ?, ?, 1)
                    ON CONFLICT(name) DO UPDATE SET tokenHash = excluded.tokenHash, isActive = 1
                    """, arguments: [name, Self.tokenHash(token), actor.userName, time])
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .controllerAdded, target: "controller:\(name)")
        }
        return token
    }

    /// Stops a controller's token working. Admins only; audited.
    public func deactivateController(name: String, actor: StaffMember, at time: Date) throws {
        try write { db in
            try Self.authorize(db, actor, .manageControllers)
            try db.execute(
                sql: "UPDATE openDSRController SET isActive = 0 WHERE name = ? AND isActive", arguments: [name])
            guard db.changesCount == 1 else {
                throw LoupeError(
                    .notFound, "No active controller '\(TextRules.printable(name))'; see `loupe controllers list`.")
            }
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .controllerDeactivated,
                target: "controller:\(name)")
        }
    }

    /// The registered controllers, by name. Admins only.
    public func controllers(actor: StaffMember) throws -> [OpenDSRController] {
        try read { db in
            try Self.authorize(db, actor, .manageControllers)
            return try Row.fetchAll(db, sql: "SELECT * FROM openDSRController ORDER BY name").map {
                OpenDSRController(
                    name: $0["name"], addedBy: $0["addedBy"], addedAt: $0["addedAt"],
                    isActive: $0["isActive"])
            }
        }
    }

    /// The active controller a bearer token belongs to, or nil (unknown, revoked, malformed): the service's
    /// first step on every OpenDSR route. The token is compared by its hash through the unique index.
    public func controller(bearerToken token: String) throws -> String? {
        guard (16...128).contains(token.utf8.count) else { return nil }
        return try read { db in
            try String.fetchOne(
                db.cachedStatement(sql: "SELECT name FROM openDSRController WHERE tokenHash = ? AND isActive"),
                arguments: [Self.tokenHash(token)])
        }
    }

    /// 256 random bits, base64url without padding.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
