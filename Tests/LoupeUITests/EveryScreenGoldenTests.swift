import Foundation
import LoupeDomain
@testable import LoupeUI
import Testing

/// Every screen at the two sizes the issue names, recorded as golden text (`LOUPE_RECORD_GOLDEN=1 swift test`).
@Suite struct EveryScreenGoldenTests {
    static let sizes = [(80, 24), (120, 40)]

    func harness(_ width: Int, _ height: Int) -> Harness {
        Harness(width: width, height: height, rows: sampleQueue(count: 60))
    }

    func command(_ harness: inout Harness, _ text: String) {
        harness.press(.char(":"))
        for character in text { harness.press(.char(character)) }
        harness.press(.enter)
    }

    @Test(arguments: sizes)
    func approvals(width: Int, height: Int) {
        var harness = harness(width, height)
        harness.press(.char("p"))
        #expect(goldenMismatch(harness.screen, "every-approvals-\(width)x\(height)") == nil)
    }

    @Test(arguments: sizes)
    func dashboard(width: Int, height: Int) {
        var harness = harness(width, height)
        harness.press(.char("D"))
        #expect(goldenMismatch(harness.screen, "every-dashboard-\(width)x\(height)") == nil)
    }

    @Test(arguments: sizes)
    func customersAndCustomer(width: Int, height: Int) {
        var harness = harness(width, height)
        command(&harness, "customers")
        // The screen as it opens, the field focused and saying so; one Enter opens the selected customer (issue
        // 17: it used to take two, the first only leaving the field, which is what this golden showed before).
        #expect(goldenMismatch(harness.screen, "every-customers-\(width)x\(height)") == nil)
        harness.press(.enter)
        #expect(goldenMismatch(harness.screen, "every-customer-\(width)x\(height)") == nil)
    }

    @Test(arguments: sizes)
    func auditLogAndFilteredQueue(width: Int, height: Int) {
        var harness = harness(width, height)
        command(&harness, "audit")
        #expect(goldenMismatch(harness.screen, "every-audit-\(width)x\(height)") == nil)
        harness.press(.escape, .char("/"))
        for character in "assignee:ben" { harness.press(.char(character)) }
        harness.press(.enter, .char(" "))
        #expect(goldenMismatch(harness.screen, "every-queue-filtered-marked-\(width)x\(height)") == nil)
    }

    @Test(arguments: sizes)
    func helpAndCommandLine(width: Int, height: Int) {
        var harness = harness(width, height)
        harness.press(.char("?"))
        #expect(goldenMismatch(harness.screen, "every-help-\(width)x\(height)") == nil)
        harness.press(.escape, .char(":"), .char("t"), .tab)
        #expect(goldenMismatch(harness.screen, "every-command-line-\(width)x\(height)") == nil)
    }
}
