import LoupeDomain

/// Typed, path-aware access to a parsed JSON document: every error names the input, the JSON path, what was
/// found and what was expected.
public struct JSONReader {
    public let value: JSONValue
    /// `$.customer.email`, `$.orders_requested[2]`.
    public let path: String
    public let source: String

    /// The document's root.
    public init(_ value: JSONValue, source: String) {
        self.value = value
        self.path = "$"
        self.source = source
    }

    private init(_ value: JSONValue, path: String, source: String) {
        self.value = value
        self.path = path
        self.source = source
    }

    /// An error at this path.
    public func error(_ reason: String) -> LoupeError {
        LoupeError(.invalidInput, "\(source) at \(path): \(reason)")
    }

    private func members() throws -> [(key: String, value: JSONValue)] {
        guard case .object(let members) = value else { throw error("expected an object, found \(value.kindName).") }
        return members
    }

    /// The member `key`, or nil when absent (an explicit null counts as absent).
    public func optional(_ key: String) throws -> JSONReader? {
        guard let member = try members().first(where: { $0.key == key }), member.value != .null else { return nil }
        return JSONReader(member.value, path: "\(path).\(key)", source: source)
    }

    /// The member `key`; its absence is an error that names it.
    public func required(_ key: String) throws -> JSONReader {
        guard let member = try optional(key) else { throw error("the required member \"\(key)\" is missing.") }
        return member
    }

    /// Whether the object has `key` (even as null).
    public func has(_ key: String) throws -> Bool { try members().contains { $0.key == key } }

    /// The value as a string.
    public func string() throws -> String {
        guard case .string(let text) = value else { throw error("expected a string, found \(value.kindName).") }
        return text
    }

    /// The value as an exact 64-bit integer (never through a Double).
    public func int64() throws -> Int64 {
        guard case .number(let text) = value else { throw error("expected an integer, found \(value.kindName).") }
        guard let number = Int64(text) else { throw error("expected a whole number that fits in 64 bits, found \(text).") }
        return number
    }

    /// The value's items.
    public func array() throws -> [JSONReader] {
        guard case .array(let items) = value else { throw error("expected an array, found \(value.kindName).") }
        return items.enumerated().map { JSONReader($1, path: "\(path)[\($0)]", source: source) }
    }

    /// Every string in the document below this point, with its path (for the card-number scan).
    public func allStrings() -> [(path: String, text: String)] {
        switch value {
        case .string(let text): return [(path, text)]
        case .array(let items):
            return items.enumerated().flatMap { JSONReader($1, path: "\(path)[\($0)]", source: source).allStrings() }
        case .object(let members):
            return members.flatMap { member in
                [("\(path).\(member.key)", member.key)]
                    + JSONReader(member.value, path: "\(path).\(member.key)", source: source).allStrings()
            }
        default: return []
        }
    }
}
