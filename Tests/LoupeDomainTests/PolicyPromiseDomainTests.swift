import Foundation
import LoupeDomain
import Testing

/// The pure rules behind the policy's promises, one test per section they protect.
@Suite struct PolicyPromiseDomainTests {
    /// A deterministic generator (SplitMix64), so a failing case can be replayed from its seed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Random observations over `days` days: a few customers, skewed so that many cells are small.
    static func randomObservations(seed: UInt64, days: Int) -> [AnalyticsObservation] {
        var random = Generator(state: seed)
        var observations: [AnalyticsObservation] = []
        let countries = ["FR", "DE", "GB", "ES", "PL"]
        let devices = ["mobile", "desktop", "tablet"]
        for day in 0..<days {
            let customers = Int.random(in: 0...60, using: &random)
            for customer in 0..<customers {
                // Most customers in one big cell, the rest spread thin.
                let common = Int.random(in: 0..<10, using: &random) < 6
                let cell =
                    common
                    ? ["FR", "mobile"]
                    : [countries.randomElement(using: &random)!, devices.randomElement(using: &random)!]
                observations.append(
                    AnalyticsObservation(
                        day: String(format: "2026-11-%02d", day + 1), cell: cell,
                        customer: "c\(Int.random(in: 0..<(customer + 40), using: &random))",
                        count: Int.random(in: 1...5, using: &random)))
            }
        }
        return observations
    }

    /// The distinct customers behind a published row, recomputed from the raw observations.
    static func customersBehind(
        _ row: AnalyticsRow, in rows: [AnalyticsRow],
        observations: [AnalyticsObservation]
    ) -> Set<String> {
        let ofDay = observations.filter { $0.day == row.day }
        guard row.isOther else { return Set(ofDay.filter { $0.cell == row.cell }.map(\.customer)) }
        let published = Set(rows.filter { $0.day == row.day && !$0.isOther }.map(\.cell))
        return Set(ofDay.filter { !published.contains($0.cell) }.map(\.customer))
    }

    @Test(arguments: [1, 2, 3, 5, 8, 13, 21, 34] as [UInt64])
    func section2_noPublishedCellDescribesFewerThanKCustomersEvenAcrossOverlappingExports(seed: UInt64) {
        let k = 10
        let observations = Self.randomObservations(seed: seed, days: 20)
        let first = observations.filter { $0.day <= "2026-11-14" }
        let second = observations.filter { $0.day >= "2026-11-07" }
        let exportA = KAnonymity.publish(first, k: k)
        let exportB = KAnonymity.publish(second, k: k)
        for (rows, source) in [(exportA, first), (exportB, second)] {
            for row in rows {
                let behind = Self.customersBehind(row, in: rows, observations: source)
                #expect(behind.count >= k, "seed \(seed): \(row) describes \(behind.count) customers")
                #expect(row.customers == behind.count)
            }
            // Totals stay honest: a published day's rows add up to everything that day held.
            for day in Set(rows.map(\.day)) {
                let total = source.filter { $0.day == day }.reduce(0) { $0 + $1.count }
                #expect(rows.filter { $0.day == day }.reduce(0) { $0 + $1.count } == total)
            }
            // A suppressed cell is never alone in "other" (else other = that cell, recovered by subtraction).
            for other in rows where other.isOther {
                let published = Set(rows.filter { $0.day == other.day && !$0.isOther }.map(\.cell))
                let hidden = Set(source.filter { $0.day == other.day && !published.contains($0.cell) }.map(\.cell))
                let smallAlone =
                    hidden.count == 1 && Self.customersBehind(other, in: rows, observations: source).count < k
                #expect(!smallAlone)
            }
        }
        // The days both exports cover publish the same rows: subtracting one export from the other reveals no cell.
        for day in Set(exportA.map(\.day)).intersection(exportB.map(\.day)) {
            #expect(exportA.filter { $0.day == day } == exportB.filter { $0.day == day })
        }
    }

    @Test func section2_aDayOfFewerThanKCustomersPublishesNothingAndASingleSmallCellJoinsAnother() {
        let few = (0..<9).map { AnalyticsObservation(day: "d", cell: ["FR"], customer: "c\($0)", count: 1) }
        #expect(KAnonymity.publish(day: "d", observations: few, k: 10).isEmpty)
        // 12 customers in FR, 3 in DE: DE alone in "other" would be DE itself, so FR joins it.
        let mixed =
            (0..<12).map { AnalyticsObservation(day: "d", cell: ["FR"], customer: "f\($0)", count: 1) }
            + (0..<3).map { AnalyticsObservation(day: "d", cell: ["DE"], customer: "g\($0)", count: 2) }
        let rows = KAnonymity.publish(day: "d", observations: mixed, k: 10)
        #expect(rows == [AnalyticsRow(day: "d", cell: [], count: 18, customers: 15, isOther: true)])
    }

