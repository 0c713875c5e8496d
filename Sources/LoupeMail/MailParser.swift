import CGMime
import Crypto
import Foundation
import LoupeDomain

/// Reads one message's bytes with GMime (MIME structure, RFC 2047 encoded words, charsets, quoted-printable and
/// base64) into an `InboundMail`: threading headers, the sender, the plain text (unflowed, capped, card numbers
/// removed), the attachments listed but not kept, and whether it is a person, an auto-reply or a bounce.
public enum MailParser {
    /// Parses `data`; a `LoupeError` (invalid input) when it is not a message GMime can read.
    public static func parse(_ data: Data) throws -> InboundMail {
        let parsed: UnsafeMutablePointer<GMimeMessage>? = data.withUnsafeBytes { raw in
            loupe_mail_parse(raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count)
        }
        guard let message = parsed, data.count > 0 else {
            throw LoupeError(.invalidInput, "Not a mail message: GMime found no headers in it.")
        }
        defer { loupe_mail_free(message) }
        let header = { (name: String) -> String? in
            guard let value = loupe_mail_header(message, name) else { return nil }
            defer { g_free(value) }
            return String(cString: value)
        }
        let topType = { () -> String in
            let type = loupe_mail_top_type(message)
            defer { g_free(type) }
            return type.map { String(cString: $0).lowercased() } ?? "text/plain"
        }()
        let parts = readParts(message)
        let messageId: String? = {
            let id = loupe_mail_message_id(message)
            defer { g_free(id) }
            return id.map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        }()
        let answers = ids(in: header("In-Reply-To")) + ids(in: header("References")).reversed()
        // A mailing list's mail (a newsletter) says so in its List-* headers (RFC 2369, 2919); it is sorted apart
        // from auto-replies, which carry Precedence: bulk too but answer one of Loupe's messages.
        let isList = header("List-Id") != nil || header("List-Unsubscribe") != nil
        let automatic =
            (header("Auto-Submitted").map { !$0.lowercased().hasPrefix("no") } ?? false)
            || (!isList && ["bulk", "junk", "list"].contains(
                header("Precedence")?.lowercased().trimmingCharacters(in: .whitespaces) ?? ""))
            || header("X-Autoreply") != nil || header("X-Autorespond") != nil
        let isReport = topType == "multipart/report"
        let nature: InboundMail.Nature = isReport ? .bounce : automatic ? .autoReply : .message
        let (body, cut) = capped(text(of: parts))
        let cleanBody = CardNumberRule.redacted(body)
        let subject: String = {
            let text = loupe_mail_subject(message)
            defer { g_free(text) }
            return text.map { String(cString: $0) } ?? ""
        }()
        let cleanSubject = CardNumberRule.redacted(subject)
        var authenticationResults: [String] = []
        while authenticationResults.count < 20,
              let value = loupe_mail_header_at(message, "Authentication-Results", Int32(authenticationResults.count)) {
            authenticationResults.append(String(String(cString: value).prefix(2_000)))
        }
        var mail = InboundMail(
            key: messageId.map { "<\($0)>" } ?? "sha256:"
                + SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined(),
            messageId: messageId, answers: dedupe(answers),
            fromAddress: loupe_mail_from(message, 0).map { String(cString: $0).lowercased() },
            fromName: loupe_mail_from(message, 1).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 },
            subject: String(cleanSubject.text.prefix(998)), body: cleanBody.text, bodyWasCut: cut,
            cardNumbersRemoved: cleanBody.count + cleanSubject.count,
            attachments: parts.filter(\.isKeptOut).map {
                InboundMail.Attachment(name: $0.filename ?? "(unnamed)", type: $0.type, size: $0.size)
            },
            nature: nature, bouncedMessageId: isReport ? bouncedId(in: parts) : nil)
        mail.authenticationResults = authenticationResults
        mail.isList = isList
        mail.isSpam = SpamVerdict.isSpam(
            flag: header("X-Spam-Flag"), status: header("X-Spam-Status"), rspamd: header("X-Spam"),
            rspamdResult: header("X-Spamd-Result"))
        return mail
    }

    /// A leaf part as GMime read it.
    struct Part {
        var type: String
        var filename: String?
        var text: String?
        var isFlowed: Bool
        var size: Int
        var isAttachment: Bool
        var innerMessageId: String?

        /// A file the sender attached (not the text, not a delivery report's machinery).
        var isKeptOut: Bool {
            isAttachment
                || (text == nil && innerMessageId == nil && !type.hasPrefix("message/")
                    && type != "text/rfc822-headers" && !type.hasPrefix("text/"))
        }
    }

    static func readParts(_ message: UnsafeMutablePointer<GMimeMessage>) -> [Part] {
        let list = loupe_mail_parts(message)
        defer { loupe_mail_parts_free(list) }
        return (0..<list.count).map { index in
            let item = list.items[index]
            return Part(
                type: item.content_type.map { String(cString: $0).lowercased() } ?? "application/octet-stream",
                filename: item.filename.map { String(cString: $0) },
                text: item.text.map { String(cString: $0) },
                isFlowed: item.format.map { String(cString: $0).lowercased() == "flowed" } ?? false,
                size: item.size, isAttachment: item.is_attachment != 0,
                innerMessageId: item.inner_message_id.map { String(cString: $0) })
        }
    }

    /// The first plain-text part, unflowed; else the first HTML part's text (never its markup).
    static func text(of parts: [Part]) -> String {
        if let plain = parts.first(where: { $0.type == "text/plain" && $0.text != nil && !$0.isAttachment }) {
            // "\r\n" is one Character in Swift: lines are split on it only once it is "\n".
            let text = plain.text!.split(separator: "\r\n", omittingEmptySubsequences: false).joined(separator: "\n")
            return plain.isFlowed ? unflow(text) : text
        }
        if let html = parts.first(where: { $0.type == "text/html" && $0.text != nil && !$0.isAttachment }) {
            let text = HTMLText.text(html.text!)
            return "(converted from HTML)\n" + (text.isEmpty ? "(no text in it)" : text)
        }
        return ""
    }

    /// RFC 3676 format=flowed: a line ending in a space continues on the next; a leading space was stuffed.
    static func unflow(_ text: String) -> String {
        var output = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(line)
            if line.hasPrefix(" ") { line.removeFirst() }
            if line.hasSuffix(" ") && line != "-- " {
                output += line
            } else {
                output += line + "\n"
            }
        }
        return output.hasSuffix("\n") ? String(output.dropLast()) : output
    }

    /// `text` cut to `InboundMail.bodyLimit` bytes of UTF-8 at a character boundary, and whether it was cut.
    static func capped(_ text: String) -> (String, Bool) {
        guard text.utf8.count > InboundMail.bodyLimit else { return (text, false) }
        var kept = ""
        var bytes = 0
        for character in text {
            let size = String(character).utf8.count
            if bytes + size > InboundMail.bodyLimit { break }
            kept.append(character)
            bytes += size
        }
        return (kept + "\n[cut: the message was longer than 64 kB]", true)
    }

    /// The Message-IDs (`<…>`) in a header value, without brackets.
    static func ids(in value: String?) -> [String] {
        guard let value else { return [] }
        var found: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let id = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if !id.isEmpty && id.count < 250 { found.append(id) }
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    /// The Message-ID of the message a delivery report is about: from its attached message, or the headers part.
    static func bouncedId(in parts: [Part]) -> String? {
        if let inner = parts.compactMap(\.innerMessageId).first { return inner }
        for part in parts where part.type == "text/rfc822-headers" {
            for line in (part.text ?? "").split(whereSeparator: \.isNewline)
            where line.lowercased().hasPrefix("message-id:") {
                return ids(in: String(line)).first
            }
        }
        return nil
    }

    static func dedupe(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
