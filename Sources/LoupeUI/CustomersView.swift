import LoupeDomain

/// The customers screen: the search field, then the matching customers, masked (`m` on a customer reveals).
enum CustomersView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        let list = state.customers
        let position = list.rows.isEmpty ? "0/0" : "\(list.cursor + 1)/\(list.rows.count)"
        Renderer.drawTitle("Customers · name, email, phone, order or tracking number",
                           right: "\(position) · \(state.actor.userName) (\(state.actor.role.rawValue))", into: &buffer)
        let field = " Search: " + list.query + (list.isEditing ? "█" : "")
        buffer.write(field, x: 0, y: 1, role: list.isEditing ? .selection : .text, maxWidth: buffer.width)
        if !list.isEditing && list.query.isEmpty {
            buffer.write("  (/ to search)", x: TerminalText.width(field), y: 1, role: .muted)
        }
        let nameWidth = max((buffer.width - 10 - 8 - 8) * 2 / 5, 8)
        let emailWidth = max(buffer.width - 10 - 8 - 8 - nameWidth, 8)
        buffer.fill(x: 0, y: 2, count: buffer.width, role: .header)
        var x = 0
        for (title, width) in [("ID", 10), ("NAME", nameWidth), ("EMAIL", emailWidth), ("ORDERS", 8), ("FLAGS", 8)] {
            buffer.write(title, x: x, y: 2, role: .header, maxWidth: width - 1)
            x += width
        }
        guard list.loadedQuery != nil else {
            buffer.write(" Searching…", x: 0, y: 3, role: .muted)
            return
        }
        guard !list.rows.isEmpty else {
            buffer.write(" No customer matches \"\(list.query)\".", x: 0, y: 3, role: .muted, maxWidth: buffer.width)
            return
        }
        for line in 0..<(state.queueViewHeight - 1) {
            let index = list.top + line
            guard list.rows.indices.contains(index) else { break }
            let row = list.rows[index]
            let y = 3 + line
            let selected = index == list.cursor
            let base: StyleRole = selected ? .selection : .text
            buffer.fill(x: 0, y: y, count: buffer.width, role: base)
            let flags = [row.isMinor ? "minor" : nil, row.isErased ? "erased" : nil].compactMap { $0 }.joined(separator: ",")
            let cells: [(String, Int, StyleRole)] = [
                (row.publicId, 10, base),
                (row.fullName.map(Masking.name) ?? "—", nameWidth, selected ? base : .masked),
                (row.email.map(Masking.email) ?? "—", emailWidth, selected ? base : .masked),
                (String(row.orderCount), 8, base),
                (flags, 8, selected ? base : (row.isMinor ? .danger : .muted)),
            ]
            x = 0
            for (text, width, role) in cells {
                buffer.write(text, x: x, y: y, role: role, maxWidth: width - 1)
                x += width
            }
        }
    }
}
