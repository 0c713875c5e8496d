import Foundation
import LoupeDomain
@testable import LoupeUI
import Testing

@Suite struct MarksAndBulkTests {
    func unassigned(_ count: Int) -> [RequestSummary] {
        sampleQueue(count: count).map { row in
            var row = row
            row.status = .received
            row.assignee = nil
            return row
        }
    }

    @Test func spaceMarksVMarksARangeAndAClaimsThemAllAfterAConfirmationWithCancelFocused() {
        let rows = unassigned(20)
        var harness = Harness(rows: rows)
        harness.press(.char(" "), .char("j"), .char("j"), .char("V"))
        #expect(harness.state.queue.marks.count == 4, "Space marked row 1 and moved; V marks rows 1 to 4")
        #expect(harness.screen.contains("4 marked"))
        harness.press(.char("a"), .enter)
        #expect(harness.state.bulk?.title == "Assign 4 marked requests?")
        #expect(harness.screen.contains("[ Cancel ]"))
        harness.press(.enter)
        #expect(harness.state.bulk == nil && harness.state.message?.text == "Nothing was changed.", "Enter on the focused Cancel")
        harness.press(.char("a"), .enter, .right, .enter)
        #expect(harness.state.message?.text == "4 of 4 done.")
        #expect(harness.state.queue.marks.isEmpty)
        #expect(harness.source.rows.prefix(4).allSatisfy { $0.assignee == "ava" })
        #expect(harness.source.rows[4].assignee == nil)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func bulkApproveShowsTheCombinedErasurePlanBeforeTheQuestion(width: Int, height: Int) {
        let sam = StaffMember(userName: "sam", displayName: "Sam", role: .supervisor)
        let rows = sampleQueue(count: 6).map { row in
            var row = row
            row.kind = .erasure
            row.status = .awaitingApproval
            row.proposedBy = "ava"
            return row
        }
        var harness = Harness(width: width, height: height, rows: rows, actor: sam)
        harness.press(.char(" "), .char(" "), .char("E"))
        let plans = harness.effectsSeen.filter { if case .data(.loadPreview(.approve, _, _)) = $0 { true } else { false } }
        #expect(plans.count == 2, "each marked request's plan is read")
        #expect(harness.screen.contains(rows[0].publicId + ":") && harness.screen.contains("Approve 2 marked requests?"))
        #expect(goldenMismatch(harness.screen, "bulk-approve-plan-\(width)x\(height)") == nil)
    }

    @Test func theConfirmationSaysHowManyMarksTheFilterHidesAndRejectAsksForAReason() {
        var rows = unassigned(20)
        rows[0].kind = .erasure
        rows[1].kind = .access
        var harness = Harness(rows: rows)
        harness.press(.char(" "), .char(" "))
        harness.press(.char("/"))
        for character in "kind:erasure" { harness.press(.char(character)) }
        harness.press(.enter)
        #expect(harness.state.queue.marks.count == 2, "marks survive a filter")
        harness.press(.char("r"))
        #expect(harness.state.bulk?.hidden == (rows[1].kind == .erasure ? 0 : 1))
        #expect(harness.screen.contains("hidden by the filter"))
        for character in "Duplicate of an earlier request" { harness.press(.char(character)) }
        harness.press(.enter)
        #expect(harness.state.bulk?.stage == .confirm)
        harness.press(.escape)
        #expect(harness.state.bulk == nil)
        harness.press(.char("U"))
        #expect(harness.state.queue.marks.isEmpty)
    }
}

