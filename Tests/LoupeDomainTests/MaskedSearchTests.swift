import LoupeDomain
import Testing

/// Search results show the parts the searcher typed and keep the rest masked.
@Suite struct MaskedSearchTests {
    func text(_ parts: [MaskedPart]) -> String { parts.map(\.text).joined() }
    func shown(_ parts: [MaskedPart]) -> [String] { parts.filter(\.isMatch).map(\.text) }

    @Test func whatWasTypedIsShownAndTheRestStaysMasked() {
        let parts = Masking.name("Jane Müller", revealing: "mül")
        #expect(text(parts) == "J••• Mül•••")
        #expect(shown(parts) == ["Mül"])
        #expect(text(Masking.name("Jürgen Müller", revealing: "jurg mull")) == "Jürg••• Müll•••", "accents ignored")
        #expect(text(Masking.name("Anna Schmüller", revealing: "müller")) == "A••• S•••müller")
    }

    @Test func twoNamesThatLookAlikeMaskedAreToldApartByWhatWasTyped() {
        let query = "müller j"
        let jane = text(Masking.name("Jane Müller", revealing: query))
        let jens = text(Masking.name("Jens Müllerson", revealing: query))
        #expect(jane == "J••• Müller")
        #expect(jens == "J••• Müller•••")
        #expect(jane != jens)
    }

    @Test func emailsRevealTheTypedLocalPartAndHost() {
        let parts = Masking.email("jane.doe@gmail.com", revealing: "jane@gm")
        #expect(text(parts) == "jane•••@gm•••.com")
        #expect(shown(parts) == ["jane", "gm"])
    }

    @Test(arguments: ["", "zzz", "  "])
    func withoutAMatchTheDefaultMaskIsKept(query: String) {
        for name in ["Jane Müller", "Zoë Ñandú", "Li", "a b c"] {
            #expect(text(Masking.name(name, revealing: query)) == Masking.name(name))
        }
        for email in ["jane@gmail.com", "x@localhost", "@example.org", "weird"] {
            #expect(text(Masking.email(email, revealing: query)) == Masking.email(email))
        }
    }
}
