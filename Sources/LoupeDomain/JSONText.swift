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
        String(decoding: renderBytes(value), as: UTF8.self)
    }

    /// `value` as pretty-printed JSON, UTF-8 bytes. Written into a byte buffer: appending to a `String` was most
    /// of an access export's time.
    public static func renderBytes(_ value: Value) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(1 << 16)
        write(value, indent: 0, into: &text)
        text.append(UInt8(ascii: "\n"))
        return text
    }

    private static func write(_ value: Value, indent: Int, into text: inout [UInt8]) {
        switch value {
        case .string(let s?): quote(s, into: &text)
        case .int(let n?): text += String(n).utf8
        case .bool(let b): text += (b ? "true" : "false").utf8
        case .date(let d?): quote(CivilTime.iso8601(d), into: &text)
        case .string(nil), .int(nil), .date(nil): text += "null".utf8
        case .array(let items):
            guard !items.isEmpty else { text += "[]".utf8; return }
            text.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { text.append(UInt8(ascii: ",")) }
                newline(indent + 1, into: &text)
                write(item, indent: indent + 1, into: &text)
            }
            newline(indent, into: &text)
            text.append(UInt8(ascii: "]"))
        case .object(let pairs):
            guard !pairs.isEmpty else { text += "{}".utf8; return }
            text.append(UInt8(ascii: "{"))
            for (index, (key, item)) in pairs.enumerated() {
                if index > 0 { text.append(UInt8(ascii: ",")) }
                newline(indent + 1, into: &text)
                quote(key, into: &text)
                text += " : ".utf8
                write(item, indent: indent + 1, into: &text)
            }
            newline(indent, into: &text)
            text.append(UInt8(ascii: "}"))
        }
    }

    /// A line break and two spaces per level.
    private static func newline(_ depth: Int, into text: inout [UInt8]) {
        text.append(UInt8(ascii: "\n"))
        text.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// A quoted string with quotes, backslashes and every control character escaped.
    private static func quote(_ value: String, into text: inout [UInt8]) {
        text.append(UInt8(ascii: "\""))
        // Almost every value needs no escaping: append it whole.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }) {
            text += value.utf8
            text.append(UInt8(ascii: "\""))
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\"".utf8
            case "\\": text += "\\\\".utf8
            case "\n": text += "\\n".utf8
            case "\r": text += "\\r".utf8
            case "\t": text += "\\t".utf8
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
                text += String(format: "\\u%04X", scalar.value).utf8
            default: text += String(scalar).utf8
            }
        }
        text.append(UInt8(ascii: "\""))
    }
}
