/// A small seeded generator (SplitMix64), so a synthetic population is the same on every machine and every run.
public struct BenchRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`; the multiply-high bias (bound / 2^64) is far below anything a benchmark can see.
    @inline(__always)
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A number in `range`, both ends included.
    @inline(__always)
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform number in `0..<1`.
    @inline(__always)
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}

/// Draws indices with given relative weights in constant time (Vose's alias method).
struct WeightedSampler: Sendable {
    private var threshold: [Double]
    private var alias: [Int32]

    init(weights: [Double]) {
        let count = weights.count
        precondition(count > 0)
        let total = weights.reduce(0, +)
        var scaled = weights.map { $0 * Double(count) / total }
        threshold = Array(repeating: 1, count: count)
        alias = Array(repeating: 0, count: count)
        var small: [Int] = []
        var large: [Int] = []
        for (index, value) in scaled.enumerated() {
            if value < 1 { small.append(index) } else { large.append(index) }
        }
        while let less = small.popLast(), let more = large.last {
            threshold[less] = scaled[less]
            alias[less] = Int32(more)
            scaled[more] -= 1 - scaled[less]
            if scaled[more] < 1 {
                large.removeLast()
                small.append(more)
            }
        }
        for index in large + small {
            threshold[index] = 1
            alias[index] = Int32(index)
        }
    }

    var count: Int { threshold.count }

    @inline(__always)
    func draw(_ random: inout BenchRandom) -> Int {
        let draw = random.next()
        let column = Int(truncatingIfNeeded: draw.multipliedFullWidth(by: UInt64(threshold.count)).high)
        let coin = Double(draw & 0xFFFF_FFFF) * 0x1.0p-32
        return coin < threshold[column] ? column : Int(alias[column])
    }
}
