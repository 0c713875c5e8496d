import Foundation
import LoupeDomain
import LoupeIntake
import LoupeStore

/// Times the import of a Shopify order export of `rows` line-item rows (two per order, all 79 columns) into a
/// fresh database, and reports rows per second and the peak resident memory before and after (it must stay
/// flat: the file is streamed, never loaded).
enum ImportBench {
    static func run(rows: Int, in directory: URL, now: Date) throws {
        let csvPath = directory.appendingPathComponent("orders.csv").path
        try writeOrders(rows: rows, to: csvPath)
        let size = (try FileManager.default.attributesOfItem(atPath: csvPath)[.size] as? Int) ?? 0
        let database = try AppDatabase.open(path: directory.appendingPathComponent("import.sqlite").path, create: true)
        try database.initialize(admin: "bench", displayName: "bench", at: now)
        let admin = try database.staffMember(userName: "bench")!
        let erased = try eraseBuyers(200, in: database, admin: admin, now: now)
        let peakBefore = peakResidentMegabytes()
        let rawStart = Date()
        let raw = try CSVRecords(path: csvPath)
        while try raw.next() != nil {}
        let rawSeconds = Date().timeIntervalSince(rawStart)
        let parseStart = Date()
        let parseOnly = try ShopifyOrderCSV(path: csvPath)
        while try parseOnly.next() != nil {}
        let parseSeconds = Date().timeIntervalSince(parseStart)
        let reader = try ShopifyOrderCSV(path: csvPath)
        let start = Date()
        let report = try database.importOrders(from: reader.next, fileName: csvPath, dryRun: false, skipBadRows: false,
                                               actor: admin, at: now)
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "import of a %d-row order CSV (%.0f MB, %d orders; %d erased buyers in the ledger, %d of their orders suppressed): %.1f s, %.0f rows/s (of which splitting by CSV.swift %.1f s, validating %.1f s); peak RSS %.0f MB before, %.0f MB after",
                     rows, Double(size) / 1_048_576, report.created, erased, report.suppressed.count, seconds,
                     Double(rows) / seconds, rawSeconds,
                     parseSeconds - rawSeconds, peakBefore,
                     peakResidentMegabytes()))
    }

    /// Makes `count` of the export's buyers customers, then erases them through the use cases (an agent proposes,
    /// a supervisor approves), so the import meets a ledger with entries and rows it must suppress.
    private static func eraseBuyers(_ count: Int, in database: AppDatabase, admin: StaffMember, now: Date) throws -> Int {
        let ava = try database.addStaff(userName: "ava", role: .agent, displayName: nil, actor: admin, at: now)
        let sam = try database.addStaff(userName: "sam", role: .supervisor, displayName: nil, actor: admin, at: now)
        var buyers = (0..<count).map { number -> ImportItem<ImportedCustomer> in
            .record(ImportedCustomer(shopifyId: nil, email: "buyer.\(number * 97)@example.com", fullName: "Buyer \(number)",
                                     phone: nil, acceptsEmailMarketing: nil, acceptsSMSMarketing: nil, address: nil),
                    line: number + 2)
        }[...]
        _ = try database.importCustomers(from: { buyers.popFirst() }, fileName: "buyers.csv", dryRun: false,
                                         skipBadRows: false, actor: admin, at: now)
        for number in 0..<count {
            let id = try database.createRequest(NewRequest(kind: .erasure, email: "buyer.\(number * 97)@example.com"),
                                                actor: ava, at: now).summary.publicId
            for command: RequestCommand in [.claim, .verify(method: .document, note: nil), .start, .proposeErasure] {
                try database.perform(command, on: id, actor: ava, at: now)
            }
            try database.perform(.approve, on: id, actor: sam, at: now)
        }
        _ = try database.finishErasures()
        return count
    }

    private static func writeOrders(rows: Int, to path: String) throws {
        let header = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References"
        let columns = header.split(separator: ",").map(String.init)
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var chunk = header + "\r\n"
        for row in 0..<rows {
            let order = row / 2
            let first = row % 2 == 0
            var cells = [String: String]()
            cells["Name"] = "#\(100_000 + order)"
            cells["Email"] = "buyer.\(order % 20_000)@example.com"
            cells["Lineitem quantity"] = "\(1 + row % 3)"
            cells["Lineitem name"] = first ? "\"Gold ring, size \(50 + order % 10)\"" : "Silver chain"
            cells["Lineitem price"] = first ? "129.90" : "44.95"
            cells["Lineitem sku"] = first ? "RING-\(order % 97)" : "CH-S-45"
            if first {
                cells["Financial Status"] = "paid"
                cells["Currency"] = "EUR"
                cells["Total"] = "219.80"
                cells["Created at"] = "2026-02-11 09:14:52 -0800"
                cells["Billing Name"] = "Buyer \(order)"
                cells["Billing Address1"] = "\(order % 200) Market Street"
                cells["Billing City"] = "Leeds"
                cells["Billing Zip"] = "'LS1 \(order % 9)AB"
                cells["Billing Country"] = "GB"
                cells["Shipping Name"] = "Buyer \(order)"
                cells["Shipping Address1"] = "\(order % 200) Market Street"
                cells["Shipping City"] = "Leeds"
                cells["Shipping Country"] = "GB"
                cells["Payment Method"] = "Shopify Payments"
                cells["Id"] = "'\(5_000_000_000_000 + order)"
                cells["Notes"] = order % 10 == 0 ? "\"Gift wrap, please\nThank you\"" : ""
            }
            chunk += columns.map { cells[$0] ?? "" }.joined(separator: ",") + "\r\n"
            if chunk.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        try handle.write(contentsOf: Data(chunk.utf8))
    }

    /// VmHWM (peak resident memory) of this process, in MB.
    static func peakResidentMegabytes() -> Double { memoryMegabytes("VmHWM", of: "self") }

    /// A memory field of /proc/PROCESS/status (VmRSS, VmHWM), in MB.
    static func memoryMegabytes(_ field: String, of process: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }
}
