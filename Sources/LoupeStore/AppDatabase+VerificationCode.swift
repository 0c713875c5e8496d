import Crypto
import Foundation
import GRDB
import LoupeDomain

/// A code sent to confirm a requester's identity: where it went (masked) and until when it works.
public struct VerificationCodeSent: Equatable, Sendable, Codable {
    public var request: String
    public var sentTo: String
    public var expiresAt: Date
}

extension AppDatabase {
    /// How long a code works, and how many wrong tries it takes.
    static let codeLifetime: TimeInterval = 24 * 3600
    static let codeAttempts = 5

    /// Sends a six-digit code to the address **on file** for the request's customer (which may differ from the
    /// address the request came from), queued in the outbox; stores only a keyed hash of it, with its expiry and
    /// attempts. A new code replaces an earlier one. One transaction, audited (never the code).
    public func sendVerificationCode(publicId: String, actor: StaffMember, at time: Date) throws -> VerificationCodeSent {
        try write { db in
            let detail = try Self.fetchDetail(db, publicId: publicId)
            let member = try Self.currentMember(db, actor)
            try RequestRules.check(
                .verify, on: detail.summary.facts, by: member, now: time, policy: Self.deadlinePolicy(db),
                as: .sendVerificationCode)
            guard
                let onFile = try String.fetchOne(
                    db,
                    sql: """
                        SELECT c.email FROM privacyRequest r JOIN customer c ON c.id = r.customerId WHERE r.id = ?
                        """, arguments: [detail.summary.id])
            else {
                throw LoupeError(
                    .notAllowed,
                    "\(publicId) matched no customer with an email on file: a code can only go to an address on file. Verify another way (order details or a document)."
                )
            }
            let code = String(format: "%06d", Int.random(in: 0...999_999))
            let expires = time.addingTimeInterval(Self.codeLifetime)
            try db.execute(
                sql: """
                    INSERT INTO verificationCode (requestId, codeHash, expiresAt, attemptsLeft, sentAt) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(requestId) DO UPDATE SET codeHash = excluded.codeHash, expiresAt = excluded.expiresAt,
                        attemptsLeft = excluded.attemptsLeft, sentAt = excluded.sentAt
                    """,
                arguments: [
                    detail.summary.id, try codeHash(db, code, requestId: detail.summary.id), expires,
                    Self.codeAttempts, time,
                ])
            let name = try String.fetchOne(
                db, sql: "SELECT fullName FROM customer c JOIN privacyRequest r ON r.customerId = c.id WHERE r.id = ?",
                arguments: [detail.summary.id])
            try queueMessage(
                db, .verificationCode, requestId: detail.summary.id, extra: [.verificationCode: OutboxSecret.mask],
                recipient: (name, onFile), secret: code, actor: actor.userName, at: time)
            try PrivacyRequestRecord.touch(db, id: detail.summary.id)
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .verificationCodeSent, target: publicId,
                details: ["to": "the address on file", "expires": CivilTime.iso8601(expires)])
            return VerificationCodeSent(request: publicId, sentTo: Masking.email(onFile), expiresAt: expires)
        }
    }

    /// Checks a code for the request: verified (method email-code, "email code confirmed from the address on
    /// file") when it matches, in time and within its attempts. A wrong code uses up an attempt — recorded even
    /// though the answer is a refusal — and a wrong, expired or exhausted code is refused with the reason.
    @discardableResult
    public func confirmVerificationCode(publicId: String, code: String, actor: StaffMember, at time: Date) throws
        -> RequestDetail {
        let typed = code.filter(\.isNumber)
        let outcome: Result<RequestDetail, LoupeError> = try write { db in
            // The gate first: someone who may not confirm it cannot use up its attempts either.
            try Self.authorize(db, actor, .confirmVerificationCode,
                               AccessFacts(holder: try Self.assignee(db, publicId: publicId)))
            guard
                let requestId = try Int64.fetchOne(
                    db, sql: "SELECT id FROM privacyRequest WHERE publicId = ?", arguments: [publicId]),
                let row = try Row.fetchOne(
                    db, sql: "SELECT codeHash, expiresAt, attemptsLeft FROM verificationCode WHERE requestId = ?",
                    arguments: [requestId])
            else {
                return .failure(
                    LoupeError(
                        .notFound,
                        "No code was sent for \(publicId): send one with `loupe requests verify \(publicId) --method email-code`."
                    ))
            }
            let attemptsLeft: Int = row["attemptsLeft"]
            guard attemptsLeft > 0 else {
                return .failure(
                    LoupeError(
                        .notAllowed,
                        "The code for \(publicId) was tried \(Self.codeAttempts) times and no longer works: send a new one."
                    ))
            }
            guard (row["expiresAt"] as Date) > time else {
                return .failure(
                    LoupeError(
                        .notAllowed, "The code for \(publicId) expired (codes work for 24 hours): send a new one."))
            }
            guard try codeMatches(db, typed, requestId: requestId, hash: row["codeHash"]) else {
                try useAttempt(db, requestId: requestId, publicId: publicId, left: attemptsLeft - 1, via: "typed",
                               actor: actor.userName, at: time)
                return .failure(
                    LoupeError(
                        .notAllowed,
                        "That is not the code sent for \(publicId); \(attemptsLeft - 1) tr\(attemptsLeft - 1 == 1 ? "y" : "ies") left."
                    ))
            }
            return .success(try acceptCode(db, requestId: requestId, publicId: publicId, actor: actor.userName, at: time))
        }
        return try outcome.get()
    }

    /// Whether `code` is the one whose hash is stored, compared in constant time (every byte, whatever the first
    /// difference). Both doors use it: a code typed by an agent and one carried by a reply.
    func codeMatches(_ db: Database, _ code: String, requestId: Int64, hash expected: String) throws -> Bool {
        let given = try codeHash(db, code, requestId: requestId)
        return code.count == 6 && expected.utf8.count == given.utf8.count
            && zip(expected.utf8, given.utf8).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0
    }

    /// A matching code: it is spent, and the request verified "from the address on file", in the caller's
    /// transaction.
    func acceptCode(_ db: Database, requestId: Int64, publicId: String, actor: String, at time: Date) throws
        -> RequestDetail {
        try db.execute(sql: "DELETE FROM verificationCode WHERE requestId = ?", arguments: [requestId])
        return try performInTransaction(
            db, .verify(method: .emailCode, note: "email code confirmed from the address on file"), on: publicId,
            expectedVersion: nil, actorName: actor, at: time)
    }

    /// A wrong code: one attempt used, audited (never the code), in the caller's transaction.
    func useAttempt(_ db: Database, requestId: Int64, publicId: String, left: Int, via: String, actor: String,
                    at time: Date) throws {
        try db.execute(sql: "UPDATE verificationCode SET attemptsLeft = attemptsLeft - 1 WHERE requestId = ?",
                       arguments: [requestId])
        try AuditLog.append(db, at: time, actor: actor, event: .verificationCodeRefused, target: publicId,
                            details: ["attemptsLeft": String(left), "via": via])
    }

    /// A code's keyed hash: HMAC-SHA256 under a key derived from the vault key, bound to the request.
    func codeHash(_ db: Database, _ code: String, requestId: Int64) throws -> String {
        let key = try currentVault(db).derivedKey("loupe verification code")
        return HMAC<SHA256>.authenticationCode(for: Data("\(requestId):\(code)".utf8), using: key)
            .map { String(format: "%02x", $0) }.joined()
    }

    /// Schema: one pending code per request.
    static func addVerificationCodes(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE verificationCode (
                    requestId INTEGER PRIMARY KEY REFERENCES privacyRequest(id),
                    codeHash TEXT NOT NULL,
                    expiresAt TEXT NOT NULL,
                    attemptsLeft INTEGER NOT NULL,
                    sentAt TEXT NOT NULL
                )
                """)
    }
}
