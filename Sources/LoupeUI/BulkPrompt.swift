import LoupeDomain

/// A request a bulk action will act on: its id and the version the user saw.
public struct BulkTarget: Equatable, Sendable {
    public var publicId: String
    public var version: Int

    /// Makes a target.
    public init(publicId: String, version: Int) {
        self.publicId = publicId
        self.version = version
    }
}

/// The confirmation of a bulk action on the marked rows: how many are marked, how many of them the filter
/// hides, the answer the command needs (verification method, rejection reason), and Cancel focused first.
public struct BulkPrompt: Equatable, Sendable {
    /// The commands that work on marked rows.
    public static let keys: Set<RequestAction.Kind> = [.claim, .verify, .approve, .reject]

    public var key: RequestAction.Kind
    public var targets: [BulkTarget]
    /// Marked requests the list's filter does not show.
    public var hidden: Int
    /// The verification method, once chosen.
    public var method: VerificationMethod?
    /// The rejection reason being typed, with its cursor.
    public var reasonLine = LineEditor(limit: TextRules.maxLength)
    /// The rejection reason typed so far.
    public var reason: String { reasonLine.text }
    /// Whether the reason is finished (Enter on the text) for a rejection.
    public var reasonDone = false
    /// For an assignment: who (typed; empty means the user), once Enter was pressed.
    public var assigneeLine = LineEditor(limit: 64)
    /// Who, as typed.
    public var assignee: String { assigneeLine.text }
    public var assigneeDone = false
    public var isConfirmFocused = false
    /// For a bulk approval: each target's erasure plan, as it is read (the combined plan is shown before confirming).
    public var plans: [String: [String]] = [:]

    /// Whether the confirmation waits for plans still being read.
    public var awaitsPlans: Bool { key == .approve && plans.count < targets.count }

    /// The combined erasure plan: each request's lines under its id, in the order of the marks.
    public var combinedPlan: [String] {
        targets.flatMap { target in
            [target.publicId + ":"] + (plans[target.publicId]?.map { "  " + $0 } ?? ["  reading…"])
        }
    }

    /// Makes a bulk prompt.
    public init(key: RequestAction.Kind, targets: [BulkTarget], hidden: Int) {
        self.key = key
        self.targets = targets
        self.hidden = hidden
    }

    /// What the prompt asks now.
    public enum Stage: Equatable, Sendable {
        case method, reason, assignee, confirm
    }

    /// The current stage.
    public var stage: Stage {
        if key == .verify && method == nil { return .method }
        if key == .reject && !reasonDone { return .reason }
        if key == .claim && !assigneeDone { return .assignee }
        return .confirm
    }

    /// The command to run on every target, once the answers are in.
    public var command: RequestCommand? {
        switch key {
        case .claim: assignee.isEmpty ? .claim : .reassign(to: assignee)
        case .approve: .approve
        case .verify: method.map { .verify(method: $0, note: "bulk") }
        case .reject: reasonDone ? .reject(reason: reason) : nil
        default: nil
        }
    }

    /// The verb on the confirm button.
    public var verb: String {
        switch key {
        case .claim: assignee.isEmpty ? "Claim \(targets.count)" : "Assign \(targets.count) to \(assignee)"
        case .approve: "Approve \(targets.count)"
        case .verify: "Verify \(targets.count)"
        default: "Reject \(targets.count)"
        }
    }

    /// The title: how many are marked and how many of them the filter hides.
    public var title: String {
        let what = ["claim": "Assign", "verify": "Verify the identity of", "approve": "Approve", "reject": "Reject"][key.rawValue] ?? key.rawValue
        return "\(what) \(targets.count) marked request\(targets.count == 1 ? "" : "s")"
            + (hidden > 0 ? " (\(hidden) of them hidden by the filter)" : "") + "?"
    }
}
