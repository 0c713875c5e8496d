import LoupeDomain

/// The queue screen's slice of the list: a window of loaded rows around the cursor, read by keyset paging, and
/// the viewport inside it. Positions are absolute (0 = the first request of the whole queue).
public struct QueueState: Equatable, Sendable {
    /// The loaded rows, in queue order.
    public var rows: [RequestSummary] = []
    /// The absolute position of `rows[0]`.
    public var windowStart = 0
    /// The number of requests in the whole queue.
    public var total = 0
    /// The absolute position of the selected row.
    public var cursor = 0
    /// The absolute position of the first visible row.
    public var top = 0
    /// Where the cursor goes once the slice being loaded arrives.
    public var pendingTarget: Int?
    /// The request to keep selected when the slice being loaded arrives (refresh).
    public var keepSelected: Int64?
    /// Whether the first slice has arrived.
    public var isLoaded = false
    /// Breaches whose clock toward the authority runs (from the last read).
    public var breachDeadlines: [BreachDeadline] = []
    /// The `/` filter applied to the list, if any.
    public var filter: QueueFilter?
    /// The list's order (`o` cycles the field, `O` reverses, `S` sorts by status).
    public var order = QueueOrder.urgency
    /// Marked requests (`Space`, `V`), by id, as they were when marked; kept across slices and filters.
    public var marks: [Int64: RequestSummary] = [:]
    /// Where the last `Space` was, for `V`.
    public var markAnchor: Int?

    /// Makes an empty queue.
    public init() {}

    /// The same list read again from its start: nothing loaded yet, the marks kept, with `filter` and `order`.
    func restarted(filter: QueueFilter?, order: QueueOrder) -> QueueState {
        var list = QueueState()
        list.marks = marks
        list.filter = filter
        list.order = order
        return list
    }

    /// One past the absolute position of the last loaded row.
    public var windowEnd: Int { windowStart + rows.count }

    /// The selected request, if loaded.
    public var selected: RequestSummary? { row(at: cursor) }

    /// The loaded row at absolute position `index`.
    public func row(at index: Int) -> RequestSummary? {
        let local = index - windowStart
        return rows.indices.contains(local) ? rows[local] : nil
    }

    /// Rows read per slice for a viewport of `height` rows; slices overlap by half, so any viewport next to
    /// the cursor lies inside one slice.
    public static func capacity(forViewHeight height: Int) -> Int { max(200, height * 4) }

    /// Moves the cursor to `target` (clamped). Returns the slice to load when `target` is outside the window.
    mutating func move(to target: Int, viewHeight: Int) -> QueuePageQuery? {
        guard total > 0 else { return nil }
        let target = min(max(target, 0), total - 1)
        if target >= windowStart && target < windowEnd {
            cursor = target
            scrollToCursor(viewHeight: viewHeight)
            return nil
        }
        let capacity = Self.capacity(forViewHeight: viewHeight)
        let overlap = capacity / 2
        pendingTarget = target
        if target == 0 { return .first(limit: capacity) }
        if target == total - 1 { return .last(limit: capacity) }
        if target >= windowEnd, let anchor = row(at: max(windowStart, windowEnd - overlap)) {
            return .from(anchor.key(for: order), limit: capacity)
        }
        if target < windowStart, let anchor = row(at: min(windowEnd - 1, windowStart + overlap - 1)) {
            return .through(anchor.key(for: order), limit: capacity)
        }
        return target < windowStart ? .first(limit: capacity) : .last(limit: capacity)
    }

    /// Takes a freshly read slice, placing the cursor on the pending target or the kept request.
    mutating func apply(_ page: QueuePage, viewHeight: Int) {
        rows = page.rows
        windowStart = page.startIndex
        total = page.total
        breachDeadlines = page.breachDeadlines
        isLoaded = true
        var target = pendingTarget ?? cursor
        if let kept = keepSelected, let index = rows.firstIndex(where: { $0.id == kept }) {
            target = windowStart + index
        }
        pendingTarget = nil
        keepSelected = nil
        cursor = rows.isEmpty ? 0 : min(max(target, windowStart), windowEnd - 1)
        scrollToCursor(viewHeight: viewHeight)
    }

    /// Keeps the cursor inside the viewport and the viewport inside the loaded window where it can.
    mutating func scrollToCursor(viewHeight: Int) {
        let height = max(viewHeight, 1)
        if cursor < top { top = cursor }
        if cursor >= top + height { top = cursor - height + 1 }
        top = min(top, max(total - height, 0))
        top = max(top, 0)
        if top < windowStart { top = min(windowStart, cursor) }
    }

    /// The query that reloads the visible part of the queue, keeping the selected request selected.
    mutating func reloadQuery(viewHeight: Int) -> QueuePageQuery {
        let capacity = Self.capacity(forViewHeight: viewHeight)
        keepSelected = selected?.id
        pendingTarget = cursor
        if let anchor = row(at: top) { return .from(anchor.key(for: order), limit: capacity) }
        return .first(limit: capacity)
    }
}
