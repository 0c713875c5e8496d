import LoupeDomain

/// The `N` form: a request entered by hand, one question at a time (kind, channel, subject's email, name,
/// requester, guardian's name), then a confirmation with Cancel focused.
public struct NewRequestForm: Equatable, Sendable {
    public var kind: RequestKind?
    public var channel: RequestChannel?
    public var email: String?
    /// The subject's name (optional; empty skips it).
    public var name: String?
    public var requester: RequesterKind?
    public var guardianName: String?
    /// The line being typed for the current question, with its cursor.
    public var line = LineEditor(limit: 254)
    /// The text being typed for the current question.
    public var input: String {
        get { line.text }
        set { line.text = newValue }
    }
    public var isConfirmFocused = false
    /// Customers found for what was typed at the email question (Tab searches; 1-5 picks one).
    public var matches: [CustomerSummary] = []

    /// An empty form.
    public init() {}

    /// The questions, in order.
    public enum Stage: Equatable, Sendable {
        case kind, channel, email, name, requester, guardian, confirm
    }

    /// The question being asked.
    public var stage: Stage {
        if kind == nil { return .kind }
        if channel == nil { return .channel }
        if email == nil { return .email }
        if name == nil { return .name }
        if requester == nil { return .requester }
        if requester == .guardian && guardianName == nil { return .guardian }
        return .confirm
    }

    /// The question's title and, for choices, the keys.
    public var question: (title: String, choices: [(Character, String)]) {
        switch stage {
        case .kind: ("New request: what does the subject ask for?", [("a", "access"), ("r", "rectification"), ("e", "erasure"), ("c", "consent withdrawal")])
        case .channel: ("How did it arrive?", [("e", "email"), ("p", "phone"), ("l", "letter"), ("w", "web")])
        case .email: ("The subject's email, or a name, phone or order number then Tab to search customers", [])
        case .name: ("The subject's name as given (optional, Enter to skip)", [])
        case .requester: ("Who asks?", [("s", "the subject"), ("g", "a guardian (for a minor)")])
        case .guardian: ("The guardian's name", [])
        case .confirm: ("Record this \(kind?.rawValue ?? "") request from \(email ?? "")?", [])
        }
    }

    /// The request the answers describe.
    public var draft: NewRequest? {
        guard let kind, let channel, let email, let requester else { return nil }
        return NewRequest(kind: kind, email: email, name: name?.isEmpty == false ? name : nil, channel: channel,
                          requester: requester, requesterName: guardianName)
    }

    /// What a key did to the form.
    enum Outcome: Equatable {
        case next, refused(String), submit(NewRequest), cancel, search(String)
    }

    /// Applies a key: the next question, a refused answer (with why), the request to record, or Cancel pressed.
    mutating func press(_ key: Key) -> Outcome {
        switch stage {
        case .kind, .channel, .requester:
            guard case .char(let typed) = key, let choice = question.choices.first(where: { $0.0 == typed }) else { return .next }
            switch stage {
            case .kind: kind = [RequestKind.access, .rectification, .erasure, .consentWithdrawal][question.choices.firstIndex { $0.0 == choice.0 }!]
            case .channel: channel = [RequestChannel.email, .phone, .letter, .web][question.choices.firstIndex { $0.0 == choice.0 }!]
            default: requester = typed == "g" ? .guardian : .subject
            }
        case .email, .name, .guardian:
            if stage == .email, case .char(let typed) = key, let digit = typed.wholeNumberValue, matches.indices.contains(digit - 1),
               let found = matches[digit - 1].email {
                email = found
                name = matches[digit - 1].fullName ?? ""
                matches = []
                input = ""
                return .next
            }
            // Typing on after a search means the matches were not it: digits are text again.
            if key != .tab { matches = [] }
            switch key {
            case .tab where stage == .email:
                let text = input.trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? .refused("Type part of a name, email, phone or order number first.") : .search(text)
            case .enter:
                let text = input.trimmingCharacters(in: .whitespaces)
                switch stage {
                case .email:
                    do { email = try NewRequest(kind: kind ?? .access, email: text).validated().email } catch let error as LoupeError {
                        return .refused(error.message)
                    } catch { return .next }
                case .name: name = text
                default:
                    guard !text.isEmpty else { return .refused("Give the guardian's name.") }
                    guardianName = text
                }
                input = ""
            default: _ = line.edit(key)
            }
        case .confirm:
            switch key {
            case .left, .right, .tab, .backTab: isConfirmFocused.toggle()
            case .enter: return isConfirmFocused ? draft.map(Outcome.submit) ?? .next : .cancel
            case .char("y"): return draft.map(Outcome.submit) ?? .next
            case .char("n"): return .cancel
            default: break
            }
        }
        return .next
    }
}
