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

    /// A message in flight is leased by one sender (who, until when), so a second `outbox send` skips it
    /// instead of taking it for a crash; a message knows the conversation it answers (`In-Reply-To` and
    /// `References`), so the subject's mail client threads it.
    static func addOutboxLeaseAndThreads(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE outboxMessage ADD COLUMN leaseOwner TEXT;
            ALTER TABLE outboxMessage ADD COLUMN leaseUntil DATETIME;
            ALTER TABLE outboxMessage ADD COLUMN inReplyTo TEXT;
            ALTER TABLE outboxMessage ADD COLUMN referencesHeader TEXT;
            """)
    }
}
