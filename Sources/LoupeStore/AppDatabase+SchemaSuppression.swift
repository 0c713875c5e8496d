import GRDB

extension AppDatabase {
    /// v10: what makes an erasure final (the suppression ledger, files to remove after the commit), where a
    /// maildir copy of each message went, and the guardian's own contact on a request.
    /// SQL for a phone column as `PersonIdentifier.phone` writes it for the usual spellings: spaces, dashes, dots
    /// and brackets dropped, a leading `00` read as `+`.
    static func phoneKey(_ column: String) -> String {
        let stripped = "replace(replace(replace(replace(replace(\(column), ' ', ''), '-', ''), '.', ''), '(', ''), ')', '')"
        return "CASE WHEN \(stripped) LIKE '00%' THEN '+' || substr(\(stripped), 3) ELSE \(stripped) END"
    }

    static func addSuppression(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE suppression (
                digest TEXT PRIMARY KEY NOT NULL,
                requestPublicId TEXT NOT NULL,
                erasedAt DATETIME NOT NULL
            ) WITHOUT ROWID;

            -- Files beside the database that an erasure removes (access exports, maildir copies). Queued in the
            -- erasure's transaction, removed after it commits; a crash in between leaves the row, and the next
            -- command removes the file.
            CREATE TABLE pendingFileRemoval (
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL,
                requestId INTEGER REFERENCES privacyRequest(id),
                queuedAt DATETIME NOT NULL
            );

            ALTER TABLE outboxMessage ADD COLUMN copyPath TEXT;
            ALTER TABLE privacyRequest ADD COLUMN requesterEmail TEXT;

            -- People the shop knows by phone only, or only from guest orders, are found by index.
            ALTER TABLE customer ADD COLUMN phoneKey TEXT GENERATED ALWAYS AS (\(phoneKey("phone"))) VIRTUAL;
            CREATE INDEX customer_phoneKey ON customer(phoneKey) WHERE phoneKey IS NOT NULL;
            ALTER TABLE customerOrder ADD COLUMN shipPhoneKey TEXT GENERATED ALWAYS AS (\(phoneKey("shipToPhone"))) VIRTUAL;
            CREATE INDEX customerOrder_guestEmail ON customerOrder(guestEmail) WHERE customerId IS NULL AND guestEmail IS NOT NULL;
            CREATE INDEX customerOrder_guestPhone ON customerOrder(shipPhoneKey) WHERE customerId IS NULL AND shipPhoneKey IS NOT NULL;
            """)
    }
}
