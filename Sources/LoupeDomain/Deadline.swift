import Foundation

/// Deadline rules for privacy requests: one calendar month (GDPR Art. 12(3)), three days for a minor's data,
/// and the derived overdue / due-soon flags (never stored).
public struct DeadlinePolicy: Sendable, Equatable {
    /// The shop's time zone; calendar months and days are counted in it.
    public var timeZone: TimeZone
    /// Days within which a request counts as "due soon".
    public var dueSoonDays: Int
    /// Days allowed for a request about a customer under 16.
    public var minorDays: Int

    /// Makes a policy; the defaults are UTC, 7 days and 3 days.
    public init(timeZone: TimeZone = TimeZone(identifier: "UTC")!, dueSoonDays: Int = 7, minorDays: Int = 3) {
        self.timeZone = timeZone
        self.dueSoonDays = dueSoonDays
        self.minorDays = minorDays
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The due date of a request received at `receivedAt`: one calendar month later (Jan 31 -> Feb 28/29),
    /// or `minorDays` later when the subject is a minor.
    public func dueDate(receivedAt: Date, aboutMinor: Bool) -> Date {
        if aboutMinor {
            return calendar.date(byAdding: .day, value: minorDays, to: receivedAt)!
        }
        return addingMonths(1, to: receivedAt)
    }

    /// `date` plus whole calendar months, clamped to the last day of a shorter month.
    public func addingMonths(_ months: Int, to date: Date) -> Date {
        calendar.date(byAdding: .month, value: months, to: date)!
    }

    /// `date` plus whole calendar days (negative to go back).
    public func addingDays(_ days: Int, to date: Date) -> Date {
        calendar.date(byAdding: .day, value: days, to: date)!
    }

    /// Midnight at the start of `date`'s day in the shop's time zone.
    public func startOfDay(_ date: Date) -> Date { calendar.startOfDay(for: date) }

    /// The start of a calendar day, or nil when the day does not exist (2026-02-30).
    public func date(year: Int, month: Int, day: Int) -> Date? {
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
              calendar.dateComponents([.year, .month, .day], from: date) == DateComponents(year: year, month: month, day: day)
        else { return nil }
        return date
    }

    /// Calendar days from the day of `now` to the day of `due` in the shop's time zone (negative when past).
    public func daysLeft(until due: Date, now: Date) -> Int {
        let start = calendar.startOfDay(for: now)
        let end = calendar.startOfDay(for: due)
        return calendar.dateComponents([.day], from: start, to: end).day ?? 0
    }

    /// Whether the deadline has passed.
    public func isOverdue(due: Date, now: Date) -> Bool { now > due }

    /// Whether the deadline falls within the next `dueSoonDays` days and has not passed.
    public func isDueSoon(due: Date, now: Date) -> Bool {
        !isOverdue(due: due, now: now) && daysLeft(until: due, now: now) <= dueSoonDays
    }

    /// The calendar day of `date` as `YYYY-MM-DD` in the shop's time zone.
    public func dayString(_ date: Date) -> String {
        let c = CivilTime.components(date, offset: timeZone.secondsFromGMT(for: date))
        return "\(CivilTime.pad(c.year, 4))-\(CivilTime.pad(c.month))-\(CivilTime.pad(c.day))"
    }

    /// Date and minute of `date` as `YYYY-MM-DD HH:MM` in the shop's time zone.
    public func minuteString(_ date: Date) -> String {
        let c = CivilTime.components(date, offset: timeZone.secondsFromGMT(for: date))
        return "\(CivilTime.pad(c.year, 4))-\(CivilTime.pad(c.month))-\(CivilTime.pad(c.day)) \(CivilTime.pad(c.hour)):\(CivilTime.pad(c.minute))"
    }
}
