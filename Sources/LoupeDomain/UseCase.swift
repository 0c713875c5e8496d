/// Every use case the store offers, by name: the one list the permission gate (`AccessGate.may`) decides on.
/// The store names one case inside each transaction before it reads personal data or writes anything; the
/// authorization test walks `allCases`, so a new use case without a row in its table fails the suite.
public enum UseCase: String, CaseIterable, Sendable {
    // Requests: reading and the lifecycle.
    case readRequests, createRequest, claimRequest, releaseRequest, reassignRequest
    case verifyIdentity, sendVerificationCode, confirmVerificationCode
    case startRequest, extendDeadline, proposeErasure, approveErasure, rejectRequest, rejectErasure, cancelRequest
    case completeRequest, exportAccess, rectify, withdrawConsent, flagMinor, closeNotice, confirmNotices
    case addNote, markNoteInternal, confirmKind, revealPersonalData, changeLanguage

    // Messages to data subjects.
    case listOutbox, readMessageBody, queueReply, editMessage, markMessageSentByHand, resolveInDoubt
    case withdrawStaleMessages, sendOutbox

    // Access copies in custody.
    case readExport, copyExport

    // What arrives from outside: the mailbox, webhooks, OpenDSR, the shop's exports.
    case readMailTray, fileMailAsRequest, dismissMail
    case importMail, receiveWebhook, receiveOpenDSR, readOpenDSRStatus, cancelOpenDSR, importShopData

    // Registers: disclosures, authorities, breaches, cookies, analytics, processors.
    case courierLabel, readRegisters, recordAuthorityRequest, decideAuthorityRequest
    case recordBreach, decideBreach, setCookies, exportAnalytics, addProcessor

    // Administration.
    case manageStaff, changeSettings, setRetention, sweepRetention, previewRetention, publishPolicy
    case editTemplates, rotateVaultKey, manageControllers

    // The service's routine work.
    case runJobs, deliverCallbacks, anchorAudit, readAudit, serveExportLink
}

/// Who may take a use case, before any fact about the item is known.
public enum UseCaseAudience: Equatable, Sendable {
    /// Any active staff member, the service included.
    case anyone
    /// Any active staff member (agents, supervisors, admins); never the service.
    case staff
    /// The agent who holds the request, or any supervisor or admin.
    case holderOrSupervisor
    /// The holder, a supervisor or admin, or the service carrying the subject's own reply (a code that came back).
    case holderOrSupervisorOrService
    /// Supervisors and admins.
    case supervisors
    /// Supervisors and admins who did not propose or record the item themselves (four eyes).
    case otherSupervisor
    /// Admins only.
    case admins
    /// The service (`loupe serve`) and admins.
    case serviceOrAdmins
    /// The service acting for the controller that sent the request, or an admin.
    case owningControllerOrAdmins
}

extension UseCase {
    /// Who may take this use case.
    public var audience: UseCaseAudience {
        switch self {
        case .readRequests, .createRequest, .claimRequest, .addNote, .revealPersonalData, .listOutbox, .courierLabel,
            .readRegisters, .recordAuthorityRequest, .recordBreach, .exportAnalytics, .previewRetention, .flagMinor,
            .readExport, .withdrawStaleMessages, .setCookies, .readMailTray, .fileMailAsRequest, .dismissMail:
            .staff
        case .releaseRequest, .verifyIdentity, .sendVerificationCode, .startRequest,
            .extendDeadline, .proposeErasure, .rejectRequest, .cancelRequest, .completeRequest, .exportAccess,
            .rectify, .withdrawConsent, .closeNotice, .confirmNotices, .confirmKind, .changeLanguage,
            .readMessageBody, .queueReply, .editMessage, .markMessageSentByHand, .resolveInDoubt, .copyExport:
            .holderOrSupervisor
        case .confirmVerificationCode:
            .holderOrSupervisorOrService
        case .reassignRequest, .rejectErasure:
            .supervisors
        case .approveErasure, .decideAuthorityRequest:
            .otherSupervisor
        case .decideBreach:
            .supervisors
        case .manageStaff, .changeSettings, .setRetention, .publishPolicy, .editTemplates, .rotateVaultKey,
            .manageControllers, .importShopData, .addProcessor, .markNoteInternal:
            .admins
        case .sendOutbox, .importMail, .receiveWebhook, .receiveOpenDSR, .sweepRetention, .runJobs,
            .deliverCallbacks, .anchorAudit, .serveExportLink:
            .serviceOrAdmins
        case .readAudit:
            .anyone
        case .readOpenDSRStatus, .cancelOpenDSR:
            .owningControllerOrAdmins
        }
    }

