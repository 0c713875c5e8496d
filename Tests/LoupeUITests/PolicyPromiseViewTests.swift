import Foundation
import LoupeDomain
import Testing

@testable import LoupeUI

/// What the console shows of the policy's promises: a breach's 72-hour clock (dashboard and queue title), and a
/// customer's cookies per purpose.
@Suite struct PolicyPromiseViewTests {
    @Test func aRunningBreachClockLeadsTheQueueTitleAndShowsOnTheDashboard() {
        var harness = Harness(width: 100, height: 40, rows: sampleQueue(count: 20))
        let deadline = BreachDeadline(publicId: "BR-2026-01", deadline: uiNow.addingTimeInterval(41 * 3_600 + 600))
        harness.source.breachDeadlines = [deadline]
        harness.send(.refresh)
        #expect(harness.screen.split(separator: "\n").first?.contains("breach BR-2026-01: 41h left · Queue") == true)
        harness.dashboard.breachDeadlines = [deadline]
        harness.press(.char("D"))
        #expect(harness.screen.contains("BREACH BR-2026-01: 41h left to tell the authority (by 2026-11-27 05:10)"))
        #expect(goldenMismatch(harness.screen, "dashboard-breach-100x40") == nil)
        // Late: the clock says by how much.
        harness.source.breachDeadlines = [
            BreachDeadline(publicId: "BR-2026-01", deadline: uiNow.addingTimeInterval(-5 * 3_600))
        ]
        harness.press(.escape)
        harness.send(.refresh)
        #expect(harness.screen.contains("breach BR-2026-01: 5h late"))
    }

    @Test func theCustomersConsentTabShowsCookiesPerPurpose() {
        var harness = Harness(width: 100, height: 30, rows: sampleQueue(count: 5))
        harness.cookies = CookieState.from(lastEvents: [
            .analyticsCookies: (granted: false, at: uiNow, source: "request PR-2026-000001", version: "2025-09"),
            .marketingCookies: (
                granted: false, at: uiNow, source: CookieState.globalPrivacyControlSource,
                version: "2025-09"
            ),
        ])
        harness.press(.char(":"))
        for character in "customers" { harness.press(.char(character)) }
        harness.press(.enter, .down, .enter, .tab, .tab, .tab)
        #expect(harness.state.customerTab == .consent)
        let screen = harness.screen
        #expect(screen.contains("necessary  on   always on"))
        #expect(screen.contains("analytics  off since 2026-11-25  request PR-2026-000001 · policy 2025-09"))
        #expect(screen.contains("marketing  off since 2026-11-25  Global Privacy Control (Sec-GPC: 1)"))
        #expect(goldenMismatch(screen, "customer-cookies-100x30") == nil)
    }
}
