import GRDB
import LoupeDomain

extension AppDatabase {
    /// The migrations that build the schema. Each is named and never edited once it has landed: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-core-schema", migrate: createCoreSchema)
        migrator.registerMigration("v2-fulfilment", migrate: addFulfilment)
        migrator.registerMigration("v3-dashboard") { db in
            // The dashboard counts intake by day and the time to close over recent months without a table scan.
            try db.execute(sql: """
                CREATE INDEX privacyRequest_receivedAt ON privacyRequest(receivedAt);
                CREATE INDEX privacyRequest_closedAt ON privacyRequest(closedAt) WHERE closedAt IS NOT NULL;
                """)
        }
        migrator.registerMigration("v4-outbox", migrate: addOutbox)
        migrator.registerMigration("v5-intake") { db in
            // A digest of what an intake received, so a redelivery is a duplicate and a reused id is caught.
            try db.execute(sql: "ALTER TABLE privacyRequest ADD COLUMN intakeDigest TEXT")
        }
        migrator.registerMigration("v6-shop-ids") { db in
            // Imports upsert by the shop's own ids, so importing the same export twice changes nothing.
            try db.execute(sql: """
                ALTER TABLE customer ADD COLUMN shopifyId TEXT;
                CREATE UNIQUE INDEX customer_shopifyId ON customer(shopifyId) WHERE shopifyId IS NOT NULL;
                ALTER TABLE customerOrder ADD COLUMN shopifyId TEXT;
                CREATE UNIQUE INDEX customerOrder_shopifyId ON customerOrder(shopifyId) WHERE shopifyId IS NOT NULL;
                """)
        }
        migrator.registerMigration("v7-search-prefixes", migrate: addSearchPrefixes)
        migrator.registerMigration("v8-orders-by-date") { db in
            // The orders screen reads the newest orders: by index, not by sorting every order.
            try db.execute(sql: "CREATE INDEX customerOrder_placedAt ON customerOrder(placedAt)")
        }
        migrator.registerMigration("v9-queue-orders", migrate: addQueueOrderIndexes)
        migrator.registerMigration("v10-suppression", migrate: addSuppression)
        migrator.registerMigration("v11-internal-notes") { db in
            // A note an admin keeps out of the access export, with who, when and why.
            try db.execute(sql: """
                ALTER TABLE requestNote ADD COLUMN internalReason TEXT;
                ALTER TABLE requestNote ADD COLUMN internalBy TEXT;
                ALTER TABLE requestNote ADD COLUMN internalAt TEXT;
                """)
        }
        migrator.registerMigration("v12-inbound-mail", migrate: addInboundMail)
        migrator.registerMigration("v13-verification-codes", migrate: addVerificationCodes)
        migrator.registerMigration("v14-outbox-lease-and-threads", migrate: addOutboxLeaseAndThreads)
        migrator.registerMigration("v15-status-callbacks", migrate: addStatusCallbacks)
        migrator.registerMigration("v16-export-links", migrate: addExportLinks)
        migrator.registerMigration("v17-jobs", migrate: addJobs)
        migrator.registerMigration("v18-policy-promises", migrate: addPolicyPromises)
        migrator.registerMigration("v19-one-gate", migrate: addOneGate)
        migrator.registerMigration("v20-mailbox", migrate: addMailbox)
        return migrator
    }

    /// The statuses of an open request, as SQL text; queue queries repeat it verbatim so that SQLite can use the
    /// partial index `privacyRequest_openQueue`.
    /// `status IN ('received','verifying',...)`: the open statuses, from the domain's `RequestStatus.isOpen`, in the
    /// spelling the partial indexes of open requests were created with (a query must repeat it to use them).
    static let openStatusSQL = openStatusSQL(column: "status")

    /// The open-status condition on `column` (e.g. `r.status` in a join).
    static func openStatusSQL(column: String) -> String {
        "\(column) IN (" + RequestStatus.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ",") + ")"
    }

    /// The closed-status condition on `column`.
    static func closedStatusSQL(column: String) -> String {
        "\(column) IN (" + RequestStatus.closed.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
    }

    private static func createCoreSchema(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE loupeSetting (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE staff (
                userName TEXT PRIMARY KEY NOT NULL,
                displayName TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('agent','supervisor','admin')),
                isActive BOOLEAN NOT NULL DEFAULT 1
            ) WITHOUT ROWID;

            CREATE TABLE customer (
                id INTEGER PRIMARY KEY,
                publicId TEXT NOT NULL UNIQUE,
                fullName TEXT,
                email TEXT,
                phone TEXT,
                birthDate TEXT,
                membershipTier TEXT,
                stylePreferences TEXT,
                createdAt DATETIME NOT NULL,
                lastActiveAt DATETIME,
                isMinor BOOLEAN NOT NULL DEFAULT 0,
                erasedAt DATETIME
            );
            CREATE INDEX customer_email ON customer(email);

            CREATE TABLE address (
                id INTEGER PRIMARY KEY,
                customerId INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('shipping','billing')),
                recipientName TEXT,
                line1 TEXT NOT NULL,
                line2 TEXT,
                city TEXT NOT NULL,
                postalCode TEXT,
                region TEXT,
                country TEXT NOT NULL
            );
            CREATE INDEX address_customer ON address(customerId);

            CREATE TABLE customerOrder (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,
                customerId INTEGER REFERENCES customer(id) ON DELETE SET NULL,
                guestEmail TEXT,
                status TEXT NOT NULL,
                placedAt DATETIME NOT NULL,
                totalMinor INTEGER NOT NULL,
                currency TEXT NOT NULL,
                paymentMethod TEXT NOT NULL,
                paymentProvider TEXT NOT NULL,
                cardBrand TEXT,
                cardLast4 TEXT CHECK (cardLast4 IS NULL OR (length(cardLast4) = 4 AND cardLast4 NOT GLOB '*[^0-9]*')),
                providerReference TEXT,
                carrier TEXT,
                trackingNumber TEXT,
                invoiceNumber TEXT,
                shipToName TEXT,
                shipToAddress TEXT,
                shipToPhone TEXT,
                billToName TEXT,
                billToAddress TEXT
            );
            CREATE INDEX customerOrder_customer ON customerOrder(customerId, placedAt);
            CREATE INDEX customerOrder_tracking ON customerOrder(trackingNumber);

            CREATE TABLE orderItem (
                id INTEGER PRIMARY KEY,
                orderId INTEGER NOT NULL REFERENCES customerOrder(id) ON DELETE CASCADE,
                sku TEXT NOT NULL,
                productName TEXT NOT NULL,
                quantity INTEGER NOT NULL CHECK (quantity > 0),
                priceMinor INTEGER NOT NULL
            );
            CREATE INDEX orderItem_order ON orderItem(orderId);

            CREATE TABLE deviceEvent (
                id INTEGER PRIMARY KEY,
                customerId INTEGER REFERENCES customer(id) ON DELETE CASCADE,
                occurredAt DATETIME NOT NULL,
                ip TEXT,
                userAgent TEXT,
                deviceModel TEXT,
                cookieId TEXT,
                page TEXT
            );
            CREATE INDEX deviceEvent_customer ON deviceEvent(customerId, occurredAt);
            CREATE INDEX deviceEvent_occurredAt ON deviceEvent(occurredAt);

            CREATE TABLE consentEvent (
                id INTEGER PRIMARY KEY,
                customerId INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                purpose TEXT NOT NULL,
                granted BOOLEAN NOT NULL,
                occurredAt DATETIME NOT NULL,
                source TEXT NOT NULL,
                policyVersion TEXT
            );
            CREATE INDEX consentEvent_customer ON consentEvent(customerId, occurredAt);

            CREATE TABLE feedback (
                id INTEGER PRIMARY KEY,
                customerId INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                text TEXT NOT NULL,
                rating INTEGER CHECK (rating BETWEEN 1 AND 5),
                createdAt DATETIME NOT NULL
            );
            CREATE INDEX feedback_customer ON feedback(customerId);

            CREATE TABLE privacyRequest (
                id INTEGER PRIMARY KEY,
                publicId TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL CHECK (kind IN ('access','rectification','erasure','consent-withdrawal')),
                status TEXT NOT NULL CHECK (status IN ('received','verifying','in-progress','awaiting-approval',
                                                        'approved','completed','rejected','cancelled')),
                channel TEXT NOT NULL,
                externalReference TEXT,
                customerId INTEGER REFERENCES customer(id) ON DELETE SET NULL,
                subjectEmail TEXT,
                subjectPhone TEXT,
                subjectName TEXT,
                requesterKind TEXT NOT NULL DEFAULT 'subject' CHECK (requesterKind IN ('subject','guardian')),
                requesterName TEXT,
                receivedAt DATETIME NOT NULL,
                dueAt DATETIME NOT NULL,
                extendedUntil DATETIME,
                extensionReason TEXT,
                extensionNoticeAt DATETIME,
                effectiveDueAt DATETIME GENERATED ALWAYS AS (COALESCE(extendedUntil, dueAt)) VIRTUAL,
                verificationMethod TEXT,
                verifiedBy TEXT REFERENCES staff(userName),
                verifiedAt DATETIME,
                verificationNote TEXT,
                assignee TEXT REFERENCES staff(userName),
                priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('normal','high','urgent')),
                payload TEXT,
                proposedBy TEXT REFERENCES staff(userName),
                outcome TEXT,
                outcomeReason TEXT,
                duplicateOf INTEGER REFERENCES privacyRequest(id),
                version INTEGER NOT NULL DEFAULT 1,
                UNIQUE (channel, externalReference)
            );
            CREATE INDEX privacyRequest_openQueue ON privacyRequest(effectiveDueAt, id)
                WHERE \(openStatusSQL);
            CREATE INDEX privacyRequest_customer ON privacyRequest(customerId);
            CREATE INDEX privacyRequest_status ON privacyRequest(status, effectiveDueAt);

            CREATE TABLE requestNote (
                id INTEGER PRIMARY KEY,
                requestId INTEGER NOT NULL REFERENCES privacyRequest(id) ON DELETE CASCADE,
                author TEXT NOT NULL REFERENCES staff(userName),
                text TEXT NOT NULL,
                createdAt DATETIME NOT NULL
            );
            CREATE INDEX requestNote_request ON requestNote(requestId);

            CREATE TABLE processorTask (
                id INTEGER PRIMARY KEY,
                requestId INTEGER NOT NULL REFERENCES privacyRequest(id) ON DELETE CASCADE,
                recipient TEXT NOT NULL,
                recipientKind TEXT NOT NULL CHECK (recipientKind IN ('courier','paymentProvider')),
                status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','confirmed','impossible')),
                confirmedAt DATETIME,
                closedReason TEXT
            );
            CREATE INDEX processorTask_request ON processorTask(requestId);

            CREATE TABLE policyVersion (
                version TEXT PRIMARY KEY NOT NULL,
                effectiveAt DATETIME NOT NULL,
                summary TEXT NOT NULL,
                publishedAt DATETIME NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE retentionRule (
                category TEXT PRIMARY KEY NOT NULL,
                days INTEGER NOT NULL CHECK (days > 0),
                action TEXT NOT NULL CHECK (action IN ('delete','anonymise'))
            ) WITHOUT ROWID;

            CREATE TABLE auditEntry (
                sequence INTEGER PRIMARY KEY,
                occurredAt DATETIME NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                details TEXT NOT NULL,
                previousHash TEXT NOT NULL,
                hash TEXT NOT NULL
            );
            CREATE INDEX auditEntry_target ON auditEntry(target, sequence);
            CREATE TRIGGER auditEntry_noUpdate BEFORE UPDATE ON auditEntry
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER auditEntry_noDelete BEFORE DELETE ON auditEntry
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

            CREATE VIRTUAL TABLE customerSearch USING fts5(
                fullName, email, phone,
                content='customer', content_rowid='id',
                tokenize="unicode61 remove_diacritics 2 tokenchars '@.+'"
            );
            CREATE TRIGGER customer_searchInsert AFTER INSERT ON customer BEGIN
                INSERT INTO customerSearch(rowid, fullName, email, phone)
                VALUES (new.id, new.fullName, new.email, new.phone);
            END;
            CREATE TRIGGER customer_searchDelete AFTER DELETE ON customer BEGIN
                INSERT INTO customerSearch(customerSearch, rowid, fullName, email, phone)
                VALUES ('delete', old.id, old.fullName, old.email, old.phone);
            END;
            CREATE TRIGGER customer_searchUpdate AFTER UPDATE OF fullName, email, phone ON customer BEGIN
                INSERT INTO customerSearch(customerSearch, rowid, fullName, email, phone)
                VALUES ('delete', old.id, old.fullName, old.email, old.phone);
                INSERT INTO customerSearch(rowid, fullName, email, phone)
                VALUES (new.id, new.fullName, new.email, new.phone);
            END;
            """)
    }
}
