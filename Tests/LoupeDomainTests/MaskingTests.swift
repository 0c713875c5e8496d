import LoupeDomain
import Testing

@Suite struct MaskingTests {
    @Test func emailKeepsFirstLettersAndTopLevelDomain() {
        #expect(Masking.email("jane.doe@gmail.com") == "j•••@g•••.com")
        #expect(Masking.email("x@example.co.uk") == "x•••@e•••.uk")
        #expect(Masking.email("nobody@localhost") == "n•••@•••")
    }

    @Test func phoneKeepsCountryCodeAndLastTwoDigits() {
        #expect(Masking.phone("+44 7700 900812") == "+44 •••• ••12")
        #expect(Masking.phone("0612345678") == "•••• ••78")
        #expect(Masking.phone("123") == "•••")
    }

    @Test func nameKeepsInitialsInAnyScript() {
        #expect(Masking.name("Jürgen Müller") == "J••• M•••")
        #expect(Masking.name("Анна Смирнова") == "А••• С•••")
        #expect(Masking.name("") == "•••")
    }

    @Test func maskedValuesNeverContainTheHiddenPart() {
        let email = "secret.person@hidden-domain.org"
        let masked = Masking.email(email)
        #expect(!masked.contains("secret"))
        #expect(!masked.contains("hidden"))
    }
}
