/// The prompt box above the hint bar: a question and its choices, a text field, or Cancel/confirm buttons
/// with Cancel focused first.
enum PromptView {
    static let baseHeight = 4

    /// The choices laid out in rows that fit `width`: no choice is cut, a long list takes more rows.
    static func choiceRows(_ options: [(key: Character, label: String)], width: Int) -> [[(key: Character, label: String)]] {
        var rows: [[(key: Character, label: String)]] = [[]]
        var used = 2
        for option in options {
            let cost = 1 + 1 + TerminalText.width(option.label) + 4
            if used + cost > width && !rows[rows.count - 1].isEmpty {
                rows.append([])
                used = 2
            }
            rows[rows.count - 1].append(option)
            used += cost
        }
        return rows
    }

    static func draw(_ prompt: PromptState, into buffer: inout ScreenBuffer) {
        let choiceRows: [[(key: Character, label: String)]]
        if case .choice(let options) = prompt.question.stage {
            choiceRows = Self.choiceRows(options, width: buffer.width)
        } else {
            choiceRows = []
        }
        let showsPreview = prompt.needsPreview || prompt.preview != nil
        // Each line of the preview wrapped to the width, so no field of an erasure plan is cut; a wrapped line
        // keeps the role of the line it continues.
        let wrapped: [(text: String, role: StyleRole)] = (prompt.preview ?? ["Reading what this will do…"]).flatMap { line in
            let role: StyleRole = prompt.preview == nil ? .muted
                : line.hasPrefix("retained") || line.contains("↳") ? .dueSoon : line.hasPrefix("deleted") ? .danger : .text
            return TerminalText.wrap(line, width: max(buffer.width - 8, 10)).enumerated().map { index, part in
                (index == 0 ? part : "    " + part, role)
            }
        }
        let previewRows = showsPreview ? min(max(wrapped.count, 1), max(buffer.height - 10, 1)) + 1 : 0
        let height = baseHeight + previewRows + max(choiceRows.count - 1, 0)
        let top = buffer.height - 2 - height
        guard top > 1 else { return }
        for y in top..<(top + height) { buffer.fill(x: 0, y: y, count: buffer.width, role: .text) }
        let question = prompt.question
        buffer.fill(x: 0, y: top, count: buffer.width, role: .title)
        buffer.write(" " + question.title, x: 0, y: top, role: .title)
        if showsPreview {
            for (offset, line) in wrapped.prefix(previewRows - 1).enumerated() {
                let isLastShown = offset == previewRows - 2 && wrapped.count > previewRows - 1
                let text = isLastShown ? "… and \(wrapped.count - offset) more lines (loupe requests preview-erasure ID)" : line.text
                buffer.write("  " + text, x: 0, y: top + 2 + offset, role: isLastShown ? .muted : line.role)
            }
        }
        let y = top + 2 + previewRows
        switch question.stage {
        case .choice:
            for (row, options) in choiceRows.enumerated() {
                var x = 2
                for option in options {
                    x += buffer.write(String(option.key), x: x, y: y + row, role: .hintKey)
                    x += buffer.write(" \(option.label)    ", x: x, y: y + row, role: .text)
                }
            }
        case .text(let optional):
            buffer.write("> ", x: 1, y: y, role: .header)
            buffer.writeField(prompt.line, x: 3, y: y, width: max(buffer.width - 6, 10))
            if prompt.input.isEmpty {
                buffer.write(optional ? "(optional)" : "(required)", x: 5, y: y, role: .muted)
            }
        case .confirm(let verb):
            let cancel = "[ Cancel ]"
            let confirm = "[ \(verb) ]"
            buffer.write(cancel, x: 2, y: y, role: prompt.isConfirmFocused ? .text : .selection)
            buffer.write(confirm, x: 4 + TerminalText.width(cancel), y: y,
                         role: prompt.isConfirmFocused ? .danger : .text)
            if prompt.isConfirmFocused {
                buffer.restyle(x: 4 + TerminalText.width(cancel), y: y, count: TerminalText.width(confirm), role: .selection)
            }
            buffer.write("←/→ choose, Enter presses the focused button · y confirms, n cancels", x: 2, y: y + 1,
                         role: .muted)
        }
    }
}
