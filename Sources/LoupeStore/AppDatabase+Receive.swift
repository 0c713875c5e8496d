import Crypto
import Foundation
import GRDB
import LoupeDomain
import LoupeIntake

/// How a webhook's sender was authenticated before it reached the store.
public enum WebhookAuthentication: String, Sendable {
    /// The HMAC over the raw bytes matched the app's secret.
    case verified
    /// Not checked (`--insecure-skip-hmac`, tests only): the audit entry says so.
    case skipped = "skipped (--insecure-skip-hmac)"
}

/// What receiving a Shopify compliance webhook did.
public enum WebhookReceipt: Equatable, Sendable {
    /// customers/data_request or customers/redact: the request it became (or, on a dry run, would become).
    case request(IntakeOutcome, kind: RequestKind)
    /// shop/redact, noted for admins (`recorded` false: a redelivery, nothing new).
    case shopRedact(recorded: Bool)
}

/// What receiving an OpenDSR request did, and the signed 201 body that answers it (nil on a dry run).
public struct OpenDSRReceipt: Equatable, Sendable {
    public let outcome: IntakeOutcome
    public let response: Data?
}

/// One Shopify webhook as it arrived: parsed and authenticated, with its raw bytes (their digest tells a
/// redelivery from a reused id) and the time it arrived.
public struct ShopifyDelivery: Sendable {
    public let webhook: ShopifyWebhook
    public let raw: Data
    public let authentication: WebhookAuthentication
    public let receivedAt: Date
    /// The SHA-256 of `raw`, in hex (computed by the receiving thread, not inside the write).
    let digest: String

    /// A delivery of `webhook`, whose body was `raw`.
    public init(_ webhook: ShopifyWebhook, raw: Data, authentication: WebhookAuthentication, receivedAt: Date) {
        self.webhook = webhook
        self.raw = raw
        self.authentication = authentication
        self.receivedAt = receivedAt
        digest = SHA256.hash(data: raw).lowercaseHex
    }
}

extension AppDatabase {
    /// Receives a Shopify compliance webhook, already authenticated and parsed, in one transaction:
    /// customers/data_request becomes an access request, customers/redact an erasure request (the orders named go
    /// into its audit entry), shop/redact a note for admins. The customer is found by Shopify's customer id when
    /// one on file has it (the email may have changed since), else by the webhook's email. A redelivery is a
    /// duplicate; the same id with other content is refused. Every front door (the CLI, `loupe serve`) calls this.
    public func receive(_ webhook: ShopifyWebhook, raw: Data, authentication: WebhookAuthentication,
                        dryRun: Bool, actor: StaffMember, at time: Date) throws -> WebhookReceipt {
        let delivery = ShopifyDelivery(webhook, raw: raw, authentication: authentication, receivedAt: time)
        let body = { (db: Database) throws -> WebhookReceipt in
            try self.fileWebhook(db, delivery, dryRun: dryRun, actor: actor)
        }
        return dryRun ? try read(body) : try write(body)
    }

    /// `receive` for webhooks that arrived together (the service's group commit): one transaction, each webhook
    /// in its own savepoint, so one that is refused is rolled back alone and answered with its error while the
    /// others are recorded. The caller answers none before this returns: a kill before the commit records none of
    /// them, and their senders, unanswered, deliver them again.
    public func receive(
        batch deliveries: [ShopifyDelivery], actor: StaffMember
    ) throws -> [Result<WebhookReceipt, any Error>] {
        try write { db in
            Self.eachInSavepoint(db, deliveries) { delivery in
                try self.fileWebhook(db, delivery, dryRun: false, actor: actor)
            }
        }
    }

