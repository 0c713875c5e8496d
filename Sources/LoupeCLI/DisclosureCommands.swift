import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

/// `loupe orders …`: what leaves the shop with an order.
struct OrdersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders", abstract: "Act on orders.", subcommands: [CourierLabelCommand.self])
}

/// `loupe orders courier-label ORDER`: exactly what the courier receives, recorded as a disclosure.
struct CourierLabelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "courier-label",
        abstract: "Print what the courier receives (name, shipping address, phone) and record the disclosure.")

    @Argument(help: "The order number, e.g. JDS-104233.") var order: String
    @Option(help: "The courier, when the order has none yet.") var carrier: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let printed = try context.database.courierLabel(
                orderNumber: order, carrier: carrier, actor: context.actor,
                at: context.now)
            if json { return try JSONOutput.print(printed.label) }
            print(printed.label.printed)
            print("-- disclosed to \(TextRules.inert(printed.courier)); recorded in the disclosure register")
        }
    }
}

/// `loupe disclosures`: the disclosure register.
struct DisclosuresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disclosures",
        abstract: "List disclosures to couriers, payment providers and authorities (one customer's, or the register).")

    @Option(help: "Only this customer's (adds the payment provider's share of each order).") var customer: String?
    @Option(help: "At most this many (the whole register only).") var limit = 1_000
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let entries = try context.database.disclosures(
                customerPublicId: customer, limit: limit, actor: context.actor)
            if json { return try JSONOutput.print(entries) }
            let policy = try context.database.deadlinePolicy()
            if entries.isEmpty { print("No disclosures recorded.") }
            for entry in entries {
                let about = [entry.customer, entry.order, entry.authorityRequest].compactMap { $0 }.joined(
                    separator: " ")
                let withheld =
                    entry.withheldReason.map { "  [withheld from the subject: \(TextRules.inert($0))]" } ?? ""
                print(
                    "\(policy.minuteString(entry.disclosedAt))  \(entry.recipientKind.phrase): "
                        + "\(TextRules.inert(entry.recipient))  \(about)  \(DisclosureField.listText(entry.fields))"
                        + "  by \(entry.disclosedBy)\(withheld)")
            }
        }
    }
}

/// `loupe authority …`: requests from authorities (police, tax office), decided four-eyes.
struct AuthorityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authority", abstract: "Record and decide authorities' requests for a customer's data.",
        subcommands: [
            NewAuthorityRequest.self, ApproveAuthorityRequest.self, RefuseAuthorityRequest.self,
            ListAuthorityRequests.self,
        ])
}

struct NewAuthorityRequest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Record an authority's request; a supervisor who did not record it decides.")

    @Option(help: "Who asks (e.g. \"Police of Lyon\").") var authority: String
    @Option(help: "The legal basis they cite.") var basis: String
    @Option(help: "Their reference.") var reference: String
    @Option(help: "The customer (C-…).") var customer: String
    @Option(help: "The fields asked for: \(DisclosureField.allCases.map(\.rawValue).joined(separator: ","))")
    var fields: String
    @Option(help: "The law forbids telling the subject: say which, and why.") var secret: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let fields = try DisclosureField.parseList(self.fields)
        try CommandContext.run(database) { context in
            let request = try context.database.recordAuthorityRequest(
                authority: authority, legalBasis: basis, reference: reference, customerPublicId: customer,
                fields: fields, secrecyReason: secret, actor: context.actor, at: context.now)
            print(
                "\(request.publicId) recorded; awaiting a supervisor's approval (loupe authority approve "
                    + "\(request.publicId)).")
        }
    }
}

struct ApproveAuthorityRequest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve and record the disclosure (supervisors; not the one who recorded it).")

    @Argument(help: "The request, e.g. AR-2026-0001.") var id: String
    @Option(help: "Disclose only these of the fields asked for.") var fields: String?
    @Option(help: "A note on the decision.") var note: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let fields = try self.fields.map(DisclosureField.parseList)
        try CommandContext.run(database) { context in
            let decided = try context.database.decideAuthorityRequest(
                publicId: id, approve: true, fields: fields, note: note, actor: context.actor, at: context.now)
            for (field, value) in decided.handedOver { print("\(field.rawValue): \(TextRules.inert(value))") }
            let told =
                decided.request.secrecyReason == nil
                ? "the subject is told through the outbox" : "the subject is not told: the law forbids it (recorded)"
            print("-- \(decided.request.publicId) disclosed to \(TextRules.inert(decided.request.authority)); \(told).")
        }
    }
}

struct RefuseAuthorityRequest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refuse", abstract: "Refuse an authority's request, with the reason (supervisors).")

    @Argument(help: "The request, e.g. AR-2026-0001.") var id: String
    @Option(help: "Why it is refused.") var note: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let decided = try context.database.decideAuthorityRequest(
                publicId: id, approve: false, note: note, actor: context.actor, at: context.now)
            print("\(decided.request.publicId) refused; nothing was disclosed.")
        }
    }
}

struct ListAuthorityRequests: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List authorities' requests.")

    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let requests = try context.database.authorityRequests(actor: context.actor)
            if json { return try JSONOutput.print(requests) }
            if requests.isEmpty { print("No authority requests.") }
            let policy = try context.database.deadlinePolicy()
            for request in requests {
                print(
                    "\(request.publicId)  \(request.status.rawValue)  \(policy.dayString(request.receivedAt))  "
                        + "\(TextRules.inert(request.authority)) (\(TextRules.inert(request.reference)))  "
                        + "\(request.customer)  \(DisclosureField.listText(request.fieldsRequested))  "
                        + "recorded by \(request.proposedBy)" + (request.decidedBy.map { ", decided by \($0)" } ?? ""))
            }
        }
    }
}
