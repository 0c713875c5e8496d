import Foundation
import HTTPTypes
import Hummingbird
import LoupeDomain
import LoupeIntake
import LoupeStore

/// The intake routes: Shopify's compliance webhooks and OpenDSR 2.0. Thin: they read the body (capped), call
/// the same parsers and store use cases as `loupe intake`, and turn the outcome into a status and a body.
struct IntakeRoutes: Sendable {
    let database: AppDatabase
    let actor: StaffMember
    let configuration: ServerConfiguration
    let metrics: ServiceMetrics
    /// Shopify's webhooks are recorded through it, so those that arrive together share a transaction.
    let webhooks: WebhookGroupCommit
    let clock: @Sendable () -> Date

    func add(to router: Router<ServerContext>) {
        router.post("/webhooks/shopify") { request, context in try await shopify(request, context: context) }
        // OpenDSR 2.0, and the same protocol under its new name (OpenCompliance 1.0: `/v1/discovery`,
        // `/v1/opencompliance_requests`), one set of handlers for both generations.
        for (requests, discovery) in [
            ("/opendsr/v2/requests", "/opendsr/v2/discovery"), ("/v1/opencompliance_requests", "/v1/discovery"),
        ] {
            router.post(RouterPath(requests)) { request, context in try await openDSR(request, context: context) }
            router.get(RouterPath(requests + "/:id")) { request, context in
                let controller = try controller(of: request)
                return try signed(
                    try database.openDSRStatus(
                        try context.parameters.require("id"), controller: controller, actor: actor),
                    status: .ok)
            }
            router.delete(RouterPath(requests + "/:id")) { request, context in
                let controller = try controller(of: request)
                return try signed(
                    try database.cancelOpenDSR(
                        try context.parameters.require("id"), controller: controller, actor: actor, at: clock()),
                    status: .ok)
            }
            router.get(RouterPath(discovery)) { request, _ in
                _ = try controller(of: request)
                return try signed(OpenDSRDiscovery.body(), status: .ok)
            }
        }
    }

    /// `POST /webhooks/shopify`: the HMAC over the raw bytes first (401), then the webhook's own rules (400), then
    /// the store; a redelivery answers 200 and records nothing new.
    private func shopify(_ request: Request, context: ServerContext) async throws -> Response {
        let raw = try await body(of: request)
        let start = ContinuousClock.now
        let headers = try Self.headers(request)
        guard let secret = configuration.shopifySecret, !secret.isEmpty else {
            return HTTPFailure.response(.unauthorized, "No Shopify secret is configured: nothing can be verified.")
        }
        do {
            try ShopifyWebhook.verify(body: Data(raw), headers: headers, secret: secret)
        } catch let error as LoupeError {
            return HTTPFailure.response(error.code == .invalidInput ? .badRequest : .unauthorized, error.message)
        }
        let webhook = try ShopifyWebhook.parse(body: Data(raw), headers: headers, source: "The webhook body")
        let receipt = try await webhooks.receive(
            ShopifyDelivery(webhook, raw: Data(raw), authentication: .verified, receivedAt: clock()))
        metrics.recordIntake(ContinuousClock.now - start)
        let result: [String: String]
        switch receipt {
        case .shopRedact(let recorded): result = ["result": recorded ? "noted" : "duplicate"]
        case .request(.created(let recorded), _): result = ["result": "created", "request": recorded.publicId]
        case .request(.duplicate(let existing), _): result = ["result": "duplicate", "request": existing]
        case .request(.wouldCreate, _): result = ["result": "validated"]
        }
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: CanonicalJSON.object(result))))
    }

    /// `POST /opendsr/v2/requests`: 201 with the signed acknowledgement; a redelivery of the same request answers
    /// the same way, a conflicting `subject_request_id` is refused (409), never overwritten.
    private func openDSR(_ request: Request, context: ServerContext) async throws -> Response {
        let controller = try controller(of: request)
        let raw = Data(try await body(of: request))
        let start = ContinuousClock.now
        let parsed = try OpenDSRRequest.parse(raw, source: "The request body")
        let receipt = try database.receive(
            parsed, raw: raw, dryRun: false, controller: controller, actor: actor, at: clock())
        metrics.recordIntake(ContinuousClock.now - start)
        guard let response = receipt.response else { throw HTTPError(.internalServerError) }
        return try signed(response, status: .created)
    }

    /// The registered controller the request's bearer token belongs to (`Authorization: Bearer TOKEN`), or 401.
    private func controller(of request: Request) throws -> String {
        let header = request.headers[.authorization] ?? ""
        guard header.lowercased().hasPrefix("bearer "),
            let name = try database.controller(
                bearerToken: String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces))
        else {
            throw HTTPError(
                .unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"opendsr\""],
                message: "A registered controller's bearer token is required (an admin registers one: "
                    + "loupe controllers add NAME).")
        }
        return name
    }

    /// The body, read up to the configured cap (413 beyond it).
    private func body(of request: Request) async throws -> [UInt8] {
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: configuration.maxBodyBytes)
            return Array(buffer.readableBytesView)
        } catch let error as HTTPError {
            throw error
        } catch {
            // NIO's "too many bytes": the body passed the cap.
            throw HTTPError(.contentTooLarge, message: "The body is larger than \(configuration.maxBodyBytes) bytes.")
        }
    }

    /// A JSON body with its `X-OpenDSR-Signature`.
    private func signed(_ body: Data, status: HTTPResponse.Status) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        let signature = try database.openDSRSignature(for: body)
        headers[HTTPField.Name("X-OpenDSR-Signature")!] = signature
        // The same signature under the specification's new name (OpenCompliance 1.0), with the domain it names.
        headers[HTTPField.Name("X-OpenCompliance-Signature")!] = signature
        if let domain = configuration.publicURL.flatMap({ URL(string: $0)?.host }) {
            headers[HTTPField.Name("X-OpenCompliance-Processor-Domain")!] = domain
            headers[HTTPField.Name("X-OpenDSR-Processor-Domain")!] = domain
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The request's headers as the intake parser reads them (the same rules as a headers file).
    static func headers(_ request: Request) throws -> [String: String] {
        try ShopifyWebhook.headers(pairs: request.headers.map { ($0.name.rawName, $0.value) },
                                   source: "The request headers")
    }
}

/// `GET /opendsr/v2/discovery`: what this controller supports.
enum OpenDSRDiscovery {
    static func body() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Discovery())
    }

    struct Discovery: Encodable {
        struct Identity: Encodable {
            let identity_type: String
            let identity_format: String
        }

        let api_version = "2.0"
        let api_versions = ["1.0", "2.0"]
        let controller_id = OpenDSRResponse.controllerId
        let supported_subject_request_types = OpenDSRRequest.RequestType.allCases.map(\.rawValue).sorted()
        let supported_identities = OpenDSRRequest.identityTypes.sorted().flatMap { type in
            OpenDSRRequest.IdentityFormat.allCases.map { Identity(identity_type: type, identity_format: $0.rawValue) }
        }
    }
}
