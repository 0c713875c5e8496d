import Foundation

/// A personal data breach (GDPR Art. 33 and 34): what happened, which categories, about how many people, and the
/// two decisions the law asks for: telling the authority within 72 hours, and whether to tell the people.
public struct Breach: Equatable, Sendable, Codable {
    public var publicId: String
    public var description: String
    public var categories: [DataCategory]
    public var approximatePeople: Int
    public var discoveredAt: Date
    public var recordedBy: String
    public var authorityNotifiedAt: Date?
    public var authorityReference: String?
    /// `tell` or `do-not-tell`, once a supervisor decided.
    public var peopleDecision: String?
    public var peopleDecisionReason: String?
    public var peopleToldAt: Date?
    public var peopleToldCount: Int?

    /// Makes a breach value.
    public init(
        publicId: String, description: String, categories: [DataCategory], approximatePeople: Int,
        discoveredAt: Date, recordedBy: String, authorityNotifiedAt: Date? = nil,
        authorityReference: String? = nil, peopleDecision: String? = nil,
        peopleDecisionReason: String? = nil, peopleToldAt: Date? = nil, peopleToldCount: Int? = nil
    ) {
        self.publicId = publicId
        self.description = description
        self.categories = categories
        self.approximatePeople = approximatePeople
        self.discoveredAt = discoveredAt
        self.recordedBy = recordedBy
        self.authorityNotifiedAt = authorityNotifiedAt
        self.authorityReference = authorityReference
        self.peopleDecision = peopleDecision
        self.peopleDecisionReason = peopleDecisionReason
        self.peopleToldAt = peopleToldAt
        self.peopleToldCount = peopleToldCount
    }

    /// The authority must hear within 72 hours of the shop becoming aware (Art. 33(1)).
    public static let authorityWindow: TimeInterval = 72 * 3_600

    /// When the authority must have been told.
    public var authorityDeadline: Date { discoveredAt.addingTimeInterval(Self.authorityWindow) }

    /// The clock while it runs (the authority not yet told), else nil.
    public func clock(now: Date) -> BreachClock? {
        authorityNotifiedAt == nil ? BreachClock(publicId: publicId, deadline: authorityDeadline, now: now) : nil
    }
}

/// A breach the authority has not heard of yet, and when it must.
public struct BreachDeadline: Equatable, Sendable {
    public var publicId: String
    public var deadline: Date

    /// Makes a deadline.
    public init(publicId: String, deadline: Date) {
        self.publicId = publicId
        self.deadline = deadline
    }

    /// The clock as it reads at `now`.
    public func clock(now: Date) -> BreachClock { BreachClock(publicId: publicId, deadline: deadline, now: now) }
}

/// The 72-hour clock of a breach the authority has not heard of yet.
public struct BreachClock: Equatable, Sendable {
    public var publicId: String
    public var deadline: Date
    /// Whole hours left (negative once late).
    public var hoursLeft: Int

    /// Makes the clock as it reads at `now`.
    public init(publicId: String, deadline: Date, now: Date) {
        self.publicId = publicId
        self.deadline = deadline
        hoursLeft = Int((deadline.timeIntervalSince(now) / 3_600).rounded(.down))
    }

    /// Whether the 72 hours have passed.
    public var isLate: Bool { hoursLeft < 0 }

    /// `breach BR-2026-01: 41h left`, or `… 5h late`, for a title.
    public var shortPhrase: String {
        isLate ? "breach \(publicId): \(-hoursLeft)h late" : "breach \(publicId): \(hoursLeft)h left"
    }

    /// `BR-2026-01: 41h left to tell the authority`, or `… 5h late`.
    public var phrase: String {
        isLate
            ? "\(publicId): authority notice \(-hoursLeft)h late"
            : "\(publicId): \(hoursLeft)h left to tell the authority"
    }
}

extension DataCategory {
    /// The short name commands take (`identity`, `payment`, …).
    public var key: String { String(describing: self) }

    /// The category named `key`, or an error listing the names.
    public static func parse(key: String) throws -> DataCategory {
        guard let found = allCases.first(where: { $0.key == key.trimmingCharacters(in: .whitespaces) }) else {
            throw LoupeError(
                .invalidInput,
                "Unknown category “\(TextRules.printable(key))”; use one of: "
                    + allCases.map(\.key).joined(separator: ", ") + ".")
        }
        return found
    }
}
