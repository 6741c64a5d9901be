/// A small seeded generator (SplitMix64): the demo data must be the same on every machine and every run, and
/// every candidate must be reproducible on its own so generation can be split across threads.
struct DemoRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A generator for one record of one stream (`stream` separates firm, jobs and candidates), so record `n`
    /// never depends on how many numbers record `n - 1` used.
    init(seed: UInt64, stream: UInt64, index: UInt64) {
        state = DemoRandom.mix(seed &+ DemoRandom.mix(stream &* 0x9E37_79B9_7F4A_7C15 &+ DemoRandom.mix(index &+ 0x632B_E59B_D9B4_E019)))
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`; the multiply-high trick is biased by at most bound / 2^64, which demo data can afford.
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A number in `range`, both ends included.
    @inline(__always)
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with the given chance in percent.
    @inline(__always)
    mutating func percent(_ chance: Int) -> Bool {
        below(100) < chance
    }

    /// A uniform number in `0..<1`.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    @inline(__always)
    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }
}

/// A table of items with integer weights, sampled with one random number and a short scan.
struct WeightedTable<Item: Sendable>: Sendable {
    let items: [Item]
    private let cumulative: [Int]
    private let total: Int

    init(_ pairs: [(Item, Int)]) {
        var running = 0
        var cumulative: [Int] = []
        for (_, weight) in pairs {
            precondition(weight > 0)
            running += weight
            cumulative.append(running)
        }
        items = pairs.map(\.0)
        self.cumulative = cumulative
        total = running
    }

    func sample(_ random: inout DemoRandom) -> Item {
        let roll = random.below(total)
        var index = 0
        while cumulative[index] <= roll { index += 1 }
        return items[index]
    }
}
