import Foundation
import LoupeDomain
@testable import LoupeUI
import Testing

/// Triage in few keys: the next request in one key, a request by its number, its customer and back.
@Suite struct TriageKeysTests {
    @Test func oneKeyClaimsTheMostUrgentUnassignedRequestAndOpensIt() {
        var harness = Harness(width: 100, height: 30, rows: sampleQueue(count: 20))
        let expected = harness.state.queue.rows.sorted { $0.queueKey < $1.queueKey }.first { $0.assignee == nil }!
        harness.effectsSeen = []
        harness.press(.char("i"))
        #expect(harness.state.screen.address == .request(expected.publicId))
        #expect(harness.state.detail?.summary.assignee == "ava")
        #expect(harness.effectsSeen.contains(.data(.claimNext)))
        #expect(harness.state.message?.text.contains("claimed") == true)
    }

    @Test func aRequestOpensFromTheCommandLineByItsNumberOrId() {
        var harness = Harness(width: 100, height: 30, rows: sampleQueue(count: 5))
        let id = harness.state.queue.rows[2].publicId
        let number = String(Int(id.split(separator: "-").last!)!)
        for text in [number, id] {
            harness.press(.char(":"))
            for character in text { harness.press(.char(character)) }
            harness.press(.enter)
            #expect(harness.state.screen.address == .request(id), ":\(text)")
            harness.press(.escape)
        }
    }

    @Test func theRequestsCustomerOpensAndBackReturnsToTheRequest() {
        var harness = Harness(width: 100, height: 30, rows: sampleQueue(count: 5))
        let first = harness.state.queue.rows[0]
        harness.details[first.publicId] = RequestDetail(summary: first, channel: .email, customerPublicId: "C-000001")
        harness.press(.char("K"))
        #expect(harness.state.screen.address == .queue, "K is for the request screen")
        harness.press(.enter)
        guard case .request(let id) = harness.state.screen.address, let customer = harness.state.detail?.customerPublicId else {
            Issue.record("the first request opens, about a customer")
            return
        }
        harness.press(.char("K"))
        #expect(harness.state.screen.address == .customer(customer))
        harness.press(.escape)
        #expect(harness.state.screen.address == .request(id))
    }
}
