/// A bordered box over the screen showing one row, or the session's messages, whole: each field's label in a
/// column and its value wrapped beside it, scrolled with the movement keys.
enum DescribeView {
    /// Lines of text that fit in a terminal `height` rows high.
    static func visibleRows(_ height: Int) -> Int { max(height - 8, 1) }

    /// Columns of text inside the box of a terminal `width` columns wide.
    static func textWidth(_ width: Int) -> Int { max(min(width - 4, 110) - 4, 10) }

    static func draw(_ shown: DescribeState, into buffer: inout ScreenBuffer) {
        let lines = shown.lines(width: textWidth(buffer.width))
        let labelWidth = lines.map { TerminalText.width($0.label) }.max().map { $0 + 2 } ?? 0
        let rows = min(lines.count, visibleRows(buffer.height))
        let boxWidth = min(buffer.width - 4, 110)
        let left = (buffer.width - boxWidth) / 2
        let top = max((buffer.height - 1 - (rows + 4)) / 2, 1)
        let scroll = min(shown.scroll, max(lines.count - rows, 0))
        let range = lines.count > rows ? " (\(scroll + 1)-\(scroll + rows) of \(lines.count) lines)" : ""
        buffer.drawBox(x: left, y: top, width: boxWidth, height: rows + 4, title: " \(shown.title)\(range) ")
        for (index, line) in lines.dropFirst(scroll).prefix(rows).enumerated() {
            let y = top + 2 + index
            buffer.write(line.label, x: left + 2, y: y, role: .header, maxWidth: labelWidth)
            buffer.write(line.text, x: left + 2 + labelWidth, y: y, role: line.isError ? .error : .text,
                         maxWidth: boxWidth - labelWidth - 4)
        }
        let more = scroll + rows < lines.count ? "↓/↑ scroll for more · " : ""
        buffer.write("\(more)Esc or d closes", x: left + 2, y: top + rows + 3, role: .muted, maxWidth: boxWidth - 4)
    }
}
