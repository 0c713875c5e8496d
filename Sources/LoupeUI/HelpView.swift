/// The help overlay: every binding of the current screen, from the key table, with the reason beside any the
/// user's role or the request's state forbids, wrapped so no reason is cut. Scrolls by line when it does not fit.
enum HelpView {
    /// Lines that fit in a terminal `height` rows high.
    static func visibleRows(height: Int) -> Int { max(height - 7, 1) }

    /// The width of the box in a terminal `width` columns wide.
    static func boxWidth(_ width: Int) -> Int { min(width - 4, 120) }

    /// One line of the help: the keys (on a binding's first line only), its text, and whether it is refused.
    struct Line {
        var keys: String
        var text: String
        var isRefused: Bool
    }

    /// The help's lines at a terminal `width` columns wide.
    static func lines(_ state: AppState, width: Int) -> [Line] {
        let bindings = state.helpBindings
        let keyWidth = keyColumn(bindings)
        let textWidth = max(boxWidth(width) - keyWidth - 4, 10)
        return bindings.flatMap { binding in
            let reason = binding.disabledReason(state)
            let text = binding.help + (reason.map { " — \($0)" } ?? "")
            return TerminalText.wrap(text, width: textWidth).enumerated().map { index, part in
                Line(keys: index == 0 ? binding.keyLabel : "", text: part, isRefused: reason != nil)
            }
        }
    }

    private static func keyColumn(_ bindings: [KeyBinding]) -> Int {
        min((bindings.map { TerminalText.width($0.keyLabel) }.max() ?? 0) + 2, 24)
    }

    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        let lines = lines(state, width: buffer.width)
        let keyWidth = keyColumn(state.helpBindings)
        let rows = min(lines.count, visibleRows(height: buffer.height))
        let width = boxWidth(buffer.width)
        let boxHeight = rows + 4
        let left = (buffer.width - width) / 2
        let top = max((buffer.height - 1 - boxHeight) / 2, 1)
        let scroll = min(state.helpScroll, max(lines.count - rows, 0))
        let range = lines.isEmpty ? " (none match)" : " (lines \(scroll + 1)-\(scroll + rows) of \(lines.count))"
        let filter = state.helpFilter.isEmpty ? "" : " matching \"\(state.helpFilter)\""
        buffer.drawBox(x: left, y: top, width: width, height: boxHeight, title: " Keys on this screen\(filter)\(range) ")
        for (index, line) in lines.dropFirst(scroll).prefix(rows).enumerated() {
            let y = top + 2 + index
            buffer.write(line.keys, x: left + 2, y: y, role: line.isRefused ? .muted : .hintKey, maxWidth: keyWidth)
            buffer.write(line.text, x: left + 2 + keyWidth, y: y, role: line.isRefused ? .muted : .text,
                         maxWidth: width - keyWidth - 4)
        }
        let more = scroll + rows < lines.count ? "↓/↑ scroll for more · " : ""
        buffer.write("\(more)type to filter · Esc or ? closes", x: left + 2, y: top + boxHeight - 1, role: .muted,
                     maxWidth: width - 4)
    }
}
