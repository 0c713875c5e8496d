/// What a courier receives for one parcel, and nothing more (policy section 3: "couriers get name, shipping
/// address and phone"). The type has exactly these three stored properties; `CourierLabelTests` holds that list,
/// so a fourth field cannot be added without changing this type and that test.
public struct CourierLabel: Equatable, Sendable, Codable {
    public let recipientName: String
    public let shippingAddress: String
    public let phone: String

    /// The fields a label discloses, as recorded in the register.
    public static let disclosedFields: [DisclosureField] = [.name, .shippingAddress, .phone]

    /// Makes a label from the order's ship-to snapshot.
    public init(recipientName: String, shippingAddress: String, phone: String) {
        self.recipientName = recipientName
        self.shippingAddress = shippingAddress
        self.phone = phone
    }

    /// The label as printed: three lines.
    public var printed: String {
        [recipientName, shippingAddress, phone].map { TextRules.inert($0) }.joined(separator: "\n")
    }
}
