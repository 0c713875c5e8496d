import LoupeStore
import Foundation

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
        let row = insert.order
        let orderId = Int64(orderSequence - 100_000)
        row.add(orderId)
        row.add(number)
        row.add(customerId)
        row.add(status)
        row.add(placedAt)
        row.add(total)
        row.add(locale.currency)
        row.add(method)
        row.add(provider)
        row.add(brand)
        row.add(last4)
        row.add("\(provider.prefix(2).lowercased())_\(random.letters(4))\(random.digits(10))")
        row.add(carrier)
        row.add(shipped ? trackingNumber(carrier) : nil)
        row.add("INV-\(orderSequence)")
        row.add(name)
        row.add(address)
        row.add(phone)
        row.add(name)
        row.add(address)
        try row.run()
        let itemRow = insert.orderItem
        for item in items {
            itemRow.add(orderId)
            itemRow.add(item.0)
            itemRow.add(item.1)
            itemRow.add(item.2)
            itemRow.add(item.3)
            try itemRow.run()
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
            let row = insert.deviceEvent
            row.add(customerId)
            row.add(daysAgo(Double(random.int(0...500)) + Double(random.int(0...86_399)) / Self.day))
            row.add(ip)
            row.add(device.1)
            row.add(device.0)
            row.add(cookie)
            let page = random.pick(DemoCatalog.pages)
            row.add(page)
            // The cart, the checkout and the account need their cookie; the rest is browsing, for analytics.
            row.add(DemoCatalog.necessaryPages.contains(page) ? "necessary" : "analytics")
            try row.run()
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
        let row = insert.consentEvent
        row.add(customerId)
        row.add(purpose)
        row.add(granted)
        row.add(at)
        row.add(source)
        row.add(version)
        try row.run()
    }

    static let secondPolicyDate = Date(timeIntervalSince1970: 1_757_894_400)  // 2025-09-15
}
