import Foundation
import LoupeDomain
@testable import LoupeIntake
import Testing

@Suite struct StrictJSONTests {
    func parse(_ text: String) throws -> JSONValue { try StrictJSON.parse(Data(text.utf8), source: "t.json") }

    func reason(_ text: String) -> String {
        do { _ = try parse(text); return "accepted" } catch { return (error as? LoupeError)?.message ?? "\(error)" }
    }

    @Test func validDocumentsKeepOrderAndExactIntegers() throws {
        let value = try parse(#"{"b":[1,-2.5e3,true,null],"a":"\u00e9\ud83d\ude00","big":9223372036854775807}"#)
        guard case .object(let members) = value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["b", "a", "big"])
        #expect(members[1].value == .string("é😀"))
        #expect(try JSONReader(value, source: "t").required("big").int64() == Int64.max)
    }

    @Test(arguments: [
        (#"{"a":1,"a":2}"#, "appears twice"),
        (#"{"a":1,}"#, "trailing comma"),
        (#"[1,2,]"#, "trailing comma"),
        (#"{"a":01}"#, "do not start with 0"),
        ("{\"a\":\"tab\tinside\"}", "must be escaped"),
        (#"{"a":"\ud800"}"#, "surrogate"),
        (#"{"a":1} x"#, "after the JSON value"),
        (#"{'a':1}"#, "double quotes"),
        (#"// c"#, "expected a value"),
        (#"{"a":"open"#, "not closed"),
        (String(repeating: "[", count: 70) + String(repeating: "]", count: 70), "nested deeper"),
    ])
    func malformedDocumentsAreRefusedWithTheReasonAndPlace(text: String, expected: String) {
        let message = reason(text)
        #expect(message.contains(expected), "\(message)")
        #expect(message.contains("line 1, column"))
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: LoupeError.self) { try StrictJSON.parse(Data([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x7D]), source: "x") }
    }

    @Test func readersNameThePathAndTheTypeFound() throws {
        let root = JSONReader(try parse(#"{"customer":{"id":"12"},"orders":[1,"2"]}"#), source: "w.json")
        #expect {
            try root.required("customer").required("id").int64()
        } throws: { ($0 as? LoupeError)?.message == "w.json at $.customer.id: expected an integer, found a string." }
        #expect {
            try root.required("orders").array().map { try $0.int64() }
        } throws: { ($0 as? LoupeError)?.message.hasPrefix("w.json at $.orders[1]:") == true }
        #expect { try root.required("missing") } throws: { ($0 as? LoupeError)?.message.contains("\"missing\" is missing") == true }
    }

    @Test func cardNumbersAreFoundWithSeparatorsAndNotInIdsOrPhones() {
        #expect(IntakeRules.containsCardNumber("card 4111 1111 1111 1111 please"))
        #expect(IntakeRules.containsCardNumber("4111-1111-1111-1111"))
        #expect(IntakeRules.containsCardNumber("5500005555555559"))
        #expect(!IntakeRules.containsCardNumber("4111 1111 1111 1112"), "fails Luhn")
        #expect(!IntakeRules.containsCardNumber("+44 7700 900123"), "a phone is too short")
        #expect(!IntakeRules.containsCardNumber("41111111111111111111111"), "23 digits is no card")
        #expect(!IntakeRules.containsCardNumber("4111  1111 1111 1111"), "a double space breaks the run")
    }
}
