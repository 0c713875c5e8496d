import Foundation
@testable import LoupeDomain
import Testing

@Suite struct DashboardTests {
    @Test func medianOfOddEvenAndNone() {
        #expect(Dashboard.median([5, 1, 3]) == 3)
        #expect(Dashboard.median([4, 1, 3, 10]) == 3.5)
        #expect(Dashboard.median([]) == nil)
    }

    /// Day buckets follow the shop's calendar: a request at 00:30 local time on a day of a daylight-saving change
    /// lands on that day, and one a second before the window is left out.
    @Test func dailyCountsUseTheShopsDaysAcrossDaylightSaving() throws {
        let policy = DeadlinePolicy(timeZone: try #require(TimeZone(identifier: "Europe/Berlin")))
        let now = try #require(policy.date(year: 2026, month: 11, day: 5)).addingTimeInterval(12 * 3_600)
        let firstDay = try #require(policy.date(year: 2026, month: 10, day: 7))
        let dstDay = try #require(policy.date(year: 2026, month: 10, day: 25))
        let dates = [
            firstDay.addingTimeInterval(-1), firstDay, dstDay.addingTimeInterval(30 * 60),
            dstDay.addingTimeInterval(23.5 * 3_600), now, now.addingTimeInterval(86_400),
        ]
        let counts = Dashboard.dailyCounts(dates, days: 30, now: now, policy: policy)
        #expect(counts.count == 30)
        #expect(counts[0] == 1, "the window opens at local midnight 29 days ago")
        #expect(counts[18] == 2, "25 October is 25 hours long: both of its requests land on it")
        #expect(counts[29] == 1, "today; tomorrow's is ignored")
        #expect(counts.reduce(0, +) == 4)
    }
}
