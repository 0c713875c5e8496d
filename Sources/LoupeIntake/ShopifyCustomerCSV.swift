import Foundation
import LoupeDomain

/// The shop's customer export (every header generation in FORMATS.md), read row by row into `ImportedCustomer`s.
/// Columns are found by name; unknown columns (metafields, WhatsApp) are ignored.
public final class ShopifyCustomerCSV {
    private let records: CSVRecords
    private let columns: [String: Int?]
    /// Each Customer ID seen, with who it named (email and name), to refuse one id given to two people.
    private var seenIds: [String: String] = [:]
    private var seenEmails = Set<String>()

    /// Opens the export and checks it has the columns Loupe needs.
    public init(path: String) throws {
        records = try CSVRecords(path: path)
        columns = [
            "id": records.column("Customer ID"), "first": records.column("First Name"), "last": records.column("Last Name"),
            "email": records.column("Email"), "phone": records.column("Phone", "Default Address Phone"),
            "acceptsEmail": records.column("Accepts Email Marketing", "Accepts Marketing"),
            "acceptsSMS": records.column("Accepts SMS Marketing"),
            "gpc": records.column("Global Privacy Control", "Sec-GPC"),
            "address1": records.column("Default Address Address1", "Address1"),
            "address2": records.column("Default Address Address2", "Address2"),
            "city": records.column("Default Address City", "City"),
            "zip": records.column("Default Address Zip", "Zip"),
            "province": records.column("Default Address Province Code", "Province Code", "Province"),
            "country": records.column("Default Address Country Code", "Country Code", "Country"),
        ]
        guard columns["email"]! != nil, columns["first"]! != nil || columns["last"]! != nil else {
            throw LoupeError(.invalidInput, "\(path) lacks the Email and name columns of a Shopify customer export (header: \(records.header.prefix(6).joined(separator: ","))…). Export customers from Shopify admin and try again.")
        }
    }

    /// How far the file has been read, 0 to 1.
    public var progress: Double { records.size == 0 ? 1 : min(Double(records.bytesRead) / Double(records.size), 1) }

    /// The next customer, or the refused row; nil at the end.
    public func next() throws -> ImportItem<ImportedCustomer>? {
        guard let (line, fields) = try records.next() else { return nil }
        let row = CSVRow(line: line, fields: fields, header: records.header)
        if let problem = row.problem() { return .rejected(line: line, reason: problem) }
        do {
            return .record(try customer(row), line: line)
        } catch let error as RowError {
            return .rejected(line: line, reason: error.reason)
        }
    }

    private func customer(_ row: CSVRow) throws -> ImportedCustomer {
        let email = try row.text(columns["email"]!, what: "Email").map { IdentifierText.normalized($0).lowercased() }
        let phone = try row.text(columns["phone"]!, what: "Phone").map(IdentifierText.normalized)
        if let email {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(" "), email.count <= 254 else {
                throw RowError("the Email cell does not hold an email address")
            }
        } else if PersonIdentifier.phone(phone) == nil {
            // Shopify allows a customer with a phone and no email; one with neither cannot be told apart.
            throw RowError("the row has neither an email address nor a phone number")
        }
        let id = try row.text(columns["id"]!, what: "Customer ID")
        let name = [try row.text(columns["first"]!, what: "First Name"), try row.text(columns["last"]!, what: "Last Name")]
            .compactMap { $0 }.joined(separator: " ")
        let person = [email ?? "", phone ?? "", name].joined(separator: "\u{1F}")
        if let id {
            guard id.allSatisfy({ $0.isASCII && $0.isNumber }), id.count <= 20 else { throw RowError("Customer ID must be digits") }
            if let earlier = seenIds[id] {
                throw RowError(earlier == person
                    ? "Customer ID \(id) appears twice in this file (the same customer listed again): remove the repeated row"
                    : "Customer ID \(id) names two different people in this file: the export is inconsistent, export it again")
            }
            seenIds[id] = person
        } else if let key = email ?? phone, !seenEmails.insert(key).inserted {
            throw RowError("this email or phone appears twice in this file (and the export has no Customer ID to tell them apart)")
        }
        var address: ImportedAddress?
        if let line1 = try row.text(columns["address1"]!, what: "Address1"), let city = try row.text(columns["city"]!, what: "City"),
           let country = try row.text(columns["country"]!, what: "Country Code") {
            address = ImportedAddress(line1: line1, line2: try row.text(columns["address2"]!, what: "Address2"), city: city,
                                      postalCode: try row.text(columns["zip"]!, what: "Zip"),
                                      region: try row.text(columns["province"]!, what: "Province Code"), country: country.uppercased())
        }
        var customer = ImportedCustomer(
            shopifyId: id, email: email, fullName: name.isEmpty ? nil : name, phone: phone,
            acceptsEmailMarketing: try row.yesNo(columns["acceptsEmail"]!, what: "Accepts Email Marketing"),
            acceptsSMSMarketing: try row.yesNo(columns["acceptsSMS"]!, what: "Accepts SMS Marketing"), address: address)
        // The signal's own value is `1`; a shop's export may say yes.
        let signal = try row.text(columns["gpc"]!, what: "Global Privacy Control")?.lowercased()
        guard signal == nil || ["1", "yes", "0", "no"].contains(signal!) else {
            throw RowError("Global Privacy Control must be 1 or yes (the signal was sent), 0 or no, or empty")
        }
        customer.globalPrivacyControl = signal == "1" || signal == "yes"
        return customer
    }
}
