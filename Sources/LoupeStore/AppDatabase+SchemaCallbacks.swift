import GRDB

extension AppDatabase {
    /// OpenDSR status callbacks: the URLs a request named (kept once allowed), and a persisted queue of
    /// deliveries, each retried with backoff and leased while in flight, so a restart loses none.
    static func addStatusCallbacks(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE callbackTarget (
                id INTEGER PRIMARY KEY,
                requestId INTEGER NOT NULL REFERENCES privacyRequest(id),
                url TEXT NOT NULL,
                UNIQUE (requestId, url)
            );
            CREATE TABLE callbackDelivery (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                requestId INTEGER NOT NULL REFERENCES privacyRequest(id),
                url TEXT NOT NULL,
                body TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                nextAttemptAt DATETIME NOT NULL,
                leaseUntil DATETIME,
                lastError TEXT,
                createdAt DATETIME NOT NULL,
                deliveredAt DATETIME
            );
            CREATE INDEX callbackDelivery_due ON callbackDelivery(nextAttemptAt) WHERE status = 'pending';
            CREATE INDEX callbackDelivery_request ON callbackDelivery(requestId);
            """)
    }
}
