import Foundation
import LoupeDomain

/// The dashboard: requests by status and kind, overdue and due-soon counts, load per agent, time to close, intake
/// over 30 days (sparkline and columns), and the retention outlook. Counts are always written as numbers, so
/// nothing is told by colour or bar length alone.
enum DashboardView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        Renderer.drawTitle("Dashboard",
                           right: "as of \(state.deadlines.minuteString(state.now)) · \(state.actor.userName) (\(state.actor.role.rawValue))",
                           into: &buffer)
        guard let figures = state.dashboard else {
            buffer.write(" Reading the figures…", x: 0, y: 2, role: .muted)
            return
        }
        var canvas = Canvas(buffer: buffer, bottom: buffer.height - 2, ascii: state.asciiCharts)
        let half = buffer.width / 2
        let statusMax = figures.byStatus.map(\.count).max() ?? 0
        let leftRows = figures.byStatus.map { (label: $0.status.label, count: $0.count) }
        var rightRows = figures.openByKind.map { (label: $0.kind.rawValue.replacingOccurrences(of: "-", with: " "), count: $0.count) }
        let top = canvas.y
        canvas.columns(left: "REQUESTS BY STATUS", leftRows, leftMax: statusMax,
                       right: "OPEN BY KIND", rightRows, rightMax: figures.openByKind.map(\.count).max() ?? 0, half: half)
        // Load per agent goes under the kinds, in the right half, as far down as the statuses reach.
        canvas.y = top + rightRows.count + 1
        rightRows = figures.loadPerAgent.map { (label: $0.userName, count: $0.count) }
        let room = max(top + leftRows.count + 1 - canvas.y - 1, 1)
        canvas.table("LOAD PER AGENT", Array(rightRows.prefix(room)),
                     maximum: rightRows.map(\.count).max() ?? 0, x: half, width: buffer.width - half)
        canvas.y = top + leftRows.count + 1
        let median = figures.medianDaysToClose.map { String(format: "%.1f", $0) } ?? "–"
        let overdue = "\(figures.overdue) overdue"
        let unassigned = "\(figures.unassigned) unassigned"
        let counts = " ! \(overdue)   ~ \(figures.dueThisWeek) due within \(state.deadlines.dueSoonDays) days   \(unassigned)"
        let countsY = canvas.y
        canvas.line(counts, role: figures.overdue > 0 ? .overdue : .text)
        // The selected count (Enter opens its list) is lit: a status's label, or a count on the line above.
        if case .dashboard(let shown) = state.screen, let link = shown.selected {
            switch link {
            case .status(let status):
                if let index = leftRows.firstIndex(where: { $0.label == status.label }) {
                    canvas.buffer.restyle(x: 1, y: top + 1 + index, count: TerminalText.width(status.label), role: .selection)
                }
            case .overdue:
                canvas.buffer.restyle(x: 3, y: countsY, count: TerminalText.width(overdue), role: .selection)
            case .unassigned:
                canvas.buffer.restyle(x: TerminalText.width(counts) - TerminalText.width(unassigned), y: countsY,
                                      count: TerminalText.width(unassigned), role: .selection)
            }
        }
        canvas.line(" median \(median) days from receipt to close (\(figures.closedLast90Days) closed in the last 90 days)", role: .text)
        for deadline in figures.breachDeadlines {
            let clock = deadline.clock(now: state.now)
            canvas.line(" BREACH " + clock.phrase + " (by \(state.deadlines.minuteString(clock.deadline)))", role: .overdue)
        }
        if figures.unsortedMail > 0 {
            let stale = figures.staleUnsortedMail
            let days = UnsortedMail.staleAfterDays
            canvas.line(" \(figures.unsortedMail) unsorted mail, \(stale) older than \(days) days (:mail sorts it)",
                        role: stale > 0 ? .overdue : .text)
        }
        drawIntake(figures, state: state, into: &canvas)
        drawRetention(figures, state: state, into: &canvas)
        drawJobs(figures, state: state, into: &canvas)
        buffer = canvas.buffer
    }

    private static func drawIntake(_ figures: Dashboard, state: AppState, into canvas: inout Canvas) {
        let intake = figures.intakeLast30Days
        let hidden = figures.intakeHiddenDays == 0 ? ""
            : " · \(figures.intakeHiddenDays) days under k=\(figures.analyticsK) people shown as 0"
        canvas.header(" INTAKE, LAST 30 DAYS · \(intake.reduce(0, +)) received on days shown, busiest day "
                      + "\(intake.max() ?? 0)\(hidden)")
        canvas.line(" " + Chart.sparkline(intake, ascii: canvas.ascii) + "  sparkline", role: .text)
        // The columns take what the retention table (header, column titles, one line per category) and the jobs
        // (header and a line each) leave.
        let reserved = 2 + 1 + 2 + figures.retention.count + (figures.jobs.isEmpty ? 0 : 1 + figures.jobs.count)
        let rows = min(max(canvas.bottom - canvas.y - reserved, 2), 6)
        for line in Chart.columns(intake, rows: rows, columnWidth: 1, ascii: canvas.ascii) {
            canvas.line(" " + line, role: .ok)
        }
        let first = state.deadlines.addingDays(-(intake.count - 1), to: state.now)
        let span = intake.count * 2 - 1
        let last = state.deadlines.dayString(state.now)
        let axis = state.deadlines.dayString(first)
        canvas.line(" " + axis + String(repeating: " ", count: max(span - axis.count - last.count, 1)) + last, role: .muted)
    }

    /// `serve`'s jobs: each one's last run, its result and counts.
    private static func drawJobs(_ figures: Dashboard, state: AppState, into canvas: inout Canvas) {
        guard !figures.jobs.isEmpty else { return }
        canvas.header(" JOBS (loupe serve) · last run")
        for run in figures.jobs {
            let failed = run.outcome != "ok"
            canvas.line(" " + run.job.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
                        + state.deadlines.minuteString(run.finishedAt) + "  " + run.outcome + "  " + run.counts,
                        role: failed ? .error : .text)
        }
    }

    private static func drawRetention(_ figures: Dashboard, state: AppState, into canvas: inout Canvas) {
        let swept = figures.lastSweep.map { date in
            let days = -state.deadlines.daysLeft(until: date, now: state.now)
            return "last sweep \(state.deadlines.minuteString(date)) (\(days == 0 ? "today" : "\(days)d ago"))"
        } ?? "the sweep has never run"
        let counted = figures.retentionCountedAt.map { " · counted \(state.deadlines.minuteString($0))" } ?? ""
        canvas.header(" RETENTION · \(swept)\(counted)")
        let width = canvas.buffer.width
        guard figures.retentionCountedAt != nil else {
            canvas.line(" Not counted yet: `loupe retention sweep --dry-run` counts it, and so does every sweep.", role: .muted)
            return
        }
        canvas.row(" CATEGORY", "EXPIRED, NOT SWEPT", "EXPIRE IN 30 DAYS", width: width, role: .muted)
        for outlook in figures.retention {
            canvas.row(" " + outlook.category.rawValue, String(outlook.expiredNow), String(outlook.expiringIn30Days),
                       width: width, role: outlook.expiredNow > 0 ? .dueSoon : .text)
        }
    }
}

