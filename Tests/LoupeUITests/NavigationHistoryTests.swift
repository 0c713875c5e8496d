import Foundation
import LoupeDomain
@testable import LoupeUI
import Testing

@Suite struct NavigationHistoryTests {
    @Test func bracketsGoBackAndForwardAndANewScreenEndsTheWayForward() {
        let rows = sampleQueue(count: 10)
        var harness = Harness(rows: rows)
        harness.press(.enter)
        #expect(harness.state.screen == .request(rows[0].publicId))
        harness.press(.char("["))
        #expect(harness.state.screen == .queue)
        harness.press(.char("]"))
        #expect(harness.state.screen == .request(rows[0].publicId) && harness.state.detail != nil, "forward reads the screen again")
        harness.press(.char("["), .char("D"))
        #expect(harness.state.forwardScreens.isEmpty, "opening another screen ends the way forward")
        harness.press(.char("]"))
        #expect(harness.state.message?.text == "There is no screen to go forward to.")
    }

    @Test func yCopiesTheFocusedIdWithOSC52() {
        let rows = sampleQueue(count: 10)
        var harness = Harness(rows: rows)
        harness.press(.char("j"), .char("y"))
        #expect(harness.effectsSeen.last == .copyToClipboard(rows[1].publicId))
        #expect(harness.state.message?.text.contains(rows[1].publicId) == true)
    }
}

@Suite struct RecordListScreenTests {
    @Test func theAuditLogListsEntriesAndEnterOpensTheirRequest() {
        let rows = sampleQueue(count: 10)
        var harness = Harness(rows: rows)
        harness.press(.char(":"))
        for character in "audit" { harness.press(.char(character)) }
        harness.press(.enter)
        #expect(harness.state.screen == .records(.audit))
        #expect(harness.screen.contains("request.claim") && harness.screen.contains(" 1/30 "))
        harness.press(.char("j"), .char("j"))
        let target = harness.state.records.selected?.opens
        harness.press(.enter)
        #expect(target != nil && harness.state.screen == .request(target!))
        harness.press(.escape)
        #expect(harness.state.screen == .records(.audit) && harness.state.records.cursor == 2, "back keeps the row")
    }

    @Test func anOrderNeedsANumber() {
        var harness = Harness(rows: sampleQueue(count: 3))
        harness.press(.char(":"))
        for character in "order" { harness.press(.char(character)) }
        harness.press(.enter)
        #expect(harness.state.message?.isError == true && harness.state.screen == .queue)
    }
}

@Suite struct OrdersCommandTests {
    @Test func ordersListsAndAnOrderRowOpensTheOrder() {
        var harness = Harness(rows: sampleQueue(count: 3))
        harness.press(.char(":"))
        for character in "orders" { harness.press(.char(character)) }
        harness.press(.enter)
        #expect(harness.state.screen == .records(.orders))
        harness.state.records.list = RecordList(title: "Orders", columns: [("ORDER", 10)], rows: [RecordList.Row(cells: ["JDS-1"], opens: "order:JDS-1")])
        harness.press(.enter)
        #expect(harness.state.screen == .records(.order("JDS-1")))
    }
}
