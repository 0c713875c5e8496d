import Foundation

/// A `/` filter on a request list: field terms (`status:`, `kind:`, `assignee:`) and free text (part of a request
/// id), all of which must hold.
public struct QueueFilter: Equatable, Sendable {
    /// Who holds the request.
    public enum Holder: Equatable, Sendable {
        case anyone, nobody, user(String)
    }

    /// What was typed, shown in the title.
    public var text: String
    public var statuses: [RequestStatus] = []
    public var kinds: [RequestKind] = []
    public var holder = Holder.anyone
    /// Only requests due before this instant (the `status:overdue` term, fixed when the filter was applied).
    public var dueBefore: Date?
    /// Free text: each word is part of the request id, or of the subject's email or name (the store also finds
    /// it in the customer's name, email and phone through the search index).
    public var words: [String] = []

    /// Reads `text` for `actor` (`assignee:me`) at `now` (`status:overdue`). Errors name the term and list what
    /// it accepts.
    public static func parse(_ text: String, actor: String, now: Date) throws -> QueueFilter {
        var filter = QueueFilter(text: text.trimmingCharacters(in: .whitespaces))
        for term in text.split(separator: " ") {
            let parts = term.split(separator: ":", maxSplits: 1).map { String($0).lowercased() }
            guard parts.count == 2 else {
                filter.words.append(String(term))
                continue
            }
            let (field, value) = (parts[0], parts[1])
            switch field {
            case "status", "is":
                if value == "overdue" {
                    filter.dueBefore = now
                } else if let status = RequestStatus.allCases.first(where: { status in
                    // The name on screen ("needs approval" as needs-approval), the stored name, or the start of one.
                    let shown = status.label.replacingOccurrences(of: " ", with: "-")
                    return [status.rawValue, shown].contains { $0 == value || !value.isEmpty && $0.hasPrefix(value) }
                }) {
                    filter.statuses.append(status)
                } else {
                    throw LoupeError(.invalidInput, "status:\(value) is not a status; use overdue or \(RequestStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
            case "kind":
                guard let kind = RequestKind.allCases.first(where: { $0.rawValue.hasPrefix(value) && !value.isEmpty || $0.label == value }) else {
                    throw LoupeError(.invalidInput, "kind:\(value) is not a kind; use access, rectification, erasure or consent.")
                }
                filter.kinds.append(kind)
            case "assignee", "held":
                filter.holder = value == "me" ? .user(actor) : value == "none" || value == "nobody" ? .nobody : .user(value)
            default:
                throw LoupeError(.invalidInput, "\(field): is not a filter field; use status:, kind:, assignee: (me, none or a name) or plain text.")
            }
        }
        return filter
    }

    /// Whether `request` passes the filter (the store applies the same rules in SQL).
    public func matches(_ request: RequestSummary) -> Bool {
        (statuses.isEmpty || statuses.contains(request.status)) && (kinds.isEmpty || kinds.contains(request.kind))
            && (dueBefore.map { request.effectiveDueAt < $0 } ?? true)
            && words.allSatisfy { word in
                request.publicId.localizedCaseInsensitiveContains(word)
                    || request.subjectEmail?.localizedCaseInsensitiveContains(word) == true
            }
            && {
                switch holder {
                case .anyone: true
                case .nobody: request.assignee == nil
                case .user(let name): request.assignee == name
                }
            }()
    }
}
