import Foundation

/// The categories of data, in the privacy policy's own terms (plus what Loupe itself keeps to run).
public enum DataCategory: String, CaseIterable, Codable, Sendable {
    case identity = "name, email, phone"
    case address = "shipping and billing address"
    case orders = "order numbers and transaction records"
    case tracking = "delivery tracking"
    case payment = "payment method, amount, verification info"
    case device = "device model, IP, browser, browsing records, cookies"
    case preferences = "style preferences and membership"
    case feedback = "feedback"
    case consent = "marketing consent"
    case minors = "age (under 16)"
    case requests = "privacy requests and their answers"
    case disclosures = "disclosures to couriers, payment providers and authorities"
    case operations = "Loupe's own records (staff, settings, audit)"
}

/// What an erasure does to one column.
public enum ErasureTreatment: Equatable, Sendable {
    /// The row goes.
    case delete
    /// The value is set to nothing (the row stays).
    case empty
    /// Kept, linked only to the pseudonymous customer id.
    case pseudonymise
    /// Kept for a legal reason (sealed where `sealed`), until the retention rule's date.
    case retain(ground: String, sealed: Bool)
    /// Not about the subject, or an identifier/record kept as proof that the rights were answered.
    case keep

    /// The word the data map shows.
    public var label: String {
        switch self {
        case .delete: "delete"
        case .empty: "empty"
        case .pseudonymise: "pseudonymise"
        case .retain(_, let sealed): sealed ? "retain sealed" : "retain"
        case .keep: "keep"
        }
    }
}

/// One column of the schema, classified.
public struct DataColumn: Equatable, Sendable {
    public var table: String
    public var column: String
    /// Whether it can hold personal data about a customer (or a guardian).
    public var isPersonal: Bool
    public var category: DataCategory
    public var erasure: ErasureTreatment
    /// The retention rule that limits how long it is kept, if any.
    public var retention: RetentionCategory?
    /// The column a generated column is computed from: it follows that column, and no statement writes it.
    public var derivedFrom: String?

    /// Classifies one column.
    public init(_ table: String, _ column: String, personal: Bool, _ category: DataCategory, erasure: ErasureTreatment,
                retention: RetentionCategory? = nil, derivedFrom: String? = nil) {
        self.derivedFrom = derivedFrom
        self.table = table
        self.column = column
        self.isPersonal = personal
        self.category = category
        self.erasure = erasure
        self.retention = retention
    }
}

/// Every table and column of Loupe's database, classified: whether it is personal, its category in the policy's
/// terms, what an erasure does to it and which retention rule limits it. A test holds it equal to the live schema
/// (a new column that is not classified fails the suite), the erasure plan and the erasure's own statements are
/// made from it, and `loupe datamap` prints it as the data inventory of the record of processing (Art. 30).
public enum DataMap {
    /// The legal ground for keeping invoices.
    public static let taxGround = "tax law: invoice retention"

    /// Every classified column, table by table.
    public static let columns: [DataColumn] =
        DataMap.customerColumns + DataMap.requestColumns + DataMap.operationsColumns + DataMap.promiseColumns
            + DataMap.gateColumns
            + DataMap.mailboxColumns

    /// The columns of `table` an erasure treats as `treatment`, in schema order.
    public static func columns(of table: String, _ treatment: ErasureTreatment) -> [String] {
        columns.filter { $0.table == table && $0.erasure == treatment && $0.derivedFrom == nil }.map(\.column)
    }

    /// The tables, in the order the map lists them.
    public static var tables: [String] {
        var seen = Set<String>()
        return columns.map(\.table).filter { seen.insert($0).inserted }
    }
}
