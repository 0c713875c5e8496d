import Foundation

/// What the retention sweep removes and after how long (the policy: "only for the period necessary ... then
/// anonymise or permanently delete").
public enum RetentionCategory: String, CaseIterable, Codable, Sendable {
    case deviceEvents = "device-events"
    case feedback
    case inactiveAccounts = "inactive-accounts"
    case cancelledOrders = "cancelled-orders"
    case invoices
    case accessExports = "access-exports"
    case closedRequests = "closed-requests"
    /// Mail an agent dismissed from the unsorted tray as not a request (spam, newsletters, …).
    case dismissedMail = "dismissed-mail"
}

/// How the sweep treats expired data.
public enum RetentionAction: String, CaseIterable, Codable, Sendable {
    case delete, anonymise
}

/// One category's period and action.
public struct RetentionRule: Equatable, Sendable, Codable {
    public var category: RetentionCategory
    public var days: Int
    public var action: RetentionAction

    /// Makes a rule.
    public init(category: RetentionCategory, days: Int, action: RetentionAction) {
        self.category = category
        self.days = days
        self.action = action
    }

    /// The longest period accepted (a century): anything longer is a typo, not a policy.
    public static let maxDays = 36_500

    /// A rule whose period and action make sense; errors say what is wrong and what is accepted.
    public static func validated(category: String, days: Int, action: String) throws -> RetentionRule {
        guard let category = RetentionCategory(rawValue: category) else {
            throw LoupeError(.invalidInput, "'\(TextRules.printable(category))' is not a retention category; use one of: \(RetentionCategory.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        guard (1...maxDays).contains(days) else {
            throw LoupeError(.invalidInput, "\(days) days is not a retention period; give 1 to \(maxDays) days.")
        }
        guard let action = RetentionAction(rawValue: action) else {
            throw LoupeError(.invalidInput, "'\(TextRules.printable(action))' is not a retention action; use delete or anonymise.")
        }
        if category == .invoices && action == .delete {
            throw LoupeError(.invalidInput, "Invoices are anonymised, never deleted: the amounts stay for the accounts.")
        }
        return RetentionRule(category: category, days: days, action: action)
    }

    /// Data older than this (strictly before) has expired on `asOf`, counted in calendar days in the shop's zone.
    public func cutoff(asOf: Date, policy: DeadlinePolicy) -> Date {
        policy.addingDays(-days, to: policy.startOfDay(asOf))
    }
}

/// Parses the `--as-of` date of a sweep.
public enum DayParser {
    /// `YYYY-MM-DD` as the start of that day in the shop's time zone; errors show the expected form.
    public static func parse(_ text: String, policy: DeadlinePolicy) throws -> Date {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              let date = policy.date(year: year, month: month, day: day)
        else {
            throw LoupeError(.invalidInput, "'\(TextRules.printable(text))' is not a date like 2026-11-25 (YYYY-MM-DD).")
        }
        return date
    }
}
