/// Lower-case hexadecimal text of bytes (digests in the audit chain, export checksums, intake digests).
extension Sequence where Element == UInt8 {
    /// Two lower-case hex digits per byte.
    public var lowercaseHex: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }
}
