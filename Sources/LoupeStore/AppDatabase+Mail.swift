import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// Records one message from the privacy mailbox and files it, in one transaction with its audit entry:
    /// - once only: a message already recorded (same Message-ID, or same bytes) is a `.duplicate`;
    /// - a bounce goes on the outbox message it reports (its error set, so the holder sees it);
    /// - an auto-reply is recorded, on the request it answers if any, and never becomes a request;
    /// - a reply (In-Reply-To or References naming one of Loupe's messages, or `[PR-…]` in the subject) goes
    ///   on that request, which then shows a reply waiting; a sender who is not the subject or requester is
    ///   flagged;
    /// - anything else becomes a request on channel `email`, of the kind the text suggests (access when nothing
    ///   does), marked as suggested until an agent confirms it; the same intake rules as every other door apply
    ///   (the customer matched, someone erased is not re-created).
    /// The sender is sealed by the vault; the body is stored as the parser left it (capped, card numbers removed).
    public func receive(_ mail: InboundMail, actor: StaffMember, at time: Date) throws -> MailFiling {
        try write { db in
            try Self.authorize(db, actor, .importMail)
            return try self.file(db, mail, actor: actor, at: time)
        }
    }

    /// `receive` for several messages in one transaction, each in its own savepoint: one that fails is rolled
    /// back alone and reported with its error, the others are recorded. A kill leaves none of them (the files
    /// stay in `new/` and the next import files them again, each once).
    public func receive(
        batch mails: [InboundMail], actor: StaffMember, at time: Date
    ) throws -> [Result<MailFiling, any Error>] {
        try write { db in
            try Self.authorize(db, actor, .importMail)
            return Self.eachInSavepoint(db, mails) { mail in try self.file(db, mail, actor: actor, at: time) }
        }
    }

    /// Files one message inside the caller's transaction (see `receive`).
    func file(_ db: Database, _ mail: InboundMail, actor: StaffMember, at time: Date) throws -> MailFiling {
        // The Message-ID (or the bytes' digest) is kept only as a keyed digest; rows from before v20 hold it raw.
        let key = "k:" + suppression.digest(.mailMessage(mail.key))
        let seen = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM inboundMail WHERE messageKey IN (?, ?)"),
            arguments: [key, mail.key])
        if seen != nil { return .duplicate }
        let answered = try Self.requestAnswered(db, by: mail)
        var requestId = answered?.requestId
        var outboxId: Int64?
        var fromSubject = true
        var filing: MailFiling?
        var trayReason: MailTrayReason?
        // Only mail that may become a request is read for its kind and language (replies and reports are not).
        let assessment = answered == nil && mail.nature == .message
            ? RequestKindSuggestion.assess(subject: mail.subject, body: mail.body) : nil
        switch mail.nature {
        case .bounce:
            let bounced = try mail.bouncedMessageId.flatMap { id in
                try Row.fetchOne(db.cachedStatement(sql: "SELECT id, requestId FROM outboxMessage WHERE messageId = ?"),
                    arguments: ["<\(id)>"])
            }
            outboxId = bounced?["id"]
            requestId = bounced?["requestId"] ?? requestId
            if let outboxId {
                try db.execute(
                    sql: "UPDATE outboxMessage SET lastError = ? WHERE id = ?",
                    arguments: ["Delivery failed: the receiving mail server returned it (bounce).", outboxId])
            }
            filing = .bounce(
                publicId: try requestId.map { try Self.publicId(db, requestId: $0) }, outboxMessage: outboxId)
        case .autoReply:
            filing = .autoReply(publicId: try requestId.map { try Self.publicId(db, requestId: $0) })
        case .message:
            if let answered {
                fromSubject = try Self.isSubjectOrRequester(
                    db, requestId: answered.requestId, address: mail.fromAddress)
                try db.cachedStatement(sql: "UPDATE privacyRequest SET replyWaiting = 1 WHERE id = ?")
                    .execute(arguments: [answered.requestId])
                try PrivacyRequestRecord.touch(db, id: answered.requestId)
                let verified = try confirmCode(
                    db, in: mail, requestId: answered.requestId, publicId: answered.publicId,
                    actor: actor.userName, at: time)
                filing = .reply(publicId: answered.publicId, fromSubject: fromSubject, verified: verified)
            } else if mail.isSpam {
                trayReason = .spam
            } else if mail.isList {
                trayReason = .newsletter
            } else if let draft = Self.requestDraft(
                address: mail.fromAddress, name: mail.fromName, kind: assessment?.kind ?? .access),
                let kind = assessment?.kind {
                let created = try insertNewRequest(
                    db, draft, actor: actor, at: time, details: ["kindSuggested": "true"],
                    language: assessment?.language)
                requestId = created.id
                try db.cachedStatement(sql: "UPDATE privacyRequest SET kindSuggested = 1 WHERE id = ?")
                    .execute(arguments: [created.id])
                filing = .newRequest(publicId: created.publicId, kind: kind)
            } else if Self.requestDraft(address: mail.fromAddress, name: mail.fromName, kind: .access) == nil {
                // Kept (it may matter to someone reading the mailbox), but no answer could reach its sender.
                filing = .unfiled(reason: "its sender's address cannot receive an answer")
            } else {
                trayReason = .unclear
            }
        }
        let vault = try currentVault(db)
        let attachments = mail.attachments.isEmpty
            ? "[]" : String(decoding: try JSONEncoder().encode(mail.attachments), as: UTF8.self)
        let fromDigest = mail.fromAddress.flatMap(PersonIdentifier.email).map(suppression.digest)
        let filedAs = filing.map(Self.filedAs) ?? "unsorted"
        try db.cachedStatement(sql: """
                INSERT INTO inboundMail (messageKey, receivedAt, nature, filedAs, fromAddress, fromName, subject, body,
                    attachments, requestId, outboxMessageId, fromSubject, tray, trayReason, fromDigest, maildirFile,
                    language, messageId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            key, StorageTimestamp.text(time), mail.nature.rawValue, filedAs,
            try mail.fromAddress.map(vault.seal), try mail.fromName.map(vault.seal), mail.subject, mail.body,
            attachments, requestId, outboxId, fromSubject, trayReason == nil ? nil : "unsorted", trayReason?.rawValue,
            fromDigest, mail.maildirFile, assessment?.language?.rawValue, mail.messageId.map { "<\($0)>" },
        ])
        let mailId = db.lastInsertedRowID
        let result = filing ?? .unsorted(mail: mailId, reason: trayReason ?? .unclear)
        var details = ["mail": String(mailId), "filed": filedAs, "attachments": String(mail.attachments.count)]
        if let trayReason { details["tray"] = trayReason.rawValue }
        if mail.cardNumbersRemoved > 0 { details["cardNumbersRemoved"] = String(mail.cardNumbersRemoved) }
        if !fromSubject { details["fromSubject"] = "false" }
        let target = try requestId.map { try Self.publicId(db, requestId: $0) } ?? "mail:\(mailId)"
        try AuditLog.append(
            db, at: time, actor: actor.userName, event: .mailReceived, target: target, details: details)
        return result
    }

    /// The request a message's sender asks for, checked as any intake is; a display name that does not pass the
    /// text rules is dropped rather than losing the request; nil when the sender's address cannot get an answer.
    /// Its Message-ID is not kept on the request (the mail row holds its keyed digest).
    static func requestDraft(address: String?, name: String?, kind: RequestKind) -> NewRequest? {
        guard let sender = address else { return nil }
        for name in [name, nil] {
            let draft = NewRequest(kind: kind, email: sender, name: name, channel: .email)
            if let checked = try? draft.validated() { return checked }
        }
        return nil
    }

    /// A reply from the address on file carrying the request's pending code verifies the request (in the
    /// caller's transaction). At most three six-digit numbers of the reply are tried; when none matches, one
    /// attempt is used up (so mail cannot be used to try codes by the hundred).
    func confirmCode(
        _ db: Database, in mail: InboundMail, requestId: Int64, publicId: String, actor: String,
        at time: Date
    ) throws -> Bool {
        guard
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT codeHash, expiresAt, attemptsLeft FROM verificationCode WHERE requestId = ?"),
                arguments: [requestId]),
            (row["attemptsLeft"] as Int) > 0, (row["expiresAt"] as Date) > time
        else { return false }
        let onFile = try String.fetchOne(db.cachedStatement(sql: """
                SELECT lower(c.email) FROM privacyRequest r JOIN customer c ON c.id = r.customerId WHERE r.id = ?
                """), arguments: [requestId])
        guard let onFile, onFile == mail.fromAddress?.lowercased() else { return false }
        let candidates = Self.sixDigitNumbers(in: mail.subject + "\n" + mail.body).prefix(3)
        guard !candidates.isEmpty else { return false }
        // `From:` is trivially forged: the code counts only when the trusted host authenticated it. Otherwise the
        // reply stays on the request for its holder, who reads it and types the code (no attempt is used).
        guard MailAuthentication.isAuthenticated(
            from: mail.fromAddress, headers: mail.authenticationResults, trustedId: try Self.setting(db, .mailAuthservId))
        else {
            try AuditLog.append(
                db, at: time, actor: actor, event: .verificationCodeUnauthenticated, target: publicId,
                details: ["via": "mail", "why": "its sender is not authenticated (DMARC or aligned DKIM)"])
            return false
        }
        for candidate in candidates where try codeMatches(db, candidate, requestId: requestId, hash: row["codeHash"]) {
            _ = try acceptCode(db, requestId: requestId, publicId: publicId, actor: actor, at: time)
            return true
        }
        try useAttempt(db, requestId: requestId, publicId: publicId, left: (row["attemptsLeft"] as Int) - 1, via: "mail",
                       actor: actor, at: time)
        return false
    }

    /// Runs of exactly six digits standing alone, in order: not part of a longer number, a word or an id such
    /// as `PR-2026-000041` (a reply that quotes Loupe's message carries those).
    static func sixDigitNumbers(in text: String) -> [String] {
        var found: [String] = []
        var run = ""
        var before: Character = " "
        for character in text + " " {
            if character.isASCII && character.isNumber {
                run.append(character)
            } else {
                if run.count == 6 && !(before.isLetter || before.isNumber || before == "-" || before == "/")
                    && !(character.isLetter || character == "-") {
                    found.append(run)
                }
                before = character
                run = ""
            }
        }
        return found
    }

    /// The request a message answers: one of Loupe's Message-IDs in its In-Reply-To or References, else a
    /// `[PR-…]` in its subject.
    static func requestAnswered(_ db: Database, by mail: InboundMail) throws -> (requestId: Int64, publicId: String)? {
        for id in mail.answers {
            if let row = try Row.fetchOne(db.cachedStatement(sql: """
                    SELECT r.id, r.publicId FROM outboxMessage m JOIN privacyRequest r ON r.id = m.requestId WHERE m.messageId = ?
                    """), arguments: ["<\(id)>"]) {
                return (row[0], row[1])
            }
        }
        guard let publicId = mail.requestIdInSubject,
            let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM privacyRequest WHERE publicId = ?"), arguments: [publicId])
        else { return nil }
        return (id, publicId)
    }

    /// Whether `address` is the request's subject (on file, or as the request names them) or its requester.
    static func isSubjectOrRequester(_ db: Database, requestId: Int64, address: String?) throws -> Bool {
        guard let address = address?.lowercased() else { return false }
        let known = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT lower(COALESCE(c.email, r.subjectEmail)), lower(r.requesterEmail) FROM privacyRequest r
                LEFT JOIN customer c ON c.id = r.customerId WHERE r.id = ?
                """), arguments: [requestId])
        return [known?[0] as String?, known?[1] as String?].contains(address)
    }

    static func publicId(_ db: Database, requestId: Int64) throws -> String {
        try String.fetchOne(db.cachedStatement(sql: "SELECT publicId FROM privacyRequest WHERE id = ?"), arguments: [requestId]) ?? "?"
    }

    static func filedAs(_ filing: MailFiling) -> String {
        switch filing {
        case .newRequest: "new-request"
        case .reply: "reply"
        case .bounce: "bounce"
        case .autoReply: "auto-reply"
        case .duplicate: "duplicate"
        case .unfiled: "unfiled"
        case .unsorted: "unsorted"
        }
    }
}