    @Test func section2_dimensionsAreCoarse() {
        let iPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Safari/604.1"
        #expect(VisitDimensions.deviceType(userAgent: iPhone) == "mobile")
        #expect(VisitDimensions.browserFamily(userAgent: iPhone) == "Safari")
        let pixel = "Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/124.0 Mobile"
        #expect(VisitDimensions.deviceType(userAgent: pixel) == "mobile")
        #expect(VisitDimensions.browserFamily(userAgent: pixel) == "Chrome")
        #expect(VisitDimensions.deviceType(userAgent: "Mozilla/5.0 (Windows NT 10.0) Edg/120") == "desktop")
        #expect(VisitDimensions.browserFamily(userAgent: "Mozilla/5.0 (Windows NT 10.0) Chrome/1 Edg/120") == "Edge")
        #expect(VisitDimensions.valueBand(totalMinor: 123_45, currency: "EUR") == "EUR 50–199")
        #expect(VisitDimensions.country("fr") == "FR")
        #expect(VisitDimensions.valueBand(totalMinor: 5_00, currency: "\u{1B}[2J") == "XXX <50")
        #expect(VisitDimensions.country("\u{1B}[2J") == "unknown")
    }

    @Test func section3_aCourierLabelHoldsExactlyNameAddressAndPhone() throws {
        let label = CourierLabel(
            recipientName: "Élodie Girard", shippingAddress: "3 rue de la Paix, 75002 Paris, FR",
            phone: "+33 6 12 00 00 00")
        // Adding a field to the type breaks this list: the policy names three, and only three.
        #expect(Mirror(reflecting: label).children.map(\.label) == ["recipientName", "shippingAddress", "phone"])
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(label)) as? [String: Any]
        #expect(Set(json?.keys.map { $0 } ?? []) == ["recipientName", "shippingAddress", "phone"])
        #expect(CourierLabel.disclosedFields == [.name, .shippingAddress, .phone])
        let hostile = CourierLabel(recipientName: "A\u{1B}[31mB", shippingAddress: "x\u{202E}y", phone: "1")
        #expect(!hostile.printed.contains("\u{1B}") && !hostile.printed.contains("\u{202E}"))
    }

    @Test func section3_thePaymentProvidersShareIsMadeOfMappedOrderColumns() {
        let orderColumns = Set(DataMap.columns.filter { $0.table == "customerOrder" }.map(\.column))
        for share in DataMap.paymentProviderShare { #expect(orderColumns.contains(share.column), "\(share.column)") }
        #expect(Disclosure.paymentProviderFields == [.orders, .name, .billingAddress, .paymentDetails])
        #expect(
            !Disclosure.paymentProviderFields.contains(.phone) && !Disclosure.paymentProviderFields.contains(.email))
    }

    @Test func section3_anAuthorityDisclosureNeedsASecondPersonWhoIsASupervisor() throws {
        let request = AuthorityRequest(
            publicId: "AR-2026-0001", authority: "Police", legalBasis: "CPP art. 60",
            reference: "R-1", customer: "C-000001", fieldsRequested: [.name, .orders],
            secrecyReason: nil, status: .awaitingApproval, proposedBy: "sam",
            receivedAt: Date())
        let sam = StaffMember(userName: "sam", displayName: "Sam", role: .supervisor)
        let ava = StaffMember(userName: "ava", displayName: "Ava", role: .agent)
        let kim = StaffMember(userName: "kim", displayName: "Kim", role: .supervisor)
        #expect(throws: LoupeError.self) { try request.checkDecision(by: sam, disclosing: nil) }
        #expect(throws: LoupeError.self) { try request.checkDecision(by: ava, disclosing: nil) }
        #expect(throws: LoupeError.self) { try request.checkDecision(by: kim, disclosing: [.email]) }
        try request.checkDecision(by: kim, disclosing: [.orders])
    }

    @Test func section6_globalPrivacyControlIsTheValueOne() {
        #expect(CookieState.isGlobalPrivacyControl("1"))
        #expect(CookieState.isGlobalPrivacyControl(" 1 "))
        #expect(!CookieState.isGlobalPrivacyControl("0"))
        #expect(!CookieState.isGlobalPrivacyControl(nil))
        let state = CookieState.from(lastEvents: [:])
        #expect(state.entries.map(\.isOn) == [true, false, false], "necessary on; the others off until granted")
    }

    @Test func art33_theClockRunsSeventyTwoHoursFromDiscovery() {
        let discovered = Date(timeIntervalSince1970: 1_795_608_000)
        let breach = Breach(
            publicId: "BR-2026-01", description: "x", categories: [.identity], approximatePeople: 3,
            discoveredAt: discovered, recordedBy: "sam")
        #expect(breach.clock(now: discovered.addingTimeInterval(31 * 3_600))?.hoursLeft == 41)
        #expect(
            breach.clock(now: discovered.addingTimeInterval(77 * 3_600))?.phrase
                == "BR-2026-01: authority notice 5h late")
        var told = breach
        told.authorityNotifiedAt = discovered
        #expect(told.clock(now: discovered) == nil)
    }

    @Test func art30_everyCategoryThePolicyNamesAppearsInTheRecord() {
        let record = RecordOfProcessing(
            controller: "shop", contact: "privacy@shop.example", processors: [],
            disclosures: [], retentionDays: [:])
        let categories = Set(
            record.activities.flatMap {
                $0.category.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
            })
        let items = PrivacyPolicy.collectedItems()
        #expect(items.count >= 18, "the policy's list was read: \(items)")
        for item in items {
            // "shipping address" is named as "shipping and billing address"; every word of the item must appear.
            let words = item.split(separator: " ").map(String.init)
            #expect(words.allSatisfy { categories.contains($0) }, "the policy names “\(item)”; the record does not")
        }
    }
}
