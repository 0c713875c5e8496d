import Foundation
import LoupeDomain

extension AppState {
    /// The one place the console's state changes: applies `action` and returns the effects to run.
    public mutating func reduce(_ action: Action) -> [Effect] {
        switch action {
        case .start:
            return [.loadQueue(.first(limit: QueueState.capacity(forViewHeight: queueViewHeight)))]
        case .moveBy(let rows):
            return move(by: rows)
        case .moveByPage(let fraction):
            let height = screen.kind == .queue ? queueViewHeight : detailViewHeight
            let rows = Int((Double(height) * fraction).rounded(.towardZero))
            return move(by: rows == 0 ? (fraction < 0 ? -1 : 1) : rows)
        case .moveToTop:
            return moveTo(0)
        case .moveToBottom:
            return moveTo(Int.max)
        case .open:
            guard screen == .queue, let selected = queue.selected else { return [] }
            screens.append(.request(selected.publicId))
            detail = nil
            detailScroll = 0
            message = nil
            return [.loadRequest(publicId: selected.publicId)]
        case .back:
            if isHelpVisible {
                isHelpVisible = false
                return []
            }
            guard screens.count > 1 else { return [] }
            screens.removeLast()
            detail = nil
            message = nil
            return []
        case .quit:
            isRunning = false
            return [.quit]
        case .toggleHelp:
            isHelpVisible.toggle()
            return []
        case .redraw:
            return [.redrawTerminal]
        case .refresh:
            message = nil
            switch screen {
            case .queue: return [.loadQueue(queue.reloadQuery(viewHeight: queueViewHeight))]
            case .request(let id): return [.loadRequest(publicId: id)]
            }
        case .resized(let newWidth, let newHeight):
            width = newWidth
            height = newHeight
            queue.scrollToCursor(viewHeight: queueViewHeight)
            detailScroll = min(detailScroll, maxDetailScroll)
            return []
        case .tick(let date):
            now = date
            return []
        case .queueLoaded(let page):
            queue.apply(page, viewHeight: queueViewHeight)
            return []
        case .requestLoaded(let loaded):
            guard screen == .request(loaded.summary.publicId) else { return [] }
            detail = loaded
            detailScroll = min(detailScroll, maxDetailScroll)
            return []
        case .refused(let reason):
            message = StatusMessage(reason, isError: true)
            return []
        case .failed(let error):
            queue.pendingTarget = nil
            message = StatusMessage(error.message, isError: true)
            return []
        }
    }

    /// Looks `key` up in the key table and applies what it means. Any key clears the last message.
    public mutating func press(_ key: Key) -> [Effect] {
        switch KeyMap.resolve(key, in: self) {
        case .action(let action):
            message = nil
            return reduce(action)
        case .refused(let reason):
            return reduce(.refused(reason))
        case .unbound:
            message = nil
            return []
        }
    }

    private mutating func move(by rows: Int) -> [Effect] {
        switch screen {
        case .queue:
            return moveTo(queue.cursor + rows)
        case .request:
            detailScroll = min(max(detailScroll + rows, 0), maxDetailScroll)
            return []
        }
    }

    private mutating func moveTo(_ target: Int) -> [Effect] {
        switch screen {
        case .queue:
            let clamped = min(max(target, 0), max(queue.total - 1, 0))
            return queue.move(to: clamped, viewHeight: queueViewHeight).map { [.loadQueue($0)] } ?? []
        case .request:
            detailScroll = target <= 0 ? 0 : maxDetailScroll
            return []
        }
    }

    /// The furthest the request screen's body can scroll.
    var maxDetailScroll: Int {
        guard let detail else { return 0 }
        return max(RequestDetailLayout.lines(for: detail, state: self).count - detailViewHeight, 0)
    }
}
