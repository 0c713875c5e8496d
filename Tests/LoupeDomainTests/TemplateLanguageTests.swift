import Foundation
import LoupeDomain
import Testing

/// Every shipped template exists in English, German, Spanish and French, passes the template rules, names the
/// same placeholders in each language, and renders exactly as its golden text (`Golden/templates/EVENT.LANG.txt`;
/// `LOUPE_RECORD_GOLDEN=1 swift test` writes them).
@Suite struct TemplateLanguageTests {
    static let values: [Placeholder: String] = [
        .requestId: "PR-2026-000042", .recipientName: "Ann Example", .kind: "KIND", .receivedOn: "2026-11-02",
        .dueOn: "2026-12-02", .shopName: "jewelrydealshop", .privacyEmail: "privacy@jewelrydealshop.com",
        .extendedUntil: "2027-01-02", .extensionReason: "REASON", .exportLocation: "LINK",
        .correctedFields: "FIELDS", .retainedItems: "- ITEMS", .withdrawnPurposes: "PURPOSES", .reason: "REASON",
        .authority: "AUTHORITY", .verificationCode: "123456", .policyVersion: "v3", .policyEffectiveOn: "2027-01-01",
        .policySummary: "SUMMARY", .breachDescription: "DESCRIPTION", .breachCategories: "CATEGORIES",
        .authorityName: "AUTHORITY", .disclosedFields: "FIELDS",
    ]

    @Test(arguments: Language.allCases)
    func everyShippedTemplateIsValidNamesTheSamePlaceholdersAndMatchesItsGolden(language: Language) throws {
        for event in MessageEvent.allCases {
            let template = try MessageTemplate.standard(event, in: language).validated()
            #expect(template.language == language)
            let english = MessageTemplate.standard(event, in: .english)
            #expect(Set(try template.names()) == Set(try english.names()), "\(event.rawValue) in \(language.name)")
            let rendered = try template.render(Self.values)
            let text = "Subject: \(rendered.subject)\n\n\(rendered.body)\n"
            if let mismatch = golden(text, "templates/\(event.rawValue).\(language.rawValue)") {
                Issue.record(Comment(rawValue: mismatch))
            }
        }
    }

    @Test func theKindAndTheFallbacksAreWordsOfTheLanguage() {
        #expect(Language.german.phrase(.erasure) == "Löschung Ihrer Daten")
        #expect(Language.spanish.phrase(.access) == "acceso a sus datos")
        #expect(Language.french.phrase(.consentWithdrawal) == "retrait de votre consentement")
        #expect(Language(tag: "de-AT") == .german && Language(tag: "es_ES.UTF-8") == .spanish && Language(tag: "it") == nil)
        for language in Language.allCases where language != .english {
            #expect(language.detailsYouGave != Language.english.detailsYouGave)
            #expect(language.nothingKept != Language.english.nothingKept)
        }
    }

    @Test func anUnknownPlaceholderIsRefusedInEveryLanguageNamingIt() {
        for language in Language.allCases {
            let template = MessageTemplate(event: .received, subject: "{{requestId}}", body: "{{shoeSize}}",
                                           language: language)
            #expect(throws: LoupeError.self) { try template.validated() }
            do { _ = try template.validated() } catch let error as LoupeError {
                #expect(error.message.contains("{{shoeSize}}") && error.message.contains(language.name))
            } catch {}
        }
    }

    private func golden(_ text: String, _ name: String, file: String = #filePath) -> String? {
        let url = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Golden/\(name).txt")
        if ProcessInfo.processInfo.environment["LOUPE_RECORD_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                     withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "missing golden \(name).txt; record it with LOUPE_RECORD_GOLDEN=1 swift test"
        }
        return expected == text ? nil : "\(name) differs from its golden:\n\(text)"
    }
}
