import Foundation
import LoupeDomain
@testable import LoupeUI
import Testing

@Suite struct FulfilmentReducerTests {
    let sam = StaffMember(userName: "sam", displayName: "Sam", role: .supervisor)

    func rows(kind: RequestKind, status: RequestStatus) -> [RequestSummary] {
        var rows = sampleQueue(count: 2)
        rows[0].kind = kind
        rows[0].status = status
        rows[0].assignee = "ava"
        rows[0].isIdentityVerified = true
        rows[0].proposedBy = status == .awaitingApproval ? "ava" : nil
        rows[0].effectiveDueAt = uiNow.addingTimeInterval(10 * day)
        return rows
    }

    @Test func proposingShowsTheErasurePlanBeforeAnythingChanges() {
        var harness = Harness(rows: rows(kind: .erasure, status: .inProgress))
        harness.press(.char("e"))
        #expect(harness.state.prompt?.preview?.isEmpty == false)
        #expect(goldenMismatch(harness.screen, "erasure-preview-80x24") == nil)
        harness.press(.right, .enter)
        #expect(harness.effectsSeen.contains(.perform(.proposeErasure, publicId: "PR-2026-000001", expectedVersion: 1)))
    }

    @Test func theApprovingSupervisorSeesThePlanAgain() {
        var harness = Harness(width: 120, height: 40, rows: rows(kind: .erasure, status: .awaitingApproval), actor: sam)
        harness.press(.char("E"))
        #expect(goldenMismatch(harness.screen, "erasure-preview-approve-120x40") == nil)
    }

    @Test func confirmingBeforeThePreviewArrivesIsRefused() {
        var state = AppState(width: 80, height: 24, now: uiNow, deadlines: DeadlinePolicy(), actor: ava)
        _ = state.reduce(.queueLoaded(FakeQueueSource(rows: rows(kind: .erasure, status: .inProgress)).page(.first(limit: 10)), scope: .open))
        #expect(state.press(.char("e")) == [.loadPreview(.proposeErasure, publicId: "PR-2026-000001")])
        _ = state.press(.right)
        #expect(state.press(.enter).isEmpty)
        #expect(state.message?.text == "Wait for the preview before confirming.")
    }

    @Test func exportRunsOnlyForAVerifiedAccessRequestInProgress() {
        var harness = Harness(rows: rows(kind: .access, status: .inProgress))
        // X asks first now (it copies personal data): Cancel is focused, → then Enter exports.
        harness.press(.char("X"))
        #expect(harness.fulfilled.isEmpty && harness.screen.contains("custody folder"))
        harness.press(.right, .enter)
        #expect(harness.fulfilled == [.export])
        var unverified = rows(kind: .access, status: .verifying)
        unverified[0].isIdentityVerified = false
        var refused = Harness(rows: unverified)
        refused.press(.char("X"))
        #expect(refused.fulfilled.isEmpty)
        #expect(refused.state.message?.text.hasPrefix("Verify the requester's identity first") == true)
    }

    @Test func consentWithdrawalConfirmsThenRuns() {
        var sample = rows(kind: .consentWithdrawal, status: .received)
        sample[0].isIdentityVerified = false
        var harness = Harness(rows: sample)
        harness.press(.char("w"), .char("e"), .right, .enter)
        #expect(harness.fulfilled == [.withdrawConsent(purposes: [.emailMarketing])])
        harness.press(.char("w"), .char("a"), .right, .enter)
        #expect(harness.fulfilled.last == .withdrawConsent(purposes: []), "a: every purpose granted")
    }

