import LoupeDomain

/// The checks every intake applies to what it reads (FORMATS.md, cross-cutting rules).
public enum IntakeRules {
    /// The longest identifier accepted.
    public static let maxIdentifier = 512

    /// An identifier, name or email as read: no C0/C1 controls, no bidi or invisible formatting, at most 512
    /// characters. The error names the path, never echoes the value.
    public static func text(_ reader: JSONReader, what: String) throws -> String {
        let text = try reader.string()
        guard text.count <= maxIdentifier else { throw reader.error("the \(what) is \(text.count) characters long; at most \(maxIdentifier) are accepted.") }
        if let bad = text.unicodeScalars.first(where: { TextRules.isForbidden($0) }) {
            throw reader.error(String(format: "the \(what) contains the control or bidi character U+%04X; such characters are refused in identifiers, names and emails.", bad.value))
        }
        return text
    }

    /// A shop domain: `name.myshopify.com`-style, at most 253 characters, labels of 1-63 letters, digits or hyphens.
    public static func shopDomain(_ text: String, at reader: JSONReader) throws -> String {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard text.count <= 253, labels.count >= 2, labels.allSatisfy({ label in
            (1...63).contains(label.count) && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
                && !label.hasPrefix("-") && !label.hasSuffix("-")
        }) else {
            throw reader.error("\"\(TextRules.printable(text))\" is not a shop domain like example.myshopify.com.")
        }
        return text.lowercased()
    }

    /// Refuses the input when any string in it holds a full card number: 13 to 19 digits (single spaces or
    /// hyphens between groups allowed) that pass the Luhn check. The message names the path, not the number.
    /// (A UUID or a hex digest is no card number: `CardNumberRule.isMachineIdentifier`.)
    public static func rejectCardNumbers(in root: JSONReader) throws {
        for (path, text) in root.allStrings() where containsCardNumber(text) {
            throw LoupeError(.invalidInput, "\(root.source) at \(path): holds what looks like a full card number (13-19 digits passing the Luhn check). Card numbers are never stored: remove it and send the request again.")
        }
    }

    /// Whether `text` holds a run of 13-19 digits (single spaces or hyphens between groups) passing the Luhn check.
    public static func containsCardNumber(_ text: String) -> Bool { CardNumberRule.contains(text) }
}
