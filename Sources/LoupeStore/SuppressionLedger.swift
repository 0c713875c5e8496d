import Crypto
import Foundation
import GRDB
import LoupeDomain

/// The suppression ledger: keyed digests (HMAC-SHA256, with a key derived from the vault key, which lives outside
/// the database) of every identifier an erased person had. Every path that creates or updates a person looks here
/// first, so no later import or intake brings them back. A digest cannot be reversed, and without the key it
/// cannot even be checked against a guessed email.
/// (`@unchecked Sendable`: swift-crypto 3 does not mark `HMAC` Sendable; the keyed state is never mutated, only
/// copied.)
struct SuppressionLedger: @unchecked Sendable {
    /// HMAC state after the key (its inner and outer pads), copied for each digest rather than rebuilt.
    private let keyed: HMAC<SHA256>

    /// A ledger keyed from `vault`.
    init(vault: RetentionVault) {
        keyed = HMAC<SHA256>(key: vault.ledgerKey)
    }

    /// The keyed digest of one identifier, in lower-case hex.
    func digest(_ identifier: PersonIdentifier) -> String {
        var mac = keyed
        var input = identifier.digestInput
        input.withUTF8 { mac.update(data: UnsafeRawBufferPointer($0)) }
        return mac.finalize().lowercaseHex
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

    /// Every digest in the ledger, read once inside an import's transaction: each row then costs a keyed digest
    /// and a set lookup, and only a hit reads the ledger again (for its date and request).
    func snapshot(_ db: Database) throws -> Snapshot {
        Snapshot(ledger: self, digests: Set(try String.fetchAll(db, sql: "SELECT digest FROM suppression")))
    }

    /// The ledger as one import sees it.
    struct Snapshot {
        let ledger: SuppressionLedger
        let digests: Set<String>

        /// The erasure that suppressed any of `identifiers`, or nil.
        func match(_ db: Database, _ identifiers: [PersonIdentifier?]) throws -> Suppression? {
            guard !digests.isEmpty else { return nil }
            let hit = identifiers.compactMap { $0 }.first { digests.contains(ledger.digest($0)) }
            return try hit.flatMap { try ledger.match(db, [$0]) }
        }
    }
}
