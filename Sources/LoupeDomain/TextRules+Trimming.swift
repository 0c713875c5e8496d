import Foundation

extension TextRules {
    /// `text` without leading and trailing white space, exactly as Foundation's
    /// `trimmingCharacters(in: .whitespaces)` (or `.whitespacesAndNewlines` with `newlines`) trims it. ASCII text,
    /// nearly all of what arrives, is trimmed byte by byte without bridging to `NSString` (the bridge was a tenth
    /// of a webhook's write on Linux); any other text goes to Foundation, whose sets have their own edges (U+200B
    /// is white space to it, for one).
    public static func trimmed(_ text: some StringProtocol, newlines: Bool = false) -> String {
        let bytes = String(text).utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return text.trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
        }
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || (newlines && (0x0A...0x0D).contains(byte)) }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
              let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
