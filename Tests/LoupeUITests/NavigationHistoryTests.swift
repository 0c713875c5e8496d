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
