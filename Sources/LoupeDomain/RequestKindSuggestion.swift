/// Which privacy right a message asks for, from its words in English, German, Spanish and French, and how sure
/// that is. Whole words only (so "accessories", "successful" and "exporter" point nowhere), in every script; the
/// subject counts twice; quoted text, signatures and newsletter boilerplate do not count (`MailText`). Below
/// `threshold` there is no suggestion: the message goes to the unsorted tray, for an agent to decide.
public struct RequestKindSuggestion: Equatable, Sendable {
    /// The suggested kind; nil when no kind reached the threshold.
    public var kind: RequestKind?
    /// The best kind's score (0 when nothing pointed anywhere).
    public var score: Int
    /// The language the message is written in, when its words say so clearly.
    public var language: Language?

    /// The score at and above which a message clearly asks for a right. One clear cue (a verb and its object in
    /// one sentence, "unsubscribe", "right to be forgotten") reaches it; single loose words do not.
    public static let threshold = 3

    /// Weighs `subject` and `body` (the body as the parser left it).
    public static func assess(subject: String, body: String) -> RequestKindSuggestion {
        var scores: [RequestKind: Int] = [:]
        let subjectSentences = MailText.sentences([Substring(subject)])
        let bodySentences = MailText.sentences(MailText.ownLines(body))
        for (sentences, factor) in [(subjectSentences, 2), (bodySentences, 1)] {
            for cue in RequestKindCue.all where sentences.contains(where: cue.matches) {
                scores[cue.kind, default: 0] += cue.weight * factor
            }
        }
        // Ties go to the right that costs the customer most if missed: an erasure (which ends marketing too),
        // then a withdrawal, a correction, an access request.
        let order: [RequestKind] = [.erasure, .consentWithdrawal, .rectification, .access]
        var best: RequestKind?
        var score = 0
        for kind in order where (scores[kind] ?? 0) > score { (best, score) = (kind, scores[kind]!) }
        let language = Language.detect(in: (subjectSentences + bodySentences).flatMap { $0 })
        return RequestKindSuggestion(kind: score >= threshold ? best : nil, score: score, language: language)
    }

    /// The suggested kind of `text` (a subject, a newline, a body), or nil below the threshold.
    public static func suggest(_ text: String) -> RequestKind? {
        let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        return assess(subject: String(parts.first ?? ""), body: parts.count > 1 ? String(parts[1]) : "").kind
    }
}