/// A buffer with a moving line cursor that never writes over the status and hint lines.
private struct Canvas {
    var buffer: ScreenBuffer
    let bottom: Int
    let ascii: Bool
    var y = 1

    init(buffer: ScreenBuffer, bottom: Int, ascii: Bool) {
        self.buffer = buffer
        self.bottom = bottom
        self.ascii = ascii
    }

    mutating func line(_ text: String, role: StyleRole) {
        guard y < bottom else { return }
        buffer.write(text, x: 0, y: y, role: role, maxWidth: buffer.width)
        y += 1
    }

    mutating func header(_ text: String) {
        guard y < bottom else { return }
        buffer.fill(x: 0, y: y, count: buffer.width, role: .header)
        buffer.write(text, x: 0, y: y, role: .header, maxWidth: buffer.width)
        y += 1
    }

    /// Two labelled tables side by side under one header line.
    mutating func columns(left: String, _ leftRows: [(label: String, count: Int)], leftMax: Int,
                          right: String, _ rightRows: [(label: String, count: Int)], rightMax: Int, half: Int) {
        let start = y
        table(left, leftRows, maximum: leftMax, x: 0, width: half)
        y = start
        table(right, rightRows, maximum: rightMax, x: half, width: buffer.width - half)
    }

    /// A header, then one line per row: label, count, bar.
    mutating func table(_ title: String, _ rows: [(label: String, count: Int)], maximum: Int, x: Int, width: Int) {
        guard y < bottom else { return }
        buffer.fill(x: x, y: y, count: width, role: .header)
        buffer.write(" " + title, x: x, y: y, role: .header, maxWidth: width)
        y += 1
        let labelWidth = min(max(rows.map { TerminalText.width($0.label) }.max() ?? 0, 8), width / 2)
        for row in rows where y < bottom {
            buffer.write(" " + row.label, x: x, y: y, role: .text, maxWidth: labelWidth + 1)
            buffer.writeRight(String(row.count), x: x + labelWidth + 2, y: y, width: 6, role: .text)
            let barWidth = max(width - labelWidth - 10, 0)
            buffer.write(Chart.bar(row.count, of: maximum, width: barWidth, ascii: ascii), x: x + labelWidth + 9, y: y,
                         role: .ok, maxWidth: barWidth)
            y += 1
        }
    }

    /// A three-column row: a label, then two right-aligned numbers.
    mutating func row(_ label: String, _ first: String, _ second: String, width: Int, role: StyleRole) {
        guard y < bottom else { return }
        let column = min(max(width / 3, 20), 30)
        buffer.write(label, x: 0, y: y, role: role, maxWidth: column)
        buffer.writeRight(first, x: column, y: y, width: 20, role: role)
        buffer.writeRight(second, x: column + 21, y: y, width: 20, role: role)
        y += 1
    }
}
