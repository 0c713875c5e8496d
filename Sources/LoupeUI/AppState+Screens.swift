import LoupeDomain

/// The navigation stack: opening, and the state of the screen on top as the views and reducers read it. Each
/// accessor reads the screen that owns the state; writing one while another screen is on top changes nothing.
extension AppState {
    /// The screen on top of the stack.
    public var screen: Screen {
        get { screens[screens.count - 1] }
        set { screens[screens.count - 1] = newValue }
    }

    /// Shows the screen at `address`: the one on top if it is already there, else a new one pushed.
    mutating func push(_ address: ScreenAddress) {
        if screen.address != address { screens.append(Screen(address)) }
    }

    /// The queue, always the bottom of the stack.
    public var queue: QueueState {
        get {
            guard case .queue(let list) = screens[0] else { return QueueState() }
            return list
        }
        set { screens[0] = .queue(newValue) }
    }

    /// The newest approvals list on the stack (empty when none is open).
    public var approvals: QueueState {
        get {
            for case .approvals(let list) in screens.reversed() { return list }
            return QueueState()
        }
        set {
            guard let index = screens.lastIndex(where: { $0.address == .approvals }) else { return }
            screens[index] = .approvals(newValue)
        }
    }

    /// The request on the request screen, once read.
    public var detail: RequestDetail? {
        get { requestScreen?.detail }
        set { requestScreen?.detail = newValue }
    }

    /// How far the request screen's body is scrolled.
    public var detailScroll: Int {
        get { requestScreen?.scroll ?? 0 }
        set { requestScreen?.scroll = newValue }
    }

    /// The dashboard's figures, once read.
    public var dashboard: Dashboard? {
        get {
            guard case .dashboard(let shown) = screen else { return nil }
            return shown.figures
        }
        set {
            if case .dashboard(var shown) = screen {
                shown.figures = newValue
                shown.link = min(shown.link, max(shown.links.count - 1, 0))
                screen = .dashboard(shown)
            }
        }
    }

    /// The customers screen's search and results.
    public var customers: CustomersState {
        get {
            guard case .customers(let search) = screen else { return CustomersState() }
            return search
        }
        set { if case .customers = screen { screen = .customers(newValue) } }
    }

    /// The customer on the customer screen, once read.
    public var customer: CustomerDetail? {
        get { customerScreen?.detail }
        set { customerScreen?.detail = newValue }
    }

    /// The customer screen's tab.
    public var customerTab: CustomerTab {
        get { customerScreen?.tab ?? .profile }
        set { customerScreen?.tab = newValue }
    }

    /// How far the customer screen's tab is scrolled.
    public var customerScroll: Int {
        get { customerScreen?.scroll ?? 0 }
        set { customerScreen?.scroll = newValue }
    }

    /// The record list screen's rows and cursor.
    public var records: RecordListState {
        get {
            guard case .records(let shown) = screen else { return RecordListState() }
            return shown.list
        }
        set { if case .records(var shown) = screen { shown.list = newValue; screen = .records(shown) } }
    }

    /// The request or customer whose personal data `m` revealed on the screen on top, if any.
    public var revealed: String? {
        switch screen {
        case .request(let shown) where shown.isRevealed: shown.publicId
        case .customer(let shown) where shown.isRevealed: shown.publicId
        default: nil
        }
    }

    /// Reveals the screen on top if it shows `publicId`.
    mutating func reveal(_ publicId: String) {
        if requestScreen?.publicId == publicId { requestScreen?.isRevealed = true }
        if customerScreen?.publicId == publicId { customerScreen?.isRevealed = true }
    }

    /// Masks every screen but the one on top: a reveal ends when its screen is left.
    mutating func maskScreensBelowTop() {
        for index in screens.indices.dropLast() { screens[index].mask() }
        for index in forwardScreens.indices { forwardScreens[index].mask() }
    }

    /// The request screen on top, if it is one.
    var requestScreen: RequestScreen? {
        get {
            guard case .request(let shown) = screen else { return nil }
            return shown
        }
        set { if let newValue, case .request = screen { screen = .request(newValue) } }
    }

    /// The customer screen on top, if it is one.
    var customerScreen: CustomerScreen? {
        get {
            guard case .customer(let shown) = screen else { return nil }
            return shown
        }
        set { if let newValue, case .customer = screen { screen = .customer(newValue) } }
    }
}

extension Screen {
    /// The same screen with its personal data masked again.
    mutating func mask() {
        switch self {
        case .request(var shown) where shown.isRevealed:
            shown.isRevealed = false
            self = .request(shown)
        case .customer(var shown) where shown.isRevealed:
            shown.isRevealed = false
            self = .customer(shown)
        case .queue, .approvals, .request, .dashboard, .customers, .customer, .records:
            break
        }
    }
}
