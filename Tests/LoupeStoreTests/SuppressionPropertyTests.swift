import Foundation
import GRDB
import LoupeDomain
@testable import LoupeStore
import Testing

/// Random sequences of import, erase, rectify and withdraw: after every step, no erased identity is on a live
/// customer, and no withdrawal made in Loupe has been undone by an import.
@Suite struct SuppressionPropertyTests {
    /// A small deterministic generator (SplitMix64), so a failing seed can be replayed.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    func person(_ index: Int, generation: Int) -> ImportedCustomer {
        ImportedCustomer(shopifyId: generation % 2 == 0 ? "90\(index)" : nil, email: "p\(index)@example.com",
                         fullName: "Person \(index) v\(generation)", phone: "+44 7700 90\(String(format: "%04d", index))",
                         acceptsEmailMarketing: true, acceptsSMSMarketing: nil, address: nil)
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func erasedStaysErasedAndWithdrawalsHold(seed: UInt64) throws {
        let tests = SuppressionStoreTests()
        let database = try tests.database()
        var random = Random(state: seed)
        var erased = Set<Int>()
        var withdrawn = Set<Int>()
        for step in 0..<40 {
            let who = random.next(6)
            let email = "p\(who)@example.com"
            let present = try !erased.contains(who) && exists(database, email)
            switch random.next(4) {
            case 0:
                let rows = (0..<6).map { person($0, generation: random.next(4)) }
                _ = try tests.importCustomers(database, rows)
            case 1 where present:
                _ = try tests.erase(database, email: email)
                erased.insert(who)
            case 2 where present:
                let id = try tests.started(database, NewRequest(kind: .rectification, email: email,
                                                                 corrections: [.fullName: "Corrected \(who) \(step)"]))
                try database.rectify(publicId: id, actor: tests.ava, at: storeNow)
            case 3 where present:
                let id = try database.createRequest(NewRequest(kind: .consentWithdrawal, email: email), actor: tests.ava,
                                                    at: storeNow).summary.publicId
                try database.perform(.claim, on: id, actor: tests.ava, at: storeNow)
                try database.withdrawConsent(publicId: id, actor: tests.ava, at: storeNow)
                withdrawn.insert(who)
            default:
                continue
            }
            for index in erased {
                let live = try tests.count(database, """
                    SELECT COUNT(*) FROM customer WHERE email = ? OR phone = ? OR shopifyId = ? OR fullName LIKE ?
                    """, [person(index, generation: 0).email, person(index, generation: 0).phone, "90\(index)", "Person \(index) %"])
                #expect(live == 0, "seed \(seed), step \(step): erased person \(index) is back")
            }
            for index in withdrawn.subtracting(erased) {
                let granted = try tests.count(database, """
                    SELECT granted FROM consentEvent WHERE customerId = (SELECT id FROM customer WHERE email = ?)
                    AND purpose = 'email-marketing' ORDER BY occurredAt DESC, id DESC LIMIT 1
                    """, ["p\(index)@example.com"])
                #expect(granted == 0, "seed \(seed), step \(step): person \(index)'s withdrawal was undone")
            }
        }
    }

    func exists(_ database: AppDatabase, _ email: String) throws -> Bool {
        try database.writer.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM customer WHERE email = ? AND erasedAt IS NULL)",
                              arguments: [email])!
        }
    }
}
