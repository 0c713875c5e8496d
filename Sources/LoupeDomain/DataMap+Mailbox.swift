extension DataMap {
    /// The columns of v20 (the mailbox): the tray's state and decision, the sender's keyed digest (an identifier,
    /// deleted with the mail), the Maildir file's unique name, and the language of a message and of a request.
    static let mailboxColumns: [DataColumn] = {
        var columns = ["tray", "trayReason", "dismissal", "decidedBy", "decidedAt", "maildirFile", "language"].map {
            DataColumn("inboundMail", $0, personal: false, .requests, erasure: .delete, retention: .dismissedMail)
        }
        columns.append(
            DataColumn("inboundMail", "fromDigest", personal: true, .identity, erasure: .delete,
                       retention: .dismissedMail, derivedFrom: "fromAddress"))
        columns.append(DataColumn("privacyRequest", "language", personal: false, .requests, erasure: .keep))
        // The subject's Message-ID (it names their mail host) threads an answer; the once-only key is its digest.
        columns.append(DataColumn("inboundMail", "messageId", personal: true, .requests, erasure: .delete,
                                  retention: .closedRequests))
        return columns
    }()
}
