import Crypto
import Foundation
import LoupeDomain
@testable import LoupeIntake
import Testing

@Suite struct ShopifyWebhookTests {
    func headers(_ name: String) throws -> [String: String] {
        try ShopifyWebhook.headers(from: String(decoding: fixture(name), as: UTF8.self), source: name)
    }

    func signed(_ body: Data, secret: String = "hush") -> String {
        Data(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))).base64EncodedString()
    }

    @Test func aDataRequestKeeps64BitIdsAndTheOrdersAskedAbout() throws {
        let body = fixture("shopify-data-request.json")
        let webhook = try ShopifyWebhook.parse(body: body, headers: try headers("shopify-data-request.headers"), source: "b")
        #expect(webhook.topic == .customersDataRequest)
        #expect(webhook.customer?.id == Int64.max, "beyond 2^53, kept exact")
        #expect(webhook.orders == [299938, 280263, 9_007_199_254_740_993])
        #expect(webhook.dataRequestId == 9999)
        #expect(webhook.externalReference == "data_request:9999")
        #expect(webhook.shopDomain == "jewelrydealshop-test.myshopify.com")
    }

    @Test func redactAndShopRedactWithLowerCaseUnprefixedHeaders() throws {
        let redact = try ShopifyWebhook.parse(body: fixture("shopify-customers-redact.json"),
                                              headers: try headers("shopify-customers-redact.headers"), source: "b")
        #expect(redact.topic == .customersRedact && redact.customer?.phone == nil && redact.orders.count == 2)
        #expect(redact.externalReference == "redact:0b7e6c1d-3f2a-4e5b-8c9d-1a2b3c4d5e6f")
        let shop = try ShopifyWebhook.parse(body: fixture("shopify-shop-redact.json"),
                                            headers: try headers("shopify-shop-redact.headers"), source: "b")
        #expect(shop.topic == .shopRedact && shop.customer == nil)
    }

    @Test func theHMACIsCheckedOverTheRawBytesInConstantTime() throws {
        let body = fixture("shopify-data-request.json")
        var fields = try headers("shopify-data-request.headers")
        fields["shopify-hmac-sha256"] = signed(body)
        try ShopifyWebhook.verify(body: body, headers: fields, secret: "hush")
        #expect(throws: LoupeError.self, "another secret") { try ShopifyWebhook.verify(body: body, headers: fields, secret: "other") }
        var reformatted = body
        reformatted.append(0x0A)
        #expect(throws: LoupeError.self, "one byte more") { try ShopifyWebhook.verify(body: reformatted, headers: fields, secret: "hush") }
        fields["shopify-hmac-sha256"] = "not base64!"
        #expect(throws: LoupeError.self) { try ShopifyWebhook.verify(body: body, headers: fields, secret: "hush") }
        fields["shopify-hmac-sha256"] = nil
        #expect(throws: LoupeError.self) { try ShopifyWebhook.verify(body: body, headers: fields, secret: "hush") }
        #expect(throws: LoupeError.self, "empty body") { try ShopifyWebhook.verify(body: Data(), headers: fields, secret: "hush") }
    }

    @Test(arguments: [
        ("shopify-data-request.json", "\"shop_id\":954889,", "\"shop_id\":954889,\"shop_id\":1,", "appears twice"),
        ("shopify-data-request.json", "{\"id\":9999}", "{\"id\":9999},", "trailing comma"),
        ("shopify-data-request.json", "\"shop_id\":954889", "\"shop_id\":\"954889\"", "$.shop_id: expected an integer"),
        ("shopify-data-request.json", "ann.intake@example.com", "ann\\u202eintake@example.com", "U+202E"),
        ("shopify-data-request.json", "+44 7700 900123", "4111 1111 1111 1111", "full card number"),
        ("shopify-data-request.json", "jewelrydealshop-test.myshopify.com", "other-shop.myshopify.com", "differs from X-Shopify-Shop-Domain"),
        ("shopify-data-request.json", "[299938,280263,", "[299938,299938,", "appears twice"),
        ("shopify-data-request.json", ",\"data_request\":{\"id\":9999}", "", "\"data_request\" is missing"),
    ])
    func malformedBodiesAreRefusedWithTheReason(name: String, old: String, new: String, expected: String) throws {
        let body = variant(name, replacing: old, with: new)
        #expect(body != fixture(name), "the variant must differ")
        #expect {
            try ShopifyWebhook.parse(body: body, headers: try headers("shopify-data-request.headers"), source: "body.json")
        } throws: { error in
            let message = (error as? LoupeError)?.message ?? ""
            return message.contains(expected) && message.contains("body.json")
        }
    }

    @Test func aTopicThatDoesNotMatchTheBodyOrAMissingHeaderIsRefused() throws {
        var fields = try headers("shopify-data-request.headers")
        fields["shopify-topic"] = "customers/redact"
        #expect(throws: LoupeError.self) {
            try ShopifyWebhook.parse(body: fixture("shopify-data-request.json"), headers: fields, source: "b")
        }
        fields = try headers("shopify-data-request.headers")
        fields["shopify-webhook-id"] = nil
        #expect { try ShopifyWebhook.parse(body: fixture("shopify-data-request.json"), headers: fields, source: "b") }
            throws: { ($0 as? LoupeError)?.message.contains("X-Shopify-Webhook-Id") == true }
    }
}

