import Foundation
import LoupeDomain
import Testing

@Suite struct RequestStatusTests {
    @Test func closedStatusesEndARequest() {
        #expect(RequestStatus.closed == [.completed, .rejected, .cancelled])
        #expect(RequestStatus.allCases.filter(\.isOpen) == [.received, .verifying, .inProgress, .awaitingApproval, .approved])
    }

    @Test func consentWithdrawalNeverWaitsForIdentity() {
        #expect(!RequestKind.consentWithdrawal.requiresIdentityVerification)
        #expect(RequestKind.allCases.filter(\.requiresIdentityVerification) == [.access, .rectification, .erasure])
    }

    @Test func errorsCarryCodeMessageAndCause() {
        struct Underlying: Error, CustomStringConvertible { var description: String { "disk full" } }
        let error = LoupeError(.storage, "Could not write the database.", cause: Underlying())
        #expect(error.code == .storage)
        #expect(error.description == "Could not write the database. (disk full)")
    }
}

@Suite struct AccessExportJSONTests {
    @Test func theHandWrittenJSONReadsBackAsTheSameDocumentEvenWithHostileText() throws {
        let at = Date(timeIntervalSince1970: 1_795_608_000)
        let hostile = "quote\" back\\slash\nnew\u{1B}[2J\u{7}\u{2028}tab\tü王👩‍👩‍👧"
        let export = AccessExport(
            requestId: "PR-2026-000001", generatedAt: at, policyVersion: nil,
            profile: .init(customerId: "C-1", fullName: hostile, email: "a@example.com", phone: nil, birthDate: "2000-01-01",
                           membershipTier: nil, stylePreferences: nil, createdAt: at, lastActiveAt: nil),
            addresses: [.init(kind: "shipping", recipientName: nil, lines: [hostile, "2"], city: "X", postalCode: nil, country: "DE")],
            orders: [.init(number: "JDS-1", status: "delivered", placedAt: at, totalMinor: 12_345, currency: "EUR",
                           paymentMethod: "card", paymentProvider: "Stripe", cardBrand: "Visa", cardLast4: "4242", carrier: "DHL",
                           trackingNumber: nil, invoiceNumber: "INV-1", shipTo: nil, billTo: hostile,
                           items: [.init(sku: "RNG-1", productName: "Ring", quantity: 2, priceMinor: 100)])],
            deviceEvents: [.init(at: at, ip: "1.2.3.4", userAgent: hostile, deviceModel: nil, cookieId: nil, page: "/")],
            consentHistory: [.init(purpose: "email-marketing", granted: false, at: at, source: "s", policyVersion: "v")],
            feedback: [.init(text: hostile, rating: nil, at: at)],
            privacyRequests: [.init(id: "PR-2026-000001", kind: "access", status: "in-progress", receivedAt: at)])
        let data = export.json()
        #expect(try AccessExport.decode(data) == export)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "control characters are escaped")
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        #expect(object.keys.sorted() == ["addresses", "consentHistory", "deviceEvents", "feedback", "generatedAt", "orders",
                                         "policyVersion", "privacyRequests", "profile", "requestId", "schemaVersion"])
    }
}
