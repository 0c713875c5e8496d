import Foundation

/// An email address with an optional display name.
public struct MailAddress: Equatable, Sendable {
    public var name: String?
    public var address: String

    /// The address, checked: one `@`, no spaces, controls or the characters `<>()[],;:"\`, at most 254 bytes.
    public init(name: String?, address: String) throws {
        let forbidden = Set("<>()[],;:\"\\ ")
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), address.utf8.count <= 254,
              !address.contains(where: { forbidden.contains($0) }),
              !address.unicodeScalars.contains(where: { TextRules.isForbidden($0) }) else {
            throw LoupeError(.invalidInput, "'\(TextRules.printable(address))' is not an email address that mail can be sent to; correct it on the customer or the request.")
        }
        self.name = name
        self.address = address
    }

    /// The header form: `"Name" <a@b>`, or RFC 2047 encoded words for a name outside printable ASCII. Control and
    /// line-break characters in the name are dropped, so a name can never start a new header.
    var header: String {
        let clean = (name ?? "").unicodeScalars.filter { !TextRules.isForbidden($0) && $0 != "\n" && $0 != "\r" }
        let text = String(String.UnicodeScalarView(clean)).trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return "<\(address)>" }
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            let quoted = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(quoted)\" <\(address)>"
        }
        return MailMessage.encodedWords(text).joined(separator: "\r\n ") + " <\(address)>"
    }
}

/// One message as an RFC 5322 file: UTF-8 text in a MIME single part, base64-encoded, CRLF line ends.
public struct MailMessage: Equatable, Sendable {
    public var from: MailAddress
    public var to: MailAddress
    public var subject: String
    public var body: String
    public var date: Date
    /// `<...@...>`, fixed when the message was queued so a resend is recognisably the same message.
    public var messageId: String
    /// The Message-ID this one answers, so the subject's mail client threads it.
    public var inReplyTo: String?
    /// The conversation's Message-IDs, oldest first (RFC 5322 3.6.4).
    public var references: [String]
    /// Whether software wrote it from a template (`Auto-Submitted: auto-generated`, so vacation responders stay
    /// quiet) rather than a person.
    public var isAutomatic: Bool

    /// Makes a message.
    public init(from: MailAddress, to: MailAddress, subject: String, body: String, date: Date, messageId: String,
                inReplyTo: String? = nil, references: [String] = [], isAutomatic: Bool = true) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageId = messageId
        self.inReplyTo = inReplyTo.flatMap(Self.messageIdOrNil)
        self.references = references.compactMap(Self.messageIdOrNil)
        self.isAutomatic = isAutomatic
    }

    /// `text` when it is a well-formed `<id@domain>` that can go in a header as it is (no spaces or controls,
    /// at most 250 characters), else nil: a hostile In-Reply-To never reaches a header.
    public static func messageIdOrNil(_ text: String) -> String? {
        guard text.count >= 3, text.count <= 250, text.first == "<", text.last == ">",
              text.dropFirst().dropLast().unicodeScalars.allSatisfy({
                  $0.value > 0x20 && $0.value < 0x7F && $0 != "<" && $0 != ">"
              })
        else { return nil }
        return text
    }

    /// The message as the bytes of an RFC 5322 file.
    public func rfc5322() -> Data {
        let cleanSubject = String(String.UnicodeScalarView(subject.unicodeScalars.filter { !TextRules.isForbidden($0) }))
        // Plain ASCII stays readable, folded at spaces to keep lines within 78 columns (RFC 5322 2.2.3); anything
        // else, or a word too long to fold, is RFC 2047-encoded.
        let isPlain = cleanSubject.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
            && !cleanSubject.split(separator: " ").contains { $0.count > 60 } && cleanSubject.count <= 900
        let subjectHeader = isPlain ? Self.folded(cleanSubject, after: "Subject: ".count)
            : Self.encodedWords(cleanSubject).joined(separator: "\r\n ")
        let normalized = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let base64 = Array(Data(normalized.utf8).base64EncodedString())
        let encoded = stride(from: 0, to: base64.count, by: 76)
            .map { String(base64[$0..<min($0 + 76, base64.count)]) }.joined(separator: "\r\n")
        var headers = [
            "Date: \(Self.dateHeader(date))",
            "From: \(from.header)",
            "To: \(to.header)",
            "Subject: \(subjectHeader)",
            "Message-ID: \(messageId)",
        ]
        if let inReplyTo { headers.append("In-Reply-To: \(inReplyTo)") }
        if !references.isEmpty { headers.append("References: " + references.joined(separator: "\r\n ")) }
        headers += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64"]
        if isAutomatic { headers.append("Auto-Submitted: auto-generated") }
        return Data((headers.joined(separator: "\r\n") + "\r\n\r\n" + encoded + "\r\n").utf8)
    }

    /// `Wed, 25 Nov 2026 12:00:00 +0000`.
    public static func dateHeader(_ date: Date) -> String {
        let c = CivilTime.components(date)
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][c.month - 1]
        return "\(weekday), \(c.day) \(month) \(c.year) \(CivilTime.pad(c.hour)):\(CivilTime.pad(c.minute)):\(CivilTime.pad(c.second)) +0000"
    }

    /// ASCII text folded before spaces so no line (the first one after a `prefix`-long header name) passes 78.
    static func folded(_ text: String, after prefix: Int) -> String {
        var lines: [String] = []
        var line = ""
        var room = 78 - prefix
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty && line.count + 1 + word.count > room {
                lines.append(line)
                line = ""
                room = 77
            }
            line += (line.isEmpty && lines.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }

    /// RFC 2047 `=?utf-8?B?...?=` words of at most 75 characters, split between characters, never inside one.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk = Data()
        for character in text {
            let bytes = Data(String(character).utf8)
            if (chunk.count + bytes.count + 2) / 3 * 4 > 60 {
                words.append("=?utf-8?B?\(chunk.base64EncodedString())?=")
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?utf-8?B?\(chunk.base64EncodedString())?=") }
        return words
    }
}
