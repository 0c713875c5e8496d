import Foundation
import GRDB

extension DemoWriter {
    mutating func writeOrder(
        customerId: Int64, name: String, phone: String, address: String, locale: DemoCatalog.Locale, since: Date
    ) throws {
        orderSequence += 1
        let number = "JDS-\(orderSequence)"
        let age = Double(random.int(0...max(1, Int(options.now.timeIntervalSince(since) / Self.day))))
        let placedAt = daysAgo(age)
        let carrier = random.pick(locale.carriers)
        let status = age < 3 ? random.pick(["processing", "shipped"])
            : random.chance(0.06) ? random.pick(["cancelled", "refunded"]) : "delivered"
        let payment = random.int(0...9)
        let (method, provider, brand, last4): (String, String, String?, String?) =
            switch payment {
            case 0...4: ("card", random.pick(["Stripe", "Adyen"]), random.pick(DemoCatalog.cardBrands), random.digits(4))
            case 5...6: ("paypal", "PayPal", nil, nil)
            case 7...8: ("apple-pay", "Stripe", random.pick(DemoCatalog.cardBrands), random.digits(4))
            default: ("klarna", "Klarna", nil, nil)
            }
        var total = 0
        var items: [(String, String, Int, Int)] = []
        for _ in 0..<random.int(1...3) {
            let piece = random.pick(DemoCatalog.pieces)
            let gem = random.pick(DemoCatalog.gems)
            let metal = random.pick(DemoCatalog.metals)
            let price = random.int(8...250) * 1000 - 1
            let quantity = random.chance(0.9) ? 1 : 2
            total += price * quantity
            items.append(("\(piece.0)-\(gem.prefix(3).uppercased())-\(random.digits(4))", "\(metal) \(gem) \(piece.1)",
                          quantity, price))
        }
        let shipped = status != "processing" && status != "cancelled"
        try db.cachedStatement(sql: """
            INSERT INTO customerOrder (number, customerId, status, placedAt, totalMinor, currency, paymentMethod,
                paymentProvider, cardBrand, cardLast4, providerReference, carrier, trackingNumber, invoiceNumber,
                shipToName, shipToAddress, shipToPhone, billToName, billToAddress)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                number, customerId, status, placedAt, total, locale.currency, method, provider, brand, last4,
                "\(provider.prefix(2).lowercased())_\(random.letters(4))\(random.digits(10))",
                carrier, shipped ? trackingNumber(carrier) : nil, "INV-\(orderSequence)",
                name, address, phone, name, address,
            ])
        let orderId = db.lastInsertedRowID
        for item in items {
            try db.cachedStatement(sql: """
                INSERT INTO orderItem (orderId, sku, productName, quantity, priceMinor) VALUES (?, ?, ?, ?, ?)
                """).execute(arguments: [orderId, item.0, item.1, item.2, item.3])
        }
    }

    /// A tracking number in the carrier's own shape.
    mutating func trackingNumber(_ carrier: String) -> String {
        switch carrier {
        case "DHL": "JD01\(random.digits(16))"
        case "UPS": "1Z\(random.letters(6))\(random.digits(10))"
        case "FedEx": random.digits(12)
        case "La Poste": "6A\(random.digits(11))"
        default: "\(random.letters(2))\(random.digits(9))GB"
        }
    }

    mutating func writeDeviceEvents(customerId: Int64, count: Int? = nil) throws {
        let device = random.pick(DemoCatalog.devices)
        let cookie = "\(random.letters(8))-\(random.digits(8))"
        let ip = "\(random.int(2...223)).\(random.int(0...255)).\(random.int(0...255)).\(random.int(1...254))"
        for _ in 0..<(count ?? random.int(0...20)) {
            try db.cachedStatement(sql: """
                INSERT INTO deviceEvent (customerId, occurredAt, ip, userAgent, deviceModel, cookieId, page)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    customerId, daysAgo(Double(random.int(0...500)) + Double(random.int(0...86_399)) / Self.day),
                    ip, device.1, device.0, cookie, random.pick(DemoCatalog.pages),
                ])
        }
    }

    mutating func writeConsents(customerId: Int64, createdAt: Date, isMinor: Bool) throws {
        for purpose in DemoCatalog.consentPurposes where random.chance(isMinor ? 0.3 : 0.55) {
            let version = createdAt < DemoWriter.secondPolicyDate ? "2024-03" : "2025-09"
            try insertConsent(customerId, purpose, granted: true, at: createdAt, source: "signup", version: version)
            if random.chance(0.2) {
                let at = createdAt.addingTimeInterval(Double(random.int(1...200)) * Self.day)
                if at < options.now {
                    try insertConsent(customerId, purpose, granted: false, at: at, source: "account-settings",
                                      version: at < DemoWriter.secondPolicyDate ? "2024-03" : "2025-09")
                }
            }
        }
    }

    private func insertConsent(
        _ customerId: Int64, _ purpose: String, granted: Bool, at: Date, source: String, version: String
    ) throws {
        try db.cachedStatement(sql: """
            INSERT INTO consentEvent (customerId, purpose, granted, occurredAt, source, policyVersion)
            VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [customerId, purpose, granted, at, source, version])
    }

    static let secondPolicyDate = Date(timeIntervalSince1970: 1_757_894_400)  // 2025-09-15
}
