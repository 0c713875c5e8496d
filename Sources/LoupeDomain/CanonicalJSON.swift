import Foundation

/// A flat JSON object of strings, keys sorted, written the same way every time: the audit trail's details (the
/// hash chain covers this text) and the service's short answers. The same text as `JSONEncoder` with
/// `.sortedKeys` and `.withoutEscapingSlashes` (a test holds them equal), written directly when no key or value
/// needs escaping, which is nearly always: the encoder was a tenth of a webhook's intake.
public enum CanonicalJSON {
    /// `fields` as one line of JSON, keys in `String` order.
    public static func object(_ fields: [String: String]) -> String {
        guard fields.allSatisfy({ isPlain($0.key, keyOnly: true) && isPlain($0.value, keyOnly: false) }) else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(fields)) ?? Data("{}".utf8), as: UTF8.self)
        }
        var text = "{"
        for (index, field) in fields.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { text += "," }
            text += "\"\(field.key)\":\"\(field.value)\""
        }
        return text + "}"
    }

    /// A key of ASCII letters and digits, or a value of printable ASCII without `"` or `\`: JSON needs no escape.
    private static func isPlain(_ text: String, keyOnly: Bool) -> Bool {
        text.utf8.allSatisfy { byte in
            keyOnly ? (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                : byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C
        }
    }
}
