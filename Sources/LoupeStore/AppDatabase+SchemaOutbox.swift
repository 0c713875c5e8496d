import GRDB

extension AppDatabase {
    /// Messages to data subjects and the templates an admin edited (the shipped ones live in code).
    static func addOutbox(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE messageTemplate (
                event TEXT PRIMARY KEY,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                updatedBy TEXT NOT NULL REFERENCES staff(userName),
                updatedAt DATETIME NOT NULL
            );
            CREATE TABLE outboxMessage (
                -- AUTOINCREMENT: the audit names messages by number, so a dropped message's number is never reused.
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                requestId INTEGER NOT NULL REFERENCES privacyRequest(id),
                event TEXT NOT NULL,
                toName TEXT,
                toAddress TEXT,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                messageId TEXT NOT NULL UNIQUE,
                status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'in-doubt')),
                createdAt DATETIME NOT NULL,
                editedBy TEXT REFERENCES staff(userName),
                editedAt DATETIME,
                attemptedAt DATETIME,
                attemptVia TEXT CHECK (attemptVia IN ('maildir', 'sendmail')),
                sentAt DATETIME,
                lastError TEXT
            );
            CREATE INDEX outboxMessage_request ON outboxMessage(requestId);
            CREATE INDEX outboxMessage_unsent ON outboxMessage(status, id) WHERE status != 'sent';
            """)
    }
}
