import Foundation
import LoupeDomain
@testable import LoupeUI
import Testing

@Suite struct NavigationHistoryTests {
    @Test func bracketsGoBackAndForwardAndANewScreenEndsTheWayForward() {
        let rows = sampleQueue(count: 10)
        var harness = Harness(rows: rows)
        harness.press(.enter)
        #expect(harness.state.screen.address == .request(rows[0].publicId))
        harness.press(.char("["))
        #expect(harness.state.screen.address == .queue)
        harness.press(.char("]"))
        #expect(harness.state.screen.address == .request(rows[0].publicId) && harness.state.detail != nil, "forward reads the screen again")
        harness.press(.char("["), .char("D"))
        #expect(harness.state.forwardScreens.isEmpty, "opening another screen ends the way forward")
        harness.press(.char("]"))
        #expect(harness.state.message?.text == "There is no screen to go forward to.")
    }

    @Test func eachScreenKeepsItsOwnStateAndARevealEndsWhenItsScreenIsLeft() {
        let rows = sampleQueue(count: 10)
        var harness = Harness(rows: rows)
        harness.press(.char("j"), .char("j"), .enter)
        harness.press(.char("j"))
        let scrolled = harness.state.detailScroll
        harness.press(.char("m"))
        #expect(harness.state.revealed == rows[2].publicId)
        harness.press(.char("["))
        #expect(harness.state.queue.cursor == 2, "the queue kept its cursor under the request")
        harness.press(.char("]"))
        #expect(harness.state.revealed == nil, "going forward again does not bring the reveal back")
        #expect(harness.state.detailScroll == scrolled, "the request screen kept its scroll")
        harness.press(.char("["), .char("j"), .enter)
        #expect(harness.state.detailScroll == 0, "another request opens at its top")
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
        #expect(harness.state.screen.address == .records(.audit))
        #expect(harness.screen.contains("request.claim") && harness.screen.contains(" 1/30 "))
        harness.press(.char("j"), .char("j"))
        let target = harness.state.records.selected?.opens
        harness.press(.enter)
        #expect(target != nil && harness.state.screen.address == .request(target!))
        harness.press(.escape)
        #expect(harness.state.screen.address == .records(.audit) && harness.state.records.cursor == 2, "back keeps the row")
    }

    @Test func anOrderNeedsANumber() {
        var harness = Harness(rows: sampleQueue(count: 3))
        harness.press(.char(":"))
        for character in "order" { harness.press(.char(character)) }
        harness.press(.enter)
        #expect(harness.state.message?.isError == true && harness.state.screen.address == .queue)
    }
}

@Suite struct OrdersCommandTests {
    @Test func ordersListsAndAnOrderRowOpensTheOrder() {
        var harness = Harness(rows: sampleQueue(count: 3))
        harness.press(.char(":"))
        for character in "orders" { harness.press(.char(character)) }
        harness.press(.enter)
        #expect(harness.state.screen.address == .records(.orders))
        harness.state.records.list = RecordList(title: "Orders", columns: [("ORDER", 10)], rows: [RecordList.Row(cells: ["JDS-1"], opens: "order:JDS-1")])
        harness.press(.enter)
        #expect(harness.state.screen.address == .records(.order("JDS-1")))
    }
}
