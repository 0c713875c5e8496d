import LoupeDomain

extension AppState {
    /// A key typed while the `/` filter line is open: Enter applies it (an empty one clears), Esc leaves it.
    mutating func handleFilterKey(_ key: Key) -> [Effect] {
        guard var line = filterEditor else { return [] }
        if screen.kind == .records {
            // A record list filters the rows it holds, by text.
            switch key {
            case .escape:
                filterEditor = nil
            case .enter:
                let text = line.text.trimmingCharacters(in: .whitespaces)
                filterEditor = nil
                applyRecordsFilter(text.isEmpty ? nil : text)
            default:
                guard line.edit(key) else { return [] }
                filterEditor = line
            }
            return []
        }
        guard let scope = listScope else { return [] }
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

    /// Sets (or clears) the record list's filter and puts the cursor on the first row kept.
    mutating func applyRecordsFilter(_ text: String?) {
        var list = records
        list.filter = text
        list.cursor = 0
        list.top = 0
        records = list
        message = text.map { StatusMessage("Filter: \($0) · Esc clears it.") }
    }

    /// Sets (or clears) a list's filter and reads its first slice again.
    mutating func applyFilter(_ filter: QueueFilter?, to scope: QueueScope) -> [Effect] {
        let list = self[list: scope].restarted(filter: filter, order: self[list: scope].order)
        self[list: scope] = list
        message = filter.map { StatusMessage("Filter: \($0.text) · Esc clears it.") }
        return [read(.first(limit: QueueState.capacity(forViewHeight: queueViewHeight)), of: scope)]
    }
}
