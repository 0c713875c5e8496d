import LoupeDomain

/// The boxes above the hint bar for the bulk confirmation and the new-request form: a title, the question, and
/// Cancel/confirm buttons with Cancel focused first.
enum OverlayView {
    static func draw(_ bulk: BulkPrompt, into buffer: inout ScreenBuffer) {
        let plan = bulk.key == .approve ? bulk.combinedPlan : []
        let planRows = plan.isEmpty ? 0 : min(plan.count, max(buffer.height - 10, 1)) + 1
        let y = box(bulk.title, extraRows: planRows, into: &buffer)
        for (offset, line) in plan.prefix(max(planRows - 1, 0)).enumerated() {
            let isLastShown = offset == planRows - 2 && plan.count > planRows - 1
            let text = isLastShown ? "… and \(plan.count - offset) more lines (loupe requests preview-erasure ID)" : line
            let role: StyleRole = text.hasSuffix(":") ? .header : text.contains("deleted") ? .danger : .text
            buffer.write("  " + text, x: 0, y: y - planRows + offset, role: role, maxWidth: buffer.width)
        }
        switch bulk.stage {
        case .method:
            buffer.write("How was each identity verified?  e email  o order details  d document", x: 2, y: y, role: .text)
        case .assignee:
            field(bulk.assigneeLine, y: y, into: &buffer)
            if bulk.assignee.isEmpty { buffer.write("(who takes them: a user name, or Enter for yourself)", x: 5, y: y, role: .muted) }
        case .reason:
            field(bulk.reasonLine, y: y, into: &buffer)
            if bulk.reason.isEmpty { buffer.write("(the reason, required; Enter when done)", x: 5, y: y, role: .muted) }
        case .confirm:
            buttons(bulk.verb, confirmFocused: bulk.isConfirmFocused, y: y, into: &buffer)
        }
    }

    static func draw(_ form: NewRequestForm, into buffer: inout ScreenBuffer) {
        let question = form.question
        let y = box(question.title, into: &buffer)
        switch form.stage {
        case .kind, .channel, .requester:
            var x = 2
            for (key, label) in question.choices {
                x += buffer.write(String(key), x: x, y: y, role: .hintKey)
                x += buffer.write(" \(label)    ", x: x, y: y, role: .text)
            }
        case .email, .name, .guardian:
            field(form.line, y: y, into: &buffer)
            var x = 2
            for (index, match) in form.matches.enumerated() {
                x += buffer.write("\(index + 1) ", x: x, y: y + 1, role: .hintKey)
                x += buffer.write("\(match.publicId) \(match.fullName.map(Masking.name) ?? "")  ", x: x, y: y + 1, role: .masked)
            }
        case .confirm:
            buttons("Record", confirmFocused: form.isConfirmFocused, y: y, into: &buffer)
        }
    }

    /// Clears a box above the status line (four lines and `extraRows` between the title and the question),
    /// writes its title, and returns the question's line.
    private static func box(_ title: String, extraRows: Int = 0, into buffer: inout ScreenBuffer) -> Int {
        let top = max(buffer.height - 6 - extraRows, 1)
        for y in top..<(buffer.height - 2) { buffer.fill(x: 0, y: y, count: buffer.width, role: .text) }
        buffer.fill(x: 0, y: top, count: buffer.width, role: .title)
        buffer.write(" " + title, x: 0, y: top, role: .title, maxWidth: buffer.width)
        return top + 2 + extraRows
    }

    /// A text field with the cursor; what is typed is drawn inert.
    private static func field(_ line: LineEditor, y: Int, into buffer: inout ScreenBuffer) {
        buffer.write("> ", x: 1, y: y, role: .text)
        buffer.writeField(line, x: 3, y: y, width: buffer.width - 4)
    }

    private static func buttons(_ verb: String, confirmFocused: Bool, y: Int, into buffer: inout ScreenBuffer) {
        let cancel = "[ Cancel ]"
        buffer.write(cancel, x: 2, y: y, role: confirmFocused ? .text : .selection)
        buffer.write("[ \(verb) ]", x: 4 + TerminalText.width(cancel), y: y, role: confirmFocused ? .selection : .danger)
        buffer.write("←/→ choose, Enter presses the focused button · y confirms, n cancels", x: 2, y: y + 1,
                     role: .muted)
    }
}
