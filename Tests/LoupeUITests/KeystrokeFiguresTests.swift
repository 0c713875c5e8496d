import Foundation
import LoupeDomain
@testable import LoupeUI
import Testing

/// The keystroke figures, counted by driving the reducer: every key pressed counts, typed text does not.
@Suite struct KeystrokeFiguresTests {
    let sam = StaffMember(userName: "sam", displayName: "Sam", role: .supervisor)

    /// A harness that counts the keys pressed.
    struct Counted {
        var harness: Harness
        var keys = 0

        mutating func press(_ pressed: Key...) {
            for key in pressed { harness.press(key) }
            keys += pressed.count
        }

        /// Typed text: not counted (the figures exclude it).
        mutating func type(_ text: String) {
            for character in text { harness.press(.char(character)) }
        }

        var performed: [RequestCommand] {
            harness.effectsSeen.compactMap { if case .data(.perform(let command, _, _)) = $0 { command } else { nil } }
        }
    }

    func request(_ kind: RequestKind, _ status: RequestStatus, assignee: String?, verified: Bool = false) -> [RequestSummary] {
        var rows = sampleQueue(count: 8).map { row in
            var row = row
            row.effectiveDueAt = row.effectiveDueAt.addingTimeInterval(30 * 86_400)
            row.assignee = "ben"
            return row
        }
        rows[0].kind = kind
        rows[0].status = status
        rows[0].assignee = assignee
        rows[0].isIdentityVerified = verified
        rows[0].priority = .urgent
        return rows.sorted { $0.queueKey < $1.queueKey }
    }

    @Test func claimingTheMostUrgentUnassignedRequestAndOpeningItTakesOneKey() {
        let rows = request(.access, .received, assignee: nil)
        var agent = Counted(harness: Harness(rows: rows))
        agent.press(.char("i"))
        #expect(agent.harness.state.screen.address == .request(rows[0].publicId))
        #expect(agent.harness.state.detail?.summary.assignee == "ava")
        #expect(agent.keys == 1)
    }

    @Test func anAccessRequestFromVerifyingToCompletedTakesSevenKeys() {
        var agent = Counted(harness: Harness(rows: request(.access, .verifying, assignee: "ava")))
        agent.press(.enter)                        // open it
        agent.press(.char("v"), .char("e"))        // verified: the email on file matches
        agent.press(.enter)                        // no note
        agent.press(.char("s"))                    // start
        agent.press(.char("c"), .char("y"))        // export and complete, confirmed
        #expect(agent.performed == [.verify(method: .email, note: nil), .start])
        #expect(agent.harness.fulfilled == [.exportAndComplete])
        #expect(agent.keys == 7)
    }

    @Test func anErasureEndToEndTakesFifteenKeys() {
        // The agent: take it, verify, start, propose.
        var agent = Counted(harness: Harness(rows: request(.erasure, .received, assignee: nil)))
        agent.press(.char("i"))
        agent.press(.char("v"), .char("d"))
        agent.type("Passport seen")
        agent.press(.enter, .char("s"), .char("e"), .char("y"))
        #expect(agent.harness.effectsSeen.contains(.data(.claimNext)))
        #expect(agent.performed == [.verify(method: .document, note: "Passport seen"), .start, .proposeErasure])

        // The supervisor: approvals, approve the selected one.
        var supervisor = Counted(harness: Harness(rows: agent.harness.source.rows, actor: sam))
        supervisor.press(.char("p"), .char("E"), .char("y"))
        #expect(supervisor.performed == [.approve])

        // The agent again: the approval opened four notices; confirm them all, then complete.
        let approved = supervisor.harness.source.rows
        let id = approved.first { $0.kind == .erasure && $0.status == .approved }!.publicId
        var finish = Counted(harness: Harness(rows: approved))
        var detail = RequestDetail(summary: approved.first { $0.publicId == id }!, channel: .email)
        detail.tasks = ["DHL", "La Poste", "PayPal", "Stripe"].enumerated().map { index, recipient in
            ProcessorTask(id: Int64(index + 1), requestPublicId: id, recipient: recipient,
                          recipientKind: index < 2 ? "courier" : "paymentProvider", status: .open, createdAt: uiNow)
        }
        finish.harness.details[id] = detail
        finish.press(.enter, .char("t"), .char("a"), .char("c"), .char("y"))
        #expect(finish.harness.fulfilled == [.confirmAllTasks])
        #expect(finish.performed == [.complete])

        #expect(agent.keys + supervisor.keys + finish.keys == 15, "\(agent.keys) + \(supervisor.keys) + \(finish.keys)")
    }
}