@Suite struct NewRequestFormTests {
    @Test func nAsksKindChannelEmailNameAndRequesterThenRecordsAndOpensTheRequest() {
        var harness = Harness(rows: sampleQueue(count: 5))
        harness.press(.char("N"))
        #expect(harness.state.keyContext == .form && harness.screen.contains("what does the subject ask for?"))
        harness.press(.char("e"), .char("l"))
        for character in "not an email" { harness.press(.char(character)) }
        harness.press(.enter)
        #expect(harness.state.message?.isError == true && harness.state.form?.stage == .email, "a bad address is refused, the form stays")
        for _ in "not an email" { harness.press(.backspace) }
        for character in "Ann@Example.com" { harness.press(.char(character)) }
        harness.press(.enter, .enter, .char("g"))
        for character in "Maria Example" { harness.press(.char(character)) }
        harness.press(.enter)
        #expect(harness.state.form?.stage == .confirm && harness.screen.contains("Record this erasure request from ann@example.com?"))
        let answered = harness.state.form
        harness.press(.enter)
        #expect(harness.state.form == nil && harness.state.message?.text == "Nothing was recorded.", "Enter on the focused Cancel")
        #expect(!harness.effectsSeen.contains { if case .data(.createRequest) = $0 { true } else { false } })
        harness.state.form = answered
        harness.press(.right, .enter)
        let created = harness.effectsSeen.compactMap { effect -> NewRequest? in
            if case .data(.createRequest(let draft)) = effect { return draft }
            return nil
        }
        #expect(created.count == 1)
        #expect(created.first?.kind == .erasure && created.first?.channel == .letter && created.first?.requester == .guardian
                && created.first?.requesterName == "Maria Example" && created.first?.email == "ann@example.com")
        #expect(harness.state.screen.kind == .request && harness.state.message?.text.contains("recorded") == true)
    }
}

@Suite struct RectificationEditFormTests {
    @Test func fLetsTheAgentTypeCorrectionsThenShowsBeforeAndAfterThenApplies() {
        var rows = sampleQueue(count: 3)
        rows[0].kind = .rectification
        rows[0].status = .inProgress
        rows[0].assignee = "ava"
        rows[0].isIdentityVerified = true
        var harness = Harness(rows: rows)
        harness.press(.enter, .char("f"))
        #expect(harness.screen.contains("Correct a field of \(rows[0].publicId)"))
        harness.press(.char("c"))
        for character in "Zwolle" { harness.press(.char(character)) }
        harness.press(.enter, .char("z"))
        for character in "8011 AB" { harness.press(.char(character)) }
        harness.press(.enter)
        #expect(harness.screen.contains("(2 typed)"))
        harness.press(.char("g"))
        #expect(harness.effectsSeen.contains(.loadPreview(.rectify, publicId: rows[0].publicId,
                                                          corrections: [.city: "Zwolle", .postalCode: "8011 AB"])))
        harness.press(.right, .enter)
        #expect(harness.fulfilled.last == .rectify(corrections: [.city: "Zwolle", .postalCode: "8011 AB"]))
    }
}

@Suite struct NewRequestSubjectSearchTests {
    @Test func tabSearchesCustomersAndADigitPicksOne() {
        var harness = Harness(rows: sampleQueue(count: 3))
        harness.press(.char("N"), .char("a"), .char("e"))
        for character in "Müller" { harness.press(.char(character)) }
        harness.press(.tab)
        #expect(harness.effectsSeen.contains(.searchCustomers("Müller")))
        #expect(harness.state.form?.matches.map(\.publicId) == ["C-000001"])
        #expect(harness.screen.contains("1 C-000001 J••• M•••"))
        harness.press(.char("1"))
        #expect(harness.state.form?.email == "j.mueller@example.de" && harness.state.form?.stage == .requester,
                "the email and name come from the customer")
    }
}

@Suite struct BulkAssignTests {
    @Test func aSupervisorAssignsTheMarkedRowsToAnAgent() {
        var rows = sampleQueue(count: 10).map { row -> RequestSummary in
            var row = row
            row.status = .received
            row.assignee = nil
            return row
        }
        rows[0].kind = .access
        var harness = Harness(rows: rows, actor: StaffMember(userName: "sam", displayName: "Sam", role: .supervisor))
        harness.press(.char(" "), .char(" "), .char("a"))
        for character in "ben" { harness.press(.char(character)) }
        harness.press(.enter)
        #expect(harness.state.bulk?.verb == "Assign 2 to ben")
        harness.press(.right, .enter)
        #expect(harness.source.rows.prefix(2).allSatisfy { $0.assignee == "ben" })
    }
}
