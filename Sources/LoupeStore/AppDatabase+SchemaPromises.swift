import GRDB

extension AppDatabase {
    /// The policy's promises as tables: the disclosure register (couriers, payment providers, authorities), the
    /// authorities' requests (four-eyes), the breach register, the processors of the record of processing, the
    /// purpose of each device event (necessary or analytics cookies), the policy's full text, and notices to a
    /// customer (not about a request) in the outbox.
    static func addPolicyPromises(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE authorityRequest (
                    id INTEGER PRIMARY KEY,
                    publicId TEXT NOT NULL UNIQUE,
                    authority TEXT NOT NULL,
                    legalBasis TEXT NOT NULL,
                    reference TEXT NOT NULL,
                    customerId INTEGER NOT NULL REFERENCES customer(id),
                    fieldsRequested TEXT NOT NULL,
                    secrecyReason TEXT,
                    status TEXT NOT NULL CHECK (status IN ('awaiting-approval', 'disclosed', 'refused')),
                    proposedBy TEXT NOT NULL REFERENCES staff(userName),
                    receivedAt DATETIME NOT NULL,
                    decidedBy TEXT REFERENCES staff(userName),
                    decidedAt DATETIME,
                    decisionNote TEXT
                );
                CREATE INDEX authorityRequest_customer ON authorityRequest(customerId);

                CREATE TABLE disclosure (
                    id INTEGER PRIMARY KEY,
                    recipientKind TEXT NOT NULL CHECK (recipientKind IN ('courier', 'payment-provider', 'authority')),
                    recipient TEXT NOT NULL,
                    customerId INTEGER REFERENCES customer(id),
                    orderId INTEGER REFERENCES customerOrder(id) ON DELETE SET NULL,
                    authorityRequestId INTEGER REFERENCES authorityRequest(id),
                    fields TEXT NOT NULL,
                    disclosedAt DATETIME NOT NULL,
                    disclosedBy TEXT NOT NULL,
                    withheldReason TEXT
                );
                CREATE INDEX disclosure_customer ON disclosure(customerId, disclosedAt);
                CREATE INDEX disclosure_order ON disclosure(orderId);

                CREATE TABLE breach (
                    id INTEGER PRIMARY KEY,
                    publicId TEXT NOT NULL UNIQUE,
                    description TEXT NOT NULL,
                    categories TEXT NOT NULL,
                    approximatePeople INTEGER NOT NULL CHECK (approximatePeople >= 0),
                    discoveredAt DATETIME NOT NULL,
                    recordedBy TEXT NOT NULL REFERENCES staff(userName),
                    recordedAt DATETIME NOT NULL,
                    authorityNotifiedAt DATETIME,
                    authorityNotifiedBy TEXT REFERENCES staff(userName),
                    authorityReference TEXT,
                    peopleDecision TEXT CHECK (peopleDecision IN ('tell', 'do-not-tell')),
                    peopleDecisionReason TEXT,
                    peopleDecidedBy TEXT REFERENCES staff(userName),
                    peopleDecidedAt DATETIME,
                    peopleToldAt DATETIME,
                    peopleToldCount INTEGER
                );
                CREATE INDEX breach_clockRunning ON breach(discoveredAt) WHERE authorityNotifiedAt IS NULL;

                CREATE TABLE processor (
                    name TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('courier', 'payment-provider', 'hosting', 'email')),
                    contact TEXT NOT NULL,
                    purpose TEXT NOT NULL,
                    agreementDate TEXT NOT NULL,
                    addedBy TEXT NOT NULL REFERENCES staff(userName),
                    addedAt DATETIME NOT NULL
                ) WITHOUT ROWID;

                ALTER TABLE deviceEvent ADD COLUMN purpose TEXT NOT NULL DEFAULT 'analytics'
                    CHECK (purpose IN ('necessary', 'analytics'));
                ALTER TABLE policyVersion ADD COLUMN fullText TEXT;
                ALTER TABLE policyVersion ADD COLUMN changesPurposes BOOLEAN NOT NULL DEFAULT 0;
                """)
        try rebuildOutboxForNotices(db)
    }

    /// A notice (a policy change, a breach, an authority's disclosure) goes to a customer, not about a request:
    /// `requestId` becomes optional and `customerId` names the customer. SQLite cannot relax a NOT NULL column, so
    /// the table is rebuilt the documented way (new table, copy, drop, rename) with the same ids.
    private static func rebuildOutboxForNotices(_ db: Database) throws {
        let columns = """
            id, requestId, event, toName, toAddress, subject, body, messageId, status, createdAt, editedBy, editedAt,
            attemptedAt, attemptVia, sentAt, lastError, copyPath, leaseOwner, leaseUntil, inReplyTo, referencesHeader
            """
        try db.execute(
            sql: """
                CREATE TABLE outboxMessage_new (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    requestId INTEGER REFERENCES privacyRequest(id),
                    customerId INTEGER REFERENCES customer(id),
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
                    lastError TEXT,
                    copyPath TEXT,
                    leaseOwner TEXT,
                    leaseUntil DATETIME,
                    inReplyTo TEXT,
                    referencesHeader TEXT,
                    CHECK (requestId IS NOT NULL OR customerId IS NOT NULL)
                );
                INSERT INTO outboxMessage_new (\(columns)) SELECT \(columns) FROM outboxMessage;
                DROP TABLE outboxMessage;
                ALTER TABLE outboxMessage_new RENAME TO outboxMessage;
                CREATE INDEX outboxMessage_request ON outboxMessage(requestId);
                CREATE INDEX outboxMessage_customer ON outboxMessage(customerId);
                CREATE INDEX outboxMessage_unsent ON outboxMessage(status, id) WHERE status != 'sent';
                CREATE INDEX outboxMessage_messageId ON outboxMessage(messageId);
                """)
    }
}
