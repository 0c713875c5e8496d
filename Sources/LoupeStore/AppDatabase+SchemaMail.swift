import GRDB

extension AppDatabase {
    /// The privacy mailbox: each message recorded once (by Message-ID or a digest of its bytes), what it was
    /// filed as, on which request; the sender sealed by the vault; attachments listed, never stored. Requests
    /// remember that their kind was only suggested, and that a reply waits.
    static func addInboundMail(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE inboundMail (
                id INTEGER PRIMARY KEY,
                messageKey TEXT NOT NULL UNIQUE,
                receivedAt TEXT NOT NULL,
                nature TEXT NOT NULL,
                filedAs TEXT NOT NULL,
                fromAddress TEXT,
                fromName TEXT,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                attachments TEXT NOT NULL,
                requestId INTEGER REFERENCES privacyRequest(id),
                outboxMessageId INTEGER REFERENCES outboxMessage(id),
                fromSubject INTEGER NOT NULL DEFAULT 1
            );
            CREATE INDEX inboundMail_request ON inboundMail(requestId) WHERE requestId IS NOT NULL;
            ALTER TABLE privacyRequest ADD COLUMN kindSuggested INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE privacyRequest ADD COLUMN replyWaiting INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX outboxMessage_messageId ON outboxMessage(messageId);
            """)
    }
}
