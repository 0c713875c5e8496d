import Foundation
import LoupeDomain

/// A run of text in one style.
public struct Segment: Equatable, Sendable {
    public var text: String
    public var role: StyleRole

    /// Makes a segment.
    public init(_ text: String, _ role: StyleRole = .text) {
        self.text = text
        self.role = role
    }
}

/// The lines of the request screen's body: the request's fields, then its audit timeline.
enum RequestDetailLayout {
    static func lines(for detail: RequestDetail, state: AppState) -> [[Segment]] {
        let policy = state.deadlines
        let summary = detail.summary
        let due = detail.effectiveDue
        let overdue = summary.status.isOpen && policy.isOverdue(due: due, now: state.now)
        let dueSoon = summary.status.isOpen && policy.isDueSoon(due: due, now: state.now)
        let dueWords = summary.status.isOpen
            ? DisplayFormat.due(daysLeft: policy.daysLeft(until: due, now: state.now), overdue: overdue) : "closed"
        var lines: [[Segment]] = []
        func field(_ label: String, _ segments: Segment...) {
            lines.append([Segment(" " + label.padding(toLength: 12, withPad: " ", startingAt: 0), .header)] + segments)
        }
        field("Kind", Segment(summary.kind.rawValue), Segment("   priority ", .muted), Segment(summary.priority.rawValue,
              summary.priority > .normal ? .danger : .text),
              Segment(summary.kindSuggested ? "  suggested: = confirms" : "", .dueSoon))
        field("Status", Segment(summary.status.label, summary.status.isOpen ? .text : .ok))
        let customer = detail.customerPublicId.map { " (customer \($0))" } ?? " (no matching customer)"
        // `m` reveals the values (audited) until the request leaves the screen; they are still drawn inert.
        let shown = state.revealed == summary.publicId
        let role: StyleRole = shown ? .dueSoon : .masked
        field("Subject", Segment(shown ? summary.subjectEmail ?? "(no email)" : DisplayFormat.subject(summary.subjectEmail), role),
              Segment(customer + (shown ? " · unmasked (m)" : ""), .muted))
        field("Name", Segment((shown ? detail.subjectName : detail.subjectName.map(Masking.name)) ?? "—", role),
              Segment("   phone ", .muted), Segment((shown ? detail.subjectPhone : detail.subjectPhone.map(Masking.phone)) ?? "—", role))
        if detail.subjectIsMinor { field("Minor", Segment("under 16: urgent, due in 3 days", .danger)) }
        let requester = detail.requester == .guardian
            ? "guardian" + (detail.requesterName.map { " — \($0)" } ?? "") : "the data subject"
        field("Requester", Segment(requester, detail.requester == .guardian ? .danger : .text))
        field("Channel", Segment(detail.channel.rawValue), Segment("   reference ", .muted),
              Segment(detail.externalReference ?? "—"))
        // English is the default and says nothing; another language is named where it is changed (L).
        if let language = detail.language, language != .english {
            field("Language", Segment(language.name), Segment("   its messages are written in it (L changes it)", .muted))
        }
        field("Received", Segment(policy.minuteString(summary.receivedAt)))
        field("Due", Segment(policy.minuteString(due)),
              Segment("  " + (overdue ? "! " : "") + dueWords, overdue ? .overdue : dueSoon ? .dueSoon : .text))
        if let until = detail.extendedUntil {
            field("Extended", Segment("until \(policy.dayString(until))"),
                  Segment(" — " + (detail.extensionReason ?? "no reason recorded"), .muted))
        }
        field("Assignee", Segment(summary.assignee ?? "nobody", summary.assignee == nil ? .muted : .text))
        if let by = detail.verifiedBy, let at = detail.verifiedAt {
            field("Identity", Segment("verified by \(by) on \(policy.dayString(at))", .ok),
                  Segment(" (\(detail.verificationMethod ?? "method not recorded"))", .muted))
        } else {
            field("Identity", Segment(summary.kind.requiresIdentityVerification ? "not verified" : "not needed",
                                      summary.kind.requiresIdentityVerification ? .dueSoon : .muted))
        }
        if let proposer = summary.proposedBy {
            field("Erasure", Segment("proposed by \(proposer)"),
                  Segment(summary.status == .awaitingApproval ? " — a supervisor other than \(proposer) approves" : "", .muted))
        }
        if let duplicate = detail.duplicateOf { field("Duplicate", Segment("of \(duplicate)", .dueSoon)) }
        if let reason = detail.outcomeReason { field("Outcome", Segment(reason)) }
        for folder in detail.exports { field("Exported", Segment(folder, .muted)) }
        if !detail.tasks.isEmpty {
            lines.append([])
            let open = detail.tasks.filter { $0.status == .open }.count
            lines.append([Segment(" Notices to recipients (Art. 19): \(open) open of \(detail.tasks.count)", .header)])
            // Open notices carry the number `t` picks them by.
            let openIds = detail.tasks.filter { $0.status == .open }.map(\.id)
            for task in detail.tasks {
                let pick = openIds.firstIndex(of: task.id).map { " \($0 + 1)" } ?? "  "
                lines.append([
                    Segment(pick, .hintKey),
                    Segment(" #\(task.id) ".padding(toLength: 7, withPad: " ", startingAt: 0), .muted),
                    Segment(task.recipient.padding(toLength: 12, withPad: " ", startingAt: 0)),
                    Segment((task.recipientKind == "courier" ? "courier " : "payments") + "  "),
                    Segment(task.status == .open ? "open" : task.status.rawValue, task.status == .open ? .dueSoon : .ok),
                    Segment(task.closedReason.map { " — \($0)" } ?? "", .muted),
                ])
            }
        }
        if !detail.notes.isEmpty {
            lines.append([])
            lines.append([Segment(" Notes (\(detail.notes.count), newest first; n adds one)", .header)])
            for note in detail.notes {
                let head = "  \(policy.minuteString(note.at))  \(note.author)  "
                for (index, line) in note.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    lines.append([
                        Segment(index == 0 ? head : String(repeating: " ", count: head.count), .muted),
                        Segment(String(line)),
                    ])
                }
                if let reason = note.internalReason {
                    let pad = String(repeating: " ", count: head.count)
                    lines.append([Segment(pad + "internal, not in the access export: \(reason)", .dueSoon)])
                }
            }
        }
        lines += conversationLines(detail, policy: policy)
        if !detail.retained.isEmpty {
            lines.append([])
            lines.append([Segment(" Retained for the law (\(detail.retained.count))", .header)])
            for item in detail.retained {
                lines.append([
                    Segment("  \(item.category) \(item.reference)  "),
                    Segment("\(item.ground), anonymised \(policy.dayString(item.until))", .muted),
                ])
            }
        }
        if summary.kind == .consentWithdrawal || detail.subjectIsMinor || !detail.consentHistory.isEmpty && summary.kind != .access {
            lines.append([])
            lines.append([Segment(" Consent history (\(detail.consentHistory.count) events, oldest first)", .header)])
            if detail.consentHistory.isEmpty { lines.append([Segment("  none on file", .muted)]) }
            for event in detail.consentHistory {
                lines.append([
                    Segment(" " + policy.minuteString(event.at) + "  ", .muted),
                    Segment(event.purpose.padding(toLength: 18, withPad: " ", startingAt: 0)),
                    Segment(event.granted ? "granted   " : "withdrawn ", event.granted ? .ok : .dueSoon),
                    Segment(" \(event.source) · policy \(event.policyVersion ?? "-")", .muted),
                ])
            }
        }
        lines.append([])
        lines.append([Segment(" Timeline (\(detail.timeline.count) audit entries, newest first)", .header)])
        for entry in detail.timeline.reversed() {
            lines.append([
                Segment(" " + policy.minuteString(entry.occurredAt) + "  ", .muted),
                Segment(entry.actor.padding(toLength: 8, withPad: " ", startingAt: 0) + " "),
                Segment(entry.action),
                Segment(detailsText(entry.details), .muted),
            ])
        }
        return lines
    }

    /// `{"kind":"access","channel":"email"}` as `  channel=email kind=access`.
    static func detailsText(_ json: String) -> String {
        guard let data = json.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], !object.isEmpty
        else { return json == "{}" ? "" : "  " + json }
        return "  " + object.keys.sorted().map { "\($0)=\(object[$0].map { "\($0)" } ?? "")" }.joined(separator: " ")
    }
}
