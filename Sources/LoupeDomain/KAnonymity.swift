/// One fact behind an analytics count: on one day, in one cell (its dimension values), one customer counted
/// `count` times.
public struct AnalyticsObservation: Equatable, Sendable {
    public var day: String
    public var cell: [String]
    /// Who it is about, as a key that is never published (a row id, a digest).
    public var customer: String
    public var count: Int

    /// Makes an observation.
    public init(day: String, cell: [String], customer: String, count: Int) {
        self.day = day
        self.cell = cell
        self.customer = customer
        self.count = count
    }
}

/// A published analytics row: a cell of one day with its count and the number of distinct customers behind it,
/// or the day's "other" row that holds every cell too small to publish.
public struct AnalyticsRow: Equatable, Sendable, Codable {
    public var day: String
    /// The dimension values; empty on the "other" row.
    public var cell: [String]
    public var count: Int
    public var customers: Int
    public var isOther: Bool

    /// Makes a row.
    public init(day: String, cell: [String], count: Int, customers: Int, isOther: Bool) {
        self.day = day
        self.cell = cell
        self.count = count
        self.customers = customers
        self.isOther = isOther
    }
}

/// The rule every published count obeys (policy section 2, analytics on non-identifiable data only): a row
/// describes at least `k` distinct customers. Cells under `k` go to the day's "other" row, which itself must reach
/// `k`, so more cells join it (the smallest first) until it does; a suppressed cell is therefore never alone in
/// "other" and cannot be had by subtracting the published cells from the day's total. A day with fewer than `k`
/// customers in all publishes nothing. Each day is decided from that day's data alone, so two exports of
/// overlapping periods publish the same rows for the days they share and their difference reveals nothing new.
public enum KAnonymity {
    /// The default smallest number of customers a published cell describes.
    public static let defaultK = 10

    /// The rows one day publishes, in a stable order (by cell), "other" last; empty when the day has fewer than
    /// `k` customers.
    public static func publish(day: String, observations: [AnalyticsObservation], k: Int) -> [AnalyticsRow] {
        var cells: [[String]: (count: Int, customers: Set<String>)] = [:]
        for observation in observations where observation.day == day {
            cells[observation.cell, default: (0, [])].count += observation.count
            cells[observation.cell, default: (0, [])].customers.insert(observation.customer)
        }
        let everyone = cells.values.reduce(into: Set<String>()) { $0.formUnion($1.customers) }
        guard everyone.count >= max(k, 1) else { return [] }
        let ordered = cells.keys.sorted { $0.lexicographicallyPrecedes($1) }
        var published = ordered.filter { cells[$0]!.customers.count >= k }
        var other = ordered.filter { cells[$0]!.customers.count < k }
        func otherCustomers() -> Int {
            other.reduce(into: Set<String>()) { $0.formUnion(cells[$1]!.customers) }.count
        }
        while !other.isEmpty && otherCustomers() < k, let smallest = smallestCell(published, cells) {
            published.removeAll { $0 == smallest }
            other.append(smallest)
        }
        var rows = published.map {
            AnalyticsRow(
                day: day, cell: $0, count: cells[$0]!.count, customers: cells[$0]!.customers.count,
                isOther: false)
        }
        if !other.isEmpty {
            rows.append(
                AnalyticsRow(
                    day: day, cell: [], count: other.reduce(0) { $0 + cells[$1]!.count },
                    customers: otherCustomers(), isOther: true))
        }
        return rows
    }

    /// Every day's rows, days in order.
    public static func publish(_ observations: [AnalyticsObservation], k: Int) -> [AnalyticsRow] {
        let days = Set(observations.map(\.day)).sorted()
        return days.flatMap { day in publish(day: day, observations: observations.filter { $0.day == day }, k: k) }
    }

    private static func smallestCell(
        _ published: [[String]], _ cells: [[String]: (count: Int, customers: Set<String>)]
    ) -> [String]? {
        published.min { left, right in
            let (a, b) = (cells[left]!.customers.count, cells[right]!.customers.count)
            return a != b ? a < b : left.lexicographicallyPrecedes(right)
        }
    }
}
