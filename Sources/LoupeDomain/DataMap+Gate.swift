extension DataMap {
    /// The columns of v19 (the one gate): OpenDSR controllers, the request's controller,
    /// and a message's sealed secret.
    static let gateColumns: [DataColumn] = {
        var columns = ["name", "tokenHash", "addedBy", "addedAt", "isActive"].map {
            DataColumn("openDSRController", $0, personal: false, .operations, erasure: .keep)
        }
        columns.append(DataColumn("privacyRequest", "controller", personal: false, .requests, erasure: .keep))
        // A code sealed until the send writes it in; emptied once sent and by an erasure.
        columns.append(
            DataColumn(
                "outboxMessage", "sealedSecret", personal: true, .requests, erasure: .empty,
                retention: .closedRequests))
        // Digests of a customer's email (for hashed OpenDSR identities): identifiers too, gone with the email.
        columns += ["digest", "customerId"].map {
            DataColumn("customerDigest", $0, personal: true, .identity, erasure: .delete, derivedFrom: "email")
        }
        columns.append(DataColumn("customerDigestStale", "customerId", personal: false, .identity, erasure: .delete))
        return columns
    }()
}
