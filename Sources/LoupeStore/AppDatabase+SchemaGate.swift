import Foundation
import GRDB

extension AppDatabase {
    /// v19: the one gate. Staff may have the `service` role (the account `loupe serve` runs as); a message's
    /// secret (a verification code) is sealed beside its body, never in it; OpenDSR controllers are registered,
    /// each request names the controller that sent it.
    static func addOneGate(_ db: Database) throws {
        // SQLite cannot change a CHECK: the staff table is rebuilt (foreign keys are off during migrations, and
        // the tables that name staff(userName) keep naming it).
        try db.execute(sql: """
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

            -- A Shopify webhook is the same event when its body is: found by its digest, whatever its id.
            CREATE INDEX privacyRequest_intakeDigest ON privacyRequest(channel, intakeDigest)
                WHERE intakeDigest IS NOT NULL;

            """)
    }
}
