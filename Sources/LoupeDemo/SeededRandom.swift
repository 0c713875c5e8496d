/// A small deterministic generator (SplitMix64): the same seed always gives the same demo data.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    /// Starts the sequence at `seed`.
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    /// `count` decimal digits as text.
    mutating func digits(_ count: Int) -> String {
        String(unsafeUninitializedCapacity: count) { bytes in
            for index in 0..<count { bytes[index] = UInt8(ascii: "0") + UInt8(int(0...9)) }
            return count
        }
    }

    /// `count` upper-case letters.
    mutating func letters(_ count: Int) -> String {
        String(unsafeUninitializedCapacity: count) { bytes in
            for index in 0..<count { bytes[index] = pick(Self.alphabet) }
            return count
        }
    }

    private static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ".utf8)
}
