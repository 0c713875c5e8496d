import LoupeDomain

/// The customers screen: the search field, then the matching customers, masked (`m` on a customer reveals).
enum CustomersView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        let list = state.customers
        let position = list.rows.isEmpty ? "0/0" : "\(list.cursor + 1)/\(list.rows.count)"
        Renderer.drawTitle("Customers · name, email, phone, order or tracking number",
                           right: "\(position) · \(state.actor.userName) (\(state.actor.role.rawValue))", into: &buffer)
        // Where keys go is on screen: typing into the field (it says so), or browsing (it says how to type).
        let label = " Search: "
        var fieldWidth = buffer.write(label, x: 0, y: 1, role: list.isEditing ? .selection : .text)
        if list.isEditing {
            fieldWidth += buffer.writeField(list.search, x: fieldWidth, y: 1, width: buffer.width / 2, role: .selection,
                                             cursorRole: .text)
        } else {
            fieldWidth += buffer.write(TerminalText.inert(list.query), x: fieldWidth, y: 1, role: .text,
                                       maxWidth: buffer.width / 2)
        }
        let help = list.isEditing ? "  typing · Enter opens · ↓ browses" : "  / to search"
        buffer.write(help, x: fieldWidth, y: 1, role: .muted, maxWidth: buffer.width - fieldWidth)
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
            // Masked, except what the agent typed: 42 "J••• M•••" rows become told apart by the parts they match.
            let query = list.loadedQuery ?? ""
            let masked: StyleRole = selected ? base : .masked
            buffer.write(row.publicId, x: 0, y: y, role: base, maxWidth: 9)
            writeParts(row.fullName.map { Masking.name($0, revealing: query) } ?? [MaskedPart("—")],
                       x: 10, y: y, width: nameWidth - 1, role: masked, into: &buffer)
            writeParts(row.email.map { Masking.email($0, revealing: query) } ?? [MaskedPart("—")],
                       x: 10 + nameWidth, y: y, width: emailWidth - 1, role: masked, into: &buffer)
            x = 10 + nameWidth + emailWidth
            buffer.write(String(row.orderCount), x: x, y: y, role: base, maxWidth: 7)
            buffer.write(flags, x: x + 8, y: y, role: selected ? base : (row.isMinor ? .danger : .muted), maxWidth: 7)
        }
    }

    /// Writes a masked value's pieces in a row: masked ones in `role`, matched ones highlighted, within `width`.
    static func writeParts(_ parts: [MaskedPart], x: Int, y: Int, width: Int, role: StyleRole,
                           into buffer: inout ScreenBuffer) {
        var column = x
        for part in parts {
            let left = x + width - column
            guard left > 0 else { return }
            column += buffer.write(part.text, x: column, y: y, role: part.isMatch ? .match : role, maxWidth: left)
        }
    }
}
