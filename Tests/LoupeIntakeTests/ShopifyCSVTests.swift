import Foundation
import LoupeDomain
@testable import LoupeIntake
import Testing

@Suite struct ShopifyCSVTests {
    func path(_ name: String, file: String = #filePath) -> String {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/intake/\(name)").path
    }

    func all<Record>(_ next: () throws -> ImportItem<Record>?) throws -> (records: [(Record, Int)], rejected: [(Int, String)]) {
        var records: [(Record, Int)] = []
        var rejected: [(Int, String)] = []
        while let item = try next() {
            switch item {
            case .record(let record, let line): records.append((record, line))
            case .rejected(let line, let reason): rejected.append((line, reason))
            }
        }
        return (records, rejected)
    }

    @Test func theCurrentExportWithBOMCRLFQuotedNewlinesAndGuardedIds() throws {
        let reader = try ShopifyCustomerCSV(path: path("shopify-customers-2024.csv"))
        let (records, rejected) = try all(reader.next)
        #expect(rejected.isEmpty)
        #expect(records.map(\.1) == [2, 4, 5], "the quoted two-line Note moves the next record to line 4")
        let zoe = records[0].0
        #expect(zoe.shopifyId == "7302918455123" && zoe.phone == "+33612345678", "the ' guard is dropped")
        #expect(zoe.fullName == "Zoë Ñandú" && zoe.email == "zoe.import@example.com")
        #expect(zoe.acceptsEmailMarketing == true && zoe.acceptsSMSMarketing == false)
        #expect(zoe.address == ImportedAddress(line1: "12 Rue de la Paix", line2: nil, city: "Paris", postalCode: "75002", region: nil, country: "FR"))
        #expect(records[1].0.email == "wang.import@example.com", "emails are lower-cased")
        #expect(records[2].0.fullName?.hasPrefix("=HYPERLINK(") == true, "a formula is kept as text")
        #expect(reader.progress == 1)
    }

    @Test func theOlderGenerationsAreReadByColumnName() throws {
        let mid = try all(ShopifyCustomerCSV(path: path("shopify-customers-2022.csv")).next)
        #expect(mid.records.first?.0.address?.country == "FR" && mid.records.first?.0.shopifyId == "7302918455123")
        let old = try all(ShopifyCustomerCSV(path: path("shopify-customers-2021.csv")).next)
        let ann = try #require(old.records.first?.0)
        #expect(ann.shopifyId == nil && ann.acceptsEmailMarketing == true, "pre-2022: Accepts Marketing, no Customer ID")
    }

    @Test func badRowsAreReportedByLineWithoutTheirValues() throws {
        let (records, rejected) = try all(ShopifyCustomerCSV(path: path("shopify-customers-bad-rows.csv")).next)
        #expect(records.count == 1)
        #expect(rejected.map(\.0) == [4, 5, 6, 7, 8])
        #expect(rejected[0].1.contains("full card number") && !rejected[0].1.contains("4111"))
        #expect(rejected[1].1.contains("U+202E"))
        #expect(rejected[2].1.contains("email address"))
        // The fixture's repeated Customer ID names another person: refused as an inconsistent export.
        #expect(rejected[3].1.contains("names two different people"))
        #expect(rejected[4].1.contains("yes or no"))
    }

    @Test func ordersGroupTheirLineItemsAcrossContinuationRows() throws {
        let (records, rejected) = try all(ShopifyOrderCSV(path: path("shopify-orders.csv")).next)
        #expect(rejected.isEmpty)
        #expect(records.map(\.0.name) == ["#1042", "#1043"])
        let first = records[0].0
        #expect(first.items.map(\.sku) == ["EAR-GH-01", "CH-S-45"] && first.items[1].quantity == 2 && first.items[1].priceMinor == 4495)
        #expect(first.totalMinor == 21980 && first.currency == "EUR" && first.shopifyId == "5123456789012")
        #expect(first.placedAt == Date(timeIntervalSince1970: 1_770_830_092), "2026-02-11 09:14:52 -0800")
        #expect(first.shippingAddress == "12 Rue de la Paix, 75002, Paris, FR")
        #expect(records[1].0.status == "cancelled" && records[1].0.totalMinor == 5900)
        let older = try all(ShopifyOrderCSV(path: path("shopify-orders-older.csv")).next)
        #expect(older.records.map(\.0) == [first], "the older header gives the same order")
    }

    @Test func badOrdersAreRefusedAtTheLineOfTheBadRow() throws {
        let (records, rejected) = try all(ShopifyOrderCSV(path: path("shopify-orders-bad-rows.csv")).next)
        #expect(records.map(\.0.name) == ["#1042"])
        #expect(rejected.map(\.0) == [5, 6, 7, 8])
        #expect(rejected.map(\.1).joined(separator: "|").contains("Total must be an amount"))
    }

    @Test func aFileThatIsNotAnExportOrNotUTF8IsRefusedWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = folder.appendingPathComponent("other.csv")
        try "sku,price\nA,1\n".write(to: other, atomically: true, encoding: .utf8)
        #expect { try ShopifyCustomerCSV(path: other.path) } throws: { ($0 as? LoupeError)?.message.contains("Shopify customer export") == true }
        let latin1 = folder.appendingPathComponent("latin1.csv")
        try Data("First Name,Last Name,Email\nJ\u{FC}rgen,M,j@example.com\n".data(using: .isoLatin1)!).write(to: latin1)
        #expect(throws: LoupeError.self) { try all(ShopifyCustomerCSV(path: latin1.path).next) }
        #expect(throws: LoupeError.self) { try ShopifyOrderCSV(path: folder.appendingPathComponent("missing.csv").path) }
    }
}
