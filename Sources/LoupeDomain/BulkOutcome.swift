/// What one lifecycle command did to each of several requests (each in its own transaction): the ones it
/// changed, and the ones refused with the reason, so a front door can list every refusal.
public struct BulkOutcome: Equatable, Sendable {
    /// One request the command was refused on.
    public struct Refusal: Equatable, Sendable {
        public var publicId: String
        public var reason: String

        /// Makes a refusal.
        public init(publicId: String, reason: String) {
            self.publicId = publicId
            self.reason = reason
        }
    }

    /// The requests changed, in the order given.
    public var succeeded: [String] = []
    /// The requests refused, in the order given.
    public var refused: [Refusal] = []

    /// Nothing done yet.
    public init(succeeded: [String] = [], refused: [Refusal] = []) {
        self.succeeded = succeeded
        self.refused = refused
    }

    /// How many requests were asked about.
    public var total: Int { succeeded.count + refused.count }
}
