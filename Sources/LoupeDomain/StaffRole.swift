/// A staff member's role; it decides which actions they may take (`AccessGate`).
public enum StaffRole: String, CaseIterable, Codable, Sendable, Comparable {
    case agent, supervisor, admin
    /// The account `loupe serve` runs as: it receives what arrives, sends the outbox and runs the jobs, and may
    /// not read or work on requests.
    case service

    private var rank: Int {
        switch self {
        case .service: -1
        case .agent: 0
        case .supervisor: 1
        case .admin: 2
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// A person who works in Loupe, identified by their OS user name.
public struct StaffMember: Equatable, Sendable, Codable {
    /// The OS user name (the actor in the audit log).
    public var userName: String
    /// The name shown on screen.
    public var displayName: String
    /// What the member may do.
    public var role: StaffRole
    /// Deactivated members can no longer act.
    public var isActive: Bool

    /// Makes a staff member.
    public init(userName: String, displayName: String, role: StaffRole, isActive: Bool = true) {
        self.userName = userName
        self.displayName = displayName
        self.role = role
        self.isActive = isActive
    }
}
