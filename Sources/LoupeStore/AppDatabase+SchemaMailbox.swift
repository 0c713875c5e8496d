import GRDB

extension AppDatabase {
    /// v20, the mailbox as it really is: the Message-ID kept apart from the once-only key (which becomes a keyed
    /// digest; the Message-ID only threads an answer, and goes with the row at an erasure); an unsorted tray (mail
    /// that is not, or not clearly, a request; dismissed mail kept by a retention rule of its own); the sender's
    /// keyed digest and the Maildir file (so an erasure finds every message the subject sent, on any request or
    /// none); the language of a message and of a request; templates per language.
    static func addMailbox(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE inboundMail ADD COLUMN tray TEXT CHECK (tray IN ('unsorted', 'dismissed'));
            ALTER TABLE inboundMail ADD COLUMN trayReason TEXT;
            ALTER TABLE inboundMail ADD COLUMN dismissal TEXT;
            ALTER TABLE inboundMail ADD COLUMN decidedBy TEXT;
            ALTER TABLE inboundMail ADD COLUMN decidedAt DATETIME;
            ALTER TABLE inboundMail ADD COLUMN fromDigest TEXT;
            ALTER TABLE inboundMail ADD COLUMN maildirFile TEXT;
            ALTER TABLE inboundMail ADD COLUMN language TEXT;
            ALTER TABLE inboundMail ADD COLUMN messageId TEXT;
            CREATE INDEX inboundMail_unsorted ON inboundMail(receivedAt) WHERE tray = 'unsorted';
            CREATE INDEX inboundMail_dismissed ON inboundMail(decidedAt) WHERE tray = 'dismissed';
            CREATE INDEX inboundMail_from ON inboundMail(fromDigest) WHERE fromDigest IS NOT NULL;
            ALTER TABLE privacyRequest ADD COLUMN language TEXT;
            CREATE TABLE messageTemplateByLanguage (
                event TEXT NOT NULL,
                language TEXT NOT NULL CHECK (language IN ('en', 'de', 'es', 'fr')),
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                updatedBy TEXT NOT NULL REFERENCES staff(userName),
                updatedAt DATETIME NOT NULL,
                PRIMARY KEY (event, language)
            ) WITHOUT ROWID;
            INSERT INTO messageTemplateByLanguage (event, language, subject, body, updatedBy, updatedAt)
                SELECT event, 'en', subject, body, updatedBy, updatedAt FROM messageTemplate;
            DROP TABLE messageTemplate;
            ALTER TABLE messageTemplateByLanguage RENAME TO messageTemplate;
            INSERT OR IGNORE INTO retentionRule (category, days, action) VALUES ('dismissed-mail', 30, 'delete');
            """)
    }
}
