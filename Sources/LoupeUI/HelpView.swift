/// The help overlay: every binding of the current screen, from the key table, with the reason beside any the
/// user's role or the request's state forbids. Scrolls when it does not fit.
enum HelpView {
    /// Binding rows that fit in a terminal `height` rows high.
    static func visibleRows(height: Int) -> Int { max(height - 7, 1) }

    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        let bindings = state.helpBindings
        let keyWidth = min((bindings.map { TerminalText.width($0.keyLabel) }.max() ?? 0) + 2, 24)
        let rows = min(bindings.count, visibleRows(height: buffer.height))
        let boxWidth = min(buffer.width - 4, 100)
        let boxHeight = rows + 4
        let left = (buffer.width - boxWidth) / 2
        let top = max((buffer.height - 1 - boxHeight) / 2, 1)
        for y in top..<(top + boxHeight) { buffer.fill(x: left, y: y, count: boxWidth, role: .text) }
        buffer.fill(x: left, y: top, count: boxWidth, role: .title)
        let scroll = min(state.helpScroll, max(bindings.count - rows, 0))
        let range = bindings.isEmpty ? " (none match)" : " (\(scroll + 1)-\(scroll + rows) of \(bindings.count))"
        let filter = state.helpFilter.isEmpty ? "" : " matching \"\(state.helpFilter)\""
        buffer.write(" Keys on this screen\(filter)\(range)", x: left, y: top, role: .title, maxWidth: boxWidth)
        for (index, binding) in bindings.dropFirst(scroll).prefix(rows).enumerated() {
            let y = top + 2 + index
            let reason = binding.disabledReason(state)
            buffer.write(binding.keyLabel, x: left + 2, y: y, role: reason == nil ? .hintKey : .muted, maxWidth: keyWidth)
            let text = binding.help + (reason.map { " — \($0)" } ?? "")
            buffer.write(text, x: left + 2 + keyWidth, y: y, role: reason == nil ? .text : .muted,
                         maxWidth: boxWidth - keyWidth - 3)
        }
        let more = scroll + rows < bindings.count ? "↓/↑ scroll for more · " : ""
        buffer.write("\(more)type to filter · Esc or ? closes", x: left + 2, y: top + boxHeight - 1, role: .muted, maxWidth: boxWidth - 3)
    }
}
