import LoupeDomain

/// Draws the state into a screen buffer. Pure: the same state always gives the same screen.
public enum Renderer {
    /// The whole screen for `state`.
    public static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.width, height: state.height)
        if state.isTooSmall {
            drawTooSmall(state, into: &buffer)
            return buffer
        }
        switch state.screen {
        case .queue: QueueView.draw(state, scope: .open, into: &buffer)
        case .approvals: QueueView.draw(state, scope: .awaitingApproval, into: &buffer)
        case .request: RequestView.draw(state, into: &buffer)
        case .dashboard: DashboardView.draw(state, into: &buffer)
        case .customers: CustomersView.draw(state, into: &buffer)
        case .customer: CustomerView.draw(state, into: &buffer)
        case .records: RecordListView.draw(state, into: &buffer)
        }
        if let prompt = state.prompt { PromptView.draw(prompt, into: &buffer) }
        if let bulk = state.bulk { drawBulk(bulk, into: &buffer) }
        if let form = state.form { drawForm(form, into: &buffer) }
        drawStatus(state, into: &buffer)
        drawHints(state, into: &buffer)
        if state.isHelpVisible { HelpView.draw(state, into: &buffer) }
        return buffer
    }

    /// A title bar across the top: `left` after the app name, `right` at the right edge.
    static func drawTitle(_ left: String, right: String, into buffer: inout ScreenBuffer) {
        buffer.fill(x: 0, y: 0, count: buffer.width, role: .title)
        let rightWidth = min(TerminalText.width(right), buffer.width / 2)
        buffer.writeRight(right + " ", x: buffer.width - rightWidth - 1, y: 0, width: rightWidth + 1, role: .title)
        buffer.write(" Loupe · \(left)", x: 0, y: 0, role: .title, maxWidth: buffer.width - rightWidth - 2)
    }

    private static func drawStatus(_ state: AppState, into buffer: inout ScreenBuffer) {
        guard let message = state.message else { return }
        let y = buffer.height - 2
        buffer.fill(x: 0, y: y, count: buffer.width, role: message.isError ? .error : .status)
        buffer.write(" " + message.text, x: 0, y: y, role: message.isError ? .error : .status)
    }

    private static func drawHints(_ state: AppState, into buffer: inout ScreenBuffer) {
        let y = buffer.height - 1
        buffer.fill(x: 0, y: y, count: buffer.width, role: .hint)
        var x = 1
        if let text = state.commandLine.map({ ":" + $0.text }) ?? state.filterLine.map({ "/" + $0 }) {
            buffer.write(text, x: 0, y: y, role: .text, maxWidth: buffer.width - 1)
            buffer.write("█", x: min(TerminalText.width(text), buffer.width - 1), y: y, role: .text)
            return
        }
        // The flags (read-only, paused) always show at the right; the policy version when there is room.
        let flags = (state.isReadOnly ? "read-only · " : "") + (state.isLivePaused ? "paused (Z) · " : "")
        let reserved = flags.isEmpty ? 0 : TerminalText.width(flags) + 1
        for binding in KeyMap.visibleBindings(in: state.keyContext, state: state) {
            guard let hint = binding.hint else { continue }
            let label = binding.hintKeys
            let needed = TerminalText.width(label) + TerminalText.width(hint) + 3
            if x + needed > buffer.width - reserved { break }
            x += buffer.write(label, x: x, y: y, role: .hintKey)
            x += buffer.write(" \(hint)   ", x: x, y: y, role: .hint)
        }
        let policy = state.policy.map { "policy \($0.version) since \(state.deadlines.dayString($0.effective)) " } ?? ""
        for text in [flags + policy, flags] where !text.isEmpty {
            let width = TerminalText.width(text)
            if x + width <= buffer.width + 2 {  // the last hint's trailing spaces may be overwritten
                buffer.write(text, x: buffer.width - width, y: y, role: .hint)
                break
            }
        }
    }

    /// The bulk confirmation box above the hint bar: the count, what the filter hides, the answer, the buttons.
    private static func drawBulk(_ bulk: BulkPrompt, into buffer: inout ScreenBuffer) {
        let top = buffer.height - 6
        for y in top..<(top + 4) { buffer.fill(x: 0, y: y, count: buffer.width, role: .text) }
        buffer.fill(x: 0, y: top, count: buffer.width, role: .title)
        buffer.write(" " + bulk.title, x: 0, y: top, role: .title)
        let y = top + 2
        switch bulk.stage {
        case .method:
            buffer.write("How was each identity verified?  e email  o order details  d document", x: 2, y: y, role: .text)
        case .reason:
            buffer.write("> " + TerminalText.inert(bulk.reason) + "█", x: 1, y: y, role: .text, maxWidth: buffer.width - 2)
            if bulk.reason.isEmpty { buffer.write("(the reason, required; Enter when done)", x: 5, y: y, role: .muted) }
        case .confirm:
            let cancel = "[ Cancel ]"
            buffer.write(cancel, x: 2, y: y, role: bulk.isConfirmFocused ? .text : .selection)
            buffer.write("[ \(bulk.verb) ]", x: 4 + TerminalText.width(cancel), y: y, role: bulk.isConfirmFocused ? .selection : .danger)
            buffer.write("←/→ choose, Enter presses the focused button", x: 2, y: y + 1, role: .muted)
        }
    }

    /// The new-request form's current question above the hint bar.
    private static func drawForm(_ form: NewRequestForm, into buffer: inout ScreenBuffer) {
        let top = buffer.height - 6
        for y in top..<(top + 4) { buffer.fill(x: 0, y: y, count: buffer.width, role: .text) }
        buffer.fill(x: 0, y: top, count: buffer.width, role: .title)
        let question = form.question
        buffer.write(" " + question.title, x: 0, y: top, role: .title, maxWidth: buffer.width)
        let y = top + 2
        switch form.stage {
        case .kind, .channel, .requester:
            var x = 2
            for (key, label) in question.choices {
                x += buffer.write(String(key), x: x, y: y, role: .hintKey)
                x += buffer.write(" \(label)    ", x: x, y: y, role: .text)
            }
        case .email, .name, .guardian:
            buffer.write("> " + TerminalText.inert(form.input) + "█", x: 1, y: y, role: .text, maxWidth: buffer.width - 2)
            var x = 2
            for (index, match) in form.matches.enumerated() {
                x += buffer.write("\(index + 1) ", x: x, y: y + 1, role: .hintKey)
                x += buffer.write("\(match.publicId) \(match.fullName.map(Masking.name) ?? "")  ", x: x, y: y + 1, role: .masked)
            }
        case .confirm:
            let cancel = "[ Cancel ]"
            buffer.write(cancel, x: 2, y: y, role: form.isConfirmFocused ? .text : .selection)
            buffer.write("[ Record ]", x: 4 + TerminalText.width(cancel), y: y, role: form.isConfirmFocused ? .selection : .text)
            buffer.write("←/→ choose, Enter presses the focused button", x: 2, y: y + 1, role: .muted)
        }
    }

    private static func drawTooSmall(_ state: AppState, into buffer: inout ScreenBuffer) {
        let lines = [
            "Terminal too small: \(state.width)x\(state.height).",
            "Loupe needs at least \(AppState.minimumSize.width)x\(AppState.minimumSize.height).",
            "Enlarge the window, or press Ctrl-C to quit.",
        ]
        let top = max((buffer.height - lines.count) / 2, 0)
        for (offset, line) in lines.enumerated() {
            let x = max((buffer.width - TerminalText.width(line)) / 2, 0)
            buffer.write(line, x: x, y: top + offset, role: offset == 0 ? .danger : .text)
        }
    }
}
