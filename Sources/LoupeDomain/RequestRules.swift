import Foundation

/// The one place that answers "may this actor do this to this request, and what happens?" — for the keys, the
/// command line and the store alike (DESIGN.md section 3).
public enum RequestRules {
    /// The change `command` makes, or an error whose message says why it is refused and what to do instead.
    public static func decide(
        _ command: RequestCommand, on facts: RequestFacts, by actor: StaffMember, now: Date, policy: DeadlinePolicy
    ) throws -> RequestChange {
        guard actor.isActive else {
            throw refused("\(actor.userName) is deactivated and cannot act on requests.")
        }
        var change = RequestChange(status: facts.status, assignee: facts.assignee)
        if case .note(let text) = command {
            change.note = try TextRules.validated(text, field: "note", allowNewlines: true)
            return change
        }
        guard facts.status.isOpen else {
            throw refused("The request is \(facts.status.label): a closed request cannot change (notes still can).")
        }
        let isSupervisor = actor.role >= .supervisor
        switch command {
        case .note:
            break
        case .claim:
            if facts.assignee == actor.userName { throw refused("You already hold this request.") }
            if let holder = facts.assignee {
                throw refused("\(holder) holds this request: ask them to release it, or a supervisor to reassign it.")
            }
            change.assignee = actor.userName
            if facts.status == .received { change.status = .verifying }
        case .release:
            guard let holder = facts.assignee else { throw refused("Nobody holds this request.") }
            guard holder == actor.userName || isSupervisor else {
                throw refused("\(holder) holds this request; only they or a supervisor can release it.")
            }
            change.assignee = nil
            change.auditDetails["from"] = holder
        case .reassign(let target):
            guard isSupervisor else { throw refused("Only supervisors and admins reassign requests.") }
            guard target != facts.assignee else { throw refused("\(target) already holds this request.") }
            change.assignee = target
            change.auditDetails["to"] = target
            if let holder = facts.assignee { change.auditDetails["from"] = holder }
            if facts.status == .received { change.status = .verifying }
        case .verify(let method, let note):
            try requireHolder(facts, actor)
            guard facts.status == .received || facts.status == .verifying else {
                throw refused("Identity is checked before work starts; the request is already \(facts.status.label).")
            }
            if facts.isIdentityVerified { throw refused("The requester's identity is already verified.") }
            change.verification = (method, try note.map { try TextRules.validated($0, field: "verification note") })
            change.status = .verifying
            change.auditDetails["method"] = method.rawValue
        case .start:
            try requireHolder(facts, actor)
            guard facts.status == .received || facts.status == .verifying else {
                throw refused("Only a received or verifying request can start; this one is \(facts.status.label).")
            }
            if facts.kind.requiresIdentityVerification && !facts.isIdentityVerified {
                throw refused("Verify the requester's identity first (v): \(facts.kind.rawValue) requests need it.")
            }
            change.status = .inProgress
        case .extend(let months, let reason):
            try requireHolder(facts, actor)
            guard (1...2).contains(months) else {
                throw LoupeError(.invalidInput, "An extension is 1 or 2 months, not \(months).")
            }
            if let until = facts.extendedUntil {
                throw refused("The deadline was already extended once, to \(policy.dayString(until)); it cannot be again.")
            }
            guard now < facts.originalDueAt else {
                throw refused("The first month ended on \(policy.dayString(facts.originalDueAt)): an extension must be decided before that.")
            }
            let reason = try TextRules.validated(reason, field: "reason for the extension")
            change.extension_ = (policy.addingMonths(months, to: facts.originalDueAt), reason, now)
            change.auditDetails["months"] = String(months)
        case .proposeErasure:
            try requireHolder(facts, actor)
            guard facts.kind == .erasure else { throw refused("Only erasure requests can be proposed for erasure.") }
            guard facts.status == .inProgress else {
                throw refused("Start the request first (s): an erasure is proposed from in progress, not \(facts.status.label).")
            }
            change.status = .awaitingApproval
            change.proposedBy = actor.userName
        case .approve:
            guard facts.status == .awaitingApproval else {
                throw refused("There is nothing to approve: the request is \(facts.status.label).")
            }
            guard isSupervisor else { throw refused("Only supervisors and admins approve erasures.") }
            if facts.proposedBy == actor.userName {
                throw refused("You proposed this erasure: another supervisor must approve it (four eyes).")
            }
            change.status = .approved
            change.auditDetails["proposedBy"] = facts.proposedBy ?? ""
        case .reject(let reason):
            if facts.kind == .erasure {
                guard isSupervisor else { throw refused("Only supervisors and admins reject an erasure request.") }
            } else {
                try requireHolder(facts, actor)
            }
            let reason = try TextRules.validated(reason, field: "reason for rejecting")
            change.status = .rejected
            change.outcome = (.rejected, reason)
        case .cancel(let reason):
            try requireHolder(facts, actor)
            let reason = try TextRules.validated(reason, field: "reason for cancelling")
            change.status = .cancelled
            change.outcome = (.cancelled, reason)
        case .complete:
            try requireHolder(facts, actor)
            if !facts.holdsData && (facts.kind == .access || facts.kind == .erasure) {
                // Nobody on file: the answer is "we hold no data about you", which needs no identity check (it
                // discloses nothing) and no erasure to approve.
                guard facts.status == .verifying || facts.status == .inProgress else {
                    throw refused("Only a request being worked on can be answered; it is \(facts.status.label).")
                }
                change.status = .completed
                change.outcome = (.completed, RequestRules.noDataHeld)
                return change
            }
            if facts.kind == .erasure {
                guard facts.status == .approved else {
                    throw refused("An erasure completes only after a supervisor approves it; it is \(facts.status.label).")
                }
            } else {
                guard facts.status == .inProgress else {
                    throw refused("Start the request first (s): only a request in progress can complete.")
                }
                if facts.kind.requiresIdentityVerification && !facts.isIdentityVerified {
                    throw refused("Verify the requester's identity first (v): \(facts.kind.rawValue) requests need it.")
                }
            }
            if facts.openTasks > 0 {
                throw refused("\(facts.openTasks) notice\(facts.openTasks == 1 ? " to a recipient is" : "s to recipients are") still open: confirm or close \(facts.openTasks == 1 ? "it" : "them") first (loupe tasks).")
            }
            change.status = .completed
            change.outcome = (.completed, nil)
        }
        return change
    }

