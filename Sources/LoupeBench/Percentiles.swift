/// The p-th percentile of `samples` (nearest rank), for the benchmark tables.
func percentile(_ samples: [Double], _ p: Double) -> Double {
    let sorted = samples.sorted()
    return sorted[min(Int((Double(sorted.count) * p).rounded(.up)) - 1, sorted.count - 1)]
}
