import Foundation

/// Everything held about one data subject, as the access export's `data.json` carries it (GDPR Art. 15 and 20).
/// Built by the store from the subject's own rows only; rendered for people by `AccessReport`.
public struct AccessExport: Codable, Equatable, Sendable {
    /// Bumped whenever the shape of `data.json` changes.
    public static let schemaVersion = 1

    public struct Profile: Codable, Equatable, Sendable {
        public var customerId: String
        public var fullName: String?
        public var email: String?
        public var phone: String?
        public var birthDate: String?
        public var membershipTier: String?
        public var stylePreferences: String?
        public var createdAt: Date
        public var lastActiveAt: Date?
        public init(customerId: String, fullName: String?, email: String?, phone: String?, birthDate: String?,
                    membershipTier: String?, stylePreferences: String?, createdAt: Date, lastActiveAt: Date?) {
            self.customerId = customerId; self.fullName = fullName; self.email = email; self.phone = phone
            self.birthDate = birthDate; self.membershipTier = membershipTier; self.stylePreferences = stylePreferences
            self.createdAt = createdAt; self.lastActiveAt = lastActiveAt
        }
    }

    public struct Address: Codable, Equatable, Sendable {
        public var kind: String
        public var recipientName: String?
        public var lines: [String]
        public var city: String
        public var postalCode: String?
        public var country: String
        public init(kind: String, recipientName: String?, lines: [String], city: String, postalCode: String?, country: String) {
            self.kind = kind; self.recipientName = recipientName; self.lines = lines; self.city = city
            self.postalCode = postalCode; self.country = country
        }
    }

    public struct Item: Codable, Equatable, Sendable {
        public var sku: String
        public var productName: String
        public var quantity: Int
        public var priceMinor: Int
        public init(sku: String, productName: String, quantity: Int, priceMinor: Int) {
            self.sku = sku; self.productName = productName; self.quantity = quantity; self.priceMinor = priceMinor
        }
    }

    public struct Order: Codable, Equatable, Sendable {
        public var number: String
        public var status: String
        public var placedAt: Date
        public var totalMinor: Int
        public var currency: String
        /// `card`, `paypal`, ...; cards only as brand and last four digits.
        public var paymentMethod: String
        public var paymentProvider: String
        public var cardBrand: String?
        public var cardLast4: String?
        public var carrier: String?
        public var trackingNumber: String?
        public var invoiceNumber: String?
        public var shipTo: String?
        public var billTo: String?
        public var items: [Item]
        public init(number: String, status: String, placedAt: Date, totalMinor: Int, currency: String,
                    paymentMethod: String, paymentProvider: String, cardBrand: String?, cardLast4: String?,
                    carrier: String?, trackingNumber: String?, invoiceNumber: String?, shipTo: String?, billTo: String?,
                    items: [Item]) {
            self.number = number; self.status = status; self.placedAt = placedAt; self.totalMinor = totalMinor
            self.currency = currency; self.paymentMethod = paymentMethod; self.paymentProvider = paymentProvider
            self.cardBrand = cardBrand; self.cardLast4 = cardLast4; self.carrier = carrier
            self.trackingNumber = trackingNumber; self.invoiceNumber = invoiceNumber; self.shipTo = shipTo
            self.billTo = billTo; self.items = items
        }
    }

    public struct DeviceEvent: Codable, Equatable, Sendable {
        public var at: Date
        public var ip: String?
        public var userAgent: String?
        public var deviceModel: String?
        public var cookieId: String?
        public var page: String?
        public init(at: Date, ip: String?, userAgent: String?, deviceModel: String?, cookieId: String?, page: String?) {
            self.at = at; self.ip = ip; self.userAgent = userAgent; self.deviceModel = deviceModel
            self.cookieId = cookieId; self.page = page
        }
    }

    public struct ConsentEvent: Codable, Equatable, Sendable {
        public var purpose: String
        public var granted: Bool
        public var at: Date
        public var source: String
        public var policyVersion: String?
        public init(purpose: String, granted: Bool, at: Date, source: String, policyVersion: String?) {
            self.purpose = purpose; self.granted = granted; self.at = at; self.source = source
            self.policyVersion = policyVersion
        }
    }

    public struct Feedback: Codable, Equatable, Sendable {
        public var text: String
        public var rating: Int?
        public var at: Date
        public init(text: String, rating: Int?, at: Date) { self.text = text; self.rating = rating; self.at = at }
    }

    public struct RequestRecord: Codable, Equatable, Sendable {
        public var id: String
        public var kind: String
        public var status: String
        public var receivedAt: Date
        public init(id: String, kind: String, status: String, receivedAt: Date) {
            self.id = id; self.kind = kind; self.status = status; self.receivedAt = receivedAt
        }
    }

    public var schemaVersion = AccessExport.schemaVersion
    public var requestId: String
    public var generatedAt: Date
    public var policyVersion: String?
    public var profile: Profile
    public var addresses: [Address]
    public var orders: [Order]
    public var deviceEvents: [DeviceEvent]
    public var consentHistory: [ConsentEvent]
    public var feedback: [Feedback]
    public var privacyRequests: [RequestRecord]
    /// Staff notes on the subject's requests (not those an admin marked internal). Absent from exports made
    /// before notes were included.
    public var staffNotes: [StaffNote]?
    /// Who received the subject's data (Art. 15(1)(c)): couriers, payment providers, authorities; a disclosure the
    /// law forbids telling the subject about is left out. Absent from exports made before the register existed.
    public var disclosures: [Disclosure]?
    /// The policy versions the subject's consents were given or withdrawn under, each with the date it took
    /// effect and what it said had changed.
    public var consentPolicies: [PolicyQuote]?

