import Foundation
import GRDB
import LoupeDomain

/// A published version of the privacy policy.
public struct PolicyVersion: Equatable, Sendable, Codable {
    public var version: String
    public var effectiveAt: Date
    public var summary: String
    public var publishedAt: Date
    /// The whole text as published (nil for a version published before Loupe kept texts).
    public var fullText: String?
    /// Whether it changes what data is used for: customers with marketing consent were told.
    public var changesPurposes: Bool
}

extension AppDatabase {
    /// Every published policy version, oldest first.
    public func policyVersions() throws -> [PolicyVersion] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM policyVersion ORDER BY effectiveAt").map(Self.policyVersion)
        }
    }

    /// One published version, with its full text.
    public func policyVersion(_ version: String) throws -> PolicyVersion {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM policyVersion WHERE version = ?",
                                             arguments: [version]) else {
                throw LoupeError(.notFound, "No policy version \(TextRules.printable(version)); list them with "
                                 + "`loupe policy list`.")
            }
            return Self.policyVersion(row)
        }
    }

    /// The longest policy text accepted (a policy is a few pages; a bigger file is the wrong file).
    public static let maxPolicyTextBytes = 256 * 1_024

    /// Publishes a new policy version: its full text, the date it takes effect and what changed. Admins only; a
    /// version is published once. When it changes a purpose, every customer whose marketing consent stands is
    /// sent a notice (the `policy-changed` template), queued in the same transaction and sent by the outbox in
    /// batches. Audited. Returns how many notices were queued.
    @discardableResult
    public func publishPolicy(version: String, effectiveAt: Date, summary: String, fullText: String? = nil,
                              changesPurposes: Bool = false, actor: StaffMember, at time: Date) throws -> Int {
        let version = try TextRules.validated(version, field: "version")
        let summary = try TextRules.validated(summary, field: "summary")
        if let fullText {
            guard fullText.utf8.count <= Self.maxPolicyTextBytes else {
                throw LoupeError(.invalidInput, "The policy text is \(fullText.utf8.count) bytes; the limit is "
                                 + "\(Self.maxPolicyTextBytes). Is it the right file?")
            }
            guard !fullText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw LoupeError(.invalidInput, "The policy text is empty; give the file with the whole policy.")
            }
            if let bad = fullText.unicodeScalars.first(where: { TextRules.isForbidden($0, allowNewlines: true) }) {
                throw LoupeError(.invalidInput, String(format: "The policy text contains the control character "
                                                       + "U+%04X; save it as plain text.", bad.value))
            }
        }
        return try write { db in
            try Self.authorize(db, actor, .publishPolicy)
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM policyVersion WHERE version = ?",
                                   arguments: [version]) == 0 else {
                throw LoupeError(.conflict, "Policy version \(version) is already published; give the new one another name.")
            }
            try PolicyVersionRecord(version: version, effectiveAt: effectiveAt, summary: summary, publishedAt: time,
                                    fullText: fullText, changesPurposes: changesPurposes).insert(db)
            try AuditLog.append(db, at: time, actor: actor.userName, event: .policyPublished, target: "policy:\(version)",
                                details: ["effective": CivilTime.iso8601(effectiveAt),
                                          "purposes changed": changesPurposes ? "yes" : "no"])
            guard changesPurposes else { return 0 }
            let policy = try Self.deadlinePolicy(db)
            return try queueNotices(
                db, .policyChanged, customerIdsSQL: Self.marketingConsentSQL,
                values: [.policyVersion: version, .policyEffectiveOn: policy.dayString(effectiveAt),
                         .policySummary: summary],
                target: "policy:\(version)", actor: actor.userName, at: time)
        }
    }

    /// The customers whose email-marketing consent stands (their last event on it is a grant).
    static let marketingConsentSQL = """
        SELECT e.customerId FROM consentEvent e WHERE e.purpose = 'email-marketing' AND e.granted = 1
            AND NOT EXISTS (SELECT 1 FROM consentEvent later WHERE later.customerId = e.customerId
                AND later.purpose = e.purpose AND (later.occurredAt > e.occurredAt
                    OR (later.occurredAt = e.occurredAt AND later.id > e.id)))
        """

    private static func policyVersion(_ row: Row) -> PolicyVersion {
        PolicyVersion(version: row["version"], effectiveAt: row["effectiveAt"], summary: row["summary"],
                      publishedAt: row["publishedAt"], fullText: row["fullText"], changesPurposes: row["changesPurposes"])
    }
}
