import Foundation
import LoupeDomain
@testable import LoupeUI
import Testing

@Suite struct CustomerScreenTests {
    func type(_ harness: inout Harness, _ text: String) {
        for character in text { harness.press(.char(character)) }
    }

    @Test func searchAsYouTypeThenBrowseAndOpenACustomerWithTabs() {
        var harness = Harness(width: 100, height: 30, rows: sampleQueue(count: 5))
        harness.press(.char(":"))
        type(&harness, "customers")
        harness.press(.enter)
        #expect(harness.state.screen.address == .customers && harness.state.keyContext == .search)
        harness.effectsSeen = []
        type(&harness, "Mül")
        #expect(harness.effectsSeen == [.searchCustomers("M"), .searchCustomers("Mü"), .searchCustomers("Mül")], "one search per typed character")
        #expect(harness.state.customers.rows.map(\.publicId) == ["C-000001"])
        // The golden shows "J••• Mül•••": the typed part of a masked name is shown (issue 17; it was "J••• M•••").
        #expect(goldenMismatch(harness.screen, "customers-100x30") == nil)
        harness.press(.down)
        #expect(harness.state.keyContext == .customers, "↓ leaves the field; keys browse again")
        harness.press(.char("/"))
        #expect(harness.state.keyContext == .search, "/ types into the field again")
        // One Enter opens the selected result (it used to take two: one to leave the field, one to open).
        harness.press(.enter)
        #expect(harness.state.screen.address == .customer("C-000001"))
        #expect(goldenMismatch(harness.screen, "customer-profile-100x30") == nil)
        harness.press(.tab, .tab)
        #expect(harness.state.customerTab == .orders && harness.screen.contains("JDS-100001"))
        harness.press(.backTab)
        #expect(harness.state.customerTab == .addresses && !harness.screen.contains("Hauptstraße"), "addresses are masked")
        harness.press(.char("m"))
        #expect(harness.effectsSeen.contains(.recordReveal(publicId: "C-000001")))
        #expect(harness.screen.contains("Hauptstraße"))
        harness.press(.escape)
        #expect(harness.state.screen.address == .customers && harness.state.revealed == nil)
    }

    @Test func aReplyToAnOlderQueryIsDropped() {
        var state = AppState(width: 80, height: 24, now: uiNow, deadlines: DeadlinePolicy(), actor: ava)
        _ = state.reduce(.showCustomers(query: "ana", editing: true))
        _ = state.reduce(.customersLoaded(sampleCustomers, query: "an"))
        #expect(state.customers.loadedQuery == nil && state.customers.rows.isEmpty)
        _ = state.reduce(.customersLoaded([sampleCustomers[1]], query: "ana"))
        #expect(state.customers.rows.count == 1)
    }
}
