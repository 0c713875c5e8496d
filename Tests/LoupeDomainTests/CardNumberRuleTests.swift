import LoupeDomain
import Testing

/// Full card numbers are refused wherever staff type text: notes, reasons, names, corrections, templates.
@Suite struct CardNumberRuleTests {
    /// A request's id or a hashed identity is no card number, whatever digits it holds (an OpenDSR request whose
    /// UUID passed Luhn was refused as "a full card number" in its reference); the same digits in text still are.
    @Test func machineIdentifiersAreNoCardNumbers() throws {
        let uuid = "41111111-1111-4131-a111-111111111111"
        #expect(!CardNumberRule.contains(uuid))
        #expect(!CardNumberRule.contains("4111111111111111" + String(repeating: "a", count: 48)))
        #expect(try TextRules.validated(uuid, field: "reference") == uuid)
        #expect(CardNumberRule.contains("card 4111 1111 1111 1111, uuid next"))
    }

    @Test(arguments: ["4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "4111.1111.1111.1111",
                      "card 4111 1111 1111 1111 12/27 cvv 123", "4111 1111 1111 1111 exp 12 27", "5500 0000 0000 0004"])
    func aCardNumberIsFound(text: String) {
        #expect(CardNumberRule.contains(text))
    }

    @Test(arguments: ["JDS-104233", "PR-2026-000123", "+44 7700 900812", "4111 1111 1111 1112", "order 1234567890123456789012",
                      "ends in 4242", "due 2026-12-28"])
    func otherNumbersAreNot(text: String) {
        #expect(!CardNumberRule.contains(text))
    }

    @Test func notesReasonsAndTemplatesRefuseIt() throws {
        #expect(throws: LoupeError.self) { try TextRules.validated("Paid with 4111.1111.1111.1111", field: "note") }
        #expect(throws: LoupeError.self) {
            try MessageTemplate(event: .received, subject: "Hi", body: "Your card 4111-1111-1111-1111 12/27").validatedText()
        }
        #expect(throws: LoupeError.self) { try RectificationRules.validated([.fullName: "Ann 4111 1111 1111 1111"]) }
        #expect(try RectificationRules.validated([.phone: "+49 1511 2345 67890"])[.phone] != nil,
                "a long phone number is checked as a phone, not as a card")
    }
}
