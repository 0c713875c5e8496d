import LoupeDomain

/// The request screen: fields, due date and the audit timeline, scrolled with the movement keys.
enum RequestView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        guard case .request(let shown) = state.screen else { return }
        let publicId = shown.publicId
        let who = "\(state.actor.userName) (\(state.actor.role.rawValue))"
        guard let detail = state.detail else {
            Renderer.drawTitle(publicId, right: who, into: &buffer)
            buffer.write(" Reading \(publicId)…", x: 0, y: 2, role: .muted)
            return
        }
        Renderer.drawTitle("\(publicId) · \(detail.summary.kind.rawValue) · \(detail.summary.status.label)",
                           right: who, into: &buffer)
        let lines = RequestDetailLayout.lines(for: detail, state: state)
        for (offset, line) in lines.dropFirst(state.detailScroll).prefix(state.detailViewHeight).enumerated() {
            var x = 0
            for segment in line {
                x += buffer.write(segment.text, x: x, y: 1 + offset, role: segment.role, maxWidth: buffer.width - x)
            }
        }
        // What lies below the screen is announced, with how to reach it.
        let below = lines.count - state.detailScroll - state.detailViewHeight
        if below > 0 {
            let more = " ↓ \(below) more line\(below == 1 ? "" : "s") (j, Ctrl-D) "
            buffer.writeRight(more, x: 0, y: state.detailViewHeight, width: buffer.width, role: .hintKey)
        }
    }
}
