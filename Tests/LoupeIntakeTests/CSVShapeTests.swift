import Foundation
import LoupeDomain
@testable import LoupeIntake
import Testing

/// A file whose shape is wrong is refused by line, or whole: never imported without a word.
@Suite struct CSVShapeTests {
    func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shape-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    let header = "Customer ID,First Name,Last Name,Email,Phone,Accepts Email Marketing"

    @Test func aRowWithFewerOrMoreCellsThanTheHeaderIsRefusedByLine() throws {
        let path = try file("""
            \(header)
            1,Ann,Lee,ann@example.com,,yes
            2,Bob,Ray,bob@example.com
            3,Cy,Ito,cy@example.com,,no,extra
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (records, rejected) = try ShopifyCSVTests().all(ShopifyCustomerCSV(path: path).next)
        #expect(records.map(\.1) == [2])
        #expect(rejected.map(\.0) == [3, 4])
        #expect(rejected.allSatisfy { $0.1.contains("but the header has 6 columns") })
    }

    @Test(arguments: ["customers", "orders"])
    func aHeaderNamingAColumnTwiceIsRefusedWhole(kind: String) throws {
        let path = try file(kind == "customers"
            ? "Customer ID,First Name,Email,Email\n1,Ann,ann@example.com,other@example.com\n"
            : "Name,Email,Total,Total,Created at\n#1,ann@example.com,1.00,2.00,2026-01-01 10:00:00 +0000\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            if kind == "customers" { _ = try ShopifyCustomerCSV(path: path) } else { _ = try ShopifyOrderCSV(path: path) }
        } throws: { error in
            let message = (error as? LoupeError)?.message ?? ""
            return message.contains(kind == "customers" ? "'Email' twice" : "'Total' twice") && message.contains("Remove one")
        }
    }

    @Test func oneCustomerIdGivenToTwoPeopleIsRefusedAndAPhoneOnlyCustomerIsRead() throws {
        let path = try file("""
            \(header)
            7,Ann,Lee,ann@example.com,,yes
            7,Bob,Ray,bob@example.com,,no
            8,Cy,Ito,,'+44 7700 900123,
            9,Di,Ng,,,
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (records, rejected) = try ShopifyCSVTests().all(ShopifyCustomerCSV(path: path).next)
        #expect(records.map(\.1) == [2, 4])
        #expect(records.last?.0.email == nil && records.last?.0.phone == "+44 7700 900123")
        #expect(rejected.map(\.0) == [3, 5])
        #expect(rejected[0].1.contains("names two different people"))
        #expect(rejected[1].1.contains("neither an email address nor a phone number"))
    }
}