    /// Files one webhook inside the caller's transaction (see `receive`).
    private func fileWebhook(
        _ db: Database, _ delivery: ShopifyDelivery, dryRun: Bool, actor: StaffMember
    ) throws -> WebhookReceipt {
        let webhook = delivery.webhook
        let time = delivery.receivedAt
        var details = ["topic": webhook.topic.rawValue, "shop": webhook.shopDomain, "webhookId": webhook.webhookId,
                       "hmac": delivery.authentication.rawValue]
        if webhook.topic == .shopRedact {
            details["shopId"] = String(webhook.shopId)
            return .shopRedact(recorded: try noteShopRedact(
                db, shopDomain: webhook.shopDomain, reference: webhook.externalReference, details: details,
                dryRun: dryRun, actor: actor, at: time))
        }
        details["orders"] = webhook.orders.map(String.init).joined(separator: ",")
        let kind: RequestKind = webhook.topic == .customersDataRequest ? .access : .erasure
        let onFile = try webhook.customer?.id.flatMap {
            try Self.customerEmail(db, identityType: "shopify_customer_id", value: String($0), format: "raw")
        }
        guard let email = onFile ?? webhook.customer?.email else {
            throw LoupeError(.invalidInput, "The customer has no email and no customer on file has Shopify id \(webhook.customer?.id.map(String.init) ?? "-"); nothing was recorded. Import the shop's customers (loupe import shopify-customers), or enter the request by hand with `loupe requests new`.")
        }
        let draft = try NewRequest(kind: kind, email: email, channel: .shopify,
                                   externalReference: webhook.externalReference).validated()
        let outcome = try recordExternal(db, draft, digest: delivery.digest,
                                         details: details, dryRun: dryRun, actor: actor, at: time)
        if webhook.globalPrivacyControl, case .created(let recorded) = outcome, let customerId = recorded.customerId {
            try Self.recordGlobalPrivacyControl(db, customerId: customerId, carriedBy: "shopify webhook",
                                                actor: actor.userName, at: time)
        }
        return .request(outcome, kind: kind)
    }

    /// Receives an OpenDSR request, already parsed, and answers it: its identities are matched (an email given in
    /// clear names the subject even when no customer matches, and the request is answered "no data held" later),
    /// the request is recorded in one transaction, and the 201 body is signed. The signing key is loaded (or, for
    /// the first OpenDSR request of a database made before keys came with `loupe init`, made) before anything is
    /// recorded, so no request is ever recorded without the signed answer that acknowledges it.
    /// `controller` is the registered controller that sent it (the service names it from the bearer token;
    /// nil for an admin's `loupe intake opendsr`): only that controller sees or cancels the request later.
    public func receive(_ request: OpenDSRRequest, raw: Data, dryRun: Bool, controller: String? = nil,
                        actor: StaffMember, at time: Date) throws -> OpenDSRReceipt {
        let key = try files.map {
            try OpenDSRSigningKey.load(path: $0.openDSRKey, mayCreate: false)
        }
        let digest = SHA256.hash(data: raw).lowercaseHex
        // Digests an import or a shell edit left to compute, in transactions of their own: nothing slow runs
        // while this request holds the write lock.
        if request.identities.contains(where: { $0.format != .raw }) { try refreshCustomerDigests() }
        let body = { (db: Database) throws -> IntakeOutcome in
            var email: String?
            for identity in request.identities where email == nil {
                email = try Self.customerEmail(db, identityType: identity.type, value: identity.value,
                                               format: identity.format.rawValue)
            }
            email = email ?? request.identities.first { $0.type == "email" && $0.format == .raw }?.value
            let phone = request.identities.first { $0.type == "phone" && $0.format == .raw }?.value
            let details = ["opendsr": request.subjectRequestId, "type": request.type.rawValue,
                           "regulation": request.regulation ?? "unstated", "api": request.apiVersion ?? "unstated",
                           "submitted": CivilTime.iso8601(request.submittedTime)]
            let draft = try NewRequest(kind: request.type.kind, email: email, phone: phone, channel: .opendsr,
                                       externalReference: request.subjectRequestId).validated()
            let outcome = try self.recordExternal(db, draft, digest: digest, details: details, dryRun: dryRun,
                                                  actor: actor, at: time)
            if case .duplicate(let existing) = outcome,
               try String.fetchOne(db, sql: "SELECT controller FROM privacyRequest WHERE publicId = ?",
                                   arguments: [existing]) != controller {
                // Another controller's id: refused as a reuse, never shown as theirs.
                throw LoupeError(.conflict, "OpenDSR request '\(TextRules.printable(request.subjectRequestId))' "
                                 + "is already in use: refused. A new request needs a new id.")
            }
            // The callback URLs it named are kept when their hosts are allowed (each refusal audited).
            if case .created(let recorded) = outcome {
                try db.execute(sql: "UPDATE privacyRequest SET controller = ? WHERE publicId = ?",
                               arguments: [controller, recorded.publicId])
                try Self.recordCallbackTargets(db, urls: request.statusCallbackURLs, publicId: recorded.publicId,
                                               actor: actor.userName, at: time)
            }
            return outcome
        }
        let outcome = dryRun ? try read(body) : try write(body)
        let publicId: String
        switch outcome {
        case .created(let recorded): publicId = recorded.publicId
        case .duplicate(let existing): publicId = existing
        case .wouldCreate: return OpenDSRReceipt(outcome: outcome, response: nil)
        }
        let detail = try requestDetail(publicId: publicId)
        guard let key else { throw LoupeError(.storage, "An in-memory database has no OpenDSR signing key.") }
        let response = try OpenDSRResponse.accepted(request, raw: raw, receivedAt: detail.summary.receivedAt,
                                                    expectedAt: try outwardDue(detail), key: key)
        return OpenDSRReceipt(outcome: outcome, response: response)
    }

