import Foundation
@testable import LoupeDomain
import Testing

@Suite struct MessageTemplateTests {
    /// Every value a template can name, so a rendered message shows whether anything was left unfilled.
    let values: [Placeholder: String] = Dictionary(uniqueKeysWithValues: Placeholder.allCases.map { ($0, "<\($0.rawValue)>") })

    @Test(arguments: MessageEvent.allCases)
    func everyShippedTemplateIsValidAndFillsEveryPlaceholder(event: MessageEvent) throws {
        let template = try MessageTemplate.standard(event).validated()
        let (subject, body) = try template.render(values)
        #expect(!subject.contains("{{") && !body.contains("{{"))
        // A notice goes to a customer, not about a request; every other message names its request.
        #expect(event.isNotice || subject.contains("<requestId>") || body.contains("<requestId>"))
        for name in try template.names() { #expect((subject + body).contains("<\(name)>")) }
    }

    @Test func theRejectionNamesTheReasonAndTheRightToComplain() throws {
        let body = try MessageTemplate.standard(.rejected).render(values).body
        #expect(body.contains("<reason>") && body.contains("<authority>") && body.contains("complaint"))
    }

    @Test func anUnknownPlaceholderIsNamedWithTheAllowedOnes() {
        let template = MessageTemplate(event: .received, subject: "Hi {{recipientName}}", body: "Your {{orderTotal}}")
        #expect {
            try template.validated()
        } throws: { error in
            let message = (error as? LoupeError)?.message ?? ""
            return message.contains("{{orderTotal}}") && message.contains("{{requestId}}")
        }
        // A placeholder of another event is unknown here too.
        #expect(throws: LoupeError.self) {
            try MessageTemplate(event: .received, subject: "x", body: "{{exportLocation}}").validated()
        }
    }

    @Test func unclosedBracesAMultiLineSubjectAndControlsAreRefused() {
        for template in [
            MessageTemplate(event: .received, subject: "x", body: "Dear {{recipientName"),
            MessageTemplate(event: .received, subject: "two\nlines", body: "b"),
            MessageTemplate(event: .received, subject: "x", body: "bell \u{07}"),
            MessageTemplate(event: .received, subject: "x", body: "  \n "),
        ] {
            #expect(throws: LoupeError.self) { try template.validated() }
        }
    }

    @Test func aNameWithLineBreaksStaysOnTheSubjectLine() throws {
        let template = MessageTemplate(event: .received, subject: "For {{recipientName}}", body: "b")
        let subject = try template.render([.recipientName: "Ann\r\nBcc: evil@example.com"]).subject
        #expect(!subject.contains("\n") && !subject.contains("\r"))
    }

    @Test func eachCommandCallsForItsMessage() {
        func after(_ command: RequestCommand, _ kind: RequestKind = .access, from: RequestStatus = .inProgress,
                   to: RequestStatus = .inProgress, verified: Bool = false) -> MessageEvent? {
            MessageEvent.after(command, kind: kind, from: from, to: to, isIdentityVerified: verified)
        }
        #expect(after(.extend(months: 1, reason: "r")) == .extended)
        #expect(after(.reject(reason: "r")) == .rejected)
        #expect(after(.cancel(reason: "r")) == .cancelled)
        #expect(after(.approve, .erasure) == .erasureDone)
        #expect(after(.complete, .access) == .accessReady)
        #expect(after(.complete, .rectification) == .rectificationDone)
        #expect(after(.complete, .consentWithdrawal) == .consentWithdrawn)
        #expect(after(.complete, .erasure) == nil, "the erasure report went on approval")
        #expect(after(.claim, .access, from: .received, to: .verifying) == .verificationNeeded)
        #expect(after(.claim, .access, from: .received, to: .verifying, verified: true) == nil)
        #expect(after(.claim, .consentWithdrawal, from: .received, to: .verifying) == nil, "needs no identity check")
        #expect(after(.note("n")) == nil)
        #expect(after(.start, .access, from: .verifying, to: .inProgress) == nil)
    }
}

@Suite struct MailMessageTests {
    func message(name: String?, subject: String = "Hello") throws -> String {
        let mail = MailMessage(
            from: try MailAddress(name: "Shop", address: "privacy@shop.example"),
            to: try MailAddress(name: name, address: "ann@example.com"), subject: subject, body: "Line one\nLine two ✓",
            date: Date(timeIntervalSince1970: 1_795_608_000), messageId: "<m1@shop.example>")
        return String(decoding: mail.rfc5322(), as: UTF8.self)
    }

    @Test func headersAreOneLineEachAndTheBodyIsBase64UTF8() throws {
        let text = try message(name: "Ann Lee")
        let (head, body) = (text.components(separatedBy: "\r\n\r\n")[0], text.components(separatedBy: "\r\n\r\n")[1])
        #expect(head.contains("Date: Wed, 25 Nov 2026 12:00:00 +0000"))
        #expect(head.contains("To: \"Ann Lee\" <ann@example.com>"))
        #expect(head.contains("Content-Type: text/plain; charset=utf-8"))
        let decoded = Data(base64Encoded: body.replacingOccurrences(of: "\r\n", with: ""))
        #expect(decoded.map { String(decoding: $0, as: UTF8.self) } == "Line one\r\nLine two ✓")
    }

    @Test func hostileNamesCannotAddHeaders() throws {
        for name in ["Ann\r\nBcc: evil@example.com", "Ann\nBcc: evil@example.com", "\u{202E}Ann\u{0}", "A \"quoted\" \\ name"] {
            let text = try message(name: name, subject: "Re\r\nBcc: evil@example.com")
            let head = text.components(separatedBy: "\r\n\r\n")[0]
            let lines = head.components(separatedBy: "\r\n")
            #expect(!lines.contains { $0.hasPrefix("Bcc:") }, "\(name)")
            #expect(lines.allSatisfy { $0.hasPrefix(" ") || $0.contains(":") })
            #expect(!text.contains("\u{0}") && !text.contains("\u{202E}"))
        }
    }

    @Test func nonASCIINamesAndLongSubjectsBecomeEncodedWordsOfAtMost75Characters() throws {
        let text = try message(name: "Jürgen Müller 王秀英", subject: String(repeating: "Ünïcode subject ", count: 8))
        let head = text.components(separatedBy: "\r\n\r\n")[0]
        #expect(head.contains("=?utf-8?B?"))
        for word in head.split(whereSeparator: { $0 == " " || $0 == "\r" || $0 == "\n" }) where word.hasPrefix("=?") {
            #expect(word.count <= 75)
        }
    }

    @Test func badAddressesAreRefused() {
        for address in ["no-at-sign", "a@b", "a b@example.com", "a@example.com\r\nBcc: x@y.z", "<a@example.com>", "@example.com"] {
            #expect(throws: LoupeError.self, "\(address)") { try MailAddress(name: nil, address: address) }
        }
    }
}
