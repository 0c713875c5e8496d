import Foundation

/// A piece of a masked value as a search result shows it: masked, or shown because it matches what was typed.
public struct MaskedPart: Equatable, Sendable {
    public var text: String
    /// Whether this piece is what the searcher typed (shown as typed, highlighted).
    public var isMatch: Bool

    /// Makes a piece.
    public init(_ text: String, isMatch: Bool = false) {
        self.text = text
        self.isMatch = isMatch
    }
}

extension Masking {
    /// `name` masked as `Masking.name` masks it, except the part of each word that matches a word of `query`
    /// (case and accents ignored), which is shown: the searcher typed it, so it reveals nothing they did not
    /// know, and it tells apart the 42 customers who are all `J••• M•••` otherwise.
    public static func name(_ name: String, revealing query: String) -> [MaskedPart] {
        let tokens = searchTokens(query)
        let words = name.split(separator: " ")
        guard !words.isEmpty else { return [MaskedPart(dot)] }
        var parts: [MaskedPart] = []
        for (index, word) in words.enumerated() {
            if index > 0 { parts.append(MaskedPart(" ")) }
            parts += maskedWord(word, tokens: tokens)
        }
        return merged(parts)
    }

    /// `email` masked as `Masking.email` masks it (the top-level domain stays), except the parts of its local
    /// part and host that match what was typed.
    public static func email(_ email: String, revealing query: String) -> [MaskedPart] {
        guard let at = email.lastIndex(of: "@") else { return name(email, revealing: query) }
        let tokens = searchTokens(query)
        let local = email[..<at]
        let domain = email[email.index(after: at)...]
        var parts = local.isEmpty ? [MaskedPart(dot)] : maskedWord(local, tokens: tokens)
        parts.append(MaskedPart("@"))
        if let lastDot = domain.lastIndex(of: "."), lastDot != domain.startIndex {
            parts += maskedWord(domain[..<lastDot], tokens: tokens)
            parts.append(MaskedPart(String(domain[lastDot...])))
        } else {
            parts.append(MaskedPart(dot))
        }
        return merged(parts)
    }

    /// The words of a query, split also at `@` and `.` so `jane@gm` reveals `jane` and `gm`.
    static func searchTokens(_ query: String) -> [String] {
        query.split(whereSeparator: { $0 == " " || $0 == "@" || $0 == "." }).map(String.init)
    }

    /// One word: its first letter and a dot, as by default; or, where a token matches inside it, the letters
    /// before the match collapsed the same way, the match itself, and a dot for what follows.
    private static func maskedWord(_ word: Substring, tokens: [String]) -> [MaskedPart] {
        guard let first = word.first else { return [] }
        let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
        let found = tokens.compactMap { word.range(of: $0, options: options) }
            .max { word.distance(from: $0.lowerBound, to: $0.upperBound) < word.distance(from: $1.lowerBound, to: $1.upperBound) }
        guard let range = found else { return [MaskedPart("\(first)\(dot)")] }
        var parts: [MaskedPart] = []
        if range.lowerBound != word.startIndex {
            let before = word.distance(from: word.startIndex, to: range.lowerBound)
            parts.append(MaskedPart(before == 1 ? String(first) : "\(first)\(dot)"))
        }
        parts.append(MaskedPart(String(word[range]), isMatch: true))
        if range.upperBound != word.endIndex { parts.append(MaskedPart(dot)) }
        return parts
    }

    /// Adjacent masked pieces joined, so a view writes as few runs as possible.
    private static func merged(_ parts: [MaskedPart]) -> [MaskedPart] {
        var result: [MaskedPart] = []
        for part in parts where !part.text.isEmpty {
            if let last = result.last, !last.isMatch, !part.isMatch {
                result[result.count - 1].text += part.text
            } else {
                result.append(part)
            }
        }
        return result
    }
}
