import Foundation
import GRDB
import LoupeDomain

/// What an erasure left to do outside its transaction, and whether it got done.
public struct ErasureCleanup: Equatable, Sendable {
    /// Files and folders removed (access exports, maildir copies).
    public var filesRemoved = 0
    /// Paths that could not be removed yet (they stay queued, and the next command tries again).
    public var filesLeft: [String] = []
    /// Whether the WAL file was truncated to nothing, so no erased byte remains in it.
    public var walTruncated = true

    /// Nothing done yet.
    public init() {}
}

extension AppDatabase {
    /// Every identifier the subject had, anywhere in the database: the profile's email, phone and ids, the guest
    /// emails and shipping phones of their orders, the subject fields of requests naming them, and the emails and
    /// phones their rectifications carried.
    static func subjectIdentifiers(_ db: Database, customerId: Int64, requestIds: String) throws -> Set<PersonIdentifier> {
        var found = Set<PersonIdentifier>()
        if let row = try Row.fetchOne(db, sql: "SELECT publicId, email, phone, shopifyId FROM customer WHERE id = ?",
                                      arguments: [customerId]) {
            found.formUnion([PersonIdentifier.customer(row["publicId"]), .email(row["email"]), .phone(row["phone"]),
                             .shopifyCustomer(row["shopifyId"])].compactMap { $0 })
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT guestEmail, shipToPhone FROM customerOrder WHERE id IN (SELECT value FROM json_each(?))
            """, arguments: [jsonArray(try orderIds(db, customerId: customerId))]) {
            found.formUnion([PersonIdentifier.email(row["guestEmail"]), .phone(row["shipToPhone"])].compactMap { $0 })
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT subjectEmail, subjectPhone, payload FROM privacyRequest WHERE id IN (SELECT value FROM json_each(?))
            """, arguments: [requestIds]) {
            found.formUnion([PersonIdentifier.email(row["subjectEmail"]), .phone(row["subjectPhone"])].compactMap { $0 })
            if let payload: String = row["payload"],
               let corrections = try? JSONDecoder().decode([String: String].self, from: Data(payload.utf8)) {
                found.formUnion([PersonIdentifier.email(corrections[CorrectableField.email.rawValue]),
                                 .phone(corrections[CorrectableField.phone.rawValue])].compactMap { $0 })
            }
        }
        return found
    }

    /// The ids (as a JSON array) of every request about the subject: linked to the customer, or naming their email.
    static func subjectRequestIds(_ db: Database, customerId: Int64, email: String?) throws -> String {
        jsonArray(try Int64.fetchAll(db, sql: """
            SELECT id FROM privacyRequest WHERE customerId = ?
            UNION SELECT id FROM privacyRequest WHERE subjectEmail = ?
            """, arguments: [customerId, email]))
    }

    /// Empties what the subject's requests say about them (subject fields, the corrections asked for, notes,
    /// verification notes, reasons, the guardian's contact), queues their earlier access exports and maildir
    /// copies for removal, and forgets the minor flag's reason. The request rows stay: they are the record that
    /// the rights were answered.
    static func scrubRequests(_ db: Database, customerId: Int64, requestIds: String, at time: Date) throws {
        let removed = "'(removed by erasure)'"
        try db.execute(sql: """
            UPDATE privacyRequest SET subjectEmail = NULL, subjectName = NULL, subjectPhone = NULL, payload = NULL,
                verificationNote = NULL, requesterName = NULL, requesterEmail = NULL,
                outcomeReason = CASE WHEN outcomeReason IS NULL THEN NULL ELSE \(removed) END,
                extensionReason = CASE WHEN extensionReason IS NULL THEN NULL ELSE \(removed) END
            WHERE id IN (SELECT value FROM json_each(:ids));
            DELETE FROM requestNote WHERE requestId IN (SELECT value FROM json_each(:ids));
            INSERT INTO pendingFileRemoval (path, requestId, queuedAt)
                SELECT folder, requestId, :time FROM requestExport
                WHERE requestId IN (SELECT value FROM json_each(:ids)) AND deletedAt IS NULL;
            UPDATE requestExport SET deletedAt = :time
                WHERE requestId IN (SELECT value FROM json_each(:ids)) AND deletedAt IS NULL;
            INSERT INTO pendingFileRemoval (path, requestId, queuedAt)
                SELECT copyPath, requestId, :time FROM outboxMessage
                WHERE requestId IN (SELECT value FROM json_each(:ids)) AND copyPath IS NOT NULL;
            UPDATE customer SET minorReason = NULL WHERE id = :customer AND minorReason IS NOT NULL;
            """, arguments: ["ids": requestIds, "time": time, "customer": customerId])
    }

    /// Does what an erasure leaves for after its commit: removes the queued files (each row goes only once its
    /// file is gone) and truncates the WAL so no erased byte stays in it. When other processes' readers keep the
    /// WAL in use it retries briefly, then reports it; the next command's erasure or checkpoint finishes it.
    @discardableResult
    public func finishErasures() throws -> ErasureCleanup {
        var cleanup = ErasureCleanup()
        let pending = try read { db in
            try Row.fetchAll(db, sql: "SELECT id, path FROM pendingFileRemoval WHERE id > 0 ORDER BY id").map { ($0["id"] as Int64, $0["path"] as String) }
        }
        var done: [Int64] = []
        for (id, path) in pending {
            if !FileManager.default.fileExists(atPath: path) || (try? FileManager.default.removeItem(atPath: path)) != nil {
                done.append(id)
                cleanup.filesRemoved += 1
            } else {
                cleanup.filesLeft.append(path)
            }
        }
        if !done.isEmpty {
            try write { db in
                try db.execute(sql: "DELETE FROM pendingFileRemoval WHERE id IN (SELECT value FROM json_each(?))",
                               arguments: [Self.jsonArray(done)])
            }
        }
        cleanup.walTruncated = try truncateWAL()
        return cleanup
    }

    /// A TRUNCATE checkpoint, tried a few times over about a second; true when the WAL is empty afterwards
    /// (always true in memory).
    func truncateWAL(attempts: Int = 4) throws -> Bool {
        guard let checkpointer else { return true }
        for attempt in 1...attempts {
            if (try? checkpointer.run(.truncate)) != nil, checkpointer.walIsEmpty { return true }
            if attempt < attempts { usleep(250_000) }
        }
        return false
    }
}
