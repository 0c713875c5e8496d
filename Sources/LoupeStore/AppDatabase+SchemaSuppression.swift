import GRDB

extension AppDatabase {
    /// v10: what makes an erasure final (the suppression ledger, files to remove after the commit), where a
    /// maildir copy of each message went, and the guardian's own contact on a request.
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
            """)
    }
}
