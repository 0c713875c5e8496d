import Foundation

/// Fast calendar arithmetic for printing dates: thousands of timestamps in an export or a report cost
/// microseconds, not a `Calendar` call each. Proleptic Gregorian, from Howard Hinnant's `civil_from_days`.
public enum CivilTime {
    /// Year, month, day, hour, minute and second of `date` shifted by `offset` seconds from UTC.
    public static func components(_ date: Date, offset: Int = 0) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let seconds = Int((date.timeIntervalSince1970).rounded(.down)) + offset
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, rest / 3_600, rest % 3_600 / 60, rest % 60)
    }

    /// The start (UTC) of the day `YYYY-MM-DD`, or nil when it is not a real day (2026-02-30 is refused).
    public static func parseDay(_ text: String) -> Date? {
        guard text.count == 10, let date = parseISO8601(text + "T00:00:00Z"), utcDay(date) == text else { return nil }
        return date
    }

    /// The UTC day of `date`, `YYYY-MM-DD`.
    public static func utcDay(_ date: Date) -> String {
        let parts = components(date)
        return "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))"
    }

    /// `2026-11-25T12:00:00Z`.
    public static func iso8601(_ date: Date) -> String {
        let c = components(date)
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))Z"
    }

    /// The instant of a civil date and time at a UTC offset; nil when a field is out of range (Hinnant's
    /// `days_from_civil`, so no Calendar or formatter is needed).
    public static func date(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offsetSeconds: Int) -> Date? {
        let monthDays = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...monthDays[month - 1]).contains(day), (0...23).contains(hour),
              (0...59).contains(minute), (0...60).contains(second) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3_600 + minute * 60 + second - offsetSeconds))
    }

    /// Reads what `iso8601` writes (`2026-11-25T12:00:00Z`); nil for anything else.
    public static func parseISO8601(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    /// `value` with leading zeros to `width` digits.
    public static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
