/// Full payment card numbers are never stored (the policy keeps card brand and last four only). This finds one
/// in any text: 13 to 19 digits passing the Luhn check, typed together or in groups split by single spaces, dots
/// or dashes, and also when an expiry date or other digits follow the number after a separator.
public enum CardNumberRule {
    /// Whether `text` is a whole md5, sha1 or sha256 hex digest, or a UUID (8-4-4-4-12 hex digits).
    public static func isMachineIdentifier(_ text: String) -> Bool {
        let isHex = { (byte: UInt8) in (48...57).contains(byte) || (97...102).contains(byte) || (65...70).contains(byte) }
        if [32, 40, 64].contains(text.utf8.count) && text.utf8.allSatisfy(isHex) { return true }
        guard text.utf8.count == 36 else { return false }
        let groups = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(isHex) }
    }

    /// Whether `text` holds what looks like a full card number. A text that is wholly a machine identifier (a
    /// UUID, or an md5, sha1 or sha256 hex digest: a request's id, a hashed identity) is no card number, whatever
    /// run of digits it happens to hold (about one sha256 digest in fifteen holds one that passes Luhn).
    public static func contains(_ text: String) -> Bool {
        if isMachineIdentifier(text) { return false }
        // Bytes, not Characters: this runs on every cell of large exports. ASCII digits and separators are single
        // bytes in UTF-8, and no other character's bytes look like them.
        var digits: [Int] = []
        digits.reserveCapacity(19)
        var count = 0
        var lastWasSeparator = false
        // A run as typed (digits, single separators between groups) is a card number when it is 13-19 digits
        // long and passes Luhn; each group boundary is a possible end (an expiry date may follow); longer runs
        // of digits with no boundary (ids, concatenations) are not cards.
        func check() -> Bool { (13...19).contains(count) && luhn(digits[...]) }
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                if count < 19 { digits.append(Int(byte - 0x30)) }
                count += 1
                lastWasSeparator = false
            } else if (byte == 0x20 || byte == 0x2D || byte == 0x2E) && count > 0 && !lastWasSeparator {
                if check() { return true }
                lastWasSeparator = true
            } else {
                if check() { return true }
                digits.removeAll(keepingCapacity: true)
                count = 0
                lastWasSeparator = false
            }
        }
        return check()
    }

    /// The Luhn checksum of `digits`.
    static func luhn(_ digits: ArraySlice<Int>) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let value = offset % 2 == 1 ? digit * 2 : digit
            sum += value > 9 ? value - 9 : value
        }
        return sum % 10 == 0
    }
}
