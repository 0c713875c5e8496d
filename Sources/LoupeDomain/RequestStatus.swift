/// Where a privacy request stands in its lifecycle (DESIGN.md section 3).
public enum RequestStatus: String, CaseIterable, Codable, Sendable {
    case received
    case verifying
    case inProgress = "in-progress"
    case awaitingApproval = "awaiting-approval"
    case approved
    case completed
    case rejected
    case cancelled

    /// Whether the request still needs work (it counts toward the queue and its deadline).
    public var isOpen: Bool {
        switch self {
        case .completed, .rejected, .cancelled: false
        default: true
        }
    }

    /// The statuses that end a request.
    public static let closed: [RequestStatus] = allCases.filter { !$0.isOpen }

    /// Human label.
    public var label: String {
        switch self {
        case .inProgress: "in progress"
        case .awaitingApproval: "needs approval"
        default: rawValue
        }
    }
}