    @Test func theRequestListsItsMessagesAndOEditsTheQueuedOne() {
        let sample = rows(kind: .access, status: .verifying)
        var harness = Harness(width: 100, height: 30, rows: sample)
        var detail = RequestDetail(summary: sample[0], channel: .email, customerPublicId: "C-000042", subjectName: "Ana Núñez")
        func message(_ id: Int64, _ event: MessageEvent, _ status: OutboxStatus, error: String? = nil) -> OutboxMessage {
            OutboxMessage(id: id, requestId: sample[0].publicId, event: event, toName: nil, toAddress: nil,
                          subject: "About \(sample[0].publicId)", body: "Dear Ana", messageId: "<\(id)@x>", status: status,
                          createdAt: uiNow, editedBy: id == 2 ? "ava" : nil, sentAt: status == .sent ? uiNow : nil, lastError: error)
        }
        detail.messages = [message(1, .received, .sent), message(2, .verificationNeeded, .queued, error: "No email address on file.")]
        harness.details[sample[0].publicId] = detail
        harness.press(.enter)
        let screen = harness.screen
        #expect(screen.contains("Conversation (2, oldest first; T opens one, W replies, o edits the queued one)"))
        #expect(screen.contains("#1") && screen.contains("sent 2026-11-25 12:00"))
        #expect(screen.contains("verification-needed") && screen.contains("edited by ava"))
        #expect(screen.contains("! No email address on file."))
        // T asks which message to open, then shows it whole.
        harness.press(.char("T"))
        #expect(harness.screen.contains("Open which message of the conversation?"))
        harness.press(.char("2"))
        #expect(harness.screen.contains("Message 2 of 2") && harness.screen.contains("No email address on file."))
        harness.press(.escape)
        harness.effectsSeen = []
        harness.press(.char("o"))
        #expect(harness.effectsSeen == [.editMessage(id: 2, publicId: sample[0].publicId)])
        // W writes a reply in the editor (R already reads the screen again).
        harness.effectsSeen = []
        harness.press(.char("W"))
        #expect(harness.effectsSeen == [.terminal(.writeReply(publicId: sample[0].publicId))])
        // With nothing queued, o says why and does nothing.
        detail.messages = [message(1, .received, .sent)]
        harness.details[sample[0].publicId] = detail
        harness.press(.char("R"))
        harness.effectsSeen = []
        harness.press(.char("o"))
        #expect(harness.effectsSeen.isEmpty)
        #expect(harness.state.message?.text.contains("No message of this request waits") == true)
    }

    @Test func consentHistoryOnTheRequestScreen() {
        var sample = rows(kind: .consentWithdrawal, status: .inProgress)
        sample[0].assignee = "ava"
        var harness = Harness(rows: sample)
        var detail = RequestDetail(summary: sample[0], channel: .email, customerPublicId: "C-000042", subjectName: "Ana Núñez")
        detail.consentHistory = [
            .init(purpose: "email-marketing", granted: true, at: uiNow.addingTimeInterval(-500 * day), source: "signup", policyVersion: "2024-03"),
            .init(purpose: "sms-marketing", granted: true, at: uiNow.addingTimeInterval(-60 * day), source: "checkout", policyVersion: "2025-09"),
            .init(purpose: "email-marketing", granted: false, at: uiNow.addingTimeInterval(-1 * day), source: "request PR-2026-000001", policyVersion: "2025-09"),
        ]
        harness.details[sample[0].publicId] = detail
        harness.press(.enter)
        #expect(goldenMismatch(harness.screen, "consent-history-80x24") == nil)
    }

    @Test func flaggingAMinorAsksWhyThenConfirms() {
        var harness = Harness(rows: rows(kind: .access, status: .inProgress))
        harness.details["PR-2026-000001"] = RequestDetail(summary: harness.source.rows[0], channel: .email, customerPublicId: "C-000042")
        harness.press(.char("M"))
        #expect(harness.state.message?.text == "Open a request about a known customer first (Enter).")
        harness.press(.enter, .char("M"))
        for character in "ID shows 14" { harness.press(.char(character)) }
        harness.press(.enter)
        for character in "A Parent" { harness.press(.char(character)) }
        harness.press(.enter, .tab, .enter)
        #expect(harness.fulfilled == [.flagMinor(reason: "ID shows 14", guardian: "A Parent")])
    }
}

