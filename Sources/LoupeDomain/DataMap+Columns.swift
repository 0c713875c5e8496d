import Foundation

extension DataMap {
    private static let sealedTax = ErasureTreatment.retain(ground: taxGround, sealed: true)
    private static let tax = ErasureTreatment.retain(ground: taxGround, sealed: false)

    /// The shop's data about customers: profile, addresses, orders, devices, consent, feedback.
    static let customerColumns: [DataColumn] = [
        DataColumn("customer", "id", personal: false, .identity, erasure: .keep),
        DataColumn("customer", "publicId", personal: true, .identity, erasure: .pseudonymise),
        DataColumn("customer", "fullName", personal: true, .identity, erasure: .empty),
        DataColumn("customer", "email", personal: true, .identity, erasure: .empty),
        DataColumn("customer", "phone", personal: true, .identity, erasure: .empty),
        DataColumn("customer", "birthDate", personal: true, .minors, erasure: .empty),
        DataColumn("customer", "membershipTier", personal: true, .preferences, erasure: .empty),
        DataColumn("customer", "stylePreferences", personal: true, .preferences, erasure: .empty),
        DataColumn("customer", "createdAt", personal: false, .identity, erasure: .keep),
        DataColumn("customer", "lastActiveAt", personal: true, .device, erasure: .empty, retention: .inactiveAccounts),
        DataColumn("customer", "isMinor", personal: true, .minors, erasure: .keep),
        DataColumn("customer", "erasedAt", personal: false, .requests, erasure: .keep),
        DataColumn("customer", "minorFlaggedBy", personal: false, .minors, erasure: .keep),
        DataColumn("customer", "minorFlaggedAt", personal: false, .minors, erasure: .keep),
        DataColumn("customer", "minorReason", personal: true, .minors, erasure: .empty),
        DataColumn("customer", "shopifyId", personal: true, .identity, erasure: .empty),
        DataColumn("customer", "phoneKey", personal: true, .identity, erasure: .empty, derivedFrom: "phone"),
        DataColumn("customerSearch", "fullName", personal: true, .identity, erasure: .delete),
        DataColumn("customerSearch", "email", personal: true, .identity, erasure: .delete),
        DataColumn("customerSearch", "phone", personal: true, .identity, erasure: .delete),
        // An erasure deletes the subject's addresses, events and feedback whole (ids and links included).
    ] + rows("address", ["id", "kind"], personal: false, .address, erasure: .delete)
      + rows("address", ["customerId", "recipientName", "line1", "line2", "city", "postalCode", "region", "country"],
             personal: true, .address, erasure: .delete) + [
        DataColumn("customerOrder", "id", personal: false, .orders, erasure: .keep),
        DataColumn("customerOrder", "number", personal: false, .orders, erasure: tax, retention: .invoices),
        DataColumn("customerOrder", "customerId", personal: true, .orders, erasure: .pseudonymise),
        DataColumn("customerOrder", "guestEmail", personal: true, .identity, erasure: .empty),
        DataColumn("customerOrder", "status", personal: false, .orders, erasure: .keep, retention: .cancelledOrders),
        DataColumn("customerOrder", "placedAt", personal: false, .orders, erasure: tax, retention: .invoices),
        DataColumn("customerOrder", "totalMinor", personal: false, .payment, erasure: tax, retention: .invoices),
        DataColumn("customerOrder", "currency", personal: false, .payment, erasure: tax, retention: .invoices),
        DataColumn("customerOrder", "paymentMethod", personal: false, .payment, erasure: .keep),
        DataColumn("customerOrder", "paymentProvider", personal: false, .payment, erasure: .keep),
        DataColumn("customerOrder", "cardBrand", personal: true, .payment, erasure: .empty),
        DataColumn("customerOrder", "cardLast4", personal: true, .payment, erasure: .empty),
        DataColumn("customerOrder", "providerReference", personal: true, .payment, erasure: .empty),
        DataColumn("customerOrder", "carrier", personal: false, .tracking, erasure: .keep),
        DataColumn("customerOrder", "trackingNumber", personal: true, .tracking, erasure: .empty),
        DataColumn("customerOrder", "invoiceNumber", personal: false, .orders, erasure: tax, retention: .invoices),
        DataColumn("customerOrder", "shipToName", personal: true, .address, erasure: .empty),
        DataColumn("customerOrder", "shipToAddress", personal: true, .address, erasure: .empty),
        DataColumn("customerOrder", "shipToPhone", personal: true, .identity, erasure: .empty),
        DataColumn("customerOrder", "billToName", personal: true, .address, erasure: sealedTax, retention: .invoices),
        DataColumn("customerOrder", "billToAddress", personal: true, .address, erasure: sealedTax,
                   retention: .invoices),
        DataColumn("customerOrder", "shopifyId", personal: false, .orders, erasure: .keep),
        DataColumn("customerOrder", "shipPhoneKey", personal: true, .identity, erasure: .empty,
                   derivedFrom: "shipToPhone"),
        DataColumn("orderItem", "id", personal: false, .orders, erasure: .keep),
        DataColumn("orderItem", "orderId", personal: false, .orders, erasure: .keep),
        DataColumn("orderItem", "sku", personal: false, .orders, erasure: tax, retention: .invoices),
        DataColumn("orderItem", "productName", personal: false, .orders, erasure: tax, retention: .invoices),
        DataColumn("orderItem", "quantity", personal: false, .orders, erasure: tax, retention: .invoices),
        DataColumn("orderItem", "priceMinor", personal: false, .payment, erasure: tax, retention: .invoices),
    ] + rows("deviceEvent", ["id"], personal: false, .device, erasure: .delete, retention: .deviceEvents)
      + rows("deviceEvent", ["customerId", "occurredAt", "ip", "userAgent", "deviceModel", "cookieId", "page"],
             personal: true, .device, erasure: .delete, retention: .deviceEvents)
      + rows("consentEvent", ["id"], personal: false, .consent, erasure: .keep)
      + rows("consentEvent", ["customerId"], personal: true, .consent, erasure: .pseudonymise)
      + rows("consentEvent", ["purpose", "granted", "occurredAt", "source", "policyVersion"], personal: false, .consent,
             erasure: .pseudonymise)
      + rows("feedback", ["id"], personal: false, .feedback, erasure: .delete, retention: .feedback)
      + rows("feedback", ["customerId", "text", "rating", "createdAt"], personal: true, .feedback, erasure: .delete,
             retention: .feedback)

    /// Columns of one table that share a classification.
    static func rows(_ table: String, _ names: [String], personal: Bool, _ category: DataCategory,
                     erasure: ErasureTreatment, retention: RetentionCategory? = nil) -> [DataColumn] {
        names.map { DataColumn(table, $0, personal: personal, category, erasure: erasure, retention: retention) }
    }
}
