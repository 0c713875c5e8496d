import Foundation
@testable import LoupeDomain
import Testing

/// A long plain subject stays readable: folded at spaces within 78 columns, not base64-encoded.
@Suite struct MailSubjectFoldingTests {
    @Test func aLongASCIISubjectIsFoldedNotEncoded() throws {
        let subject = "We received your privacy request PR-2026-000041 [PR-2026-000041] and will answer by 2026-12-28"
        let message = MailMessage(
            from: try MailAddress(name: nil, address: "privacy@shop.example"),
            to: try MailAddress(name: nil, address: "ann@example.com"), subject: subject, body: "Hi",
            date: Date(timeIntervalSince1970: 0), messageId: "<x@shop.example>")
        let text = String(decoding: message.rfc5322(), as: UTF8.self)
        let header = text.components(separatedBy: "\r\n\r\n")[0]
        let lines = header.components(separatedBy: "\r\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("Subject: ") })
        var unfolded = String(lines[start].dropFirst("Subject: ".count))
        for line in lines[(start + 1)...] where line.hasPrefix(" ") { unfolded += line }
        #expect(unfolded == subject && !header.contains("=?utf-8?"))
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
    }
}
