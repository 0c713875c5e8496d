import Foundation
import GRDB

extension DemoWriter {
    /// Customers with 200 orders and 5,000 device events each: the worst case an erasure or export must handle.
    mutating func writeLongHistoryCustomers() throws {
        guard options.longHistoryCustomers > 0 else { return }
        let base = options.customers + 1
        for number in 1...options.longHistoryCustomers {
            let id = Int64(base + number)
            let locale = DemoCatalog.locales[number % DemoCatalog.locales.count]
            let name = "\(locale.givenNames[0].name) Longhistory\(number)"
            let phone = "\(locale.phonePrefix)\(random.digits(5))"
            try db.execute(sql: """
                INSERT INTO customer (id, publicId, fullName, email, phone, membershipTier, createdAt, lastActiveAt)
                VALUES (?, ?, ?, ?, ?, 'platinum', ?, ?)
                """, arguments: [id, String(format: "C-L%05d", number), name, "long.history.\(number)@example.com", phone,
                                 daysAgo(1_400), daysAgo(1)])
            try db.execute(sql: "INSERT INTO address (customerId, kind, recipientName, line1, city, country) VALUES (?, 'shipping', ?, ?, ?, ?)",
                           arguments: [id, name, "\(number) Long Lane", locale.cities[0], locale.country])
            let address = "\(number) Long Lane, \(locale.cities[0]), \(locale.country)"
            for _ in 0..<200 {
                try writeOrder(customerId: id, name: name, phone: phone, address: address, locale: locale, since: daysAgo(1_400))
            }
            for _ in 0..<250 { try writeDeviceEvents(customerId: id, count: 20) }
            try writeConsents(customerId: id, createdAt: daysAgo(1_400), isMinor: false)
        }
    }
}