extension AppDatabase {
    /// Confirms (or changes) the kind an email request was given from its words: the holder, a supervisor or an
    /// admin; an open request only. One transaction, audited with the suggestion and the choice.
    public func confirmKind(publicId: String, kind: RequestKind, actor: StaffMember, at time: Date) throws
        -> RequestDetail {
        try amendOpenRequest(publicId, .confirmKind, actor: actor, closed: "its kind no longer changes") { db, detail in
            typealias Columns = PrivacyRequestRecord.Columns
            try PrivacyRequestRecord.filter(Columns.id == detail.summary.id).updateAll(
                db,
                [
                    Column("kind").set(to: kind.rawValue), Column("kindSuggested").set(to: false), Columns.version += 1,
                ])
            try AuditLog.append(
                db, at: time, actor: actor.userName, event: .kindConfirmed, target: publicId,
                details: ["suggested": detail.summary.kind.rawValue, "kind": kind.rawValue])
        }
    }

    /// Sets the language the request's messages are written in (the holder, a supervisor or an admin; an open
    /// request). One transaction, audited with the old and the new language; messages already queued keep theirs.
    public func setLanguage(publicId: String, language: Language, actor: StaffMember, at time: Date) throws
        -> RequestDetail {
        try amendOpenRequest(publicId, .changeLanguage, actor: actor, closed: "nothing more is sent") { db, detail in
            try db.execute(sql: "UPDATE privacyRequest SET language = ?, version = version + 1 WHERE id = ?",
                           arguments: [language.rawValue, detail.summary.id])
            try AuditLog.append(db, at: time, actor: actor.userName, event: .languageChanged, target: publicId,
                                details: ["from": (detail.language ?? .english).rawValue, "to": language.rawValue])
        }
    }

    /// One change to an open request's own fields, in one transaction: the request read, the gate asked for
    /// `useCase` with its holder, a closed request refused (`closed` says why), `change` applied with its audit
    /// entry, the request read back.
    private func amendOpenRequest(
        _ publicId: String, _ useCase: UseCase, actor: StaffMember, closed: String,
        change: (Database, RequestDetail) throws -> Void
    ) throws -> RequestDetail {
        try write { db in
            let detail = try Self.fetchDetail(db, publicId: publicId)
            try Self.authorize(db, actor, useCase, AccessFacts(holder: detail.summary.assignee))
            guard detail.summary.status.isOpen else {
                throw LoupeError(.notAllowed, "\(publicId) is \(detail.summary.status.label): \(closed).")
            }
            try change(db, detail)
            return try Self.fetchDetail(db, publicId: publicId)
        }
    }
}
