/// The subject and body of one event's message, with `{{placeholder}}`s filled from the request.
public struct MessageTemplate: Equatable, Sendable {
    public var event: MessageEvent
    public var subject: String
    public var body: String
    /// The language it is written in.
    public var language: Language

    /// Makes a template (not yet validated).
    public init(event: MessageEvent, subject: String, body: String, language: Language = .english) {
        self.event = event
        self.subject = subject
        self.body = body
        self.language = language
    }

    /// The placeholders named in the subject and body, in order of appearance.
    public func names() throws -> [String] {
        try Self.scan(subject, field: "subject", event: event).map(\.name) + Self.scan(body, field: "body", event: event).map(\.name)
    }

    /// The template, checked: subject one line and not empty, body not empty, every `{{name}}` known for this
    /// event and every `{{` closed. Errors name the placeholder and list the allowed ones.
    public func validated() throws -> MessageTemplate {
        _ = try validatedText()
        let allowed = Set(event.placeholders.map(\.rawValue))
        for name in try names() where !allowed.contains(name) {
            throw LoupeError(.invalidInput, "The \(event.rawValue) template (\(language.name)) names an unknown placeholder {{\(name)}}; it may use: \(event.placeholders.map { "{{\($0.rawValue)}}" }.joined(separator: ", ")).")
        }
        return self
    }

    /// The template checked as plain text (an edited message, placeholders already filled): subject one
    /// non-empty line, body not empty, sizes capped, no control or bidi characters.
    public func validatedText() throws -> MessageTemplate {
        guard !subject.trimmingCharacters(in: .whitespaces).isEmpty, !subject.contains(where: \.isNewline) else {
            throw LoupeError(.invalidInput, "The \(event.rawValue) message's subject must be one non-empty line.")
        }
        guard subject.count <= 200, body.count <= 20_000 else {
            throw LoupeError(.invalidInput, "The \(event.rawValue) message is too long: keep the subject under 200 characters and the body under 20,000.")
        }
        guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw LoupeError(.invalidInput, "The \(event.rawValue) message's body is empty.")
        }
        guard !CardNumberRule.contains(subject), !CardNumberRule.contains(body) else {
            throw LoupeError(.invalidInput, "The \(event.rawValue) message holds what looks like a full card number; remove it (the last four digits are enough).")
        }
        if let bad = (subject + body).unicodeScalars.first(where: { TextRules.isForbidden($0, allowNewlines: true) }) {
            throw LoupeError(.invalidInput, String(format: "The \(event.rawValue) message contains the control character U+%04X; remove it.", bad.value))
        }
        return self
    }

    /// The subject and body with every placeholder replaced by its value (an absent value becomes "-").
    public func render(_ values: [Placeholder: String]) throws -> (subject: String, body: String) {
        func fill(_ text: String, field: String) throws -> String {
            var output = ""
            var rest = Substring(text)
            for match in try Self.scan(text, field: field, event: event) {
                output += rest[rest.startIndex..<match.range.lowerBound]
                output += Placeholder(rawValue: match.name).flatMap { values[$0] } ?? "-"
                rest = rest[match.range.upperBound...]
            }
            return output + rest
        }
        // Values come from customers (names): one line in the subject, never a header break.
        let subjectLine = try fill(subject, field: "subject")
            .split(whereSeparator: { $0.isNewline }).joined(separator: " ")
        return (subjectLine, try fill(body, field: "body"))
    }

    private static func scan(_ text: String, field: String, event: MessageEvent) throws -> [(name: String, range: Range<String.Index>)] {
        // Byte by byte on the UTF-8 view: Foundation's `range(of:)` bridged the whole text for every placeholder.
        let bytes = text.utf8
        let brace = (open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))
        func pair(_ byte: UInt8, from start: String.Index) -> String.Index? {
            var index = start
            while index < bytes.endIndex {
                let next = bytes.index(after: index)
                if bytes[index] == byte, next < bytes.endIndex, bytes[next] == byte { return index }
                index = next
            }
            return nil
        }
        var found: [(String, Range<String.Index>)] = []
        var index = bytes.startIndex
        while let open = pair(brace.open, from: index) {
            let inside = bytes.index(open, offsetBy: 2)
            guard let close = pair(brace.close, from: inside) else {
                throw LoupeError(.invalidInput, "The \(event.rawValue) template's \(field) opens {{ without closing it with }}.")
            }
            let name = TextRules.trimmed(text[inside..<close])
            index = bytes.index(close, offsetBy: 2)
            found.append((name, open..<index))
        }
        return found
    }
}