    /// The completion time told to an outside party: the month every subject has (or the extension given),
    /// never the minors' three days, so no answer says who is a child.
    func outwardDue(_ detail: RequestDetail) throws -> Date {
        try detail.extendedUntil
            ?? deadlinePolicy().dueDate(receivedAt: detail.summary.receivedAt, aboutMinor: false)
    }

    /// The OpenDSR status body of a request that came in through OpenDSR, by its `subject_request_id`, as the
    /// controller that sent it asks (`controller`; the service, over HTTP), or by either id for an admin at the
    /// command line (`controller` nil). A request of another controller is "not found", like an unknown one.
    public func openDSRStatus(_ id: String, controller: String? = nil, actor: StaffMember) throws -> Data {
        let detail = try openDSRRequest(id, controller: controller, actor: actor, useCase: .readOpenDSRStatus)
        return try OpenDSRResponse.statusBody(subjectRequestId: detail.externalReference ?? id,
                                              status: detail.summary.status, expectedAt: try outwardDue(detail))
    }

    /// The request `id` names for `controller`, after the gate for `useCase`.
    private func openDSRRequest(_ id: String, controller: String?, actor: StaffMember, useCase: UseCase) throws
        -> RequestDetail {
        let found = try read { db -> (publicId: String, owner: String?)? in
            var row = try Row.fetchOne(db, sql: """
                SELECT publicId, controller FROM privacyRequest WHERE channel = 'opendsr' AND externalReference = ?
                """, arguments: [id])
            if row == nil && controller == nil {
                row = try Row.fetchOne(db, sql: """
                    SELECT publicId, controller FROM privacyRequest WHERE channel = 'opendsr' AND publicId = ?
                    """, arguments: [id])
            }
            let owner: String? = row?["controller"]
            if let refusal = AccessGate.may(
                AccessActor(claimed: actor, onFile: try Self.fetchStaff(db, userName: actor.userName)), useCase,
                AccessFacts(owningController: owner, askingController: controller)) {
                // A controller that is not the owner is told what an unknown id tells.
                if controller != nil && refusal.message == AccessGate.unknownRequest { return nil }
                throw refusal.error
            }
            return row.map { ($0["publicId"], owner) }
        }
        guard let found else {
            throw LoupeError(.notFound, "No request came in through OpenDSR as \(TextRules.printable(id)).")
        }
        return try requestDetail(publicId: found.publicId)
    }
}

extension AppDatabase {
    /// Cancels a request that came in through OpenDSR, as its requester asked (`DELETE`), and returns its status
    /// body. Only the controller that sent it may (or an admin at the command line); the specification allows it
    /// only while the request is pending (received or being verified); once work has started it is refused. One
    /// transaction, audited, the subject told as for any cancellation.
    public func cancelOpenDSR(_ id: String, controller: String? = nil, actor: StaffMember, at time: Date) throws
        -> Data {
        let detail = try openDSRRequest(id, controller: controller, actor: actor, useCase: .cancelOpenDSR)
        let summary = detail.summary
        guard OpenDSRResponse.status(summary.status) == "pending" else {
            throw LoupeError(.conflict, "The request is \(OpenDSRResponse.status(summary.status)): OpenDSR allows "
                             + "cancelling only a pending request.")
        }
        // At the version read: if work started meanwhile, the cancellation is a conflict, never applied.
        _ = try write { db in
            try performInTransaction(
                db, .cancel(reason: "Cancelled by the requester through OpenDSR."), on: summary.publicId,
                expectedVersion: summary.version, actorName: actor.userName, at: time,
                gate: (.cancelOpenDSR, AccessFacts(owningController: try String.fetchOne(
                    db, sql: "SELECT controller FROM privacyRequest WHERE publicId = ?", arguments: [summary.publicId]),
                    askingController: controller)))
        }
        return try openDSRStatus(id, controller: controller, actor: actor)
    }
}