    /// What the use case does, for refusals ("Only admins change settings").
    public var phrase: String {
        switch self {
        case .readRequests: "read requests"
        case .createRequest: "record a request"
        case .claimRequest: "claim a request"
        case .releaseRequest: "release a request"
        case .reassignRequest: "reassign requests"
        case .verifyIdentity: "verify a requester's identity"
        case .sendVerificationCode: "send a verification code"
        case .confirmVerificationCode: "confirm a verification code"
        case .startRequest: "start work on a request"
        case .extendDeadline: "extend a deadline"
        case .proposeErasure: "propose an erasure"
        case .approveErasure: "approve erasures"
        case .rejectRequest: "reject a request"
        case .rejectErasure: "reject an erasure request"
        case .cancelRequest: "cancel a request"
        case .completeRequest: "complete a request"
        case .exportAccess: "export an access copy"
        case .rectify: "apply corrections"
        case .withdrawConsent: "withdraw consent"
        case .flagMinor: "flag a customer as under 16"
        case .closeNotice: "close a notice to a recipient"
        case .confirmNotices: "confirm notices to recipients"
        case .addNote: "add a note"
        case .markNoteInternal: "mark a note internal"
        case .confirmKind: "confirm a request's kind"
        case .changeLanguage: "change the language a request is answered in"
        case .readMailTray: "read the unsorted mail"
        case .fileMailAsRequest: "make a request of unsorted mail"
        case .dismissMail: "dismiss unsorted mail"
        case .revealPersonalData: "reveal personal data"
        case .listOutbox: "list the outbox"
        case .readMessageBody: "read a message to a data subject"
        case .queueReply: "reply to a data subject"
        case .editMessage: "edit a message to a data subject"
        case .markMessageSentByHand: "mark a message sent by hand"
        case .resolveInDoubt: "resolve a send in doubt"
        case .withdrawStaleMessages: "withdraw stale messages"
        case .sendOutbox: "send the outbox"
        case .readExport: "read an access copy's report"
        case .copyExport: "copy an access copy out of custody"
        case .importMail: "import the privacy mailbox"
        case .receiveWebhook: "receive Shopify webhooks"
        case .receiveOpenDSR: "receive OpenDSR requests"
        case .readOpenDSRStatus: "read an OpenDSR request's status"
        case .cancelOpenDSR: "cancel an OpenDSR request"
        case .importShopData: "import the shop's exports"
        case .courierLabel: "print a courier label"
        case .readRegisters: "read the registers"
        case .recordAuthorityRequest: "record an authority's request"
        case .decideAuthorityRequest: "decide an authority's request"
        case .recordBreach: "record a breach"
        case .decideBreach: "decide on a breach"
        case .setCookies: "set a customer's cookies"
        case .exportAnalytics: "export analytics"
        case .addProcessor: "keep the processors list"
        case .manageStaff: "manage staff"
        case .changeSettings: "change settings"
        case .setRetention: "set retention rules"
        case .sweepRetention: "run the retention sweep"
        case .previewRetention: "preview the retention sweep"
        case .publishPolicy: "publish the policy"
        case .editTemplates: "edit message templates"
        case .rotateVaultKey: "rotate the vault key"
        case .manageControllers: "register OpenDSR controllers"
        case .runJobs: "run the service's jobs"
        case .deliverCallbacks: "deliver status callbacks"
        case .anchorAudit: "anchor the audit trail"
        case .readAudit: "read the whole audit trail"
        case .serveExportLink: "serve a one-time link to an access copy"
        }
    }
}
