import LoupeDomain
@testable import LoupeUI
import Testing

@Suite struct LifecycleReducerTests {
    let sam = StaffMember(userName: "sam", displayName: "Sam", role: .supervisor)

    /// Three requests: an unassigned access request, an erasure ava is working on, and an erasure ava proposed.
    func rows() -> [RequestSummary] {
        var rows = sampleQueue(count: 3)
        rows[0].kind = .access
        rows[0].status = .received
        rows[0].assignee = nil
        rows[1].kind = .erasure
        rows[1].status = .inProgress
        rows[1].assignee = "ava"
        rows[1].isIdentityVerified = true
        rows[1].effectiveDueAt = uiNow.addingTimeInterval(10 * day)
        rows[1].originalDueAt = rows[1].effectiveDueAt
        rows[2].kind = .erasure
        rows[2].status = .awaitingApproval
        rows[2].assignee = "ava"
        rows[2].proposedBy = "ava"
        rows[2].isIdentityVerified = true
        return rows
    }

    var performed: (Harness) -> [RequestCommand] {
        { harness in
            harness.effectsSeen.compactMap { if case .data(.perform(let command, _, _)) = $0 { command } else { nil } }
        }
    }

    @Test func claimingRunsAtOnceAndTheListRereads() {
        var harness = Harness(rows: rows())
        harness.press(.char("a"))
        #expect(performed(harness) == [.claim])
        #expect(harness.state.message == StatusMessage("PR-2026-000001: claimed. Status: verifying."))
        #expect(harness.state.queue.selected?.assignee == "ava")
        #expect(harness.state.queue.selected?.version == 2)
    }

    @Test func aRefusedKeySaysWhyAndSendsNothing() {
        var harness = Harness(rows: rows())
        harness.press(.char("s"))
        #expect(performed(harness).isEmpty)
        #expect(harness.state.message == StatusMessage("Claim the request first (a): agents act only on requests they hold.", isError: true))
        #expect(goldenMismatch(harness.screen, "refused-start-80x24") == nil)
    }

    @Test func verifyingAsksTheMethodThenAnOptionalNote() {
        var harness = Harness(rows: rows())
        harness.press(.char("a"), .char("v"))
        #expect(goldenMismatch(harness.screen, "prompt-verify-choice-80x24") == nil)
        harness.press(.char("z"))
        #expect(harness.state.prompt?.draft == .verify(method: nil), "other keys do not choose")
        harness.press(.char("d"))
        for character in "Passport seen" { harness.press(.char(character)) }
        #expect(goldenMismatch(harness.screen, "prompt-verify-note-80x24") == nil)
        harness.press(.enter)
        #expect(performed(harness).last == .verify(method: .document, note: "Passport seen"))
        #expect(harness.state.prompt == nil)
    }

    @Test func rejectingNeedsAReasonAndAConfirmationWithCancelFocused() {
        var sample = rows()
        sample[0].assignee = "ava"
        sample[0].status = .verifying
        var harness = Harness(rows: sample)
        harness.press(.char("r"), .enter)
        #expect(harness.state.message?.isError == true, "an empty reason is refused")
        #expect(harness.state.prompt != nil)
        for character in "Not the account holder" { harness.press(.char(character)) }
        harness.press(.backspace, .char("r"), .enter)
        #expect(harness.state.prompt?.draft == .reject(reason: "Not the account holder"))
        #expect(goldenMismatch(harness.screen, "prompt-reject-confirm-80x24") == nil)
        harness.press(.enter)
        #expect(performed(harness).isEmpty, "Enter on the focused Cancel changes nothing")
        #expect(harness.state.prompt == nil)
        harness.press(.char("r"))
        for character in "Not the account holder" { harness.press(.char(character)) }
        harness.press(.enter, .right, .enter)
        #expect(performed(harness) == [.reject(reason: "Not the account holder")])
        #expect(harness.state.message?.text == "PR-2026-000001: rejected. Status: rejected.")
    }

    @Test func escapeLeavesAPromptWithoutChangingAnything() {
        var harness = Harness(rows: rows())
        harness.press(.char("j"), .char("x"), .char("2"), .char("B"), .escape)
        #expect(harness.state.prompt == nil)
        #expect(performed(harness).isEmpty)
        #expect(harness.state.message == StatusMessage("Nothing was changed."))
    }

    @Test func extendingAsksMonthsThenAReason() {
        var harness = Harness(rows: rows())
        harness.press(.char("j"), .char("x"), .char("1"))
        for character in "Many carriers" { harness.press(.char(character)) }
        // Extending tells the subject and can be done once: it asks, saying so, with Cancel focused.
        harness.press(.enter)
        #expect(performed(harness).isEmpty && harness.screen.contains("the new due date and the reason"))
        harness.press(.right, .enter)
        #expect(performed(harness) == [.extend(months: 1, reason: "Many carriers")])
    }

    @Test func theProposerCannotApproveButAnotherSupervisorCanFromTheApprovalsScreen() {
        var asAva = Harness(rows: rows())
        asAva.press(.char("p"))
        #expect(asAva.state.screen.address == .approvals)
        #expect(asAva.state.approvals.total == 1)
        asAva.press(.char("E"))
        #expect(asAva.state.message?.text == "There is nothing to approve: the request is received." || asAva.state.message?.isError == true)

        var asSam = Harness(rows: rows(), actor: sam)
        asSam.press(.char("p"))
        #expect(goldenMismatch(asSam.screen, "approvals-80x24") == nil)
        asSam.press(.char("E"))
        #expect(goldenMismatch(asSam.screen, "prompt-approve-80x24") == nil)
        asSam.press(.tab, .enter)
        #expect(performed(asSam) == [.approve])
        #expect(asSam.state.approvals.total == 0, "the approved erasure leaves the approvals list")
    }