@Suite struct ErasedRequestGoldenTests {
    @Test func anApprovedErasureShowsItsNoticesAndWhatWasRetained() {
        var rows = sampleQueue(count: 2)
        rows[0].kind = .erasure
        rows[0].status = .approved
        rows[0].assignee = "ava"
        rows[0].proposedBy = "ava"
        rows[0].isIdentityVerified = true
        var detail = RequestDetail(summary: rows[0], channel: .email, customerPublicId: "C-000042")
        detail.tasks = [
            ProcessorTask(id: 7, requestPublicId: rows[0].publicId, recipient: "DHL", recipientKind: "courier", status: .confirmed, createdAt: uiNow),
            ProcessorTask(id: 8, requestPublicId: rows[0].publicId, recipient: "Stripe", recipientKind: "paymentProvider", status: .open, createdAt: uiNow),
            ProcessorTask(id: 9, requestPublicId: rows[0].publicId, recipient: "La Poste", recipientKind: "courier", status: .impossible,
                          createdAt: uiNow, closedReason: "Courier ceased trading"),
        ]
        detail.retained = samplePlan().retained.map {
            RetainedItem(category: "invoice", reference: $0.reference, ground: ErasurePlan.taxGround, until: $0.until)
        }
        var harness = Harness(width: 100, height: 30, rows: rows)
        harness.details[rows[0].publicId] = detail
        harness.press(.enter)
        #expect(goldenMismatch(harness.screen, "request-erased-100x30") == nil)
        harness.press(.char("c"))
        #expect(harness.state.message?.text == "1 notice to a recipient is still open: confirm or close it first (loupe tasks).")
    }

    @Test func noticesAreClosedFromTheRequestScreen() {
        var rows = sampleQueue(count: 2)
        rows[0].kind = .erasure
        rows[0].status = .approved
        rows[0].assignee = "ava"
        var detail = RequestDetail(summary: rows[0], channel: .email, customerPublicId: "C-000042")
        detail.tasks = [
            ProcessorTask(id: 7, requestPublicId: rows[0].publicId, recipient: "DHL", recipientKind: "courier", status: .open, createdAt: uiNow),
            ProcessorTask(id: 8, requestPublicId: rows[0].publicId, recipient: "Stripe", recipientKind: "paymentProvider", status: .open, createdAt: uiNow),
        ]
        var harness = Harness(rows: rows)
        harness.details[rows[0].publicId] = detail
        harness.press(.char("t"))
        #expect(harness.state.message?.text == "Open the request first (Enter) to see its notices.")
        harness.press(.enter, .char("t"))
        #expect(goldenMismatch(harness.screen, "prompt-close-task-80x24") == nil)
        // `d` (done), no longer `c`, which completes the request on this screen.
        harness.press(.char("1"), .char("d"))
        #expect(harness.fulfilled == [.closeTask(id: 7, impossibleBecause: nil)])
        harness.press(.char("t"), .char("2"), .char("i"))
        for character in "Provider closed" { harness.press(.char(character)) }
        harness.press(.enter)
        #expect(harness.fulfilled.last == .closeTask(id: 8, impossibleBecause: "Provider closed"))
    }
}

@Suite struct PolicyVersionHintTests {
    @Test func theHintBarNamesThePolicyInForceWhenThereIsRoom() {
        var harness = Harness(width: 120, height: 30, rows: sampleQueue(count: 5))
        harness.state.policy = PolicyInForce(version: "2025-09", effective: Date(timeIntervalSince1970: 1_757_894_400))
        #expect(harness.screen.split(separator: "\n").last?.hasSuffix("policy 2025-09 since 2025-09-15") == true)
        var narrow = Harness(width: 60, height: 20, rows: sampleQueue(count: 5))
        narrow.state.policy = PolicyInForce(version: "2025-09", effective: Date(timeIntervalSince1970: 1_757_894_400))
        #expect(!narrow.screen.contains("policy 2025-09"), "hints keep their room on a narrow screen")
    }
}