@Suite struct OpenDSRRequestTests {
    @Test func theTwoPointZeroErasureAndTheOnePointZeroHashedPortabilityAreRead() throws {
        let erasure = try OpenDSRRequest.parse(fixture("opendsr-2.0-erasure.json"), source: "r")
        #expect(erasure.type == .erasure && erasure.regulation == "gdpr" && erasure.identities.first?.format == .raw)
        #expect(erasure.statusCallbackURLs.count == 1)
        let portability = try OpenDSRRequest.parse(fixture("opendsr-1.0-access-hashed.json"), source: "r")
        #expect(portability.type.kind == .access && portability.identities.first?.format == .sha256)
        #expect(portability.submittedTime == Date(timeIntervalSince1970: 1_795_246_200.25))
    }

    /// A handful of identities, each bounded: one request never makes the store look up thousands (a 250 kB
    /// body held 1,850 hashed identities).
    @Test func moreThanTenIdentitiesAreRefused() {
        let identity = #"{"identity_type": "email", "identity_value": "%@", "identity_format": "sha256"}"#
        let many = (0..<11).map { String(format: identity, String(repeating: String($0 % 10), count: 64)) }
        let body = variant("opendsr-2.0-erasure.json",
            replacing:
                #"{"identity_type": "email", "identity_value": "ann.intake@example.com", "identity_format": "raw"}"#,
                           with: many.joined(separator: ", "))
        #expect { try OpenDSRRequest.parse(body, source: "r") } throws: {
            ($0 as? LoupeError)?.message.contains("at most 10") == true
        }
    }

    /// A sha256 of an email may hold a run of digits that passes the Luhn check (one in several of the bench's
    /// did): a digest is no card number, and the request is read; the same digits as plain text are refused.
    @Test func aDigestHoldingALuhnRunIsNoCardNumber() throws {
        let digest = "4111111111111111" + String(repeating: "a", count: 48)
        let body = variant("opendsr-1.0-access-hashed.json",
                           replacing: "d4a63be5943e87925b1484a4fc91fcc7a2a60fdda0140eb3274995be99596b0a", with: digest)
        #expect(try OpenDSRRequest.parse(body, source: "r").identities.first?.value == digest)
        // A request id whose groups pass the Luhn check together (found by the bench, too).
        let uuid = "41111111-1111-4131-a111-111111111111"
        #expect(!IntakeRules.containsCardNumber(uuid) && !IntakeRules.containsCardNumber(digest), "machine ids")
        #expect(IntakeRules.containsCardNumber("id 41111111-1111-4131 and more"), "the same digits in text still count")
        let request = variant(
            "opendsr-1.0-access-hashed.json", replacing: "2f8c1b3e-6d0a-4c9f-9b1e-7a5d3c2e1f00", with: uuid)
        #expect(try OpenDSRRequest.parse(request, source: "r").subjectRequestId == uuid)
        let plain = variant(
            "opendsr-2.0-erasure.json", replacing: "ann.intake@example.com", with: "4111 1111 1111 1111")
        #expect(throws: LoupeError.self) { try OpenDSRRequest.parse(plain, source: "r") }
    }

    /// The specification allows identities inside a processor's extension only: they are read, typed as in
    /// the core (a hashed email among them) or in the processor's words.
    @Test func identitiesGivenOnlyInAnExtensionAreRead() throws {
        let body = Data("""
            {"regulation": "gdpr", "subject_request_id": "a7551968-d5d6-44b2-9831-815ac9017798",
             "subject_request_type": "erasure", "submitted_time": "2026-11-20T10:00:00Z", "api_version": "2.0",
             "extensions": {"privacy.jewelrydealshop.example": {
               "subject_identities": [{"identity_type": "email", "identity_format": "sha256",
                 "identity_value": "d4a63be5943e87925b1484a4fc91fcc7a2a60fdda0140eb3274995be99596b0a"}],
               "identities": [{"identity_type": "mobile_number", "identity_value": "+44 7700 900812"}]}}}
            """.utf8)
        let parsed = try OpenDSRRequest.parse(body, source: "r")
        #expect(parsed.identities.count == 2)
        #expect(parsed.identities.contains { $0.format == .sha256 })
        #expect(parsed.identities.contains { $0.type == "phone" })
    }

    @Test func theSpecificationsOwnExampleWithItsTrailingCommaIsRefused() {
        #expect { try OpenDSRRequest.parse(fixture("opendsr-1.0-spec-example-trailing-comma.json"), source: "r") }
            throws: { ($0 as? LoupeError)?.message.contains("trailing comma") == true }
    }

    @Test(arguments: [
        ("\"regulation\": \"gdpr\",", "", "requires \"regulation\""),
        ("a7551968-d5d6-44b2-9831-815ac9017798", "A7551968-D5D6-44B2-9831-815AC9017798", "lowercase UUID v4"),
        ("\"erasure\"", "\"delete\"", "access, portability or erasure"),
        ("2026-11-20T10:00:00Z", "20/11/2026", "RFC 3339"),
        ("\"identity_format\": \"raw\"", "\"identity_format\": \"sha512\"", "raw, sha1, md5 or sha256"),
        ("\"identity_type\": \"email\"", "\"identity_type\": \"phone\"", "not an OpenDSR identity type"),
        ("https://privacy", "http://privacy", "https://"),
        ("ann.intake@example.com", "ann\\u0007@example.com", "U+0007"),
    ])
    func malformedRequestsAreRefusedWithTheReason(old: String, new: String, expected: String) {
        let body = variant("opendsr-2.0-erasure.json", replacing: old, with: new)
        #expect(body != fixture("opendsr-2.0-erasure.json"))
        #expect { try OpenDSRRequest.parse(body, source: "r.json") } throws: { error in
            let message = (error as? LoupeError)?.message ?? ""
            return message.contains(expected) && message.hasPrefix("r.json")
        }
    }
}
