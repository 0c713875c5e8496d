import LoupeDomain
import Testing

/// Authentication-Results (RFC 8601) count only from the one trusted host, and only for the From: domain.
@Suite struct MailAuthenticationTests {
    let from = "ann@mail.example.com"

    @Test func dmarcOrAnAlignedDKIMPassFromTheTrustedHostAuthenticates() {
        let trusted = "mx.shop.example"
        #expect(MailAuthentication.isAuthenticated(
            from: from, headers: ["mx.shop.example; dmarc=pass header.from=mail.example.com"], trustedId: trusted))
        #expect(MailAuthentication.isAuthenticated(
            from: from, headers: ["MX.Shop.Example 1; dkim=pass (good signature) header.d=example.com"],
            trustedId: trusted), "relaxed alignment: a parent domain's signature")
        #expect(MailAuthentication.isAuthenticated(
            from: from, headers: ["mx.shop.example; dkim=pass header.i=@mail.example.com"], trustedId: trusted))
    }

    @Test func anythingElseDoesNot() {
        let trusted = "mx.shop.example"
        let refused: [[String]] = [
            ["evil.example; dmarc=pass header.from=mail.example.com"],  // another host (or the sender) wrote it
            ["mx.shop.example; dmarc=fail header.from=mail.example.com"],
            ["mx.shop.example; dmarc=pass header.from=other.example"],  // not the From: domain
            ["mx.shop.example; dkim=pass header.d=ample.com"],  // a suffix but not a parent domain
            ["mx.shop.example; spf=pass smtp.mailfrom=mail.example.com"],  // SPF alone is not alignment
            ["mx.shop.example (dmarc=pass header.from=mail.example.com); none"],  // only in a comment
            [],
        ]
        for headers in refused {
            #expect(!MailAuthentication.isAuthenticated(from: from, headers: headers, trustedId: trusted), "\(headers)")
        }
        #expect(!MailAuthentication.isAuthenticated(
            from: from, headers: ["mx.shop.example; dmarc=pass header.from=mail.example.com"], trustedId: nil),
            "no trusted host: nothing authenticates")
    }
}
