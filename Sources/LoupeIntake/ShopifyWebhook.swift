import Crypto
import Foundation
import LoupeDomain

/// One of Shopify's mandatory compliance webhooks, verified and validated (FORMATS.md section 1).
public struct ShopifyWebhook: Equatable, Sendable {
    /// The compliance topics.
    public enum Topic: String, Sendable, CaseIterable {
        case customersDataRequest = "customers/data_request"
        case customersRedact = "customers/redact"
        case shopRedact = "shop/redact"
    }

    /// The customer a webhook is about; Shopify may send only the email.
    public struct Customer: Equatable, Sendable {
        public var id: Int64?
        public var email: String?
        public var phone: String?
    }

    public var topic: Topic
    public var shopId: Int64
    public var shopDomain: String
    /// `X-Shopify-Webhook-Id`: unique per delivery.
    public var webhookId: String
    /// `X-Shopify-Event-Id`: shared by every delivery of one merchant action, when sent.
    public var eventId: String?
    public var customer: Customer?
    /// The orders asked about (data request) or to redact (customer redact).
    public var orders: [Int64]
    /// The data request's id (data requests only).
    public var dataRequestId: Int64?
    /// The delivery carried a Global Privacy Control signal (`Sec-GPC: 1`): an opt-out of marketing cookies and
    /// sharing for the customer it names.
    public var globalPrivacyControl = false

    /// The id that makes two deliveries the same request: the data request's id, else the event id, else the
    /// delivery id.
    public var externalReference: String {
        if let dataRequestId { return "data_request:\(dataRequestId)" }
        return "\(topic == .customersRedact ? "redact" : "shop_redact"):\(eventId ?? webhookId)"
    }

    /// Reads a headers file (`Name: value` per line, as `curl -D` writes; an HTTP request or status line is
    /// skipped). Names are matched case-insensitively, with or without the `X-` prefix.
    public static func headers(from text: String, source: String) throws -> [String: String] {
        var pairs: [(name: String, value: String)] = []
        for (number, raw) in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || (number == 0 && line.contains("HTTP/")) { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw LoupeError(.invalidInput, "\(source), line \(number + 1): expected `Name: value`.")
            }
            pairs.append((line[..<colon].trimmingCharacters(in: .whitespaces),
                          line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return try headers(pairs: pairs, source: source)
    }

    /// Headers as the parser reads them, from name-value pairs (a headers file's lines, or an HTTP request's
    /// fields in `loupe serve`): names lower-cased without `X-`; a header given twice is refused.
    public static func headers(pairs: [(name: String, value: String)], source: String) throws -> [String: String] {
        var headers: [String: String] = [:]
        for pair in pairs {
            var name = pair.name.lowercased()
            if name.hasPrefix("x-") { name.removeFirst(2) }
            guard headers[name] == nil else {
                throw LoupeError(.invalidInput, "\(source): the header \(name) appears twice.")
            }
            headers[name] = pair.value
        }
        return headers
    }

    /// Checks `X-Shopify-Hmac-Sha256` (base64 HMAC-SHA256 of the raw body, keyed by the app secret) in constant
    /// time, before anything parses the body.
    public static func verify(body: Data, headers: [String: String], secret: String) throws {
        guard !body.isEmpty else { throw LoupeError(.invalidInput, "The webhook body is empty; Shopify always sends JSON.") }
        guard let header = headers["shopify-hmac-sha256"] else {
            throw LoupeError(.notAllowed, "The headers have no X-Shopify-Hmac-Sha256: the webhook cannot be verified (Shopify expects 401).")
        }
        guard let mac = Data(base64Encoded: header),
              HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: body, using: SymmetricKey(data: Data(secret.utf8)))
        else {
            throw LoupeError(.notAllowed, "X-Shopify-Hmac-Sha256 does not match the body and the app secret: refused, nothing recorded (Shopify expects 401). Check the secret, and that the body file holds the exact bytes received.")
        }
    }

    /// Validates the body against the headers: the topic must match the body's shape and the shop-domain header
    /// the body's `shop_domain`.
    public static func parse(body: Data, headers: [String: String], source: String) throws -> ShopifyWebhook {
        for name in ["shopify-topic", "shopify-shop-domain", "shopify-api-version", "shopify-webhook-id"] where headers[name] == nil {
            throw LoupeError(.invalidInput, "The headers lack X-\(name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "-")); Shopify sends it with every webhook.")
        }
        guard let topic = Topic(rawValue: headers["shopify-topic"]!) else {
            throw LoupeError(.invalidInput, "X-Shopify-Topic '\(TextRules.printable(headers["shopify-topic"]!))' is not a compliance topic (\(Topic.allCases.map(\.rawValue).joined(separator: ", "))).")
        }
        let root = JSONReader(try StrictJSON.parse(body, source: source), source: source)
        try IntakeRules.rejectCardNumbers(in: root)
        let bodyTopic: Topic = try root.has("data_request") || root.has("orders_requested") ? .customersDataRequest
            : try root.has("customer") || root.has("orders_to_redact") ? .customersRedact : .shopRedact
        guard bodyTopic == topic else {
            throw root.error("the body has the shape of \(bodyTopic.rawValue) but X-Shopify-Topic says \(topic.rawValue); refused.")
        }
        let domainReader = try root.required("shop_domain")
        let domain = try IntakeRules.shopDomain(try IntakeRules.text(domainReader, what: "shop domain"), at: domainReader)
        guard domain == headers["shopify-shop-domain"]!.lowercased() else {
            throw domainReader.error("the body's shop_domain differs from X-Shopify-Shop-Domain; refused.")
        }
        let webhookId = try identifier(headers["shopify-webhook-id"]!, name: "X-Shopify-Webhook-Id")
        var webhook = ShopifyWebhook(
            topic: topic, shopId: try root.required("shop_id").int64(), shopDomain: domain, webhookId: webhookId,
            eventId: try headers["shopify-event-id"].map { try identifier($0, name: "X-Shopify-Event-Id") },
            customer: nil, orders: [], dataRequestId: nil)
        webhook.globalPrivacyControl = CookieState.isGlobalPrivacyControl(headers["sec-gpc"])
        guard topic != .shopRedact else { return webhook }
        let customer = try root.required("customer")
        webhook.customer = Customer(
            id: try customer.optional("id")?.int64(),
            email: try customer.optional("email").map { try IntakeRules.text($0, what: "email") },
            phone: try customer.optional("phone").map { try IntakeRules.text($0, what: "phone") })
        guard webhook.customer?.email != nil || webhook.customer?.id != nil else {
            throw customer.error("the customer has neither an email nor an id; there is no one to match.")
        }
        let ordersKey = topic == .customersDataRequest ? "orders_requested" : "orders_to_redact"
        webhook.orders = try root.optional(ordersKey)?.array().map { try $0.int64() } ?? []
        guard Set(webhook.orders).count == webhook.orders.count else {
            throw try root.required(ordersKey).error("an order id appears twice; each order is listed once.")
        }
        if topic == .customersDataRequest { webhook.dataRequestId = try root.required("data_request").required("id").int64() }
        return webhook
    }

    private static func identifier(_ text: String, name: String) throws -> String {
        guard !text.isEmpty, text.count <= IntakeRules.maxIdentifier,
              !text.unicodeScalars.contains(where: { TextRules.isForbidden($0) }) else {
            throw LoupeError(.invalidInput, "\(name) is empty, too long or holds control characters.")
        }
        return text
    }
}
