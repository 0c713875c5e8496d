import Foundation

extension DataMap {
    /// Privacy requests, their notes, tasks, exports and messages: the record that rights were answered, kept;
    /// what they say about the subject, emptied.
    static let requestColumns: [DataColumn] = {
        let kept = ["id", "publicId", "kind", "status", "channel", "externalReference", "requesterKind", "receivedAt",
                    "dueAt", "extendedUntil", "extensionNoticeAt", "effectiveDueAt", "verificationMethod", "verifiedBy",
                    "verifiedAt", "assignee", "priority", "proposedBy", "outcome", "duplicateOf", "version", "closedAt",
                    "queueRank", "intakeDigest", "statusRank", "kindSuggested", "replyWaiting"]
        let emptied = ["subjectEmail", "subjectPhone", "subjectName", "requesterName", "requesterEmail",
                       "extensionReason", "verificationNote", "payload", "outcomeReason"]
        var columns = kept.map { DataColumn("privacyRequest", $0, personal: false, .requests, erasure: .keep,
                                            retention: .closedRequests) }
        columns.append(DataColumn("privacyRequest", "customerId", personal: true, .requests, erasure: .pseudonymise,
                                  retention: .closedRequests))
        columns += emptied.map { DataColumn("privacyRequest", $0, personal: true, .requests, erasure: .empty,
                                            retention: .closedRequests) }
        // A note's text, and an admin's reason for keeping it internal, may say things about the subject.
        columns += ["id", "requestId", "author", "text", "createdAt", "internalReason", "internalBy", "internalAt"].map {
            DataColumn("requestNote", $0, personal: $0 == "text" || $0 == "internalReason", .requests, erasure: .delete,
                       retention: .closedRequests)
        }
        columns += ["id", "requestId", "recipient", "recipientKind", "status", "confirmedAt", "closedReason",
                    "createdAt", "closedBy"].map { DataColumn("processorTask", $0, personal: false, .requests, erasure: .keep) }
        let retained = ["id", "requestId", "customerId", "category", "reference", "ground", "retainUntil",
                        "anonymisedAt"]
        columns += retained.map {
            DataColumn("retainedItem", $0, personal: false, .requests, erasure: .keep, retention: .invoices)
        }
        columns += ["id", "requestId", "folder", "checksums", "createdBy", "createdAt"].map {
            DataColumn("requestExport", $0, personal: false, .requests, erasure: .keep, retention: .accessExports)
        }
        // The export's files themselves are removed by the erasure; `deletedAt` records it.
        columns.append(DataColumn("requestExport", "deletedAt", personal: false, .requests, erasure: .keep))
        columns += ["id", "requestId", "event", "subject", "messageId", "status", "createdAt", "editedBy", "editedAt",
                    "attemptedAt", "attemptVia", "sentAt", "lastError", "leaseOwner", "leaseUntil"].map {
            DataColumn("outboxMessage", $0, personal: false, .requests, erasure: .keep, retention: .closedRequests)
        }
        // The thread's Message-IDs name the subject's own mail (often their mail provider's host): emptied too.
        columns += ["toName", "toAddress", "body", "copyPath", "inReplyTo", "referencesHeader"].map {
            DataColumn("outboxMessage", $0, personal: true, .requests, erasure: .empty, retention: .closedRequests)
        }
        // Mail from the privacy mailbox: what the sender wrote is theirs; the erasure deletes it with the request's
        // notes (the request row stays as the record that it was answered).
        columns += ["id", "messageKey", "receivedAt", "nature", "filedAs", "requestId", "outboxMessageId", "fromSubject"].map {
            DataColumn("inboundMail", $0, personal: false, .requests, erasure: .delete, retention: .closedRequests)
        }
        // A pending identity code: only its keyed hash, deleted when confirmed or erased.
        columns += ["requestId", "codeHash", "expiresAt", "attemptsLeft", "sentAt"].map {
            DataColumn("verificationCode", $0, personal: false, .requests, erasure: .delete)
        }
        columns += ["fromAddress", "fromName", "subject", "body", "attachments"].map {
            DataColumn("inboundMail", $0, personal: true, .requests, erasure: .delete, retention: .closedRequests)
        }
        // OpenDSR status callbacks: the requesting system's URLs and the status bodies sent to it (the controller's
        // subject_request_id and a status; no personal value).
        columns += ["id", "requestId", "url"].map {
            DataColumn("callbackTarget", $0, personal: false, .requests, erasure: .keep, retention: .closedRequests)
        }
        columns += ["id", "requestId", "url", "body", "status", "attempts", "nextAttemptAt", "leaseUntil", "lastError",
                    "createdAt", "deliveredAt"].map {
            DataColumn("callbackDelivery", $0, personal: false, .requests, erasure: .keep,
                       retention: .closedRequests)
        }
        // One-time links to access copies: the token's hash and times; the address a copy was fetched from is the
        // subject's, deleted with the links at an erasure.
        columns += ["id", "requestId", "outboxMessageId", "tokenHash", "createdAt", "expiresAt", "fetchedAt"].map {
            DataColumn("exportLink", $0, personal: false, .requests, erasure: .delete, retention: .accessExports)
        }
        columns.append(DataColumn("exportLink", "fetchedFrom", personal: true, .requests, erasure: .delete,
                                  retention: .accessExports))
        return columns
    }()

    /// Loupe's own records: staff, settings, policy versions, templates, the audit chain (which names requests
    /// and fields, never personal values), the suppression ledger (keyed digests, unreadable without the key)
    /// and the queue of files an erasure removes.
    static let operationsColumns: [DataColumn] = {
        let tables: [(String, [String])] = [
            ("loupeSetting", ["key", "value"]),
            ("staff", ["userName", "displayName", "role", "isActive"]),
            ("policyVersion", ["version", "effectiveAt", "summary", "publishedAt"]),
            ("retentionRule", ["category", "days", "action"]),
            ("auditEntry", ["sequence", "occurredAt", "actor", "action", "target", "details", "previousHash", "hash"]),
            ("messageTemplate", ["event", "language", "subject", "body", "updatedBy", "updatedAt"]),
            ("pendingFileRemoval", ["id", "path", "requestId", "queuedAt"]),
            ("jobLease", ["job", "owner", "leaseUntil"]),
            ("jobRun", ["id", "job", "owner", "startedAt", "finishedAt", "outcome", "counts"]),
        ]
        var columns = tables.flatMap { table, names in
            names.map { DataColumn(table, $0, personal: false, .operations, erasure: .keep) }
        }
        columns.append(DataColumn("suppression", "digest", personal: true, .identity, erasure: .keep))
        columns.append(DataColumn("suppression", "requestPublicId", personal: false, .requests, erasure: .keep))
        columns.append(DataColumn("suppression", "erasedAt", personal: false, .requests, erasure: .keep))
        return columns
    }()
}
