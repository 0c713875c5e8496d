/// A moment in a request's life that the data subject must hear about; each has one message template.
public enum MessageEvent: String, CaseIterable, Codable, Sendable {
    /// The request arrived (acknowledgement, with the due date).
    case received
    /// The requester must prove who they are before work starts.
    case verificationNeeded = "verification-needed"
    /// The deadline was extended; the law wants the reason told within the first month.
    case extended
    /// An access request is complete; the message says where the export is, never the data itself.
    case accessReady = "access-ready"
    /// The corrections were applied.
    case rectificationDone = "rectification-done"
    /// The erasure ran; the message lists what is kept, why and until when.
    case erasureDone = "erasure-done"
    /// Consent was withdrawn.
    case consentWithdrawn = "consent-withdrawn"
    /// The request was refused: the reason and the right to complain to a supervisory authority.
    case rejected
    /// The request was cancelled, with the reason.
    case cancelled
    /// "We hold no data about you": an access or erasure request about someone not on file.
    case noDataHeld = "no-data-held"
    /// A six-digit code, sent to the address on file, that proves the requester reads that mailbox.
    case verificationCode = "verification-code"
    /// An agent's own answer to the subject's mail, written in the editor; the template is its greeting and
    /// signature, and it threads to the subject's last message.
    case reply
    /// A notice to a customer with marketing consent: the policy changed a purpose (not about a request).
    case policyChanged = "policy-changed"
    /// A notice to a customer affected by a personal data breach (GDPR Art. 34).
    case breachNotice = "breach-notice"
    /// A notice that an authority was given some of the customer's data (unless the law forbids telling).
    case authorityDisclosure = "authority-disclosure"

    /// Whether it is a notice to a customer rather than a message about a request.
    public var isNotice: Bool {
        switch self {
        case .policyChanged, .breachNotice, .authorityDisclosure: true
        default: false
        }
    }

    /// The placeholders every notice may use (a notice has no request).
    private static let noticeCommon: [Placeholder] = [.recipientName, .shopName, .privacyEmail]

    /// The placeholders a template of this event may use.
    public var placeholders: [Placeholder] {
        let common: [Placeholder] = [.requestId, .recipientName, .kind, .receivedOn, .dueOn, .shopName, .privacyEmail]
        switch self {
        case .received, .verificationNeeded: return common
        case .extended: return common + [.extendedUntil, .extensionReason]
        case .accessReady: return common + [.exportLocation]
        case .rectificationDone: return common + [.correctedFields]
        case .erasureDone: return common + [.retainedItems]
        case .consentWithdrawn: return common + [.withdrawnPurposes]
        case .rejected: return common + [.reason, .authority]
        case .cancelled: return common + [.reason]
        case .noDataHeld, .reply: return common
        case .verificationCode: return common + [.verificationCode]
        case .policyChanged: return Self.noticeCommon + Array<Placeholder>([.policyVersion, .policyEffectiveOn, .policySummary])
        case .breachNotice: return Self.noticeCommon + Array<Placeholder>([.breachDescription, .breachCategories])
        case .authorityDisclosure: return Self.noticeCommon + Array<Placeholder>([.authorityName, .disclosedFields])
        }
    }
}

/// A value a template can name as `{{name}}`.
public enum Placeholder: String, CaseIterable, Sendable {
    case requestId, recipientName, kind, receivedOn, dueOn, shopName, privacyEmail
    case extendedUntil, extensionReason, exportLocation, correctedFields, retainedItems, withdrawnPurposes, reason
    case authority
    case verificationCode
    case policyVersion, policyEffectiveOn, policySummary, breachDescription, breachCategories, authorityName
    case disclosedFields
}

extension MessageEvent {
    /// The message a lifecycle command calls for, if any: the extension notice, the refusal, the cancellation,
    /// the erasure report (on approval, when the erasure runs), the completion message of each kind, and the
    /// request for identity when a request that needs it enters verification unverified.
    public static func after(
        _ command: RequestCommand, kind: RequestKind, from old: RequestStatus, to new: RequestStatus,
        isIdentityVerified: Bool, holdsData: Bool = true
    ) -> MessageEvent? {
        switch command {
        case .extend: return .extended
        case .reject: return .rejected
        case .cancel: return .cancelled
        case .approve: return .erasureDone
        case .complete where !holdsData && (kind == .access || kind == .erasure):
            return .noDataHeld
        case .complete:
            switch kind {
            case .access: return .accessReady
            case .rectification: return .rectificationDone
            case .consentWithdrawal: return .consentWithdrawn
            case .erasure: return nil  // told on approval, when the erasure ran
            }
        default:
            let entersVerification = new == .verifying && old != .verifying
            return entersVerification && !isIdentityVerified && kind.requiresIdentityVerification ? .verificationNeeded : nil
        }
    }
}

extension MessageEvent {
    /// What the message tells the subject, in a few words ("the reason, and their right to complain").
    public var summary: String {
        switch self {
        case .received: "an acknowledgement with the due date"
        case .verificationNeeded: "a request to confirm their identity"
        case .extended: "the new due date and the reason"
        case .accessReady: "word that their data is ready"
        case .rectificationDone: "the corrections made"
        case .erasureDone: "what was erased, and what the law keeps and until when"
        case .consentWithdrawn: "the consents withdrawn"
        case .rejected: "the reason, and their right to complain to the authority"
        case .cancelled: "the reason for cancelling"
        case .noDataHeld: "word that no data about them is held"
        case .verificationCode: "a six-digit code to confirm their identity"
        case .reply: "an agent's answer to their mail"
        case .policyChanged: "that the policy changes a purpose, and when"
        case .breachNotice: "what the breach was and which of their data it touched"
        case .authorityDisclosure: "which authority received which of their data"
        }
    }

    /// Why a queued message of this event no longer fits its request (and must not reach the customer), or nil:
    /// "please confirm your identity" is stale once the identity is verified or the request is closed, or the
    /// customer would get it beside "your data is ready".
    public func staleReason(for facts: RequestFacts) -> String? {
        switch self {
        case .verificationNeeded, .verificationCode:
            if facts.isIdentityVerified { return "the identity is verified" }
            if !facts.status.isOpen { return "the request is \(facts.status.label)" }
            return nil
        case .received, .extended, .accessReady, .rectificationDone, .erasureDone, .consentWithdrawn, .rejected,
             .cancelled, .noDataHeld, .reply, .policyChanged, .breachNotice, .authorityDisclosure:
            return nil
        }
    }
}
