import LoupeStore
import Foundation
import LoupeDomain

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
            let customer = insert.customer
            customer.add(id)
            customer.add("C-L" + CivilTime.pad(number, 5))
            customer.add(name)
            customer.add("long.history.\(number)@example.com")
            customer.add(phone)
            customer.addNull()
            customer.add("platinum")
            customer.addNull()
            customer.add(daysAgo(1_400))
            customer.add(daysAgo(1))
            customer.add(false)
            try customer.run()
            let shipping = insert.address
            shipping.add(id)
            for value in ["shipping", name, "\(number) Long Lane", locale.cities[0]] { shipping.add(value) }
            shipping.addNull()
            shipping.add(locale.country)
            try shipping.run()
            let address = "\(number) Long Lane, \(locale.cities[0]), \(locale.country)"
            for _ in 0..<200 {
                try writeOrder(customerId: id, name: name, phone: phone, address: address, locale: locale, since: daysAgo(1_400))
            }
            for _ in 0..<250 { try writeDeviceEvents(customerId: id, count: 20) }
            try writeConsents(customerId: id, createdAt: daysAgo(1_400), isMinor: false)
        }
    }
}
