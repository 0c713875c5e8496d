extension ScreenBuffer {
    /// Draws a bordered box, cleared inside, with `title` set into its top border.
    mutating func drawBox(x: Int, y: Int, width boxWidth: Int, height boxHeight: Int, title: String) {
        guard boxWidth >= 4, boxHeight >= 2 else { return }
        for row in y..<(y + boxHeight) { fill(x: x, y: row, count: boxWidth, role: .text) }
        let bar = String(repeating: "─", count: boxWidth - 2)
        write("┌" + bar + "┐", x: x, y: y, role: .muted)
        write("└" + bar + "┘", x: x, y: y + boxHeight - 1, role: .muted)
        for row in (y + 1)..<(y + boxHeight - 1) {
            write("│", x: x, y: row, role: .muted)
            write("│", x: x + boxWidth - 1, y: row, role: .muted)
        }
        write(title, x: x + 2, y: y, role: .title, maxWidth: boxWidth - 4)
    }

    /// The glyphs the console draws and what stands in for each on a terminal without them (`TERM=vt100`).
    static let asciiGlyphs: [String: String] = [
        "↑": "^", "↓": "v", "←": "<", "→": ">", "•": "*", "·": ".", "…": "~", "█": "#", "↳": ">", "─": "-",
        "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "✓": "+", "✗": "x", "⚠": "!", "▲": "^", "▼": "v",
        "—": "-", "◌": "o", "✉": "@",
    ]

    /// Replaces every glyph of `asciiGlyphs` with its ASCII stand-in, cell by cell (the layout is unchanged:
    /// each stands in one column for one column).
    mutating func asciify() {
        for index in cells.indices {
            if let plain = Self.asciiGlyphs[cells[index].text] { cells[index].text = plain }
        }
    }
}
