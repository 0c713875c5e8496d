/// Lower-case hexadecimal text of bytes (digests in the audit chain, export checksums, intake digests, the
/// suppression ledger).
extension Sequence where Element == UInt8 {
    /// Two lower-case hex digits per byte.
    public var lowercaseHex: String {
        // One buffer, filled in place: this runs once per imported row (the suppression ledger), where building a
        // two-element array per byte cost more than the keyed digest itself.
        var text: [UInt8] = []
        text.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            text.append(hexDigit(byte >> 4))
            text.append(hexDigit(byte & 15))
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// The ASCII code of one hex digit (0-15), lower case.
@inline(__always)
private func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 48 + value : 87 + value }
