import Foundation
@testable import LoupeCLI
import LoupeDomain
import Testing

/// `PREFIX/etc/loupe.conf`: the installed binary's database, read as `key = value` lines; anything else is refused
/// with the line at fault.
@Suite struct InstallConfigTests {
    @Test func theDatabaseAndWitnessAreRead() throws {
        let config = try InstallConfig.parse("""
            # Written by scripts/install.
            database = /srv/loupe/loupe.sqlite   # the data directory's database

            witness = /var/log/loupe/witness
            """, source: "loupe.conf")
        #expect(config == InstallConfig(database: "/srv/loupe/loupe.sqlite", witness: "/var/log/loupe/witness"))
    }

    @Test(arguments: [
        ("database = relative/loupe.sqlite", "line 1"),
        ("db = /srv/loupe/loupe.sqlite", "line 1"),
        ("# nothing\nwitness = /var/log/w", "names no database"),
        ("database /srv/loupe/loupe.sqlite", "line 1"),
    ])
    func badLinesAreRefusedByLine(text: String, fragment: String) {
        #expect {
            _ = try InstallConfig.parse(text, source: "loupe.conf")
        } throws: { error in
            (error as? LoupeError)?.message.contains(fragment) == true
        }
    }

    @Test func aBuildInTheSourceTreeHasNoInstallConfig() {
        #expect(InstallConfig.current == nil)
        #expect(!Privilege.isElevated)
    }
}
