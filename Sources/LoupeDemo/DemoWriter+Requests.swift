import LoupeStore
import Foundation
import LoupeDomain

/// One demo privacy request before it is numbered and written.
private struct DemoRequest {
    var kind: RequestKind
    var status: RequestStatus
    var customerId: Int64?
    var unmatchedEmail: String?
    var receivedAt: Date
    var channel: RequestChannel = .email
    var requester: RequesterKind = .subject
    var requesterName: String?
    var assignee: String?
    var aboutMinor = false
    var extended = false
}

extension DemoWriter {
    /// Writes privacy requests of every kind and status: closed ones over two years, open ones over the last
    /// five weeks (so some are overdue and some due this week), unmatched ones, and a guardian's urgent erasure.
    mutating func writeRequests() throws {
        let count = max(40, options.customers / 5)
        var drafts: [DemoRequest] = []
        for _ in 0..<count { drafts.append(makeDraft()) }
        if let minor = minorCustomerIds.first {
            drafts.append(DemoRequest(
                kind: .erasure, status: .received, customerId: minor, receivedAt: daysAgo(1), channel: .letter,
                requester: .guardian, requesterName: "Parent of the customer", aboutMinor: true))
        }
        drafts.sort { $0.receivedAt < $1.receivedAt }
        for (index, draft) in drafts.enumerated() {
            try write(draft, sequence: index + 1)
        }
    }

    private mutating func makeDraft() -> DemoRequest {
        let kind = random.pick([RequestKind.access, .access, .erasure, .erasure, .rectification, .consentWithdrawal])
        let isOpen = random.chance(0.4)
        var status: RequestStatus
        if isOpen {
            let choices: [RequestStatus] = kind == .erasure
                ? [.received, .verifying, .inProgress, .awaitingApproval, .approved]
                : [.received, .received, .verifying, .inProgress]
            status = random.pick(choices)
            if kind == .consentWithdrawal && status == .verifying { status = .inProgress }
        } else {
            status = random.chance(0.8) ? .completed : random.pick([.rejected, .cancelled])
        }
        let receivedAt = isOpen
            ? daysAgo(Double(random.int(0...36)) + Double(random.int(0...86_399)) / Self.day)
            : daysAgo(Double(random.int(40...700)))
        var draft = DemoRequest(kind: kind, status: status, receivedAt: receivedAt)
        if random.chance(0.1) {
            draft.unmatchedEmail = "unknown.sender\(random.digits(4))@\(random.pick(DemoCatalog.emailDomains))"
        } else {
            draft.customerId = Int64(random.int(1...max(options.customers, 1)))
        }
        draft.channel = random.chance(0.8) ? .email : random.pick([.web, .letter, .phone])
        if status != .received {
            draft.assignee = random.pick(["ava", "ben", "ava", "ben", "sam"])
        }
        draft.extended = status == .inProgress && random.chance(0.15)
        return draft
    }

