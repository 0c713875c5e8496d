import Foundation

/// The figures the dashboard shows, read in one go: the request load, the intake of the last 30 days and what the
/// retention rules will remove soon.
public struct Dashboard: Equatable, Sendable {
    /// Requests of each status (every status listed, zero included), in lifecycle order.
    public var byStatus: [(status: RequestStatus, count: Int)]
    /// Open requests of each kind (every kind listed).
    public var openByKind: [(kind: RequestKind, count: Int)]
    /// Open requests past their (extended) due date.
    public var overdue: Int
    /// Open requests not overdue but due within the next seven days.
    public var dueThisWeek: Int
    /// Open requests held by each agent, most first; unassigned ones are counted apart.
    public var loadPerAgent: [(userName: String, count: Int)]
    /// Open requests nobody holds.
    public var unassigned: Int
    /// Median days from receipt to closing, over requests closed in the last 90 days; nil when none closed.
    public var medianDaysToClose: Double?
    /// How many requests closed in the last 90 days (the median's sample).
    public var closedLast90Days: Int
    /// Requests received on each of the last 30 days, oldest first (30 entries, the last one today).
    public var intakeLast30Days: [Int]
    /// When the retention sweep last ran (nil: never).
    public var lastSweep: Date?
    /// Per retention category: rows expired and not yet swept, and rows that expire within the following 30 days,
    /// as counted by the last sweep (dry or real); empty when no sweep has counted them yet.
    public var retention: [RetentionOutlook]
    /// When the retention outlook was counted (nil: not yet).
    public var retentionCountedAt: Date?
    /// Each of `serve`'s jobs' last run (empty until `serve` has run one).
    public var jobs: [JobRunSummary] = []
    /// Days of the intake chart hidden by the analytics rule (fewer than `analyticsK` people), and that `k`.
    public var intakeHiddenDays = 0
    public var analyticsK = KAnonymity.defaultK
    /// Breaches the authority has not heard of yet: each one's 72-hour deadline.
    public var breachDeadlines: [BreachDeadline] = []
    /// Mail in the unsorted tray, and how much of it arrived more than `UnsortedMail.staleAfterDays` days ago.
    public var unsortedMail = 0
    public var staleUnsortedMail = 0

    /// Makes a dashboard.
    public init(
        byStatus: [(status: RequestStatus, count: Int)], openByKind: [(kind: RequestKind, count: Int)], overdue: Int,
        dueThisWeek: Int, loadPerAgent: [(userName: String, count: Int)], unassigned: Int, medianDaysToClose: Double?,
        closedLast90Days: Int, intakeLast30Days: [Int], lastSweep: Date?, retention: [RetentionOutlook],
        retentionCountedAt: Date? = nil
    ) {
        self.byStatus = byStatus
        self.openByKind = openByKind
        self.overdue = overdue
        self.dueThisWeek = dueThisWeek
        self.loadPerAgent = loadPerAgent
        self.unassigned = unassigned
        self.medianDaysToClose = medianDaysToClose
        self.closedLast90Days = closedLast90Days
        self.intakeLast30Days = intakeLast30Days
        self.lastSweep = lastSweep
        self.retention = retention
        self.retentionCountedAt = retentionCountedAt
    }

    public static func == (lhs: Dashboard, rhs: Dashboard) -> Bool {
        lhs.byStatus.map { "\($0.status)=\($0.count)" } == rhs.byStatus.map { "\($0.status)=\($0.count)" }
            && lhs.openByKind.map { "\($0.kind)=\($0.count)" } == rhs.openByKind.map { "\($0.kind)=\($0.count)" }
            && lhs.loadPerAgent.map { "\($0.userName)=\($0.count)" } == rhs.loadPerAgent.map { "\($0.userName)=\($0.count)" }
            && lhs.overdue == rhs.overdue && lhs.dueThisWeek == rhs.dueThisWeek && lhs.unassigned == rhs.unassigned
            && lhs.medianDaysToClose == rhs.medianDaysToClose && lhs.closedLast90Days == rhs.closedLast90Days
            && lhs.intakeLast30Days == rhs.intakeLast30Days && lhs.lastSweep == rhs.lastSweep
            && lhs.retention == rhs.retention && lhs.retentionCountedAt == rhs.retentionCountedAt
            && lhs.unsortedMail == rhs.unsortedMail && lhs.staleUnsortedMail == rhs.staleUnsortedMail
    }

    /// The median of `values` (the mean of the middle two for an even count); nil when empty.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// `dailyCounts` under the analytics rule (`KAnonymity`): a day whose requests come from fewer than `k`
    /// distinct people is shown as 0 and counted in `hidden` (a day of no requests describes nobody and stays 0).
    public static func kAnonymousDailyCounts(_ entries: [(date: Date, person: String)], days: Int, now: Date,
                                             policy: DeadlinePolicy, k: Int) -> (counts: [Int], hidden: Int) {
        var counts = Array(repeating: 0, count: days)
        var hidden = 0
        for day in 0..<days {
            let start = policy.addingDays(day - (days - 1), to: policy.startOfDay(now))
            let end = policy.addingDays(1, to: start)
            let inDay = entries.filter { $0.date >= start && $0.date < end }
            guard !inDay.isEmpty else { continue }
            let observations = inDay.map {
                AnalyticsObservation(day: String(day), cell: ["requests"], customer: $0.person, count: 1)
            }
            if let row = KAnonymity.publish(day: String(day), observations: observations, k: k).first {
                counts[day] = row.count
            } else {
                hidden += 1
            }
        }
        return (counts, hidden)
    }

    /// Counts `dates` per day over the `days` days that end with the day of `now` (oldest first), in the
    /// policy's time zone; dates outside the window are ignored.
    public static func dailyCounts(_ dates: [Date], days: Int, now: Date, policy: DeadlinePolicy) -> [Int] {
        let today = policy.startOfDay(now)
        let first = policy.addingDays(-(days - 1), to: today)
        var starts = (0...days).map { policy.addingDays($0, to: first) }
        starts[days] = policy.addingDays(1, to: today)
        var counts = Array(repeating: 0, count: days)
        for date in dates where date >= first && date < starts[days] {
            // Days are not all 86,400 s long (daylight saving), so find the bucket by the day starts.
            var low = 0
            var high = days - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if starts[mid] <= date { low = mid } else { high = mid - 1 }
            }
            counts[low] += 1
        }
        return counts
    }
}

/// What one retention category holds that is expired, or will be within 30 days.
public struct RetentionOutlook: Equatable, Sendable {
    public var category: RetentionCategory
    /// Expired now, waiting for the next sweep.
    public var expiredNow: Int
    /// Not yet expired, but expired 30 days from now.
    public var expiringIn30Days: Int

    /// Makes an outlook line.
    public init(category: RetentionCategory, expiredNow: Int, expiringIn30Days: Int) {
        self.category = category
        self.expiredNow = expiredNow
        self.expiringIn30Days = expiringIn30Days
    }
}
