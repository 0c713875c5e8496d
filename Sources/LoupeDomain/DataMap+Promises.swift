/// The columns of the policy's promises: the disclosure register and the authorities' requests (kept as the
/// record of what was given to whom, linked to the pseudonymous customer after an erasure), the breach register
/// and the processors (Loupe's own records), the policy's text, and the purpose of a device event.
extension DataMap {
    /// The order's columns the payment provider receives at checkout (policy section 3), and the disclosure field
    /// each one is: the register records this share for every order.
    public static let paymentProviderShare: [(column: String, field: DisclosureField)] = [
        ("number", .orders), ("totalMinor", .orders), ("currency", .orders), ("billToName", .name),
        ("billToAddress", .billingAddress), ("paymentMethod", .paymentDetails), ("cardBrand", .paymentDetails),
        ("cardLast4", .paymentDetails), ("providerReference", .paymentDetails),
    ]

    /// The disclosure register, the authorities' requests, breaches, processors and the new columns of older tables.
    static let promiseColumns: [DataColumn] = {
        var columns = [
            "id", "recipientKind", "recipient", "customerId", "orderId", "authorityRequestId", "fields",
            "disclosedAt", "disclosedBy", "withheldReason",
        ].map {
            DataColumn("disclosure", $0, personal: false, .disclosures, erasure: .keep)
        }
        columns += [
            "id", "publicId", "authority", "legalBasis", "reference", "customerId", "fieldsRequested",
            "secrecyReason", "status", "proposedBy", "receivedAt", "decidedBy", "decidedAt",
            "decisionNote",
        ].map {
            DataColumn("authorityRequest", $0, personal: false, .disclosures, erasure: .keep)
        }
        let operations: [(String, [String])] = [
            (
                "breach",
                [
                    "id", "publicId", "description", "categories", "approximatePeople", "discoveredAt",
                    "recordedBy", "recordedAt", "authorityNotifiedAt", "authorityNotifiedBy",
                    "authorityReference", "peopleDecision", "peopleDecisionReason", "peopleDecidedBy",
                    "peopleDecidedAt", "peopleToldAt", "peopleToldCount",
                ]
            ),
            ("processor", ["name", "kind", "contact", "purpose", "agreementDate", "addedBy", "addedAt"]),
            ("policyVersion", ["fullText", "changesPurposes"]),
        ]
        columns += operations.flatMap { table, names in
            names.map { DataColumn(table, $0, personal: false, .operations, erasure: .keep) }
        }
        columns.append(
            DataColumn(
                "deviceEvent", "purpose", personal: false, .device, erasure: .delete,
                retention: .deviceEvents))
        // A notice's customer (a policy change, a breach, an authority's disclosure): the pseudonymous id stays.
        columns.append(
            DataColumn(
                "outboxMessage", "customerId", personal: false, .requests, erasure: .keep,
                retention: .closedRequests))
        return columns
    }()
}