    /// The outcome reason of a request answered "we hold no data about you".
    public static let noDataHeld = "no data held"

    /// Why `command` is refused, or nil when it is allowed (text arguments are not checked here).
    public static func refusal(
        _ command: RequestCommand, on facts: RequestFacts, by actor: StaffMember, now: Date, policy: DeadlinePolicy
    ) -> String? {
        do {
            _ = try decide(command, on: facts, by: actor, now: now, policy: policy)
            return nil
        } catch let error as LoupeError {
            return error.code == .notAllowed ? error.message : nil
        } catch {
            return "\(error)"
        }
    }

    /// Agents act only on requests they hold; supervisors and admins on any.
    /// Refuses an agent acting on a request they do not hold: editing its message to the subject, marking one
    /// sent by hand, closing a notice to a recipient. Supervisors and admins may act on any request.
    public static func checkHolder(assignee: String?, actor: StaffMember) throws {
        guard actor.role == .agent, assignee != actor.userName else { return }
        if let holder = assignee {
            throw refused("\(holder) holds this request; agents act only on requests they hold.")
        }
        throw refused("Claim the request first (a): agents act only on requests they hold.")
    }

    private static func requireHolder(_ facts: RequestFacts, _ actor: StaffMember) throws {
        guard actor.role == .agent, facts.assignee != actor.userName else { return }
        if let holder = facts.assignee {
            throw refused("\(holder) holds this request; agents act only on requests they hold.")
        }
        throw refused("Claim the request first (a): agents act only on requests they hold.")
    }

    private static func refused(_ message: String) -> LoupeError { LoupeError(.notAllowed, message) }
}

extension RequestRules {
    /// Whether `actor` may fulfil a request of `kind` now (export a copy, apply corrections, withdraw consent):
    /// the right kind, open, held by the actor (agents), and — except for consent withdrawal, which never waits —
    /// in progress, which means identity was verified.
    public static func checkFulfilment(_ kind: RequestKind, on facts: RequestFacts, by actor: StaffMember) throws {
        guard actor.isActive else { throw LoupeError(.notAllowed, "\(actor.userName) is deactivated and cannot act on requests.") }
        guard facts.kind == kind else {
            let article = facts.kind == .access || facts.kind == .erasure ? "an" : "a"
            throw LoupeError(.notAllowed, "This is \(article) \(facts.kind.rawValue) request, not \(kind.rawValue).")
        }
        guard facts.status.isOpen else {
            throw LoupeError(.notAllowed, "The request is \(facts.status.label): a closed request cannot be fulfilled again.")
        }
        if actor.role == .agent && facts.assignee != actor.userName {
            throw LoupeError(.notAllowed, "Claim the request first (a): agents act only on requests they hold.")
        }
        if kind.requiresIdentityVerification {
            guard facts.isIdentityVerified else {
                throw LoupeError(.notAllowed, "Verify the requester's identity first (v): \(kind.rawValue) requests need it.")
            }
            guard facts.status == .inProgress else {
                throw LoupeError(.notAllowed, "Start the request first (s): it is \(facts.status.label).")
            }
        }
    }
}