    private mutating func write(_ draft: DemoRequest, sequence: Int) throws {
        let year = policy.dayString(draft.receivedAt).prefix(4)
        let publicId = "PR-\(year)-" + CivilTime.pad(sequence, 6)
        let due = policy.dueDate(receivedAt: draft.receivedAt, aboutMinor: draft.aboutMinor)
        let extendedUntil = draft.extended ? policy.addingMonths(2, to: due) : nil
        let priority: RequestPriority = draft.aboutMinor ? .urgent : (random.chance(0.1) ? .high : .normal)
        let steps = timeline(for: draft, due: due)
        let verified = steps.first { $0.action == AuditEvent.request(.verify).action }
        let proposal = steps.first { $0.action == AuditEvent.request(.proposeErasure).action }
        let outcomeReason: String? = switch draft.status {
            case .rejected: "Identity could not be verified after two reminders."
            case .cancelled: "Withdrawn by the requester."
            default: nil
        }
        let row = insert.request
        row.add(publicId)
        row.add(draft.kind.rawValue)
        row.add(draft.status.rawValue)
        row.add(draft.channel.rawValue)
        if let customerId = draft.customerId { row.add(customerId) } else { row.addNull() }
        row.add(draft.unmatchedEmail)
        row.add(draft.requester.rawValue)
        row.add(draft.requesterName)
        row.add(draft.receivedAt)
        row.add(due)
        row.add(extendedUntil)
        row.add(draft.extended ? "Many orders across several carriers to collect." : nil)
        row.add(draft.extended ? draft.receivedAt.addingTimeInterval(5 * Self.day) : nil)
        row.add(verified.map { _ in "email" })
        row.add(verified?.actor)
        row.add(verified?.time)
        row.add(draft.assignee)
        row.add(priority.rawValue)
        row.add(proposal?.actor)
        row.add(draft.status.isOpen ? nil : draft.status.rawValue)
        row.add(outcomeReason)
        row.add(steps.count)
        row.add(draft.status.isOpen ? nil : steps.last?.time)
        try row.run()
        for step in steps {
            auditEvents.append((step.time, step.actor, step.action, publicId, step.details))
        }
    }

    /// The audit trail that brought a request to its status, spread over the days after it was received.
    private mutating func timeline(for draft: DemoRequest, due: Date) -> [(time: Date, actor: String, action: String, details: [String: String])] {
        var steps: [(time: Date, actor: String, action: String, details: [String: String])] = []
        var time = draft.receivedAt
        func next(_ actor: String, _ action: String, _ details: [String: String] = [:], random: inout SeededRandom) {
            time = min(time.addingTimeInterval(Double(random.int(600...172_800))), options.now)
            steps.append((time, actor, action, details))
        }
        steps.append((time, "system", AuditEvent.requestReceived.action, ["kind": draft.kind.rawValue, "channel": draft.channel.rawValue]))
        guard draft.status != .received else { return steps }
        let agent = draft.assignee ?? "ava"
        next(agent, AuditEvent.request(.claim).action, random: &random)
        let closedEarly = draft.status == .rejected || draft.status == .cancelled
        if draft.status == .verifying || closedEarly {
            if draft.status == .rejected { next("sam", AuditEvent.request(.reject).action, ["reason": "identity"], random: &random) }
            if draft.status == .cancelled { next(agent, AuditEvent.request(.cancel).action, ["reason": "withdrawn"], random: &random) }
            return steps
        }
        if draft.kind.requiresIdentityVerification {
            next(agent, AuditEvent.request(.verify).action, ["method": "email"], random: &random)
        }
        next(agent, AuditEvent.request(.start).action, random: &random)
        if draft.extended { next(agent, AuditEvent.request(.extend).action, ["months": "2"], random: &random) }
        if draft.kind == .erasure && draft.status != .inProgress {
            next(agent, AuditEvent.request(.proposeErasure).action, random: &random)
            if draft.status != .awaitingApproval { next("sam", AuditEvent.request(.approve).action, random: &random) }
        }
        if draft.status == .completed { next(agent, AuditEvent.request(.complete).action, random: &random) }
        return steps
    }

    /// Appends the gathered events to the hash chain in time order.
    mutating func writeAudit() throws {
        auditEvents.sort { $0.time < $1.time }
        var (sequence, previousHash) = lastAudit
        let row = insert.audit
        for event in auditEvents {
            sequence += 1
            let entry = AuditLog.makeEntry(sequence: sequence, previousHash: previousHash, at: event.time,
                                           actor: event.actor, action: event.action, target: event.target,
                                           details: event.details)
            row.add(entry.sequence)
            row.add(entry.occurredAt)
            row.add(entry.actor)
            row.add(entry.action)
            row.add(entry.target)
            row.add(entry.details)
            row.add(entry.previousHash)
            row.add(entry.hash)
            try row.run()
            previousHash = entry.hash
        }
    }
}
