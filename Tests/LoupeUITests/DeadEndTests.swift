import Foundation
import LoupeDomain
@testable import LoupeUI
import Testing

/// No dead ends: every list leads somewhere, and back returns.
@Suite struct DeadEndTests {
    func openCustomer(_ harness: inout Harness) {
        harness.press(.char(":"))
        for character in "cust mül" { harness.press(.char(character)) }
        harness.press(.enter, .enter)
    }

    @Test func enterOnTheCustomersRequestsTabOpensTheSelectedRequestAndBackReturns() {
        let rows = sampleQueue(count: 5)
        var harness = Harness(rows: rows)
        openCustomer(&harness)
        guard case .customer(let customer) = harness.state.screen.address else {
            Issue.record("no customer opened: \(harness.state.screen.address)")
            return
        }
        harness.press(.enter)
        #expect(harness.state.message?.text == "Enter opens a request from the requests tab (Tab to it).")
        harness.press(.backTab, .char("j"))
        #expect(harness.state.customerTab == .requests)
        harness.press(.enter)
        #expect(harness.state.screen.address == .request(rows[1].publicId))
        harness.press(.escape)
        #expect(harness.state.screen.address == .customer(customer) && harness.state.customerScreen?.row == 1,
                "back returns to the same row of the same tab")
    }
}

@Suite struct RecordListKeysTests {
    @Test func slashFiltersTheAuditLogAndEscClearsIt() {
        var harness = Harness(rows: sampleQueue(count: 5))
        harness.send(.showRecords(.audit))
        harness.send(.recordsLoaded(.audit, RecordList(title: "Audit log", columns: [("#", 6), ("ACTION", 16), ("TARGET", 0)], rows: [
            RecordList.Row(cells: ["3", "request.claim", "PR-2026-000001"], opens: "PR-2026-000001"),
            RecordList.Row(cells: ["2", "customer.reveal", "C-000001"], opens: "C-000001"),
            RecordList.Row(cells: ["1", "request.claim", "PR-2026-000002"], opens: "PR-2026-000002"),
        ])))
        harness.press(.char("/"))
        for character in "REVEAL" { harness.press(.char(character)) }
        harness.press(.enter)
        #expect(harness.state.records.rows.map { $0.cells[0] } == ["2"])
        #expect(harness.screen.contains("filter REVEAL · 1 match"))
        harness.press(.enter)
        #expect(harness.state.screen.address == .customer("C-000001"), "Enter opens the filtered row")
        harness.press(.escape)
        #expect(harness.state.records.filter == "REVEAL", "back finds the log filtered as it was left")
        harness.press(.escape)
        #expect(harness.state.records.filter == nil && harness.state.records.rows.count > 1, "Esc clears the filter")
    }

    @Test func tClosesTheSelectedNoticeFromTheNoticesList() {
        var harness = Harness(rows: sampleQueue(count: 5))
        let notice = ProcessorTask(id: 12, requestPublicId: "PR-2026-000004", recipient: "DHL", recipientKind: "courier",
                                   status: .open, createdAt: uiNow)
        harness.send(.showRecords(.tasks))
        harness.send(.recordsLoaded(.tasks, RecordList(title: "Open notices", columns: [("#", 7), ("RECIPIENT", 0)], rows: [
            RecordList.Row(cells: ["12", "DHL"], opens: "PR-2026-000004", notice: notice),
        ])))
        harness.press(.char("t"))
        #expect(harness.screen.contains("Notice to DHL:"))
        harness.press(.char("d"))
        #expect(harness.fulfilled == [.closeTask(id: 12, impossibleBecause: nil)])
    }
}

