import Foundation
import LoupeDomain
import Testing

@Suite struct DeadlinePolicyTests {
    let utc = DeadlinePolicy()

    func date(_ text: String, zone: String = "UTC") -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: zone)
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }

    @Test func oneCalendarMonthLater() {
        #expect(utc.dueDate(receivedAt: date("2026-03-15 10:00"), aboutMinor: false) == date("2026-04-15 10:00"))
    }

    @Test func endOfMonthClampsToTheShorterMonth() {
        #expect(utc.dueDate(receivedAt: date("2026-01-31 09:00"), aboutMinor: false) == date("2026-02-28 09:00"))
        #expect(utc.dueDate(receivedAt: date("2028-01-31 09:00"), aboutMinor: false) == date("2028-02-29 09:00"))
        #expect(utc.dueDate(receivedAt: date("2026-03-31 09:00"), aboutMinor: false) == date("2026-04-30 09:00"))
    }

    @Test func minorsAreDueInThreeDays() {
        #expect(utc.dueDate(receivedAt: date("2026-01-30 12:00"), aboutMinor: true) == date("2026-02-02 12:00"))
    }

    @Test func monthsAreCountedInTheShopsTimeZone() {
        // 2026-01-31 23:30 in Berlin is 22:30 UTC on the 31st; the month ends on Feb 28 Berlin time.
        let berlin = DeadlinePolicy(timeZone: TimeZone(identifier: "Europe/Berlin")!)
        let received = date("2026-01-31 23:30", zone: "Europe/Berlin")
        #expect(berlin.dueDate(receivedAt: received, aboutMinor: false) == date("2026-02-28 23:30", zone: "Europe/Berlin"))
        #expect(berlin.dayString(received) == "2026-01-31")
        #expect(utc.dayString(date("2026-02-01 00:30", zone: "Europe/Berlin")) == "2026-01-31")
    }

    @Test func overdueAndDueSoonAreDerivedFromTheClock() {
        let due = date("2026-11-30 10:00")
        #expect(!utc.isOverdue(due: due, now: date("2026-11-30 09:59")))
        #expect(utc.isOverdue(due: due, now: date("2026-11-30 10:01")))
        #expect(utc.isDueSoon(due: due, now: date("2026-11-23 10:00")))
        #expect(!utc.isDueSoon(due: due, now: date("2026-11-22 10:00")))
        #expect(!utc.isDueSoon(due: due, now: date("2026-12-01 10:00")), "an overdue request is not 'due soon'")
    }

    @Test func daysLeftCountsCalendarDays() {
        let due = date("2026-11-30 08:00")
        #expect(utc.daysLeft(until: due, now: date("2026-11-29 23:00")) == 1)
        #expect(utc.daysLeft(until: due, now: date("2026-11-30 23:00")) == 0)
        #expect(utc.daysLeft(until: due, now: date("2026-12-03 01:00")) == -3)
    }
}

@Suite struct CivilTimeTests {
    @Test func agreesWithFoundationsCalendarAcrossZonesAndCenturies() {
        var random = SystemRandomNumberGenerator()
        for zoneName in ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"] {
            let zone = TimeZone(identifier: zoneName)!
            let policy = DeadlinePolicy(timeZone: zone)
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.calendar = Calendar(identifier: .gregorian)
            formatter.timeZone = zone
            formatter.dateFormat = "yyyy-MM-dd HH:mm"
            for _ in 0..<300 {
                let date = Date(timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000...4_000_000_000, using: &random)))
                #expect(policy.minuteString(date) == formatter.string(from: date), "\(zoneName) \(date)")
            }
        }
        #expect(CivilTime.iso8601(Date(timeIntervalSince1970: 1_795_608_000)) == "2026-11-25T12:00:00Z")
        #expect(CivilTime.iso8601(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }
}
