/// A correction a data subject asked for: which field, and its new value.
public enum CorrectableField: String, CaseIterable, Codable, Sendable {
    case fullName = "name", email, phone
    case addressLine = "address", city, postalCode = "postal-code", country

    /// The fields that live on the shipping address rather than the profile.
    public static let addressFields: [CorrectableField] = [.addressLine, .city, .postalCode, .country]

    /// Whether couriers received this field (name, shipping address, phone) and must be told of the change.
    public var reachesCouriers: Bool { self != .email }
}

/// Checks corrections before they are stored or applied.
public enum RectificationRules {
    /// The corrections with every value checked: email shape, phone digits, a two-letter country, no control
    /// characters. Errors name the field and say what a good value looks like.
    public static func validated(_ corrections: [CorrectableField: String]) throws -> [CorrectableField: String] {
        guard !corrections.isEmpty else {
            throw LoupeError(.invalidInput, "No corrections given: name the fields to change, e.g. --set name=\"Jane Doe\".")
        }
        var checked: [CorrectableField: String] = [:]
        for (field, value) in corrections {
            // A long international phone number can pass the Luhn check; phones are checked as phones below.
            let text = try TextRules.validated(value, field: field.rawValue, checkCardNumbers: field != .phone)
            switch field {
            case .email:
                checked[field] = try NewRequest(kind: .rectification, email: text).validated().email
            case .phone:
                let digits = text.filter(\.isASCIIDigit)
                guard text.allSatisfy({ $0.isASCIIDigit || " +-()".contains($0) }), (6...20).contains(digits.count) else {
                    throw LoupeError(.invalidInput, "'\(TextRules.printable(text))' is not a phone number: use digits, spaces and a leading +, e.g. +44 7700 900812.")
                }
                checked[field] = text
            case .country:
                guard text.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                    throw LoupeError(.invalidInput, "'\(TextRules.printable(text))' is not a country code: use two letters, e.g. DE.")
                }
                checked[field] = text.uppercased()
            default:
                guard text.count <= 200 else {
                    throw LoupeError(.invalidInput, "The \(field.rawValue) is too long (\(text.count) characters); keep it under 200.")
                }
                checked[field] = text
            }
        }
        return checked
    }

    /// Parses `field=value` pairs as typed on the command line.
    public static func parse(_ pairs: [String]) throws -> [CorrectableField: String] {
        var result: [CorrectableField: String] = [:]
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="),
                  let field = CorrectableField(rawValue: String(pair[..<equals])) else {
                let names = CorrectableField.allCases.map(\.rawValue).joined(separator: ", ")
                throw LoupeError(.invalidInput, "'\(TextRules.printable(pair))' is not FIELD=VALUE with a field among: \(names).")
            }
            result[field] = String(pair[pair.index(after: equals)...])
        }
        return result
    }
}

/// One field of a rectification: what it was and what it becomes (shown before it is applied).
public struct FieldChange: Equatable, Sendable, Codable {
    public var field: String
    public var before: String?
    public var after: String

    /// Makes a change.
    public init(field: String, before: String?, after: String) {
        self.field = field
        self.before = before
        self.after = after
    }
}

/// A purpose a customer can consent to, and withdraw from.
public enum ConsentPurpose: String, CaseIterable, Codable, Sendable {
    case emailMarketing = "email-marketing"
    case smsMarketing = "sms-marketing"
    case analyticsCookies = "analytics-cookies"
    case marketingCookies = "marketing-cookies"
    /// Sharing with third parties beyond what an order needs (a Global Privacy Control signal opts out of it).
    case dataSharing = "data-sharing"

    /// The purposes that are marketing (withdrawn at once when a customer is found to be a minor).
    public static let marketing: [ConsentPurpose] = [.emailMarketing, .smsMarketing]
}
