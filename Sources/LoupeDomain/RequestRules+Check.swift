import Foundation

extension RequestRules {
    /// Whether `actor` may take an action of `kind` on the request now; throws `.notAllowed` with the reason and
    /// what to do instead. Every rule about who may do what to a request, and in which state, lives here: the
    /// store asks it inside each use case's transaction, the console to grey keys out and pick its hints, the
    /// command line before it asks anything.
    public static func check(
        _ kind: RequestAction.Kind, on facts: RequestFacts, by actor: StaffMember, now: Date, policy: DeadlinePolicy
    ) throws {
        guard actor.isActive else {
            throw refused("\(actor.userName) is deactivated and cannot act on requests.")
        }
        if kind == .note { return }  // a note can be added to any request, closed or not
        guard facts.status.isOpen else {
            throw refused(kind.fulfils != nil
                ? "The request is \(facts.status.label): a closed request cannot be fulfilled again."
                : "The request is \(facts.status.label): a closed request cannot change (notes still can).")
        }
        let isSupervisor = actor.role >= .supervisor
        switch kind {
        case .note:
            break
        case .claim:
            if facts.assignee == actor.userName { throw refused("You already hold this request.") }
            if let holder = facts.assignee {
                throw refused("\(holder) holds this request: ask them to release it, or a supervisor to reassign it.")
            }
        case .release:
            guard let holder = facts.assignee else { throw refused("Nobody holds this request.") }
            guard holder == actor.userName || isSupervisor else {
                throw refused("\(holder) holds this request; only they or a supervisor can release it.")
            }
        case .reassign:
            guard isSupervisor else { throw refused("Only supervisors and admins reassign requests.") }
        case .verify:
            try checkHolder(assignee: facts.assignee, actor: actor)
            guard facts.status == .received || facts.status == .verifying else {
                throw refused("Identity is checked before work starts; the request is already \(facts.status.label).")
            }
            if facts.isIdentityVerified { throw refused("The requester's identity is already verified.") }
        case .start:
            try checkHolder(assignee: facts.assignee, actor: actor)
            guard facts.status == .received || facts.status == .verifying else {
                throw refused("Only a received or verifying request can start; this one is \(facts.status.label).")
            }
            guard !facts.kindSuggested else {
                throw refused("Its kind was only suggested from the email's words: confirm it first (= in the console, `loupe requests confirm-kind`).")
            }
            try requireVerified(facts)
        case .extend:
            try checkHolder(assignee: facts.assignee, actor: actor)
            if let until = facts.extendedUntil {
                throw refused("The deadline was already extended once, to \(policy.dayString(until)); it cannot be again.")
            }
            guard now < facts.originalDueAt else {
                throw refused("The first month ended on \(policy.dayString(facts.originalDueAt)): an extension must be decided before that.")
            }
        case .proposeErasure:
            try checkHolder(assignee: facts.assignee, actor: actor)
            guard facts.kind == .erasure else { throw refused("Only erasure requests can be proposed for erasure.") }
            guard facts.status == .inProgress else {
                throw refused("Start the request first (s): an erasure is proposed from in progress, not \(facts.status.label).")
            }
        case .approve:
            guard facts.status == .awaitingApproval else {
                throw refused("There is nothing to approve: the request is \(facts.status.label).")
            }
            guard isSupervisor else { throw refused("Only supervisors and admins approve erasures.") }
            if facts.proposedBy == actor.userName {
                throw refused("You proposed this erasure: another supervisor must approve it (four eyes).")
            }
        case .reject:
            if facts.kind == .erasure {
                guard isSupervisor else { throw refused("Only supervisors and admins reject an erasure request.") }
            } else {
                try checkHolder(assignee: facts.assignee, actor: actor)
            }
        case .cancel:
            try checkHolder(assignee: facts.assignee, actor: actor)
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
            try checkHolder(assignee: facts.assignee, actor: actor)
            guard facts.openTasks > 0 else { throw refused("This request has no open notice to a recipient.") }
        }
    }

    private static func checkComplete(_ facts: RequestFacts, actor: StaffMember) throws {
        try checkHolder(assignee: facts.assignee, actor: actor)
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
        try checkHolder(assignee: facts.assignee, actor: actor)
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
