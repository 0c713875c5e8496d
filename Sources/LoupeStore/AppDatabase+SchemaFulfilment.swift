import GRDB

extension AppDatabase {
    /// Migration v2: what fulfilling the rights needs. Retained items of erasures, access exports, the minor
    /// flag's who/why, and a search index whose tokens never hold a whole email or phone number.
    static func addFulfilment(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE retainedItem (
                id INTEGER PRIMARY KEY,
                requestId INTEGER NOT NULL REFERENCES privacyRequest(id),
                customerId INTEGER NOT NULL REFERENCES customer(id),
                category TEXT NOT NULL,
                reference TEXT NOT NULL,
                ground TEXT NOT NULL,
                retainUntil DATETIME NOT NULL,
                anonymisedAt DATETIME
            );
            CREATE INDEX retainedItem_request ON retainedItem(requestId);
            CREATE INDEX retainedItem_until ON retainedItem(retainUntil) WHERE anonymisedAt IS NULL;

            CREATE TABLE requestExport (
                id INTEGER PRIMARY KEY,
                requestId INTEGER NOT NULL REFERENCES privacyRequest(id),
                folder TEXT NOT NULL,
                checksums TEXT NOT NULL,
                createdBy TEXT NOT NULL REFERENCES staff(userName),
                createdAt DATETIME NOT NULL,
                deletedAt DATETIME
            );
            CREATE INDEX requestExport_request ON requestExport(requestId);

            ALTER TABLE customer ADD COLUMN minorFlaggedBy TEXT REFERENCES staff(userName);
            ALTER TABLE customer ADD COLUMN minorFlaggedAt DATETIME;
            ALTER TABLE customer ADD COLUMN minorReason TEXT;
            ALTER TABLE privacyRequest ADD COLUMN closedAt DATETIME;
            ALTER TABLE processorTask ADD COLUMN createdAt DATETIME;
            ALTER TABLE processorTask ADD COLUMN closedBy TEXT REFERENCES staff(userName);
            CREATE INDEX processorTask_open ON processorTask(status, requestId);

            -- The queue puts urgent requests (minors' data) first, then orders by due date.
            ALTER TABLE privacyRequest ADD COLUMN queueRank INTEGER
                GENERATED ALWAYS AS (CASE priority WHEN 'urgent' THEN 0 ELSE 1 END) VIRTUAL;
            DROP INDEX privacyRequest_openQueue;
            CREATE INDEX privacyRequest_openQueue ON privacyRequest(queueRank, effectiveDueAt, id)
                WHERE \(openStatusSQL);
            DROP INDEX privacyRequest_status;
            CREATE INDEX privacyRequest_status ON privacyRequest(status, queueRank, effectiveDueAt);

            -- Erasing a customer's events touched one page of this index per event (they are scattered in time);
            -- retention sweeps walk events in rowid order instead, which is time order for an append-only log.
            DROP INDEX deviceEvent_occurredAt;

            DROP TRIGGER customer_searchInsert;
            DROP TRIGGER customer_searchDelete;
            DROP TRIGGER customer_searchUpdate;
            DROP TABLE customerSearch;
            CREATE VIRTUAL TABLE customerSearch USING fts5(
                fullName, email, phone,
                content='customer', content_rowid='id',
                tokenize="unicode61 remove_diacritics 2"
            );
            INSERT INTO customerSearch(customerSearch) VALUES ('rebuild');
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
