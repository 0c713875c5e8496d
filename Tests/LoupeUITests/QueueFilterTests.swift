import Foundation
import LoupeDomain
@testable import LoupeUI
import Testing

@Suite struct QueueFilterTests {
    @Test func termsAreParsedAndUnknownOnesNamed() throws {
        let filter = try QueueFilter.parse("status:overdue kind:erasure assignee:me 0001", actor: "ava", now: uiNow)
        #expect(filter.dueBefore == uiNow && filter.kinds == [.erasure] && filter.holder == .user("ava") && filter.words == ["0001"])
        #expect(try QueueFilter.parse("status:verif assignee:none", actor: "ava", now: uiNow).statuses == [.verifying])
        #expect { try QueueFilter.parse("colour:red", actor: "ava", now: uiNow) } throws: {
            ($0 as? LoupeError)?.message.hasPrefix("colour: is not a filter field") == true
        }
        #expect(throws: LoupeError.self) { try QueueFilter.parse("status:lost", actor: "ava", now: uiNow) }
    }

    @Test func slashFiltersTheQueueShowsTheCountAndEscClears() {
        let rows = sampleQueue(count: 60)
        var harness = Harness(rows: rows)
        harness.press(.char("/"))
        #expect(harness.state.keyContext == .filter)
        for character in "assignee:ben" { harness.press(.char(character)) }
        #expect(harness.screen.split(separator: "\n").last?.hasPrefix("/assignee:ben█") == true)
        harness.press(.enter)
        let expected = rows.filter { $0.status.isOpen && $0.assignee == "ben" }.count
        #expect(harness.state.queue.total == expected && expected > 0)
        #expect(harness.screen.split(separator: "\n").first?.contains("filter assignee:ben · \(expected) matches") == true)
        #expect(harness.state.queue.rows.allSatisfy { $0.assignee == "ben" })
        // A move that reads another slice keeps the filter.
        harness.press(.char("G"))
        #expect(harness.state.queue.selected?.assignee == "ben")
        harness.press(.escape)
        #expect(harness.state.queue.filter == nil && harness.state.queue.total == rows.filter { $0.status.isOpen }.count)
    }

    @Test func aBadTermKeepsTheLineOpenWithTheReason() {
        var harness = Harness(rows: sampleQueue(count: 10))
        harness.press(.char("/"))
        for character in "kind:pizza" { harness.press(.char(character)) }
        harness.press(.enter)
        #expect(harness.state.filterLine == "kind:pizza" && harness.state.message?.isError == true)
    }
}

@Suite struct QueueSortTests {
    @Test func oCyclesTheColumnOReversesAndSSortsByStatus() {
        let rows = sampleQueue(count: 40)
        var harness = Harness(rows: rows)
        harness.press(.char("o"))
        #expect(harness.state.queue.order == QueueOrder(field: .age))
        #expect(harness.screen.split(separator: "\n").first?.contains("Queue · oldest first") == true)
        let received = harness.state.queue.rows.map(\.receivedAt)
        #expect(received == received.sorted())
        harness.press(.char("O"))
        #expect(harness.state.queue.order == QueueOrder(field: .age, reversed: true))
        let reversed = harness.state.queue.rows.map(\.receivedAt)
        #expect(zip(reversed, reversed.dropFirst()).allSatisfy { $0 >= $1 } && reversed.first == received.max())
        harness.press(.char("S"))
        let statuses = harness.state.queue.rows.map { RequestStatus.allCases.firstIndex(of: $0.status)! }
        #expect(statuses == statuses.sorted())
        harness.press(.char("G"))
        #expect(harness.state.queue.cursor == harness.state.queue.total - 1)
    }
}


@Suite struct ShiftASortTests {
    @Test func shiftASortsByAgeAndEApprovesOnTheRequest() {
        var harness = Harness(rows: sampleQueue(count: 20))
        harness.press(.char("A"))
        #expect(harness.state.queue.order == QueueOrder(field: .age), "Shift-A sorts by age (DESIGN section 5)")
        #expect(KeyMap.bindings(in: .request).contains { $0.keys == [.char("E")] && $0.help.hasPrefix("Approve") })
    }
}
