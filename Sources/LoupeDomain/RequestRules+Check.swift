import Foundation

extension RequestRules {
    /// Whether `actor` may take an action of `kind` on the request now; throws `.notAllowed` with the reason and
    /// what to do instead. Every rule about who may do what to a request, and in which state, lives here: the
    /// store asks it inside each use case's transaction, the console to grey keys out and pick its hints, the
    /// command line before it asks anything.
    /// `useCase` names the gate's case when it is not the action's own (a code that came back verifies as
    /// `.confirmVerificationCode`).
    public static func check(
        _ kind: RequestAction.Kind, on facts: RequestFacts, by actor: StaffMember, now: Date, policy: DeadlinePolicy,
        as useCase: UseCase? = nil, access: AccessFacts? = nil
    ) throws {
        guard actor.isActive else {
            throw refused("\(actor.userName) is deactivated and cannot act on requests.")
        }
        let useCase = useCase ?? kind.useCase(on: facts)
        // A note can be added to any request, closed or not.
        if kind == .note { return try AccessGate.require(actor, useCase, access ?? facts.access) }
        guard facts.status.isOpen else {
            throw refused(kind.fulfils != nil
                ? "The request is \(facts.status.label): a closed request cannot be fulfilled again."
                : "The request is \(facts.status.label): a closed request cannot change (notes still can).")
        }
        if kind == .release && facts.assignee == nil { throw refused("Nobody holds this request.") }
        // Who may: the one gate, before any rule about what the request's state allows.
        try AccessGate.require(actor, useCase, access ?? facts.access)
        switch kind {
        case .note:
            break
        case .claim:
            if facts.assignee == actor.userName { throw refused("You already hold this request.") }
            if let holder = facts.assignee {
                throw refused("\(holder) holds this request: ask them to release it, or a supervisor to reassign it.")
            }
        case .release, .reassign:
            break
        case .verify:
            guard facts.status == .received || facts.status == .verifying else {
                throw refused("Identity is checked before work starts; the request is already \(facts.status.label).")
            }
            if facts.isIdentityVerified { throw refused("The requester's identity is already verified.") }
        case .start:
            guard facts.status == .received || facts.status == .verifying else {
                throw refused("Only a received or verifying request can start; this one is \(facts.status.label).")
            }
            guard !facts.kindSuggested else {
                throw refused("Its kind was only suggested from the email's words: confirm it first (= in the console, `loupe requests confirm-kind`).")
            }
            try requireVerified(facts)
        case .extend:
            if let until = facts.extendedUntil {
                throw refused("The deadline was already extended once, to \(policy.dayString(until)); it cannot be again.")
            }
            guard now < facts.originalDueAt else {
                throw refused("The first month ended on \(policy.dayString(facts.originalDueAt)): an extension must be decided before that.")
            }
        case .proposeErasure:
            guard facts.kind == .erasure else { throw refused("Only erasure requests can be proposed for erasure.") }
            guard facts.status == .inProgress else {
                throw refused("Start the request first (s): an erasure is proposed from in progress, not \(facts.status.label).")
            }
        case .approve:
            guard facts.status == .awaitingApproval else {
                throw refused("There is nothing to approve: the request is \(facts.status.label).")
            }
        case .reject, .cancel:
            break
        case .complete:
            try checkComplete(facts, actor: actor)
        case .export, .rectify, .withdrawConsent:
            try checkFulfilment(kind, facts, actor: actor)
        case .flagMinor:
            guard facts.holdsData else {
                throw refused("The request matched no customer on file: there is nobody to flag.")
            }
            if facts.subjectIsMinor { throw refused("The customer is already flagged as under 16.") }
        case .closeTask:
            guard facts.openTasks > 0 else { throw refused("This request has no open notice to a recipient.") }
        }
    }

    private static func checkComplete(_ facts: RequestFacts, actor: StaffMember) throws {
        if !facts.holdsData && (facts.kind == .access || facts.kind == .erasure) {
            // Nobody on file: answered "we hold no data about you", which needs no identity check (it discloses
            // nothing) and no erasure to approve.
            guard facts.status == .verifying || facts.status == .inProgress else {
                throw refused("Only a request being worked on can be answered; it is \(facts.status.label).")
            }
            return
        }
        if facts.kind == .erasure {
            guard facts.status == .approved else {
                throw refused("An erasure completes only after a supervisor approves it; it is \(facts.status.label).")
            }
        } else {
            guard facts.status == .inProgress else {
                throw refused("Start the request first (s): only a request in progress can complete.")
            }
            try requireVerified(facts)
        }
        if facts.openTasks > 0 {
            throw refused("\(facts.openTasks) notice\(facts.openTasks == 1 ? " to a recipient is" : "s to recipients are") still open: confirm or close \(facts.openTasks == 1 ? "it" : "them") first (loupe tasks).")
        }
    }

    /// Export, rectify, withdraw consent: the right kind of request, held by the actor (agents), and — except
    /// for consent withdrawal, which never waits — in progress, which means identity was verified.
    private static func checkFulfilment(_ action: RequestAction.Kind, _ facts: RequestFacts, actor: StaffMember) throws {
        guard let kind = action.fulfils else { return }
        guard facts.kind == kind else {
            let article = facts.kind == .access || facts.kind == .erasure ? "an" : "a"
            throw refused("This is \(article) \(facts.kind.rawValue) request, not \(kind.rawValue).")
        }
        guard kind.requiresIdentityVerification else { return }
        try requireVerified(facts)
        guard facts.status == .inProgress else {
            throw refused("Start the request first (s): it is \(facts.status.label).")
        }
    }

    private static func requireVerified(_ facts: RequestFacts) throws {
        if facts.kind.requiresIdentityVerification && !facts.isIdentityVerified {
            throw refused("Verify the requester's identity first (v): \(facts.kind.rawValue) requests need it.")
        }
    }
}

extension RequestAction.Kind {
    /// The use case the gate decides for this action on a request with `facts` (rejecting an erasure request is a
    /// supervisor's, any other rejection the holder's).
    public func useCase(on facts: RequestFacts) -> UseCase {
        switch self {
        case .claim: .claimRequest
        case .release: .releaseRequest
        case .reassign: .reassignRequest
        case .verify: .verifyIdentity
        case .start: .startRequest
        case .note: .addNote
        case .extend: .extendDeadline
        case .proposeErasure: .proposeErasure
        case .approve: .approveErasure
        case .reject: facts.kind == .erasure ? .rejectErasure : .rejectRequest
        case .cancel: .cancelRequest
        case .complete: .completeRequest
        case .export: .exportAccess
        case .rectify: .rectify
        case .withdrawConsent: .withdrawConsent
        case .flagMinor: .flagMinor
        case .closeTask: .closeNotice
        }
    }
}

extension RequestFacts {
    /// What the gate needs of these facts: the holder and the erasure's proposer.
    public var access: AccessFacts { AccessFacts(holder: assignee, proposer: proposedBy) }
}
