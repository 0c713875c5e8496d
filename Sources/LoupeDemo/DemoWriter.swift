import LoupeDemo
import LoupeStore
import Foundation
import GRDB
import LoupeDomain

/// Generates the demo rows, drawing every value from one seeded generator, and encodes them for the writing
/// thread (`DemoTables`).
struct DemoWriter {
    let options: DemoOptions
    var random: SeededRandom
    let policy = DeadlinePolicy()
    /// Customers flagged as under 16 (row ids).
    var minorCustomerIds: [Int64] = []
    /// Audit events gathered while writing, appended to the chain in time order at the end.
    var auditEvents: [(time: Date, actor: String, action: String, target: String, details: [String: String])] = []
    var orderSequence = 100_000
    /// The tables the rows are encoded for.
    let insert: DemoTables
    /// The last audit entry already in the database (sequence and hash), which the demo's entries follow.
    let lastAudit: (sequence: Int64, hash: String)

    init(options: DemoOptions, tables: DemoTables, lastAudit: (sequence: Int64, hash: String)) {
        self.options = options
        self.random = SeededRandom(seed: options.seed)
        self.insert = tables
        self.lastAudit = lastAudit
        auditEvents.append((daysAgo(800), "system", "database.create", "loupe", ["kind": "demo"]))
    }


    static let day: TimeInterval = 86_400

    /// `now` minus a number of days (fractional days allowed).
    func daysAgo(_ days: Double) -> Date { options.now.addingTimeInterval(-days * Self.day) }

    /// Writes the settings, staff, policy versions and retention rules (a handful of rows, straight to `db`).
    static func writeSettingsAndStaff(_ db: Database, options: DemoOptions) throws {
        try AppDatabase.setSetting(db, .isDemo, "1")
        try AppDatabase.setSetting(db, .privacyAddress, "privacy@jewelrydealshop.com")
        try AppDatabase.setSetting(db, .timeZone, "UTC")
        var members = DemoSeeder.staff
        if !members.contains(where: { $0.userName == options.operatorUser }) {
            members.append(StaffMember(userName: options.operatorUser, displayName: options.operatorUser, role: .admin))
        }
        for member in members {
            try db.execute(
                sql: "INSERT INTO staff (userName, displayName, role, isActive) VALUES (?, ?, ?, 1)",
                arguments: [member.userName, member.displayName, member.role.rawValue])
        }
        try db.execute(sql: """
            INSERT INTO policyVersion (version, effectiveAt, summary, publishedAt) VALUES
              ('2024-03', '2024-03-01 00:00:00.000', 'First published privacy policy.', '2024-02-15 00:00:00.000'),
              ('2025-09', '2025-09-15 00:00:00.000', 'Adds SMS marketing and names our couriers.', '2025-09-01 00:00:00.000');
            INSERT INTO retentionRule (category, days, action) VALUES
              ('device-events', 395, 'delete'), ('feedback', 730, 'delete'), ('inactive-accounts', 1095, 'anonymise'),
              ('cancelled-orders', 365, 'delete'), ('invoices', 3650, 'anonymise'), ('access-exports', 30, 'delete'),
              ('closed-requests', 1095, 'anonymise');
            """)
        try db.execute(sql: "UPDATE policyVersion SET fullText = ? WHERE version = ?",
                       arguments: [PrivacyPolicy.text, PrivacyPolicy.version])
        for processor in DemoCatalog.processors {
            try db.execute(sql: """
                INSERT INTO processor (name, kind, contact, purpose, agreementDate, addedBy, addedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [processor.name, processor.kind, processor.contact, processor.purpose,
                                 processor.agreement, options.operatorUser, options.now])
        }
    }

    mutating func writeCustomers() throws {
        let count = max(options.customers, 1)
        let step = max(count / 100, 1)
        for index in 1...count {
            try writeCustomer(index)
            if index % step == 0 { insert.progress = Double(index) / Double(count) * 0.95 }
        }
    }

    private mutating func writeCustomer(_ index: Int) throws {
        let locale = random.pick(DemoCatalog.locales)
        let given = random.pick(locale.givenNames)
        let family = random.pick(locale.familyNames)
        let fullName = locale.familyFirst ? "\(family.name) \(given.name)" : "\(given.name) \(family.name)"
        let email = "\(given.ascii).\(family.ascii)\(index)@\(random.pick(DemoCatalog.emailDomains))"
        let phone = "\(locale.phonePrefix)\(random.digits(5))"
        // A few customers under 16 (one in 400, and at least the 7th), the rest adults.
        let isMinor = index % 400 == 7
        let age = isMinor ? random.int(13...15) : random.int(18...80)
        let birth = policy.dayString(daysAgo(Double(age * 365 + random.int(0...364))))
        let createdAt = daysAgo(Double(random.int(30...1500)))
        let lastActive = daysAgo(Double(random.int(0...120)))
        let preferences = random.chance(0.6)
            ? [random.pick(DemoCatalog.styles), random.pick(DemoCatalog.styles)].joined(separator: ", ") : nil
        let customer = insert.customer
        customer.add(index)
        customer.add("C-" + CivilTime.pad(index, 6))
        customer.add(fullName)
        customer.add(email)
        customer.add(phone)
        customer.add(birth)
        customer.add(random.pick(DemoCatalog.tiers))
        customer.add(preferences)
        customer.add(createdAt)
        customer.add(lastActive)
        customer.add(isMinor)
        try customer.run()
        let customerId = Int64(index)
        if isMinor { minorCustomerIds.append(customerId) }
        let street = "\(random.int(1...240)) \(random.pick(locale.streets))"
        let city = random.pick(locale.cities)
        let postal = random.digits(5)
        for kind in ["shipping", "billing"] where kind == "shipping" || random.chance(0.3) {
            let row = insert.address
            row.add(customerId)
            row.add(kind)
            row.add(fullName)
            row.add(street)
            row.add(city)
            row.add(postal)
            row.add(locale.country)
            try row.run()
        }
        let address = "\(street), \(postal) \(city), \(locale.country)"
        for _ in 0..<random.int(0...8) {
            try writeOrder(customerId: customerId, name: fullName, phone: phone, address: address, locale: locale,
                           since: createdAt)
        }
        try writeDeviceEvents(customerId: customerId)
        try writeConsents(customerId: customerId, createdAt: createdAt, isMinor: isMinor)
        if random.chance(0.2) {
            let row = insert.feedback
            row.add(customerId)
            row.add(random.pick(DemoCatalog.feedback))
            row.add(random.int(1...5))
            row.add(daysAgo(Double(random.int(1...600))))
            try row.run()
        }
    }
}
