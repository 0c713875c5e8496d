/// What an audit entry records. Every entry's stored `action` text comes from here, so the queries that read the
/// trail and the use cases that write it cannot drift apart. Payloads are kinds and statuses, never personal
/// values (the entry's details hold ids and field names only).
public enum AuditEvent: Equatable, Sendable {
    /// Which shop export an import read.
    public enum ImportedFile: String, Sendable, CaseIterable { case customers, orders }
    /// How a message came to be recorded as sent.
    public enum SentBy: String, Sendable, CaseIterable {
        /// `loupe outbox send` delivered it.
        case send
        /// Someone recorded a reply sent by letter or phone.
        case markSent = "mark-sent"
    }

    case databaseInitialised
    case staffAdded, staffUpdated, staffDeactivated
    /// A request arrived (by hand, intake, import of a withdrawal, a minor's flag).
    case requestReceived
    /// An action on a request (a lifecycle step or a fulfilment: `request.export`, `request.rectify`, ...).
    case request(RequestAction.Kind)
    case customerRevealed, minorFlagged
    case exportRead, exportCopied
    case imported(ImportedFile)
    case shopRedactNoted
    case messageQueued, messageEdited, messageRetried
    /// A queued message whose reason had passed, removed before it was sent.
    case messageWithdrawn
    case messageSent(SentBy)
    case policyPublished
    case retentionRuleSet, retentionSwept
    case timeZoneSet
    /// The address messages come from was set.
    case privacyAddressSet
    /// A verification code went to the address on file; a wrong one was tried.
    case verificationCodeSent, verificationCodeRefused
    /// A reply carried the code, but its sender was not authenticated: the holder decides (types the code).
    case verificationCodeUnauthenticated
    /// The mail host whose Authentication-Results are trusted was set.
    case mailAuthservIdSet
    /// An agent confirmed (or changed) the kind an email request was given from its words.
    case kindConfirmed
    /// A notice task closed: confirmed, or impossible with a reason.
    case taskClosed(ProcessorTask.Status)
    case templateEdited, templateReset
    case vaultKeyRotated
    /// An admin kept a note out of the access export.
    case noteMarkedInternal
    /// A message from the privacy mailbox was recorded (and filed on a request, if it answers one).
    case mailReceived
    case mailFiledFromTray
    case mailDismissed
    case languageChanged
    /// The callback allow-list was set; an OpenDSR status callback was delivered, or given up on.
    case callbackHostsSet, callbackDelivered, callbackFailed, callbackRefused
    /// The public URL was set; a one-time link to an access copy was made, or used.
    case publicURLSet, exportLinkDaysSet, exportLinkIssued, exportDownloaded
    /// A job's schedule was set; a scheduled job ran (with its counts).
    case jobScheduled, jobRun
    /// The policy's promises: a courier label, an authority's request recorded and decided, cookies set, a Global
    /// Privacy Control signal, an analytics export, the breach register, processors, customer notices queued.
    case courierLabelPrinted, authorityRequestRecorded, authorityRequestDecided
    case cookieConsentSet, globalPrivacyControl, analyticsExported
    case breachRecorded, breachAuthorityNotified, breachDecided, breachPeopleTold
    case processorAdded, noticesQueued, analyticsKSet
    /// An OpenDSR controller was registered (or given a new token), or its token revoked.
    case controllerAdded, controllerDeactivated

    /// The stored text, e.g. `request.claim`.
    public var action: String {
        switch self {
        case .databaseInitialised: "database.init"
        case .staffAdded: "staff.add"
        case .staffUpdated: "staff.update"
        case .staffDeactivated: "staff.deactivate"
        case .requestReceived: "request.receive"
        case .request(let kind): "request.\(kind.rawValue)"
        case .customerRevealed: "customer.reveal"
        case .minorFlagged: "customer.flag-minor"
        case .exportRead: "export.read"
        case .exportCopied: "export.copy"
        case .imported(let file): "import.shopify-\(file.rawValue)"
        case .shopRedactNoted: "intake.shop-redact"
        case .messageQueued: "outbox.queue"
        case .messageEdited: "outbox.edit"
        case .messageRetried: "outbox.retry"
        case .messageWithdrawn: "outbox.withdraw"
        case .messageSent(let by): "outbox.\(by.rawValue)"
        case .policyPublished: "policy.publish"
        case .noteMarkedInternal: "note.internal"
        case .mailReceived: "mail.receive"
        case .mailFiledFromTray: "mail.file-as-request"
        case .mailDismissed: "mail.dismiss"
        case .languageChanged: "request.language"
        case .callbackHostsSet: "settings.callback-hosts"
        case .callbackDelivered: "callback.deliver"
        case .callbackFailed: "callback.fail"
        case .callbackRefused: "callback.refuse"
        case .publicURLSet: "settings.public-url"
        case .exportLinkDaysSet: "settings.export-link-days"
        case .exportLinkIssued: "export.link"
        case .exportDownloaded: "export.download"
        case .jobScheduled: "settings.job-schedule"
        case .jobRun: "job.run"
        case .retentionRuleSet: "retention.set"
        case .retentionSwept: "retention.sweep"
        case .timeZoneSet: "settings.time-zone"
        case .privacyAddressSet: "settings.privacy-address"
        case .verificationCodeSent: "verify.code-sent"
        case .verificationCodeRefused: "verify.code-refused"
        case .verificationCodeUnauthenticated: "verify.code-unauthenticated"
        case .mailAuthservIdSet: "settings.mail-authserv-id"
        case .kindConfirmed: "request.kind-confirm"
        case .taskClosed(let status): "task.\(status.rawValue)"
        case .templateEdited: "template.edit"
        case .templateReset: "template.reset"
        case .vaultKeyRotated: "vault.rotate"
        case .courierLabelPrinted: "disclosure.courier-label"
        case .authorityRequestRecorded: "authority.record"
        case .authorityRequestDecided: "authority.decide"
        case .cookieConsentSet: "customer.cookies"
        case .globalPrivacyControl: "customer.gpc"
        case .analyticsExported: "analytics.export"
        case .breachRecorded: "breach.record"
        case .controllerAdded: "controller.add"
        case .controllerDeactivated: "controller.deactivate"
        case .breachAuthorityNotified: "breach.notify-authority"
        case .breachDecided: "breach.decide"
        case .breachPeopleTold: "breach.tell"
        case .processorAdded: "processor.add"
        case .noticesQueued: "outbox.notices"
        case .analyticsKSet: "settings.analytics-k"
        }
    }
}
