import Crypto
import Foundation
import GRDB
import LoupeDomain

/// The suppression ledger: keyed digests (HMAC-SHA256, with a key derived from the vault key, which lives outside
/// the database) of every identifier an erased person had. Every path that creates or updates a person looks here
/// first, so no later import or intake brings them back. A digest cannot be reversed, and without the key it
/// cannot even be checked against a guessed email.
/// (`@unchecked Sendable`: swift-crypto 3 does not mark `SymmetricKey` Sendable, but the key is never mutated;
/// keeping it saves rebuilding it from bytes for every digest.)
struct SuppressionLedger: @unchecked Sendable {
    private let key: SymmetricKey

    /// A ledger keyed from `vault`.
    init(vault: RetentionVault) {
        key = vault.derivedKey("loupe suppression ledger v1")
    }

    /// The keyed digest of one identifier, in lower-case hex.
    func digest(_ identifier: PersonIdentifier) -> String {
        Array(HMAC<SHA256>.authenticationCode(for: Data(identifier.digestInput.utf8), using: key)).lowercaseHex
    }

    /// Records `identifiers` as erased by `requestPublicId`, inside the erasure's transaction.
    func record(_ db: Database, _ identifiers: Set<PersonIdentifier>, requestPublicId: String, at time: Date) throws {
        for identifier in identifiers {
            try db.cachedStatement(sql: """
                INSERT INTO suppression (digest, requestPublicId, erasedAt) VALUES (?, ?, ?) ON CONFLICT (digest) DO NOTHING
                """).execute(arguments: [digest(identifier), requestPublicId, time])
        }
    }

    /// The erasure that suppressed any of `identifiers`, or nil when none was erased.
    func match(_ db: Database, _ identifiers: [PersonIdentifier?]) throws -> Suppression? {
        for identifier in identifiers.compactMap({ $0 }) {
            if let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT requestPublicId, erasedAt FROM suppression WHERE digest = ?"),
                arguments: [digest(identifier)]) {
                return Suppression(erasedAt: row["erasedAt"], requestPublicId: row["requestPublicId"])
            }
        }
        return nil
    }
}
