import Foundation
import GRDB
import Logging
import LoupeDomain

/// What an erasure left to do outside its transaction, and whether it got done.
public struct ErasureCleanup: Equatable, Sendable {
    /// Files and folders removed (access exports, maildir copies).
    public var filesRemoved = 0
    /// Paths that could not be removed yet (they stay queued, and the next command tries again).
    public var filesLeft: [String] = []
    /// Whether the WAL file was truncated to nothing, so no erased byte remains in it.
    public var walTruncated = true
    /// Recorded paths Loupe would not remove, and why: neither inside the exports folder nor a Loupe maildir copy
    /// (a record pointed elsewhere, e.g. by someone editing the file). They are reported once and dropped.
    public var refused: [String] = []

    /// Nothing done yet.
    public init() {}
}

extension AppDatabase {
    /// Every identifier the subject had, anywhere in the database: the profile's email, phone and ids, the guest
    /// emails and shipping phones of their orders, the subject fields of requests naming them, and the emails and
    /// phones their rectifications carried.
    static func subjectIdentifiers(_ db: Database, customerId: Int64, orderIds: String,
                                   requestIds: String) throws -> Set<PersonIdentifier> {
        var found = Set<PersonIdentifier>()
        if let row = try Row.fetchOne(db, sql: "SELECT publicId, email, phone, shopifyId FROM customer WHERE id = ?",
                                      arguments: [customerId]) {
            found.formUnion([PersonIdentifier.customer(row["publicId"]), .email(row["email"]), .phone(row["phone"]),
                             .shopifyCustomer(row["shopifyId"])].compactMap { $0 })
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT guestEmail, shipToPhone FROM customerOrder WHERE id IN (SELECT value FROM json_each(?))
            """, arguments: [orderIds]) {
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
        try db.execute(sql: """
            UPDATE privacyRequest SET \(requestErasureAssignments) WHERE id IN (SELECT value FROM json_each(:ids));
            DELETE FROM requestNote WHERE requestId IN (SELECT value FROM json_each(:ids));
            DELETE FROM verificationCode WHERE requestId IN (SELECT value FROM json_each(:ids));
            DELETE FROM exportLink WHERE requestId IN (SELECT value FROM json_each(:ids));
            INSERT INTO pendingFileRemoval (path, requestId, queuedAt)
                SELECT folder, requestId, :time FROM requestExport
                WHERE requestId IN (SELECT value FROM json_each(:ids)) AND deletedAt IS NULL;
            UPDATE requestExport SET deletedAt = :time
                WHERE requestId IN (SELECT value FROM json_each(:ids)) AND deletedAt IS NULL;
            INSERT INTO pendingFileRemoval (path, requestId, queuedAt)
                SELECT copyPath, requestId, :time FROM outboxMessage
                WHERE (requestId IN (SELECT value FROM json_each(:ids)) OR customerId = :customer)
                    AND copyPath IS NOT NULL;
            UPDATE outboxMessage SET copyPath = NULL
                WHERE (requestId IN (SELECT value FROM json_each(:ids)) OR customerId = :customer)
                    AND copyPath IS NOT NULL;
            UPDATE customer SET minorReason = NULL WHERE id = :customer AND minorReason IS NOT NULL;
            """, arguments: ["ids": requestIds, "time": time, "customer": customerId])
        // The search index only marks the tokens deleted; `finishErasures` merges them out of the file.
        try setSetting(db, .searchPurgePending, "1")
    }

    /// The privacy mailbox forgets the subject: every message on their requests (auto-replies and bounces too)
    /// and every message from one of their addresses on any request or none (the tray included) is deleted with
    /// its body, attachment names and Message-ID digest, and its Maildir file (`new/` or `cur/`) is queued for
    /// removal; the free text of their consent events' sources is replaced by a marker (the events stay, as proof).
    static func scrubMailbox(_ db: Database, customerId: Int64, requestIds: String, senderDigests: String,
                             at time: Date) throws {
        let theirs = """
            (requestId IN (SELECT value FROM json_each(:ids)) OR fromDigest IN (SELECT value FROM json_each(:senders)))
            """
        try db.execute(sql: """
            INSERT INTO pendingFileRemoval (path, requestId, queuedAt)
                SELECT maildirFile, requestId, :time FROM inboundMail WHERE \(theirs) AND maildirFile IS NOT NULL;
            DELETE FROM inboundMail WHERE \(theirs);
            UPDATE consentEvent SET source = '(removed by erasure)'
                WHERE customerId = :customer AND source NOT IN (\(knownConsentSources))
                    AND source NOT LIKE 'request PR-%' AND source NOT LIKE 'minor flagged by %';
            """, arguments: ["ids": requestIds, "senders": senderDigests, "time": time, "customer": customerId])
    }

    /// The consent sources Loupe itself writes (no free text in them), as SQL literals.
    static let knownConsentSources = [
        "import", "signup", "account-settings", "staff, at the customer's word", "(removed by erasure)",
        CookieState.globalPrivacyControlSource,
    ].map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: ", ")

    /// The data map's emptied request columns: reasons keep a marker that there was one, the rest become NULL.
    private static let requestErasureAssignments = DataMap.columns(of: "privacyRequest", .empty).map { column in
        column.hasSuffix("Reason")
            ? "\(column) = CASE WHEN \(column) IS NULL THEN NULL ELSE '(removed by erasure)' END" : "\(column) = NULL"
    }.joined(separator: ", ")

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
            if let reason = Self.refusal(toRemove: path, exportsFolder: exportsFolder) {
                cleanup.refused.append("\(path): \(reason)")
                done.append(id)
            } else if Self.removeFile(path) {
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
        try purgeSearchIndex()
        cleanup.walTruncated = try truncateWAL()
        logger.info("erasure cleanup", metadata: [
            "filesRemoved": .stringConvertible(cleanup.filesRemoved), "filesLeft": .stringConvertible(cleanup.filesLeft.count),
            "refused": .stringConvertible(cleanup.refused.count), "walTruncated": .stringConvertible(cleanup.walTruncated),
        ])
        return cleanup
    }

    /// Whether an erasure left files to remove or search-index tokens to merge away (a cheap check on open).
    public func hasUnfinishedErasures() throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM pendingFileRemoval) OR EXISTS (SELECT 1 FROM loupeSetting WHERE key = ?)
                """, arguments: [SettingKey.searchPurgePending.rawValue]) ?? false
        }
    }

    /// Why Loupe will not remove `path`, or nil: it removes folders inside its exports folder and its own maildir
    /// copies (`<time>.M<id>.loupe` files in a maildir's `new/`), nothing else.
    static func refusal(toRemove path: String, exportsFolder: String?) -> String? {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let name = url.lastPathComponent
        let isCopy = url.deletingLastPathComponent().lastPathComponent == "new" && name.hasSuffix(".loupe")
            && name.contains(".M") && name.first?.isNumber == true
        if isMaildirMessage(url) { return nil }
        if isCopy {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            return exists && isFolder.boolValue ? "a folder where a maildir copy should be; not removed" : nil
        }
        guard let exportsFolder else { return nil }
        return isInside(path, folder: exportsFolder)
            ? nil : "outside the exports folder \(exportsFolder); not removed (check how it was recorded)"
    }

    /// Whether `url` is a message file of a Maildir (in `new/`, beside `cur/` and `tmp/`), as the mail import
    /// records the files it read: an erasure removes the subject's own mail from the privacy mailbox.
    static func isMaildirMessage(_ url: URL) -> Bool {
        let folder = url.deletingLastPathComponent()
        let box = folder.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        let isFile = !FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) || !isFolder.boolValue
        return folder.lastPathComponent == "new" && isFile && !url.lastPathComponent.hasPrefix(".")
            && ["cur", "tmp"].allSatisfy { FileManager.default.fileExists(atPath: box.appendingPathComponent($0).path) }
    }

    /// Whether `path`, by its real location (symbolic links followed), lies inside `folder`.
    static func isInside(_ path: String, folder: String) -> Bool {
        func real(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        return real(path).hasPrefix(real(folder) + "/")
    }

    /// Removes `path` (a file or a folder) and, for a maildir copy in `new/`, the same message moved to `cur/`
    /// by a mail reader (`NAME:2,FLAGS`). True when nothing of it is left.
    static func removeFile(_ path: String) -> Bool {
        let manager = FileManager.default
        var paths = [path]
        let url = URL(fileURLWithPath: path)
        if url.deletingLastPathComponent().lastPathComponent == "new" {
            let cur = url.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("cur")
            let name = url.lastPathComponent
            let moved = (try? manager.contentsOfDirectory(atPath: cur.path)) ?? []
            paths += moved.filter { $0 == name || $0.hasPrefix(name + ":") }.map { cur.appendingPathComponent($0).path }
        }
        var clean = true
        for candidate in paths where manager.fileExists(atPath: candidate) {
            if (try? manager.removeItem(atPath: candidate)) == nil { clean = false }
        }
        return clean
    }

    /// Merges the search index into one segment when an erasure marked tokens deleted: until then the erased
    /// person's name, email and phone tokens stay in its older segments (FTS5 only appends delete markers).
    /// `secure_delete` zeroes the pages the merge frees. Costs about 0.3 s of CPU per 100,000 customers, after
    /// the erasure's own transaction; the flag is cleared in the same transaction, so a crash leaves it pending.
    func purgeSearchIndex() throws {
        try write { db in
            guard try Self.setting(db, .searchPurgePending) == "1" else { return }
            try db.execute(sql: "INSERT INTO customerSearch(customerSearch) VALUES ('optimize')")
            try db.execute(sql: "DELETE FROM loupeSetting WHERE key = ?", arguments: [SettingKey.searchPurgePending.rawValue])
        }
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

extension AppDatabase {
    /// Customers erased before the suppression ledger existed are entered in it once, by what their rows still
    /// hold (the shop's customer id and Shopify's), and Shopify's id is then emptied as erasures now do. Their
    /// emails and phones were already gone, so a pre-2022 export (matched by email) cannot be checked for them.
    func backfillSuppression() throws {
        let done = "SELECT EXISTS (SELECT 1 FROM loupeSetting WHERE key = 'suppressionBackfilled')"
        // A read first: every open passes here, and only the first may need the write lock.
        if try writer.read({ db in try Bool.fetchOne(db, sql: done) }) == true { return }
        try writer.write { db in
            guard try Bool.fetchOne(db, sql: done) == false else { return }
            for row in try Row.fetchAll(db, sql: """
                SELECT c.id, c.publicId, c.shopifyId, c.erasedAt, (SELECT r.publicId FROM retainedItem i
                    JOIN privacyRequest r ON r.id = i.requestId WHERE i.customerId = c.id LIMIT 1) AS request
                FROM customer c WHERE c.erasedAt IS NOT NULL
                """) {
                try suppression.record(db, Set([.customer(row["publicId"]), .shopifyCustomer(row["shopifyId"])].compactMap { $0 }),
                                       requestPublicId: row["request"] ?? "an erasure before the ledger", at: row["erasedAt"])
                try db.execute(sql: "UPDATE customer SET shopifyId = NULL WHERE id = ? AND shopifyId IS NOT NULL",
                               arguments: [row["id"] as Int64])
            }
            try db.execute(sql: "INSERT INTO loupeSetting (key, value) VALUES ('suppressionBackfilled', '1')")
        }
    }
}

extension AppDatabase {
    /// Whether someone with any of these identifiers was erased, and when and by which request (the same lookup
    /// every import and intake makes). Identifiers are normalised first; nothing is stored or logged.
    public func suppressionMatch(email: String? = nil, phone: String? = nil,
                                 shopifyCustomerId: String? = nil) throws -> Suppression? {
        try read { db in
            try suppression.match(db, [.email(email), .phone(phone), .shopifyCustomer(shopifyCustomerId)])
        }
    }
}
