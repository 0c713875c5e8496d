import Foundation
import LoupeDomain
import LoupeMail
import Testing

/// Real messages, as MTAs deliver them, read by GMime.
@Suite struct MailParserTests {
    func mail(_ text: String) throws -> InboundMail {
        try MailParser.parse(Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }

    @Test func encodedWordsCharsetsAndQuotedPrintableAreDecoded() throws {
        let parsed = try mail("""
            From: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <Juergen.Mueller@Example.DE>
            To: privacy@jewelrydealshop.com
            Subject: =?UTF-8?B?TMO2c2NodW5nIG1laW5lciBEYXRlbg==?=
            Message-ID: <abc123@mail.example.de>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=ISO-8859-1
            Content-Transfer-Encoding: quoted-printable

            Bitte l=F6schen Sie alle meine Daten.
            """)
        #expect(parsed.fromName == "Jürgen Müller" && parsed.fromAddress == "juergen.mueller@example.de")
        #expect(parsed.subject == "Löschung meiner Daten")
        #expect(parsed.body.contains("Bitte löschen Sie alle meine Daten."))
        #expect(parsed.key == "<abc123@mail.example.de>" && parsed.nature == .message)
        #expect(RequestKindSuggestion.suggest(parsed.subject + " " + parsed.body) == .erasure)
    }

    @Test func attachmentsAreListedNotKeptAndRepliesThread() throws {
        let parsed = try mail("""
            From: ann@example.com
            Subject: Re: Your request PR-2026-000042 [PR-2026-000042]
            Message-ID: <reply-1@example.com>
            In-Reply-To: <ack-77@jewelrydealshop.com>
            References: <first@example.com> <ack-77@jewelrydealshop.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8; format=flowed

            Here is my passport, as you asked. It should be enough to 
            confirm who I am.
            --b1
            Content-Type: image/jpeg; name="passport.jpg"
            Content-Disposition: attachment; filename="passport.jpg"
            Content-Transfer-Encoding: base64

            /9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/
            --b1--
            """)
        #expect(parsed.answers == ["ack-77@jewelrydealshop.com", "first@example.com"])
        #expect(parsed.requestIdInSubject == "PR-2026-000042")
        #expect(parsed.body == "Here is my passport, as you asked. It should be enough to confirm who I am.", "unflowed")
        #expect(parsed.attachments.map(\.name) == ["passport.jpg"] && parsed.attachments[0].size > 50)
        #expect(parsed.attachmentsNote?.hasPrefix("1 attachment not kept: passport.jpg (image/jpeg") == true)
    }

    /// Every Authentication-Results header is kept, in the order received (the store trusts one host's only).
    @Test func everyAuthenticationResultsHeaderIsKeptInOrder() throws {
        let parsed = try mail("""
            Authentication-Results: mx.shop.example; dmarc=pass header.from=example.com
            Authentication-Results: relay.example.net; dkim=none
            From: ann@example.com
            Subject: Re: code

            482913
            """)
        #expect(parsed.authenticationResults == [
            "mx.shop.example; dmarc=pass header.from=example.com", "relay.example.net; dkim=none",
        ])
        #expect(MailAuthentication.isAuthenticated(
            from: parsed.fromAddress, headers: parsed.authenticationResults, trustedId: "mx.shop.example"))
    }

    @Test func autoRepliesAndBouncesAreToldApart() throws {
        let away = try mail("""
            From: ann@example.com
            Subject: Out of office
            Auto-Submitted: auto-replied
            Message-ID: <ooo@example.com>

            I am away until Monday.
            """)
        #expect(away.nature == .autoReply)
        let bulk = try mail("From: list@example.com\nPrecedence: bulk\nSubject: News\n\nHi")
        #expect(bulk.nature == .autoReply)
        let bounce = try mail("""
            From: MAILER-DAEMON@mx.example.com
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <bounce-1@mx.example.com>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="r"

            --r
            Content-Type: text/plain

            The mail system could not deliver your message.
            --r
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.com
            Final-Recipient: rfc822; gone@example.com
            Action: failed
            Status: 5.1.1
            --r
            Content-Type: message/rfc822

            From: privacy@jewelrydealshop.com
            To: gone@example.com
            Subject: We received your request
            Message-ID: <sent-9@jewelrydealshop.com>

            Dear customer
            --r--
            """)
        #expect(bounce.nature == .bounce && bounce.bouncedMessageId == "sent-9@jewelrydealshop.com")
        #expect(bounce.attachments.isEmpty, "a report's parts are not attachments")
    }

    @Test func cardNumbersAreRemovedAndLongBodiesCut() throws {
        let parsed = try mail("""
            From: ann@example.com
            Subject: my card 4111 1111 1111 1111 was charged
            Message-ID: <card@example.com>

            Please refund card 4111-1111-1111-1111 exp 12/29, order JDS-100042.
            """)
        #expect(!parsed.body.contains("4111") && !parsed.subject.contains("4111") && parsed.cardNumbersRemoved == 2)
        #expect(parsed.body.contains("order JDS-100042"), "order numbers stay")
        let long = try MailParser.parse(Data(("From: a@example.com\r\nSubject: x\r\n\r\n" + String(repeating: "é", count: 100_000)).utf8))
        #expect(long.bodyWasCut && long.body.utf8.count < InboundMail.bodyLimit + 100 && long.body.hasSuffix("longer than 64 kB]"))
    }

    @Test func aMessageWithoutMessageIdIsKeyedByItsBytes() throws {
        let text = "From: a@example.com\r\nSubject: delete me\r\n\r\nPlease delete my account."
        let first = try MailParser.parse(Data(text.utf8))
        let again = try MailParser.parse(Data(text.utf8))
        #expect(first.key.hasPrefix("sha256:") && first.key == again.key)
    }

    @Test func hostileBytesAreReadWithoutCrashing() throws {
        var nested = "From: a@example.com\r\nSubject: deep\r\nMIME-Version: 1.0\r\n"
        for depth in 0..<100 { nested += "Content-Type: multipart/mixed; boundary=\"b\(depth)\"\r\n\r\n--b\(depth)\r\n" }
        nested += "Content-Type: text/plain\r\n\r\ninner\r\n"
        #expect(try MailParser.parse(Data(nested.utf8)).from != "never", "100 levels of MIME parse")
        let escapes = try mail("From: \u{1B}[2J<evil@example.com>\nSubject: \u{1B}]52;c;aGk=\u{07}\u{202E}gnp.exe\n\nbody \u{1B}[31mred")
        #expect(escapes.subject.contains("\u{1B}") || !escapes.subject.isEmpty, "kept as text; shown inert by the views")
        var invalid = Data("From: a@example.com\r\nSubject: bad bytes\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n".utf8)
        invalid.append(contentsOf: [0xC3, 0x28, 0xFF, 0xFE, 0x41])
        #expect(try MailParser.parse(invalid).body.contains("A"))
        let hugeLine = "From: a@example.com\r\nSubject: huge\r\n\r\n" + String(repeating: "a", count: 10_000_000)
        #expect(try MailParser.parse(Data(hugeLine.utf8)).bodyWasCut)
    }
}

extension InboundMail {
    fileprivate var from: String? { fromAddress }
}
