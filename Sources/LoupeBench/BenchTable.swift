import Foundation

/// The benchmark's one table: an operation a row, Loupe's p50/p99 beside the floor's (the same data fetched by
/// the plainest SQL through the sqlite3 shell on the same file) and the ratio of the p50s.
struct BenchTable {
    struct Entry {
        var operation: String
        var samples: [Double]
        var unit: String
        var floor: [Double]?
        var target: String
    }

    private(set) var entries: [Entry] = []

    /// Adds a timed operation (milliseconds).
    mutating func add(_ operation: String, _ samples: [Double], floor: [Double]? = nil, target: String) {
        entries.append(Entry(operation: operation, samples: samples, unit: "ms", floor: floor, target: target))
        print("  measured: \(operation)")
    }

    /// Adds a measured quantity that is not a time (megabytes, bytes).
    mutating func add(_ operation: String, value samples: [Double], unit: String, target: String) {
        entries.append(Entry(operation: operation, samples: samples, unit: unit, floor: nil, target: target))
        print("  measured: \(operation)")
    }

    /// The table as Markdown.
    func markdown() -> String {
        var lines = ["| operation | n | p50 | p99 | floor p50 | floor p99 | ratio | target |",
                     "|---|---:|---:|---:|---:|---:|---:|---|"]
        for entry in entries {
            let p50 = percentile(entry.samples, 0.5)
            let p99 = percentile(entry.samples, 0.99)
            var floorColumns = ["–", "–", "–"]
            if let floor = entry.floor, !floor.isEmpty {
                let floor50 = percentile(floor, 0.5)
                floorColumns = [Self.format(floor50, entry.unit), Self.format(percentile(floor, 0.99), entry.unit),
                                floor50 > 0 ? String(format: "%.1fx", p50 / floor50) : "–"]
            }
            lines.append("| \(entry.operation) | \(entry.samples.count) | \(Self.format(p50, entry.unit)) | "
                         + "\(Self.format(p99, entry.unit)) | " + floorColumns.joined(separator: " | ") + " | \(entry.target) |")
        }
        return lines.joined(separator: "\n")
    }

    private static func format(_ value: Double, _ unit: String) -> String {
        switch unit {
        case "ms": value >= 100 ? String(format: "%.0f ms", value) : String(format: "%.2f ms", value)
        case "B": String(format: "%.0f B", value)
        default: String(format: "%.1f %@", value, unit)
        }
    }
}
