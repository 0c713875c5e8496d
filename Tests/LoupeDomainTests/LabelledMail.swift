import LoupeDomain
import Testing

/// The labelled set the kind suggestion is measured on: messages the project wrote itself, requests phrased many
/// ways in English, German, Spanish and French, and what a privacy address also receives (orders, complaints,
/// newsletters, spam). Each is labelled with the kind it asks for, or none.
struct LabelledMail {
    let label: RequestKind?
    let language: Language
    let subject: String
    let body: String

    /// Every message of the set.
    static let all: [LabelledMail] = [
        (Language.english, english), (.german, german), (.spanish, spanish), (.french, french),
    ].flatMap { language, text in
        text.split(separator: "\n").map { line in
            let fields = line.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            return LabelledMail(
                label: fields[0] == "-" ? nil : RequestKind(rawValue: fields[0])!, language: language,
                subject: fields[1], body: fields[2].replacingOccurrences(of: "\\n", with: "\n"))
        }
    }
}

@Suite struct RequestKindSuggestionTests {
    @Test func theLabelledSetIsLargeAndCoversEveryLanguageAndKind() {
        #expect(LabelledMail.all.count >= 200)
        for language in Language.allCases {
            let messages = LabelledMail.all.filter { $0.language == language }
            for label in RequestKind.allCases.map(Optional.some) + [nil] {
                #expect(messages.filter { $0.label == label }.count >= 5, "\(language) \(String(describing: label))")
            }
        }
    }

    /// Prints precision and recall per kind (and for "no request"); erasure and consent withdrawal must be at least
    /// 0.95 precise: a non-request filed as one starts a clock and costs an agent, a wrong one costs the customer.
    @Test func precisionAndRecallPerKind() {
        var misses: [String] = []
        var outcomes: [(label: RequestKind?, guess: RequestKind?)] = []
        for mail in LabelledMail.all {
            let guess = RequestKindSuggestion.assess(subject: mail.subject, body: mail.body).kind
            outcomes.append((mail.label, guess))
            if guess != mail.label {
                misses.append("\(mail.language.rawValue) \(mail.label?.rawValue ?? "none") → "
                              + "\(guess?.rawValue ?? "none"): \(mail.subject) | \(mail.body.prefix(60))")
            }
        }
        print("kind suggestion on \(outcomes.count) labelled messages:")
        for label in RequestKind.allCases.map(Optional.some) + [nil] {
            let guessed = outcomes.filter { $0.guess == label }
            let labelled = outcomes.filter { $0.label == label }
            let right = outcomes.filter { $0.guess == label && $0.label == label }.count
            let precision = guessed.isEmpty ? 1 : Double(right) / Double(guessed.count)
            let recall = labelled.isEmpty ? 1 : Double(right) / Double(labelled.count)
            print("  \(label?.rawValue ?? "no request"): precision \(format(precision)) (\(right)/\(guessed.count)), "
                  + "recall \(format(recall)) (\(right)/\(labelled.count))")
            if label == .erasure || label == .consentWithdrawal {
                #expect(precision >= 0.95, "\(label!.rawValue) precision \(precision)")
            }
        }
        for miss in misses { print("  miss: \(miss)") }
    }

    @Test func theLanguageOfEachMessageIsFoundWhenItSaysEnough() {
        var wrong: [String] = []
        var found = 0
        for mail in LabelledMail.all {
            let detected = RequestKindSuggestion.assess(subject: mail.subject, body: mail.body).language
            if let detected { found += 1 }
            if let detected, detected != mail.language { wrong.append("\(mail.language) as \(detected): \(mail.body)") }
        }
        print("language found for \(found) of \(LabelledMail.all.count), wrong for \(wrong.count)")
        #expect(wrong.isEmpty, "\(wrong)")
        #expect(found * 10 >= LabelledMail.all.count * 7)
    }

    @Test func wholeWordsOnlyAndQuotedTextDoesNotCount() {
        for text in ["Accessories in stock", "Payment successful", "We are an exporter", "Marketplace update"] {
            #expect(RequestKindSuggestion.assess(subject: text, body: text).kind == nil, "\(text)")
        }
        let quoted = "Thanks for the quick delivery!\n> Delete my account? (from an older thread)\n> erase my data"
        #expect(RequestKindSuggestion.assess(subject: "Re: order", body: quoted).kind == nil)
        let signed = "Where is my parcel?\n-- \nTo unsubscribe from my personal mailing list, reply STOP"
        #expect(RequestKindSuggestion.assess(subject: "Parcel", body: signed).kind == nil)
        // Other scripts split into words too: Greek and Cyrillic letters are words, not noise.
        #expect(MailText.words("Διαγραφή δεδομένων, удалить данные") == ["διαγραφη", "δεδομενων", "удалить", "данные"])
    }

    @Test func theSubjectWeighsMoreThanTheBody() {
        let loose = RequestKindSuggestion.assess(subject: "Hello", body: "delete")
        let inSubject = RequestKindSuggestion.assess(subject: "Delete", body: "")
        #expect(loose.score == 1 && inSubject.score == 2 && loose.kind == nil && inSubject.kind == nil)
        #expect(RequestKindSuggestion.assess(subject: "Unsubscribe", body: "").score == 6)
    }

    private func format(_ value: Double) -> String { String(Int((value * 1000).rounded())).paddedFraction }
}

private extension String {
    /// "953" as "0.953", "1000" as "1.000".
    var paddedFraction: String {
        let digits = String(repeating: "0", count: max(0, 4 - count)) + self
        return digits.dropLast(3) + "." + digits.suffix(3)
    }
}
