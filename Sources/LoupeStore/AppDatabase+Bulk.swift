import Foundation
import LoupeDomain

/// A request a bulk command acts on: its id, and the version its user saw (a newer one refuses it).
public struct VersionedRequest: Equatable, Sendable {
    public var publicId: String
    public var version: Int?

    /// Makes a target.
    public init(publicId: String, version: Int?) {
        self.publicId = publicId
        self.version = version
    }
}

extension AppDatabase {
    /// Runs one lifecycle command on each request, each in its own transaction: a refusal (a stale version, a
    /// rule) stops only that one and is reported with its reason. After approvals, what the erasures left
    /// outside their transactions (files, search-index tokens, the WAL) is removed at once.
    public func performBulk(_ command: RequestCommand, on targets: [VersionedRequest], actor: StaffMember,
                            at time: Date) -> BulkOutcome {
        var outcome = BulkOutcome()
        for target in targets {
            do {
                _ = try perform(command, on: target.publicId, expectedVersion: target.version, actor: actor, at: time)
                outcome.succeeded.append(target.publicId)
            } catch let error as LoupeError {
                outcome.refused.append(.init(publicId: target.publicId, reason: error.message))
            } catch {
                outcome.refused.append(.init(publicId: target.publicId, reason: "Could not write the database."))
            }
        }
        if command == .approve && !outcome.succeeded.isEmpty { _ = try? finishErasures() }
        return outcome
    }
}
