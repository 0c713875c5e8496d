import Foundation
import LoupeDomain
@testable import LoupeUI
import Testing

/// The views this round added, at both sizes, recorded as golden text (`LOUPE_RECORD_GOLDEN=1 swift test`).
@Suite struct NewViewGoldenTests {
    static let sizes = [(80, 24), (120, 40)]
    let sam = StaffMember(userName: "sam", displayName: "Sam", role: .supervisor)

    func command(_ harness: inout Harness, _ text: String) {
        harness.press(.char(":"))
        for character in text { harness.press(.char(character)) }
        harness.press(.enter)
    }

    @Test(arguments: sizes)
    func messagesLog(width: Int, height: Int) {
        var harness = Harness(width: width, height: height, rows: sampleQueue(count: 20))
        harness.press(.char("s"), .char("j"), .char("c"))
        command(&harness, "messages")
        #expect(goldenMismatch(harness.screen, "new-messages-\(width)x\(height)") == nil)
    }

    @Test(arguments: sizes)
    func reassignPromptWithCompletion(width: Int, height: Int) {
        var harness = Harness(width: width, height: height, rows: sampleQueue(count: 20), actor: sam)
        harness.press(.enter, .char("h"), .char("b"), .tab)
        #expect(goldenMismatch(harness.screen, "new-reassign-\(width)x\(height)") == nil)
    }

    @Test(arguments: sizes)
    func customerRequestsTab(width: Int, height: Int) {
        var harness = Harness(width: width, height: height, rows: sampleQueue(count: 20))
        command(&harness, "cust mül")
        harness.press(.enter, .backTab, .char("j"))
        #expect(goldenMismatch(harness.screen, "new-customer-requests-\(width)x\(height)") == nil)
    }

    @Test(arguments: sizes)
    func filteredAuditLog(width: Int, height: Int) {
        var harness = Harness(width: width, height: height, rows: sampleQueue(count: 20))
        command(&harness, "audit")
        harness.press(.char("/"))
        for character in "0003" { harness.press(.char(character)) }
        harness.press(.enter)
        #expect(goldenMismatch(harness.screen, "new-audit-filtered-\(width)x\(height)") == nil)
    }

    @Test(arguments: sizes)
    func approvalsWithProposers(width: Int, height: Int) {
        let rows = sampleQueue(count: 6).enumerated().map { index, row in
            var row = row
            row.kind = .erasure
            row.status = .awaitingApproval
            row.proposedBy = index % 2 == 0 ? "ava" : "sam"
            return row
        }
        var harness = Harness(width: width, height: height, rows: rows, actor: sam)
        harness.press(.char("p"))
        #expect(goldenMismatch(harness.screen, "new-approvals-\(width)x\(height)") == nil)
    }
}
