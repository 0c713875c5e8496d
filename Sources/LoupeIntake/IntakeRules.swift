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
    public static func rejectCardNumbers(in root: JSONReader) throws {
        for (path, text) in root.allStrings() where containsCardNumber(text) {
            throw LoupeError(.invalidInput, "\(root.source) at \(path): holds what looks like a full card number (13-19 digits passing the Luhn check). Card numbers are never stored: remove it and send the request again.")
        }
    }

    /// Whether `text` holds a run of 13-19 digits (single spaces or hyphens between groups) passing the Luhn check.
    public static func containsCardNumber(_ text: String) -> Bool {
        // Bytes, not Characters: this runs on every cell of large exports. ASCII digits, spaces and hyphens are
        // single bytes in UTF-8, and no other character's bytes look like them.
        var digits: [Int] = []
        digits.reserveCapacity(19)
        var count = 0
        var lastWasSeparator = false
        // A run as typed (digits, single separators between groups) is a card number when it is 13-19 digits
        // long and passes Luhn; longer runs (ids, concatenations) are not cards.
        func check() -> Bool { (13...19).contains(count) && luhn(digits[...]) }
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                if count < 19 { digits.append(Int(byte - 0x30)) }
                count += 1
                lastWasSeparator = false
            } else if (byte == 0x20 || byte == 0x2D) && count > 0 && !lastWasSeparator {
                lastWasSeparator = true
            } else {
                if check() { return true }
                digits.removeAll(keepingCapacity: true)
                count = 0
                lastWasSeparator = false
            }
        }
        return check()
    }

    static func luhn(_ digits: ArraySlice<Int>) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let value = offset % 2 == 1 ? digit * 2 : digit
            sum += value > 9 ? value - 9 : value
        }
        return sum % 10 == 0
    }
}
