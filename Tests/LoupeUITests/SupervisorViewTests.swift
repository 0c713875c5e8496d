import Foundation
import LoupeDomain
@testable import LoupeUI
import Testing

/// The supervisor's view: who proposed each erasure, and reassigning in one key with a checked name.
@Suite struct SupervisorViewTests {
    let sam = StaffMember(userName: "sam", displayName: "Sam", role: .supervisor)

    func awaiting(proposedBy proposers: [String]) -> [RequestSummary] {
        sampleQueue(count: proposers.count).enumerated().map { index, row in
            var row = row
            row.kind = .erasure
            row.status = .awaitingApproval
            row.proposedBy = proposers[index]
            return row
        }
    }

    @Test func theApprovalsListNamesTheProposerAndMarksTheViewersOwn() {
        var harness = Harness(width: 100, height: 30, rows: awaiting(proposedBy: ["ava", "sam", "ava"]), actor: sam)
        harness.press(.char("p"))
        #expect(harness.screen.contains("PROPOSED BY") && harness.screen.contains("sam (you)"))
        #expect(goldenMismatch(harness.screen, "approvals-proposers-100x30") == nil)
    }

    @Test func hReassignsWithTabCompletionAndRefusesAnUnknownNameBeforeAnyConfirmation() {
        var rows = sampleQueue(count: 4)
        rows[0].assignee = "ava"
        var harness = Harness(rows: rows, actor: sam)
        harness.press(.enter, .char("h"))
        #expect(harness.state.prompt?.staff?.count == 4, "the staff list is read for completion")
        harness.press(.char("b"), .char("o"), .char("b"), .enter)
        #expect(harness.state.message?.text.contains("'bob' is not active staff") == true)
        #expect(harness.state.prompt?.question.stage == .text(optional: false), "still in the prompt, nothing asked")
        harness.press(.ctrl("u"), .char("b"), .tab)
        #expect(harness.state.prompt?.input == "be", "Tab fills what ben and bea share")
        harness.press(.char("n"), .enter)
        #expect(harness.screen.contains("Reassign \(rows[0].publicId) to ben (Ben Okafor)?"))
        harness.press(.right, .enter)
        let performed = harness.effectsSeen.compactMap { effect -> RequestCommand? in
            if case .data(.perform(let command, _, _)) = effect { command } else { nil }
        }
        #expect(performed == [.reassign(to: "ben")])
    }

    @Test func anAgentIsToldOnlySupervisorsReassign() {
        var harness = Harness(rows: sampleQueue(count: 3))
        harness.press(.enter, .char("h"))
        #expect(harness.state.prompt == nil && harness.state.message?.text == "Only supervisors and admins reassign requests.")
    }
}
