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

    @Test(arguments: sizes)
    func anEmailRequestWithAReplyWaitingAndASuggestedKind(width: Int, height: Int) {
        var rows = sampleQueue(count: 8)
        rows[0].kindSuggested = true
        rows[0].replyWaiting = true
        rows[0].assignee = "ava"
        var harness = Harness(width: width, height: height, rows: rows)
        var detail = RequestDetail(summary: rows[0], channel: .email, customerPublicId: "C-000001")
        detail.inbound = [
            InboundNote(id: 2, at: uiNow, filedAs: "reply", subject: "Re: your request", body: "Here is my order number.\nJDS-100042",
                        fromSubject: true, attachments: "1 attachment not kept: passport.jpg (image/jpeg, 120000 bytes)"),
            InboundNote(id: 1, at: uiNow.addingTimeInterval(-3600), filedAs: "new-request", subject: "Bitte löschen",
                        body: "Bitte löschen Sie meine Daten.", fromSubject: true, attachments: nil),
        ]
        harness.details[rows[0].publicId] = detail
        #expect(harness.screen.contains("✉"), "the queue row shows the reply waiting")
        harness.press(.enter)
        #expect(goldenMismatch(harness.screen, "new-email-request-\(width)x\(height)") == nil)
        harness.press(.char("="), .char("e"))
        #expect(harness.fulfilled == [.confirmKind(.erasure)])
    }

    @Test func aWideTerminalKeepsStatusAssigneeAndDueBesideTheHighlightedId() {
        let harness = Harness(width: 200, height: 50, rows: sampleQueue(count: 20))
        let header = harness.screen.split(separator: "\n")[1]
        let due = header.range(of: "DUE")!.lowerBound
        #expect(header.distance(from: header.startIndex, to: due) < 120, "no hundred blank columns before the due date")
        #expect(goldenMismatch(harness.screen, "new-queue-200x50") == nil)
    }
}
