import LoupeDomain

extension AppState {
    /// A key typed while the `/` filter line is open: Enter applies it (an empty one clears), Esc leaves it.
    mutating func handleFilterKey(_ key: Key) -> [Effect] {
        guard var line = filterEditor, let scope = listScope else { return [] }
        switch key {
        case .escape:
            filterLine = nil
            return []
        case .enter:
            let trimmed = line.text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else {
                filterLine = nil
                return applyFilter(nil, to: scope)
            }
            do {
                let filter = try QueueFilter.parse(trimmed, actor: actor.userName, now: now)
                filterLine = nil
                return applyFilter(filter, to: scope)
            } catch let error as LoupeError {
                message = StatusMessage(error.message, isError: true)
                return []
            } catch {
                return []
            }
        default:
            guard line.edit(key) else { return [] }
        }
        filterEditor = line
        return []
    }

    /// Sets (or clears) a list's filter and reads its first slice again.
    mutating func applyFilter(_ filter: QueueFilter?, to scope: QueueScope) -> [Effect] {
        let list = self[list: scope].restarted(filter: filter, order: self[list: scope].order)
        self[list: scope] = list
        message = filter.map { StatusMessage("Filter: \($0.text) · Esc clears it.") }
        return [read(.first(limit: QueueState.capacity(forViewHeight: queueViewHeight)), of: scope)]
    }
}
