import Foundation
import LoupeDomain

/// The shop's order export (one row per line item; continuation rows repeat Name and leave order cells blank),
/// read into one `ImportedOrder` per order. Columns are found by name: older exports lack some.
public final class ShopifyOrderCSV {
    private let records: CSVRecords
    private let column: [String: Int?]
    private var pending: (line: Int, row: CSVRow)?
    private var seenNames = Set<String>()
    /// `2026-02-11 09:14:52 -0800`, parsed by hand: a DateFormatter per order was a quarter of the import's time.
    static func exportDate(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 25, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x20, bytes[13] == 0x3A, bytes[16] == 0x3A,
              bytes[19] == 0x20, bytes[20] == 0x2B || bytes[20] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard bytes[index] >= 0x30 && bytes[index] <= 0x39 else { return nil }
                value = value * 10 + Int(bytes[index] - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
              let minute = number(14..<16), let second = number(17..<19), let offsetHours = number(21..<23),
              let offsetMinutes = number(23..<25), offsetHours <= 14, offsetMinutes < 60 else { return nil }
        let offset = (offsetHours * 3_600 + offsetMinutes * 60) * (bytes[20] == 0x2D ? -1 : 1)
        return CivilTime.date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetSeconds: offset)
    }

    /// Opens the export and checks it has the columns Loupe needs.
    public init(path: String) throws {
        let records = try CSVRecords(path: path)
        self.records = records
        let names = ["Name", "Email", "Financial Status", "Currency", "Total", "Created at", "Cancelled at", "Payment Method",
                     "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem sku", "Billing Name", "Billing Address1",
                     "Billing Address2", "Billing City", "Billing Zip", "Billing Country", "Shipping Name", "Shipping Address1",
                     "Shipping Address2", "Shipping City", "Shipping Zip", "Shipping Country", "Shipping Phone", "Id"]
        column = Dictionary(uniqueKeysWithValues: names.map { ($0, records.column($0)) })
        let missing = ["Name", "Created at", "Total", "Currency", "Lineitem quantity", "Lineitem name", "Lineitem price"]
            .filter { column[$0]! == nil }
        guard missing.isEmpty else {
            throw LoupeError(.invalidInput, "\(path) lacks the columns \(missing.joined(separator: ", ")) of a Shopify order export. Export orders from Shopify admin and try again.")
        }
    }

    /// How far the file has been read, 0 to 1.
    public var progress: Double { records.size == 0 ? 1 : min(Double(records.bytesRead) / Double(records.size), 1) }

    /// The next order with all its line items, or a refused order (the line of its first bad row); nil at the end.
    public func next() throws -> ImportItem<ImportedOrder>? {
        guard let first = try pending.map({ $0 }) ?? readRow() else { return nil }
        pending = nil
        let name = first.row.cell(column["Name"]!)
        var rows = [first.row]
        while let following = try readRow() {
            if following.row.cell(column["Name"]!) == name && following.row.cell(column["Created at"]!).isEmpty {
                rows.append(following.row)
            } else {
                pending = following
                break
            }
        }
        for row in rows { if let problem = row.problem() { return .rejected(line: row.line, reason: problem) } }
        do {
            guard !name.isEmpty else { throw RowError("the Name (order number) is empty") }
            guard seenNames.insert(name).inserted else { throw RowError("order \(name) appears again, apart from its other rows") }
            return .record(try order(name: name, rows: rows), line: first.line)
        } catch let error as RowError {
            return .rejected(line: error.line ?? first.line, reason: error.reason)
        }
    }

    private func readRow() throws -> (line: Int, row: CSVRow)? {
        try records.next().map { ($0.line, CSVRow(line: $0.line, fields: $0.fields, header: records.header)) }
    }

    private func order(name: String, rows: [CSVRow]) throws -> ImportedOrder {
        let head = rows[0]
        func text(_ key: String) throws -> String? { try head.text(column[key]!, what: key) }
        guard let created = try text("Created at"), let placedAt = Self.exportDate(created) else {
            throw RowError("Created at must be a time like 2026-02-11 09:14:52 -0800")
        }
        guard let total = try head.money(column["Total"]!, what: "Total") else { throw RowError("Total is empty") }
        guard let currency = try text("Currency"), currency.count == 3, currency.allSatisfy(\.isLetter) else {
            throw RowError("Currency must be a three-letter code like EUR")
        }
        let id = try text("Id")
        if let id, !id.allSatisfy({ $0.isASCII && $0.isNumber }) { throw RowError("Id must be digits") }
        let email = try text("Email")?.lowercased()
        if let email, !email.contains("@") { throw RowError("the Email cell does not hold an email address") }
        func address(_ prefix: String) throws -> String? {
            let parts = try ["Address1", "Address2", "Zip", "City", "Country"].compactMap { try text("\(prefix) \($0)") }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        }
        let items = try rows.map { row -> ImportedOrderItem in
            guard let quantity = Int(row.cell(column["Lineitem quantity"]!)), quantity > 0 else {
                throw RowError("Lineitem quantity must be a whole number above 0", line: row.line)
            }
            guard let price = try row.money(column["Lineitem price"]!, what: "Lineitem price"),
                  let itemName = try row.text(column["Lineitem name"]!, what: "Lineitem name") else {
                throw RowError("Lineitem name and price are required", line: row.line)
            }
            return ImportedOrderItem(sku: try row.text(column["Lineitem sku"]!, what: "Lineitem sku") ?? "",
                                     name: itemName, quantity: quantity, priceMinor: price)
        }
        let status = try text("Cancelled at") != nil ? "cancelled" : (try text("Financial Status") ?? "paid")
        return ImportedOrder(
            shopifyId: id, name: name, email: email, placedAt: placedAt, status: status, currency: currency.uppercased(),
            totalMinor: total, paymentMethod: try text("Payment Method") ?? "unknown", billingName: try text("Billing Name"),
            billingAddress: try address("Billing"), shippingName: try text("Shipping Name"),
            shippingAddress: try address("Shipping"), shippingPhone: try text("Shipping Phone"), items: items)
    }
}
