/// Text charts drawn with block characters, or with ASCII for terminals that lack them.
enum Chart {
    private static let eighths: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    private static let levels: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    private static let asciiLevels: [Character] = [" ", ".", ".", ":", ":", "=", "=", "#", "#"]

    /// A horizontal bar for `value` of `maximum`, at most `width` cells; any non-zero value shows at least a sliver.
    static func bar(_ value: Int, of maximum: Int, width: Int, ascii: Bool) -> String {
        guard value > 0, maximum > 0, width > 0 else { return "" }
        let units = max(value * width * 8 / maximum, 1)
        if ascii { return String(repeating: "#", count: max(units / 8, 1)) }
        let rest = units % 8
        return String(repeating: "█", count: units / 8) + (rest > 0 ? String(eighths[rest]) : "")
    }

    /// One character per value, its height scaled to the largest value; zero is a blank.
    static func sparkline(_ values: [Int], ascii: Bool) -> String {
        let maximum = values.max() ?? 0
        let glyphs = ascii ? asciiLevels : levels
        return String(values.map { value in
            guard value > 0, maximum > 0 else { return glyphs[0] }
            return glyphs[max(value * 8 / maximum, 1)]
        })
    }

    /// A column chart `rows` high, one column per value (each `columnWidth` cells, one blank between), top row
    /// first; the tallest value fills every row.
    static func columns(_ values: [Int], rows: Int, columnWidth: Int, ascii: Bool) -> [String] {
        let maximum = values.max() ?? 0
        let glyphs = ascii ? asciiLevels : levels
        let heights = values.map { value in
            value > 0 && maximum > 0 ? max(value * rows * 8 / maximum, 1) : 0
        }
        return (0..<rows).map { row in
            let floor = (rows - 1 - row) * 8
            return heights.map { height in
                let fill = min(max(height - floor, 0), 8)
                return String(repeating: glyphs[fill], count: columnWidth) + " "
            }.joined()
        }
    }
}
