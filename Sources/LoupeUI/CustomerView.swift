import LoupeDomain

/// One customer: a tab bar (profile, addresses, orders, consent, device data, feedback, requests), then the tab.
enum CustomerView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        guard case .customer(let shown) = state.screen else { return }
        let publicId = shown.publicId
        Renderer.drawTitle("Customer \(publicId)", right: "\(state.actor.userName) (\(state.actor.role.rawValue))", into: &buffer)
        var x = 1
        for tab in CustomerTab.allCases {
            let label = " \(tab.rawValue) "
            x += buffer.write(label, x: x, y: 1, role: tab == state.customerTab ? .selection : .muted) + 1
        }
        guard let customer = state.customer else {
            buffer.write(" Reading the customer…", x: 0, y: 3, role: .muted)
            return
        }
        let lines = self.lines(customer, state: state)
        let height = buffer.height - 5
        let scroll = min(state.customerScroll, max(lines.count - height, 0))
        for (offset, line) in lines.dropFirst(scroll).prefix(height).enumerated() {
            var column = 0
            for segment in line {
                column += buffer.write(segment.text, x: column, y: 3 + offset, role: segment.role, maxWidth: max(buffer.width - column, 0))
            }
        }
    }

    static func lines(_ customer: CustomerDetail, state: AppState) -> [[Segment]] {
        let policy = state.deadlines
        let shown = state.revealed == customer.summary.publicId
        let role: StyleRole = shown ? .dueSoon : .masked
        func entries(_ list: [CustomerDetail.Entry], empty: String) -> [[Segment]] {
            guard !list.isEmpty else { return [[Segment(" " + empty, .muted)]] }
            return list.map { entry in
                [Segment(" " + (entry.when.map(policy.minuteString) ?? "").padding(toLength: 17, withPad: " ", startingAt: 0), .muted),
                 Segment(entry.text + "  "), Segment(entry.detail, .muted)]
            }
        }
        switch state.customerTab {
        case .profile:
            let s = customer.summary
            func field(_ label: String, _ value: Segment) -> [Segment] {
                [Segment(" " + label.padding(toLength: 16, withPad: " ", startingAt: 0), .header), value]
            }
            return [
                field("Name", Segment((shown ? s.fullName : s.fullName.map(Masking.name)) ?? "—", role)),
                field("Email", Segment((shown ? s.email : s.email.map(Masking.email)) ?? "—", role)),
                field("Phone", Segment((shown ? s.phone : s.phone.map(Masking.phone)) ?? "—", role)),
                field("Customer since", Segment(policy.dayString(customer.createdAt))),
                field("Last active", Segment(customer.lastActiveAt.map(policy.dayString) ?? "—")),
                field("Orders", Segment(String(s.orderCount))),
                field("Flags", Segment([s.isMinor ? "under 16" : nil, s.isErased ? "erased" : nil].compactMap { $0 }.joined(separator: ", "),
                                       s.isMinor ? .danger : .muted)),
                [],
                [Segment(shown ? " Shown unmasked until you leave (audited)." : " m reveals the personal data (audited). Tab switches tabs.", .muted)],
            ]
        case .addresses:
            return shown ? entries(customer.addresses, empty: "No address on file.")
                : [[Segment(" \(customer.addresses.count) address(es); m reveals them (audited).", .muted)]]
        case .orders: return entries(customer.orders, empty: "No orders.")
        case .consent:
            let cookies = Self.cookieLines(customer.cookies, policy: policy)
            guard !customer.consent.isEmpty else { return cookies + [[Segment(" No consent events.", .muted)]] }
            return cookies + [[Segment(" Consent history", .header)]] + customer.consent.map { event in
                [Segment(" " + policy.minuteString(event.at) + "  ", .muted),
                 Segment(event.purpose.padding(toLength: 18, withPad: " ", startingAt: 0)),
                 Segment(event.granted ? "granted   " : "withdrawn ", event.granted ? .ok : .dueSoon),
                 Segment(" \(event.source) · policy \(event.policyVersion ?? "-")", .muted)]
            }
        case .device:
            return [[Segment(" \(customer.deviceEventCount) device and browsing events; the newest \(customer.deviceEvents.count):", .header)]]
                + entries(customer.deviceEvents, empty: "None.")
        case .feedback: return entries(customer.feedback, empty: "No feedback.")
        case .requests:
            guard !customer.requests.isEmpty else { return [[Segment(" No privacy requests.", .muted)]] }
            let selected = state.customerScreen?.row
            return customer.requests.enumerated().map { index, request in
                [Segment(" "), Segment(request.publicId, index == selected ? .selection : .text), Segment("  "),
                 Segment(request.kind.label.padding(toLength: 9, withPad: " ", startingAt: 0)),
                 Segment(DisplayFormat.status(request.status), request.status.isOpen ? .text : .ok),
                 Segment("  received " + policy.dayString(request.receivedAt), .muted)]
            }
        }
    }

    /// The cookie state per purpose (necessary always on), then a blank line; nothing when unknown.
    static func cookieLines(_ cookies: CookieState?, policy: DeadlinePolicy) -> [[Segment]] {
        guard let cookies else { return [] }
        return [[Segment(" Cookies", .header)]] + cookies.entries.map { entry in
            let since = entry.since.map { " since " + policy.dayString($0) } ?? ""
            let version = entry.policyVersion.map { " · policy \($0)" } ?? ""
            return [Segment(" " + entry.purpose.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)),
                    Segment(entry.isOn ? "on " : "off", entry.isOn ? .ok : .dueSoon),
                    Segment("\(since)  \(entry.source)\(version)", .muted)]
        } + [[]]
    }
}
