extension ScreenBuffer {
    /// Writes a line being edited into `width` columns from `x`: the part around the cursor (the start scrolls
    /// out of view as the line grows), made inert, with the cursor as a block after the text or the character
    /// under it in reverse. Returns the columns used.
    @discardableResult
    mutating func writeField(
        _ line: LineEditor, x: Int, y: Int, width: Int, role: StyleRole = .text, cursorRole: StyleRole = .selection
    ) -> Int {
        let shown = line.text.map { TerminalText.inert(String($0)) }
        let widths = shown.map(TerminalText.width)
        let room = max(width - 1, 1)
        var start = 0
        while start < line.cursor, widths[start..<line.cursor].reduce(0, +) > room { start += 1 }
        var column = x
        var cursorColumn = x
        for index in start..<shown.count {
            if index == line.cursor { cursorColumn = column }
            guard column - x + widths[index] <= room else { break }
            column += write(shown[index], x: column, y: y, role: role)
        }
        if line.cursor == shown.count {
            cursorColumn = column
            column += write("█", x: column, y: y, role: role)
        } else {
            restyle(x: cursorColumn, y: y, count: max(widths[line.cursor], 1), role: cursorRole)
        }
        return column - x
    }
}