@Suite struct DashboardLinkTests {
    @Test func aDashboardCountOpensItsFilteredListAndForwardReturns() {
        var harness = Harness(width: 100, height: 30, rows: sampleQueue(count: 10))
        harness.press(.char("D"))
        let links = { () -> [DashboardScreen.Link] in
            if case .dashboard(let shown) = harness.state.screen { shown.links } else { [] }
        }()
        #expect(links.suffix(2) == [.overdue, .unassigned])
        for _ in 0..<(links.count - 2) { harness.press(.char("j")) }
        harness.press(.enter)
        #expect(harness.state.screen.address == .queue)
        #expect(harness.state.queue.filter?.text == "status:overdue")
        #expect(harness.state.queue.rows.allSatisfy { $0.effectiveDueAt < uiNow }, "only overdue requests listed")
        harness.press(.char("]"))
        #expect(harness.state.screen.address == .dashboard, "] returns to the dashboard")
        harness.press(.char("j"), .enter)
        #expect(harness.state.queue.filter?.text == "assignee:none")
    }
}

@Suite struct QueueSearchTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func slashFindsBySubjectAndShowsOnlyTheTypedPart(width: Int, height: Int) {
        var harness = Harness(width: width, height: height, rows: sampleQueue(count: 12))
        harness.press(.char("/"))
        for character in "customer11" { harness.press(.char(character)) }
        harness.press(.enter)
        #expect(harness.state.queue.total == 1)
        #expect(harness.screen.contains("customer11@e•••."), "the typed part shows, the rest stays masked")
        #expect(goldenMismatch(harness.screen, "queue-search-\(width)x\(height)") == nil)
    }
}

@Suite struct RequestScreenLayoutTests {
    @Test func theTimelineReadsNewestFirstAndWhatIsBelowIsAnnounced() {
        let rows = sampleQueue(count: 3)
        var harness = Harness(rows: rows)
        var detail = RequestDetail(summary: rows[0], channel: .email)
        detail.timeline = (1...30).map { index in
            AuditEntry(sequence: Int64(index), occurredAt: uiNow.addingTimeInterval(Double(index) * 60), actor: "ava",
                       action: "request.note", target: rows[0].publicId, details: "{\"version\":\"\(index)\"}",
                       previousHash: "", hash: "")
        }
        harness.details[rows[0].publicId] = detail
        harness.press(.enter)
        let screen = harness.screen
        #expect(screen.contains("version=30") && !screen.contains("version=1\n"), "the newest entry is on the first page")
        #expect(screen.contains("more lines (j, Ctrl-D)"))
        harness.press(.char("G"))
        #expect(!harness.screen.contains("more line"), "at the end nothing is announced")
    }
}

@Suite struct NewRequestFormDigitTests {
    /// Found by the by-keys e2e: a digit typed in the email field with no search results crashed the console
    /// (a `1...0` range).
    @Test func digitsInTheEmailFieldAreTextWhenNoCustomerWasSearched() {
        var harness = Harness(rows: sampleQueue(count: 3))
        harness.press(.char("N"), .char("a"), .char("e"))
        for character in "anna.schmidt42@example.com" { harness.press(.char(character)) }
        #expect(harness.state.form?.input == "anna.schmidt42@example.com")
        harness.press(.enter, .enter, .char("s"), .char("y"))
        #expect(harness.state.form == nil && harness.state.screen.address != .queue, "recorded and opened")
    }
}

@Suite struct EmailCodeKeysTests {
    @Test func vSendsACodeOrTakesTheOneTheRequesterGave() {
        var rows = sampleQueue(count: 3)
        rows[0].status = .verifying
        rows[0].assignee = "ava"
        rows[0].isIdentityVerified = false
        var harness = Harness(rows: rows)
        harness.press(.enter, .char("v"))
        #expect(harness.screen.contains("c send a code to the address on file"))
        harness.press(.char("c"))
        #expect(harness.fulfilled == [.sendVerificationCode])
        harness.press(.char("v"), .char("k"))
        for character in "482913" { harness.press(.char(character)) }
        harness.press(.enter)
        #expect(harness.fulfilled.last == .confirmVerificationCode("482913"))
    }
}
