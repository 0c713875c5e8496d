import Foundation

/// Checks free text staff type (reasons, notes, names) before it is stored.
public enum TextRules {
    /// The longest reason or note accepted.
    public static let maxLength = 2_000

    /// The trimmed text, or an error naming `field` when it is empty, too long, or holds control, bidi or
    /// zero-width characters. Notes may span lines (`allowNewlines`).
    public static func validated(_ text: String, field: String, allowNewlines: Bool = false,
                                 checkCardNumbers: Bool = true) throws -> String {
        let trimmed = Self.trimmed(text, newlines: true)
        guard !trimmed.isEmpty else {
            throw LoupeError(.invalidInput, "The \(field) is empty: say why, in a few words.")
        }
        guard trimmed.count <= maxLength else {
            throw LoupeError(.invalidInput, "The \(field) is \(trimmed.count) characters long; keep it under \(maxLength).")
        }
        if let bad = trimmed.unicodeScalars.first(where: { isForbidden($0, allowNewlines: allowNewlines) }) {
            throw LoupeError(.invalidInput,
                String(format: "The \(field) contains the control character U+%04X; remove it and type plain text.", bad.value))
        }
        if checkCardNumbers && CardNumberRule.contains(trimmed) {
            throw LoupeError(.invalidInput, "The \(field) holds what looks like a full card number; Loupe never stores one. Remove it (the last four digits are enough).")
        }
        return trimmed
    }

    /// Whether `scalar` is a C0/C1 control, a bidi control or an invisible formatting character.
    public static func isForbidden(_ scalar: Unicode.Scalar, allowNewlines: Bool = false) -> Bool {
        switch scalar.value {
        case 0x0A where allowNewlines: false
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF: true
        default: false
        }
    }

    /// `text` whole, with every control, bidi or invisible character shown as a `\u{…}` escape (inert in a terminal).
    /// Line breaks stay when `allowNewlines` (a document shown whole).
    public static func inert(_ text: String, allowNewlines: Bool = false) -> String {
        text.unicodeScalars.map { isForbidden($0, allowNewlines: allowNewlines) ? String(format: "\\u{%04X}", $0.value) : String($0) }.joined()
    }

    /// `text` with forbidden characters shown as `\u{…}` escapes and cut to 80 characters, for error messages.
    public static func printable(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars.prefix(80) {
            output += isForbidden(scalar) ? String(format: "\\u{%04X}", scalar.value) : String(scalar)
        }
        return text.unicodeScalars.count > 80 ? output + "…" : output
    }
}
