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
        if let bulk = state.bulk { OverlayView.draw(bulk, into: &buffer) }
        if let form = state.form { OverlayView.draw(form, into: &buffer) }
        drawStatus(state, into: &buffer)
        drawHints(state, into: &buffer)
        if state.isHelpVisible { HelpView.draw(state, into: &buffer) }
        if let shown = state.describe { DescribeView.draw(shown, into: &buffer) }
        // A terminal without these glyphs (TERM=vt100) gets ASCII for every marker, not only the charts.
        if state.asciiCharts { buffer.asciify() }
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
        if let (prefix, line) = state.commandLine.map({ (":", $0.line) }) ?? state.filterEditor.map({ ("/", $0) }) {
            buffer.write(prefix, x: 0, y: y, role: .text)
            buffer.writeField(line, x: 1, y: y, width: buffer.width - 1)
            return
        }
        // The flags (read-only, paused) always show at the right; the policy version when there is room.
        let flags = (state.isReadOnly ? "read-only · " : "") + (state.isLivePaused ? "paused (Z) · " : "")
        let reserved = flags.isEmpty ? 0 : TerminalText.width(flags) + 1
        for binding in hints(state, width: buffer.width - reserved - x) {
            x += buffer.write(binding.hintKeys, x: x, y: y, role: .hintKey)
            x += buffer.write(" \(binding.hint(in: state) ?? "")   ", x: x, y: y, role: .hint)
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

    /// The hints that fit in `width` columns. Only keys that would act now are hinted (a refused lifecycle key is
    /// not a next step; help greys it out with the reason). `? help` always shows, so every other key stays one key
    /// away. The ways to move around come first and take at most half the room, chosen from the screen alone, so
    /// they stand still while the cursor moves; the next steps on the focused request (the keys that change it)
    /// take the rest, and more moves any room left after them. Moving between rows that allow different steps
    /// then repaints only the end of the line (fewer bytes over SSH). What does not fit gives way, the last in the
    /// table first.
    static func hints(_ state: AppState, width: Int) -> [KeyBinding] {
        // On a list the hints stand still: the keys that act on the row under the cursor are hinted once it
        // is opened (help lists them for the row, greyed with the reason where refused).
        let onList = state.keyContext.isList
        let candidates = KeyMap.visibleBindings(in: state.keyContext, state: state)
            .filter { $0.hint != nil && $0.disabledReason(state) == nil && !(onList && $0.followsFocus) }
        func cost(_ binding: KeyBinding) -> Int {
            TerminalText.width(binding.hintKeys) + TerminalText.width(binding.hint(in: state) ?? "") + 4
        }
        let isHelp = { (binding: KeyBinding) in binding.keys.contains(.char("?")) }
        let moves = candidates.filter { !$0.writes }
        let steps = candidates.filter(\.writes)
        func fit(_ bindings: [KeyBinding], in room: Int) -> [KeyBinding] {
            var left = room
            return bindings.filter { binding in
                guard cost(binding) <= left else { return false }
                left -= cost(binding)
                return true
            }
        }
        // Help first, then the moves in half the room (all of it on a screen with no next steps).
        let help = fit(moves.filter(isHelp), in: width)
        let helpWidth = help.map(cost).reduce(0, +)
        let moveRoom = steps.isEmpty ? width - helpWidth : max(width / 2 - helpWidth, 0)
        let shownMoves = help + fit(moves.filter { !isHelp($0) }, in: moveRoom)
        let shownSteps = fit(steps, in: width - shownMoves.map(cost).reduce(0, +))
        let used = (shownMoves + shownSteps).map(cost).reduce(0, +)
        let moreMoves = moves.filter { move in !shownMoves.contains { $0.keys == move.keys } }
        return shownMoves + shownSteps + fit(moreMoves, in: width - used)
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