    /// A policy version as the report quotes it.
    public struct PolicyQuote: Codable, Equatable, Sendable {
        public var version: String
        public var effectiveAt: Date
        public var summary: String
        public init(version: String, effectiveAt: Date, summary: String) {
            self.version = version; self.effectiveAt = effectiveAt; self.summary = summary
        }
    }

    /// A staff note on one of the subject's requests.
    public struct StaffNote: Codable, Equatable, Sendable {
        public var request: String
        public var author: String
        public var at: Date
        public var text: String
        public init(request: String, author: String, at: Date, text: String) {
            self.request = request; self.author = author; self.at = at; self.text = text
        }
    }

    /// Makes an export.
    public init(requestId: String, generatedAt: Date, policyVersion: String?, profile: Profile, addresses: [Address],
                orders: [Order], deviceEvents: [DeviceEvent], consentHistory: [ConsentEvent], feedback: [Feedback],
                privacyRequests: [RequestRecord]) {
        self.requestId = requestId; self.generatedAt = generatedAt; self.policyVersion = policyVersion
        self.profile = profile; self.addresses = addresses; self.orders = orders; self.deviceEvents = deviceEvents
        self.consentHistory = consentHistory; self.feedback = feedback; self.privacyRequests = privacyRequests
    }

    /// `data.json`: pretty, sorted keys, ISO 8601 dates (the same document `Codable` reads back).
    public func json() -> Data {
        typealias V = JSONText.Value
        let profile = V.object([
            ("birthDate", .string(profile.birthDate)), ("createdAt", .date(profile.createdAt)),
            ("customerId", .string(profile.customerId)), ("email", .string(profile.email)),
            ("fullName", .string(profile.fullName)), ("lastActiveAt", .date(profile.lastActiveAt)),
            ("membershipTier", .string(profile.membershipTier)), ("phone", .string(profile.phone)),
            ("stylePreferences", .string(profile.stylePreferences)),
        ])
        let addresses = V.array(addresses.map { a in .object([
            ("city", .string(a.city)), ("country", .string(a.country)), ("kind", .string(a.kind)),
            ("lines", .array(a.lines.map { .string($0) })), ("postalCode", .string(a.postalCode)),
            ("recipientName", .string(a.recipientName)),
        ]) })
        let orders = V.array(orders.map { o in .object([
            ("billTo", .string(o.billTo)), ("cardBrand", .string(o.cardBrand)), ("cardLast4", .string(o.cardLast4)),
            ("carrier", .string(o.carrier)), ("currency", .string(o.currency)), ("invoiceNumber", .string(o.invoiceNumber)),
            ("items", .array(o.items.map { i in .object([
                ("priceMinor", .int(i.priceMinor)), ("productName", .string(i.productName)),
                ("quantity", .int(i.quantity)), ("sku", .string(i.sku)),
            ]) })),
            ("number", .string(o.number)), ("paymentMethod", .string(o.paymentMethod)),
            ("paymentProvider", .string(o.paymentProvider)), ("placedAt", .date(o.placedAt)), ("shipTo", .string(o.shipTo)),
            ("status", .string(o.status)), ("totalMinor", .int(o.totalMinor)), ("trackingNumber", .string(o.trackingNumber)),
        ]) })
        let events = V.array(deviceEvents.map { e in .object([
            ("at", .date(e.at)), ("cookieId", .string(e.cookieId)), ("deviceModel", .string(e.deviceModel)),
            ("ip", .string(e.ip)), ("page", .string(e.page)), ("userAgent", .string(e.userAgent)),
        ]) })
        let consents = V.array(consentHistory.map { c in .object([
            ("at", .date(c.at)), ("granted", .bool(c.granted)), ("policyVersion", .string(c.policyVersion)),
            ("purpose", .string(c.purpose)), ("source", .string(c.source)),
        ]) })
        let feedback = V.array(feedback.map { f in .object([("at", .date(f.at)), ("rating", .int(f.rating)), ("text", .string(f.text))]) })
        let notes = V.array((staffNotes ?? []).map { n in .object([
            ("at", .date(n.at)), ("author", .string(n.author)), ("request", .string(n.request)), ("text", .string(n.text)),
        ]) })
        let requests = V.array(privacyRequests.map { r in .object([
            ("id", .string(r.id)), ("kind", .string(r.kind)), ("receivedAt", .date(r.receivedAt)), ("status", .string(r.status)),
        ]) })
        // `staffNotes` is written when known (every export made now), so an older document reads back the same.
        return Data(JSONText.renderBytes(.object([
            ("addresses", addresses), ("consentHistory", consents), ("deviceEvents", events), ("feedback", feedback),
            ("generatedAt", .date(generatedAt)), ("orders", orders), ("policyVersion", .string(policyVersion)),
            ("privacyRequests", requests), ("profile", profile), ("requestId", .string(requestId)),
            ("schemaVersion", .int(schemaVersion)),
        ] + (staffNotes == nil ? [] : [("staffNotes", notes)]))))
    }

    /// Reads `data.json` back (dates as ISO 8601).
    public static func decode(_ data: Data) throws -> AccessExport {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(AccessExport.self, from: data)
    }

    /// Couriers and payment providers that received the subject's data, from the actual orders.
    public var recipients: [Recipient] {
        Recipient.of(orders.map { SubjectInventory.Order(number: $0.number, placedAt: $0.placedAt,
                                                           carrier: $0.trackingNumber == nil ? nil : $0.carrier,
                                                           paymentProvider: $0.paymentProvider, invoiceNumber: $0.invoiceNumber) })
    }
}
