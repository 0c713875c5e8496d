/// The help overlay: every binding of the current screen, from the key table.
enum HelpView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        let bindings = KeyMap.bindings(in: state.screen.kind)
        let keyWidth = min((bindings.map { TerminalText.width($0.keyLabel) }.max() ?? 0) + 2, 24)
        let boxWidth = min(buffer.width - 4, 70)
        let boxHeight = min(bindings.count + 4, buffer.height - 2)
        let left = (buffer.width - boxWidth) / 2
        let top = max((buffer.height - boxHeight) / 2, 1)
        for y in top..<(top + boxHeight) { buffer.fill(x: left, y: y, count: boxWidth, role: .text) }
        buffer.fill(x: left, y: top, count: boxWidth, role: .title)
        buffer.write(" Keys on this screen", x: left, y: top, role: .title, maxWidth: boxWidth)
        for (index, binding) in bindings.prefix(boxHeight - 4).enumerated() {
            let y = top + 2 + index
            let reason = binding.disabledReason(state)
            buffer.write(binding.keyLabel, x: left + 2, y: y, role: reason == nil ? .hintKey : .muted, maxWidth: keyWidth)
            let text = binding.help + (reason.map { " — unavailable: \($0)" } ?? "")
            buffer.write(text, x: left + 2 + keyWidth, y: y, role: reason == nil ? .text : .muted,
                         maxWidth: boxWidth - keyWidth - 3)
        }
        buffer.write("Esc, q or ? closes", x: left + 2, y: top + boxHeight - 1, role: .muted, maxWidth: boxWidth - 3)
    }
}
