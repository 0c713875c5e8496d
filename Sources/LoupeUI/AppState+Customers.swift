import LoupeDomain

extension AppState {
    /// Shows the customers screen searching for `query` (search-as-you-type starts at once when `editing`).
    mutating func showCustomers(query: String, editing: Bool) -> [Effect] {
        push(.customers)
        customers.query = query
        customers.isEditing = editing
        return [.searchCustomers(query)]
    }

    /// Opens one customer's screen on its profile tab.
    mutating func openCustomer(_ publicId: String) -> [Effect] {
        push(.customer(publicId))
        return [.loadCustomer(publicId: publicId)]
    }

    /// Opens what a record row points at: a request (`PR-…`) or a customer (`C-…`).
    mutating func open(_ target: String) -> [Effect] {
        if target.hasPrefix("C-") { return openCustomer(target) }
        if target.hasPrefix("order:") { return reduce(.showRecords(.order(String(target.dropFirst(6))))) }
        push(.request(target))
        return [.loadRequest(publicId: target)]
    }

    /// A key typed into the customers search field: each change searches again.
    mutating func handleSearchKey(_ key: Key) -> [Effect] {
        switch key {
        case .enter:
            // One Enter opens the selected result: the field does not need leaving first.
            customers.isEditing = false
            return customers.selected.map { openCustomer($0.publicId) } ?? []
        case .down:
            customers.isEditing = false
            return []
        case .escape:
            customers.isEditing = false
            guard !customers.query.isEmpty else { return [] }
            customers.query = ""
        default:
            let before = customers.query
            guard customers.search.edit(key) else { return [] }
            // A cursor move changes nothing to search for.
            guard customers.query != before else { return [] }
        }
        return [.searchCustomers(customers.query)]
    }

    /// Search results arrived; a reply to an older query than what is typed now is dropped.
    mutating func applyCustomers(_ rows: [CustomerSummary], query: String) {
        guard query == customers.query else { return }
        let kept = customers.selected?.id
        customers.rows = rows
        customers.loadedQuery = query
        let index = kept.flatMap { id in rows.firstIndex { $0.id == id } } ?? 0
        customers.move(to: index, viewHeight: queueViewHeight - 1)
    }
}
