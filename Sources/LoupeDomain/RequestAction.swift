/// Everything staff can do to a request, named without its arguments: the one vocabulary the key table, the
/// command line, the store and the audit trail share. `RequestRules.check(kind, ...)` says whether an action of
/// a kind is allowed now; `RequestCommand` carries a lifecycle action's arguments.
public enum RequestAction {
    /// An action without its arguments.
    public enum Kind: String, Sendable, CaseIterable {
        case claim, release, reassign, verify, start, note, extend
        case proposeErasure = "propose-erasure"
        case approve, reject, cancel, complete
        /// Write the access export (access requests).
        case export
        /// Apply the corrections (rectification requests).
        case rectify
        /// Withdraw consent at once (consent-withdrawal requests).
        case withdrawConsent = "withdraw-consent"
        /// Flag the request's customer as under 16.
        case flagMinor = "flag-minor"
        /// Close a notice to a recipient (confirmed, or impossible with a reason).
        case closeTask = "close-task"

        /// A short verb for messages ("claim", "propose erasure").
        public var verb: String { rawValue.replacingOccurrences(of: "-", with: " ") }

        /// The fulfilment a request of which kind this is, for export, rectify and withdraw-consent.
        public var fulfils: RequestKind? {
            switch self {
            case .export: .access
            case .rectify: .rectification
            case .withdrawConsent: .consentWithdrawal
            case .claim, .release, .reassign, .verify, .start, .note, .extend, .proposeErasure, .approve, .reject,
                 .cancel, .complete, .flagMinor, .closeTask: nil
            }
        }
    }
}
