import Foundation
import LoupeDomain
@testable import LoupeUI
import Testing

@Suite struct GoldenScreenTests {
    func detail(for summary: RequestSummary) -> RequestDetail {
        let entries = [("system", "request.receive", #"{"channel":"email","kind":"erasure"}"#),
                       ("ava", "request.claim", "{}"), ("ava", "request.verify", #"{"method":"email"}"#)]
        return RequestDetail(
            summary: summary, channel: .email, externalReference: "MSG-4411", customerPublicId: "C-000042",
            subjectName: "Jürgen Müller", subjectPhone: "+49 151 2000 1234", subjectIsMinor: false,
            verificationMethod: "email", verifiedBy: "ava", verifiedAt: uiNow.addingTimeInterval(-2 * day),
            version: 3,
            timeline: entries.enumerated().map { index, entry in
                AuditEntry(sequence: Int64(index + 1), occurredAt: summary.receivedAt.addingTimeInterval(Double(index) * 3_600),
                           actor: entry.0, action: entry.1, target: summary.publicId, details: entry.2,
                           previousHash: "", hash: "")
            })
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func queue(width: Int, height: Int) {
        let harness = Harness(width: width, height: height, rows: sampleQueue(count: 60))
        #expect(goldenMismatch(harness.screen, "queue-\(width)x\(height)") == nil)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func requestDetail(width: Int, height: Int) {
        let rows = sampleQueue(count: 60)
        var harness = Harness(width: width, height: height, rows: rows)
        harness.details[rows[1].publicId] = detail(for: rows[1])
        harness.press(.char("j"), .enter)
        #expect(goldenMismatch(harness.screen, "request-\(width)x\(height)") == nil)
    }

    @Test func helpOverlay() {
        var harness = Harness(rows: sampleQueue(count: 60))
        harness.press(.char("?"))
        #expect(goldenMismatch(harness.screen, "help-80x24") == nil)
    }

    @Test func typingInTheHelpFiltersTheBindings() {
        var harness = Harness(rows: sampleQueue(count: 60))
        harness.press(.char("?"))
        for character in "erasure" { harness.press(.char(character)) }
        let screen = harness.screen
        #expect(screen.contains("matching \"erasure\""))
        #expect(screen.contains("Propose the erasure") && screen.contains("Approve an erasure"))
        #expect(!screen.contains("Move down one row"))
        harness.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        #expect(harness.state.helpFilter.isEmpty)
        harness.press(.char("q"))
        #expect(harness.state.isHelpVisible && harness.state.isRunning, "q in the help is a letter of the filter, not quit")
        harness.press(.escape)
        #expect(!harness.state.isHelpVisible)
    }

    @Test func belowTheMinimumSize() {
        let harness = Harness(width: 50, height: 12, rows: sampleQueue(count: 60))
        #expect(goldenMismatch(harness.screen, "too-small-50x12") == nil)
    }

    @Test func emptyQueue() {
        let harness = Harness(rows: [])
        #expect(goldenMismatch(harness.screen, "queue-empty-80x24") == nil)
    }

    @Test func hostileStringsStayInertAndInTheirColumns() {
        let hostile = [
            "\u{1B}[2J\u{1B}]0;pwned\u{07}@example.com", "\u{202E}moc.elpmaxe@nimda", "\u{200B}zero@example.com",
            "王秀英王秀英王秀英@例子.中国", "👩‍👩‍👧‍👦🇩🇪@example.com", "e\u{301}\u{301}\u{301}@example.com",
            String(repeating: "A", count: 5_000) + "@example.com", "\there@example.com", "\u{7}\u{9B}@\u{1B}[1m.com",
        ]
        var rows = sampleQueue(count: hostile.count)
        for index in rows.indices { rows[index].subjectEmail = hostile[index] }
        var harness = Harness(rows: rows)
        harness.press(.char("j"))
        let screen = harness.screen
        #expect(!screen.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F })
        #expect(!screen.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || $0.value == 0x200B })
        let buffer = Renderer.render(harness.state)
        for line in 2..<(2 + hostile.count) {
            // The status column starts at the same place on every row: nothing pushed it.
            let status = (0..<buffer.width).map { buffer[$0, line].text }.joined()
            #expect(TerminalText.width(status) == buffer.width)
        }
        #expect(goldenMismatch(screen, "queue-hostile-80x24") == nil)
    }
}

@Suite struct RequestStateGoldenTests {
    @Test(arguments: RequestStatus.allCases)
    func requestDetailInEachState(status: RequestStatus) {
        var rows = sampleQueue(count: 3)
        rows[0].kind = .erasure
        rows[0].status = status
        rows[0].assignee = status == .received ? nil : "ava"
        rows[0].isIdentityVerified = ![.received, .verifying].contains(status)
        rows[0].proposedBy = [.awaitingApproval, .approved, .completed].contains(status) ? "ava" : nil
        var detail = RequestDetail(summary: rows[0], channel: .letter, customerPublicId: "C-000007",
                                   subjectName: "Γιώργος Παπαδόπουλος", subjectPhone: "+30 691 2000 456")
        if rows[0].isIdentityVerified {
            detail.verifiedBy = "ava"
            detail.verifiedAt = uiNow.addingTimeInterval(-day)
            detail.verificationMethod = "document"
        }
        if !status.isOpen { detail.outcomeReason = status == .completed ? nil : "Withdrawn by the requester." }
        var harness = Harness(rows: rows)
        harness.details[rows[0].publicId] = detail
        harness.press(.enter)
        #expect(goldenMismatch(harness.screen, "request-\(status.rawValue)-80x24") == nil)
    }
}

@Suite struct DashboardScreenTests {
    @Test func dashboardWithBlockCharacters() {
        var harness = Harness(width: 100, height: 30, rows: sampleQueue(count: 20))
        harness.press(.char("D"))
        #expect(harness.state.screen.address == .dashboard)
        #expect(goldenMismatch(harness.screen, "dashboard-100x30") == nil)
    }

    @Test func beforeAnySweepHasCountedTheDashboardSaysHowToCount() {
        var harness = Harness(width: 100, height: 30, rows: sampleQueue(count: 20))
        harness.dashboard.retention = []
        harness.dashboard.retentionCountedAt = nil
        harness.press(.char("D"))
        #expect(harness.screen.contains("Not counted yet: `loupe retention sweep --dry-run` counts it"))
        #expect(!harness.screen.contains("counted 20"))
    }

    @Test func theDashboardShowsEachJobsLastRun() {
        var harness = Harness(width: 100, height: 40, rows: sampleQueue(count: 20))
        harness.dashboard.jobs = [
            JobRunSummary(job: .outboxSend, finishedAt: uiNow, outcome: "ok", counts: "failed=0 inDoubt=0 sent=3"),
            JobRunSummary(job: .doctor, finishedAt: uiNow, outcome: "failed: integrity", counts: ""),
        ]
        harness.press(.char("D"))
        let screen = harness.screen
        #expect(screen.contains("JOBS (loupe serve)"))
        #expect(screen.contains("outbox-send     2026-11-25 12:00  ok  failed=0 inDoubt=0 sent=3"))
        #expect(screen.contains("doctor          2026-11-25 12:00  failed: integrity"))
        #expect(goldenMismatch(screen, "dashboard-jobs-100x40") == nil)
    }

    @Test func dashboardInASCIIOnASmallTerminal() {
        var harness = Harness(width: 80, height: 24, rows: sampleQueue(count: 20))
        harness.state.asciiCharts = true
        harness.press(.char("D"))
        let screen = harness.screen
        #expect(!screen.contains("█") && !screen.contains("▁"))
        #expect(goldenMismatch(screen, "dashboard-ascii-80x24") == nil)
    }

    @Test func dashboardBeforeItsFiguresArriveAndBack() {
        var state = AppState(width: 80, height: 24, now: uiNow, deadlines: DeadlinePolicy(), actor: ava)
        #expect(state.reduce(.showDashboard) == [.loadDashboard])
        #expect(Renderer.render(state).plainText.contains("Reading the figures…"))
        #expect(state.reduce(.refresh) == [.loadDashboard])
        let back = state.reduce(.back)
        #expect(state.screen.address == .queue)
        #expect(back.count == 1)
    }
}
