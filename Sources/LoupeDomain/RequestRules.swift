import Foundation

/// The one place that answers "may this actor do this to this request, and what happens?" — for the keys, the
/// command line and the store alike (DESIGN.md section 3).
public enum RequestRules {
    /// The change `command` makes, or an error whose message says why it is refused and what to do instead:
    /// first who may do an action of this kind now (`check`, the same rule the keys and the command line ask),
    /// then what its arguments must be.
    public static func decide(
        _ command: RequestCommand, on facts: RequestFacts, by actor: StaffMember, now: Date, policy: DeadlinePolicy,
        as gate: (useCase: UseCase, facts: AccessFacts)? = nil
    ) throws -> RequestChange {
        // Verified by a code is the code's word: the gate decides it as confirming the code.
        var useCase = gate?.useCase
        if case .verify(.emailCode, _) = command { useCase = .confirmVerificationCode }
        try check(command.kind, on: facts, by: actor, now: now, policy: policy, as: useCase, access: gate?.facts)
        var change = RequestChange(status: facts.status, assignee: facts.assignee)
        switch command {
        case .note(let text):
            change.note = try TextRules.validated(text, field: "note", allowNewlines: true)
        case .claim:
            change.assignee = actor.userName
            if facts.status == .received { change.status = .verifying }
        case .release:
            change.assignee = nil
            change.auditDetails["from"] = facts.assignee ?? ""
        case .reassign(let target):
            guard target != facts.assignee else { throw refused("\(target) already holds this request.") }
            change.assignee = target
            change.auditDetails["to"] = target
            if let holder = facts.assignee { change.auditDetails["from"] = holder }
            if facts.status == .received { change.status = .verifying }
        case .verify(let method, let note):
            change.verification = (method, try note.map { try TextRules.validated($0, field: "verification note") })
            change.status = .verifying
            change.auditDetails["method"] = method.rawValue
        case .start:
            change.status = .inProgress
        case .extend(let months, let reason):
            guard (1...2).contains(months) else {
                throw LoupeError(.invalidInput, "An extension is 1 or 2 months, not \(months).")
            }
            let reason = try TextRules.validated(reason, field: "reason for the extension")
            change.extension_ = (policy.addingMonths(months, to: facts.originalDueAt), reason, now)
            change.auditDetails["months"] = String(months)
        case .proposeErasure:
            change.status = .awaitingApproval
            change.proposedBy = actor.userName
        case .approve:
            change.status = .approved
            change.auditDetails["proposedBy"] = facts.proposedBy ?? ""
        case .reject(let reason):
            change.status = .rejected
            change.outcome = (.rejected, try TextRules.validated(reason, field: "reason for rejecting"))
        case .cancel(let reason):
            change.status = .cancelled
            change.outcome = (.cancelled, try TextRules.validated(reason, field: "reason for cancelling"))
        case .complete:
            change.status = .completed
            // Nobody on file: the answer is "we hold no data about you" (`check` allowed it without the usual steps).
            let noData = !facts.holdsData && (facts.kind == .access || facts.kind == .erasure)
            change.outcome = (.completed, noData ? RequestRules.noDataHeld : nil)
        }
        return change
    }

    /// The outcome reason of a request answered "we hold no data about you".
    public static let noDataHeld = "no data held"

    /// Why an action of `kind` is refused now, or nil when it is allowed (its arguments are checked when it is
    /// carried out). The keys grey out, the hint bar and the command line ask this; the store asks `check`.
    public static func refusal(
        _ kind: RequestAction.Kind, on facts: RequestFacts, by actor: StaffMember, now: Date, policy: DeadlinePolicy
    ) -> String? {
        do {
            try check(kind, on: facts, by: actor, now: now, policy: policy)
            return nil
        } catch let error as LoupeError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    /// Agents act only on requests they hold; supervisors and admins on any (the gate's rule for `useCase`, which
    /// the console asks to grey a key out, as the store asks it in the use case's transaction).
    public static func checkHolder(assignee: String?, actor: StaffMember, for useCase: UseCase = .editMessage) throws {
        try AccessGate.require(actor, useCase, AccessFacts(holder: assignee))
    }

    static func refused(_ message: String) -> LoupeError { LoupeError(.notAllowed, message) }
}
