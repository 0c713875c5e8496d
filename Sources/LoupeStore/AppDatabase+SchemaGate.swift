import Foundation
import GRDB

extension AppDatabase {
    /// v19: the one gate. Staff may have the `service` role (the account `loupe serve` runs as); a message's
    /// secret (a verification code) is sealed beside its body, never in it; OpenDSR controllers are registered,
    /// each request names the controller that sent it.
    static func addOneGate(_ db: Database) throws {
        // SQLite cannot change a CHECK: the staff table is rebuilt (foreign keys are off during migrations, and
        // the tables that name staff(userName) keep naming it).
        try db.execute(
            sql: """
                CREATE TABLE staffWithService (
                    userName TEXT PRIMARY KEY NOT NULL,
                    displayName TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('agent','supervisor','admin','service')),
                    isActive BOOLEAN NOT NULL DEFAULT 1
                ) WITHOUT ROWID;
                INSERT INTO staffWithService SELECT userName, displayName, role, isActive FROM staff;
                DROP TABLE staff;
                ALTER TABLE staffWithService RENAME TO staff;

                ALTER TABLE outboxMessage ADD COLUMN sealedSecret TEXT;

                CREATE TABLE openDSRController (
                    name TEXT PRIMARY KEY NOT NULL,
                    tokenHash TEXT NOT NULL UNIQUE,
                    addedBy TEXT NOT NULL REFERENCES staff(userName),
                    addedAt DATETIME NOT NULL,
                    isActive BOOLEAN NOT NULL DEFAULT 1
                ) WITHOUT ROWID;
                ALTER TABLE privacyRequest ADD COLUMN controller TEXT;

                -- The database's id, which its witness lines name (a witness may hold several databases' anchors).
                INSERT OR IGNORE INTO loupeSetting (key, value) VALUES ('databaseId', lower(hex(randomblob(16))));

                -- The digests of each customer's email (sha256, sha1, md5 of it as stored), so that a hashed OpenDSR
                -- identity is one index lookup, never a hash of every customer inside a transaction. Kept by plain SQL
                -- triggers (they work from the sqlite3 shell too): an email that changes or goes loses its digests at
                -- once, and a new one is queued in customerDigestStale, computed by the next use case that needs them.
                CREATE TABLE customerDigest (
                    digest TEXT NOT NULL,
                    customerId INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    PRIMARY KEY (digest, customerId)
                ) WITHOUT ROWID;
                CREATE INDEX customerDigest_customer ON customerDigest(customerId);
                CREATE TABLE customerDigestStale (customerId INTEGER PRIMARY KEY);
                CREATE TRIGGER customer_digestOnInsert AFTER INSERT ON customer WHEN NEW.email IS NOT NULL BEGIN
                    INSERT OR IGNORE INTO customerDigestStale (customerId) VALUES (NEW.id);
                END;
                CREATE TRIGGER customer_digestOnEmail AFTER UPDATE OF email ON customer
                WHEN NEW.email IS NOT OLD.email BEGIN
                    DELETE FROM customerDigest WHERE customerId = NEW.id;
                    INSERT OR IGNORE INTO customerDigestStale (customerId) SELECT NEW.id WHERE NEW.email IS NOT NULL;
                END;
                INSERT INTO customerDigestStale (customerId) SELECT id FROM customer WHERE email IS NOT NULL;

                -- A Shopify webhook is the same event when its body is: found by its digest, whatever its id.
                CREATE INDEX privacyRequest_intakeDigest ON privacyRequest(channel, intakeDigest)
                    WHERE intakeDigest IS NOT NULL;

                """)
    }
}
