import GRDB

extension AppDatabase {
    /// One-time links to access copies: only the token's SHA-256 is kept, with when it expires and when (and from
    /// which address) it was used.
    static func addExportLinks(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE exportLink (
                id INTEGER PRIMARY KEY,
                requestId INTEGER NOT NULL REFERENCES privacyRequest(id),
                outboxMessageId INTEGER REFERENCES outboxMessage(id),
                tokenHash TEXT NOT NULL UNIQUE,
                createdAt DATETIME NOT NULL,
                expiresAt DATETIME NOT NULL,
                fetchedAt DATETIME,
                fetchedFrom TEXT
            );
            CREATE INDEX exportLink_request ON exportLink(requestId);
            """)
    }
}
