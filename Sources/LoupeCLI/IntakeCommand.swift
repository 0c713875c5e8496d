import ArgumentParser
import Crypto
import Foundation
import LoupeDomain
import LoupeIntake
import LoupeStore

/// `loupe intake`: requests that arrive from other systems.
struct IntakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake", abstract: "Record requests from Shopify compliance webhooks and OpenDSR.",
        subcommands: [ShopifyIntake.self, OpenDSRIntake.self])

    /// Reads a whole file (intake inputs are small: a webhook, a request) with the user's own rights.
    static func read(_ path: String, what: String) throws -> Data {
        guard let data = try Privilege.asUser({ FileManager.default.contents(atPath: path) }) else {
            throw LoupeError(.invalidInput, "Could not read the \(what) file \(path); check the path.")
        }
        return data
    }
}

/// What an intake printed with `--json`.
struct IntakeResultJSON: Encodable {
    let result: String
    let request: String?
    let reference: String
    let kind: String?
    let matchedCustomer: Bool?
}

struct ShopifyIntake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shopify",
        abstract: "A Shopify compliance webhook: customers/data_request, customers/redact or shop/redact.",
        discussion: """
            The HMAC (X-Shopify-Hmac-Sha256) is checked over the raw body bytes before anything is parsed. \
            customers/data_request becomes an access request with the orders asked about, customers/redact an \
            erasure request with the orders to redact, shop/redact a note for admins (nothing is erased).
            """)

    @Option(help: ArgumentHelp("The raw request body, byte for byte.", valueName: "file")) var body: String
    @Option(help: ArgumentHelp("The request headers, one `Name: value` per line.", valueName: "file")) var headers: String
    @Option(name: .customLong("secret-env"), help: ArgumentHelp("The environment variable holding the app's client secret.", valueName: "var"))
    var secretEnv = "LOUPE_SHOPIFY_SECRET"
    @Flag(name: .customLong("insecure-skip-hmac"), help: "Record without checking the HMAC (the audit says so). For tests only.")
    var insecureSkipHMAC = false
    @Flag(name: .customLong("dry-run"), help: "Validate and report; write nothing.") var dryRun = false
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let raw = try IntakeCommand.read(body, what: "body")
            let headerText = String(decoding: try IntakeCommand.read(headers, what: "headers"), as: UTF8.self)
            let fields = try ShopifyWebhook.headers(from: headerText, source: headers)
            let secret = ProcessInfo.processInfo.environment[secretEnv] ?? ""
            if !insecureSkipHMAC {
                guard !secret.isEmpty else {
                    throw LoupeError(.configuration, "No Shopify secret: set \(secretEnv) to the app's client secret (or name another variable with --secret-env). Nothing was recorded.")
                }
                try ShopifyWebhook.verify(body: raw, headers: fields, secret: secret)
            }
            let webhook = try ShopifyWebhook.parse(body: raw, headers: fields, source: body)
            let receipt = try context.database.receive(
                webhook, raw: raw, authentication: insecureSkipHMAC ? .skipped : .verified, dryRun: dryRun,
                actor: context.actor, at: context.now)
            switch receipt {
            case .shopRedact(let recorded):
                let result = !recorded ? "duplicate" : dryRun ? "would-note" : "noted"
                if json { return try JSONOutput.print(IntakeResultJSON(result: result, request: nil, reference: webhook.externalReference, kind: nil, matchedCustomer: nil)) }
                print(recorded
                    ? "shop/redact from \(webhook.shopDomain) \(dryRun ? "would be" : "was") noted for admins; nothing is erased automatically."
                    : "shop/redact \(webhook.externalReference) was already noted; nothing new recorded.")
            case .request(let outcome, let kind):
                try IntakeReport.print(outcome, reference: webhook.externalReference, kind: kind, source: "Shopify \(webhook.topic.rawValue)",
                                       extra: webhook.orders.isEmpty ? "" : " (\(webhook.orders.count) order\(webhook.orders.count == 1 ? "" : "s") named)",
                                       json: json)
            }
        }
    }
}

/// How an intake reports its outcome, in words or JSON.
enum IntakeReport {
    static func print(_ outcome: IntakeOutcome, reference: String, kind: RequestKind, source: String, extra: String, json: Bool) throws {
        switch outcome {
        case .created(let recorded):
            if json { return try JSONOutput.print(IntakeResultJSON(result: "created", request: recorded.publicId, reference: reference, kind: kind.rawValue, matchedCustomer: recorded.customerPublicId != nil)) }
            Swift.print("\(recorded.publicId): \(kind.rawValue) request recorded from \(source)\(extra)\(recorded.customerPublicId.map { ", customer \($0)" } ?? "; no customer on file matches").")
        case .duplicate(let publicId):
            if json { return try JSONOutput.print(IntakeResultJSON(result: "duplicate", request: publicId, reference: reference, kind: kind.rawValue, matchedCustomer: nil)) }
            Swift.print("Duplicate: \(reference) is already \(publicId); nothing new recorded.")
        case .wouldCreate(let matched):
            if json { return try JSONOutput.print(IntakeResultJSON(result: "would-create", request: nil, reference: reference, kind: kind.rawValue, matchedCustomer: matched)) }
            Swift.print("Valid: \(kind == .access ? "an" : "a") \(kind.rawValue) request from \(source)\(extra) would be recorded\(matched ? " for a customer on file" : " (no customer on file matches)"). Dry run: nothing written.")
        }
    }
}
