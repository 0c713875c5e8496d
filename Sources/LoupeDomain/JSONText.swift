import Foundation

/// A small JSON writer for large documents: an access export holds thousands of events, and Foundation's
/// encoder took most of the export's time. Objects keep their keys in the order given (callers sort them).
public enum JSONText {
    /// A JSON value.
    public indirect enum Value {
        case string(String?)
        case int(Int?)
        case bool(Bool)
        case date(Date?)
        case array([Value])
        case object([(String, Value)])
    }

    /// `value` as pretty-printed JSON text.
    public static func render(_ value: Value) -> String {
        var text = ""
        text.reserveCapacity(1 << 16)
        write(value, indent: 0, into: &text)
        text += "\n"
        return text
    }

    private static let indents = (0..<16).map { String(repeating: "  ", count: $0) }

    private static func pad(_ depth: Int) -> String { depth < indents.count ? indents[depth] : String(repeating: "  ", count: depth) }

    private static func write(_ value: Value, indent: Int, into text: inout String) {
        switch value {
        case .string(let s?): quote(s, into: &text)
        case .int(let n?): text += String(n)
        case .bool(let b): text += b ? "true" : "false"
        case .date(let d?): quote(CivilTime.iso8601(d), into: &text)
        case .string(nil), .int(nil), .date(nil): text += "null"
        case .array(let items):
            guard !items.isEmpty else { text += "[]"; return }
            text += "["
            for (index, item) in items.enumerated() {
                text += index == 0 ? "\n" : ",\n"
                text += pad(indent + 1)
                write(item, indent: indent + 1, into: &text)
            }
            text += "\n" + pad(indent) + "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { text += "{}"; return }
            text += "{"
            for (index, (key, item)) in pairs.enumerated() {
                text += index == 0 ? "\n" : ",\n"
                text += pad(indent + 1)
                quote(key, into: &text)
                text += " : "
                write(item, indent: indent + 1, into: &text)
            }
            text += "\n" + pad(indent) + "}"
        }
    }

    /// A quoted string with quotes, backslashes and every control character escaped.
    private static func quote(_ value: String, into text: inout String) {
        text += "\""
        // Almost every value needs no escaping: append it whole.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }) {
            text += value
            text += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
                text += String(format: "\\u%04X", scalar.value)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
