import LoupeDomain
import Testing

/// OpenDSR callbacks go only to listed hosts, and never to a private network unless that address is listed.
@Suite struct CallbackTargetRuleTests {
    let allowList = ["callbacks.partner.example", "*.dsr.example", "127.0.0.1"]

    @Test func onlyListedHostsOverHTTP() throws {
        #expect(try CallbackTargetRule.host(of: "https://callbacks.partner.example/status", allowList: allowList)
                == "callbacks.partner.example")
        #expect(try CallbackTargetRule.host(of: "https://eu.dsr.example/x", allowList: allowList) == "eu.dsr.example")
        for refused in ["https://dsr.example/x", "https://evil.example/x", "ftp://callbacks.partner.example/",
                        "https://user:pw@callbacks.partner.example/", "https://callbacks.partner.example.evil.example/",
                        "gopher://127.0.0.1/", "https://169.254.169.254/latest/meta-data"] {
            #expect(throws: LoupeError.self, "\(refused)") { try CallbackTargetRule.host(of: refused, allowList: allowList) }
        }
    }

    @Test func privateAddressesOnlyWhenListedThemselves() {
        for address in ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
                        "::1", "fe80::1", "fd00::5", "::ffff:10.0.0.1", "not-an-address"] {
            #expect(CallbackTargetRule.isPrivate(address), "\(address)")
        }
        for address in ["93.184.216.34", "2606:2800:220:1::", "8.8.8.8", "172.32.0.1"] {
            #expect(!CallbackTargetRule.isPrivate(address), "\(address)")
        }
        #expect(CallbackTargetRule.mayConnect(to: "127.0.0.1", allowList: allowList))
        #expect(!CallbackTargetRule.mayConnect(to: "10.0.0.7", allowList: allowList), "a listed name behind a private address")
        #expect(CallbackTargetRule.mayConnect(to: "93.184.216.34", allowList: allowList))
    }
}