    @Test func aStaleVersionShowsWhoChangedItAndRereads() {
        var harness = Harness(rows: rows())
        harness.source.rows[0].version = 5  // someone else changed it after we read it
        harness.press(.char("a"))
        #expect(harness.state.message?.text.contains("was changed by ben") == true)
        #expect(harness.state.queue.selected?.version == 5, "the list was read again")
    }

    @Test func keysOnTheRequestScreenActOnThatRequest() {
        var harness = Harness(rows: rows())
        harness.press(.char("j"), .enter, .char("e"), .right, .enter)
        #expect(performed(harness) == [.proposeErasure])
        #expect(harness.state.detail?.summary.status == .awaitingApproval)
        #expect(harness.state.screen.address == .request("PR-2026-000002"))
    }

    @Test func helpGreysWhatTheRulesForbidWithTheReason() {
        var harness = Harness(rows: rows())
        harness.press(.char("?"))
        harness.press(.down, .down, .down)
        #expect(harness.state.helpScroll == 3)
        // Typed to find it: with d and h added, Start no longer fits on the first page at 80x24.
        harness.press(.char("s"), .char("t"), .char("a"), .char("r"), .char("t"))
        #expect(harness.screen.contains("Start work — Claim the request first"))
    }
}

/// What tells the customer or cannot be undone asks first, and says what will happen.
@Suite struct ConfirmationTests {
    func performedCommands(_ harness: Harness) -> [RequestCommand] {
        harness.effectsSeen.compactMap { if case .data(.perform(let command, _, _)) = $0 { command } else { nil } }
    }

    func held(_ kind: RequestKind, _ status: RequestStatus) -> [RequestSummary] {
        var rows = sampleQueue(count: 3)
        rows[0].kind = kind
        rows[0].status = status
        rows[0].assignee = "ava"
        rows[0].isIdentityVerified = true
        return rows
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func completeAsksAndNamesTheMessageTheSubjectGets(width: Int, height: Int) {
        let rows = held(.access, .inProgress)
        var harness = Harness(width: width, height: height, rows: rows)
        var exported = RequestDetail(summary: rows[0], channel: .email)
        exported.exports = ["/srv/loupe/exports/\(rows[0].publicId)"]
        harness.details[rows[0].publicId] = exported
        harness.press(.enter, .char("c"))
        #expect(performedCommands(harness).isEmpty)
        #expect(harness.screen.contains("The subject is sent word that their data is ready."))
        #expect(goldenMismatch(harness.screen, "prompt-complete-\(width)x\(height)") == nil)
        harness.press(.enter)
        #expect(harness.state.message?.text == "Nothing was changed.", "Enter on the focused Cancel changes nothing")
        harness.press(.char("c"), .right)
        #expect(harness.screen.contains("Enter Complete"), "the hint names the focused button")
        harness.press(.enter)
        #expect(performedCommands(harness) == [.complete])
    }

    @Test func completingAnAccessRequestWithoutAnExportWritesItFirstInOneConfirmation() {
        var harness = Harness(rows: held(.access, .inProgress))
        harness.press(.enter, .char("c"))
        #expect(harness.screen.contains("after writing the access export") && harness.screen.contains("[ Export and complete ]"))
        harness.press(.char("y"))
        #expect(harness.fulfilled == [.exportAndComplete], "y confirms without moving the focus")
    }

    @Test func nCancelsAConfirmation() {
        var harness = Harness(rows: held(.access, .inProgress))
        harness.press(.enter, .char("u"), .char("n"))
        #expect(harness.state.prompt == nil && harness.state.message?.text == "Nothing was changed.")
        #expect(performedCommands(harness).isEmpty)
    }

    @Test func releaseAsksAndClaimDoesNot() {
        var harness = Harness(rows: held(.access, .inProgress))
        harness.press(.enter, .char("u"))
        #expect(harness.screen.contains("Release PR-") && harness.screen.contains("Nothing is sent to the subject."))
        harness.press(.escape)
        #expect(harness.state.prompt == nil)
    }

    @Test func oAsksWhichMessageWhenMoreThanOneWaits() {
        let rows = held(.access, .inProgress)
        var harness = Harness(rows: rows)
        var detail = RequestDetail(summary: rows[0], channel: .email, customerPublicId: "C-000042")
        detail.messages = [
            OutboxMessage(id: 31, requestId: rows[0].publicId, event: .received, toName: nil, toAddress: "c@example.com",
                          subject: "We received your request", body: "…", messageId: "<31@x>", status: .queued,
                          createdAt: uiNow),
            OutboxMessage(id: 32, requestId: rows[0].publicId, event: .extended, toName: nil, toAddress: "c@example.com",
                          subject: "More time", body: "…", messageId: "<32@x>", status: .queued, createdAt: uiNow),
        ]
        harness.details[rows[0].publicId] = detail
        harness.press(.enter, .char("o"))
        #expect(harness.screen.contains("1 #31 received") && harness.screen.contains("2 #32 extended"))
        harness.press(.char("2"))
        #expect(harness.effectsSeen.last == .editMessage(id: 32, publicId: rows[0].publicId))
    }
}
