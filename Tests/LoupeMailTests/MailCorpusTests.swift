import Foundation
import LoupeDomain
import LoupeMail
import Testing

/// Shapes real mailboxes hold: both text and HTML, HTML only, forwards inside forwards, Japanese in Shift-JIS,
/// headers given twice.
@Suite struct MailCorpusTests {
    func mail(_ text: String) throws -> InboundMail {
        try MailParser.parse(Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }

    @Test func multipartAlternativeGivesThePlainPart() throws {
        let parsed = try mail("""
            From: ann@example.com
            Subject: Delete my account
            Message-ID: <alt-1@example.com>
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=utf-8

            Please delete my account.
            --alt
            Content-Type: text/html; charset=utf-8

            <p>Please <b>delete</b> my account.</p>
            --alt--
            """)
        #expect(parsed.body == "Please delete my account.")
        #expect(parsed.attachments.isEmpty, "the HTML alternative is not an attachment")
    }

    @Test func anHTMLOnlyMessageBecomesTextNeverMarkup() throws {
        let parsed = try mail("""
            From: ann@example.com
            Subject: Datos
            Message-ID: <html-1@example.com>
            MIME-Version: 1.0
            Content-Type: text/html; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            <html><head><title>t</title><style>p{color:red}</style><script>alert(1)</script></head>
            <body><p>Quiero una copia de mis datos, por favor &amp; gracias.</p><p>Caf=E9<br>Se&ntilde;or</p>
            <ul><li>pedido 1001</li><li>pedido 1002</li></ul><div><p>sin cerrar</body></html>
            """)
        #expect(parsed.body.hasPrefix("(converted from HTML)\n"))
        #expect(parsed.body.contains("Quiero una copia de mis datos, por favor & gracias."))
        #expect(parsed.body.contains("Café\nSeñor") && parsed.body.contains("- pedido 1001\n- pedido 1002"))
        #expect(parsed.body.contains("sin cerrar"))
        for markup in ["<", ">", "alert", "color:red", "&amp;"] { #expect(!parsed.body.contains(markup)) }
        #expect(RequestKindSuggestion.suggest(parsed.subject + " " + parsed.body) == .access)
    }

    @Test func nestedForwardsAreReadAsTheOuterText() throws {
        let parsed = try mail("""
            From: helpdesk@jewelrydealshop.com
            Subject: Fwd: Fwd: delete me
            Message-ID: <fwd-2@jewelrydealshop.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: text/plain; charset=utf-8

            Forwarding a customer's request.
            --outer
            Content-Type: message/rfc822

            From: colleague@jewelrydealshop.com
            Subject: Fwd: delete me
            Message-ID: <fwd-1@jewelrydealshop.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="inner"

            --inner
            Content-Type: text/plain; charset=utf-8

            See below.
            --inner
            Content-Type: message/rfc822

            From: ann@example.com
            Subject: delete me
            Message-ID: <orig@example.com>
            Content-Type: text/plain; charset=utf-8

            Please erase everything about me.
            --inner--
            --outer--
            """)
        #expect(parsed.body == "Forwarding a customer's request.")
        #expect(parsed.key == "<fwd-2@jewelrydealshop.com>" && parsed.nature == .message)
        #expect(parsed.attachments.isEmpty, "forwarded messages are text, not files")
    }

    @Test func shiftJISIsDecoded() throws {
        // 「データを削除してください」 (please delete my data) in Shift-JIS, base64; the subject as an encoded word.
        let body = Data([0x83, 0x66, 0x81, 0x5B, 0x83, 0x5E, 0x82, 0xF0, 0x8D, 0xED, 0x8F, 0x9C, 0x82, 0xB5, 0x82,
                         0xC4, 0x82, 0xAD, 0x82, 0xBE, 0x82, 0xB3, 0x82, 0xA2]).base64EncodedString()
        let subject = Data([0x8D, 0xED, 0x8F, 0x9C]).base64EncodedString()
        let parsed = try mail("""
            From: taro@example.jp
            Subject: =?Shift_JIS?B?\(subject)?=
            Message-ID: <sjis@example.jp>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=Shift_JIS
            Content-Transfer-Encoding: base64

            \(body)
            """)
        #expect(parsed.subject == "削除")
        #expect(parsed.body.trimmingCharacters(in: .whitespacesAndNewlines) == "データを削除してください")
    }

    @Test func headersGivenTwiceTakeTheFirst() throws {
        let parsed = try mail("""
            From: ann@example.com
            From: mallory@evil.example
            Subject: first
            Subject: second
            Message-ID: <dup-1@example.com>
            Message-ID: <dup-2@example.com>
            Content-Type: text/plain; charset=utf-8

            Hello.
            """)
        #expect(parsed.fromAddress == "ann@example.com")
        #expect(parsed.subject == "first")
        #expect(parsed.key == "<dup-1@example.com>")
    }
}
