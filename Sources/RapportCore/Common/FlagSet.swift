/// A case that is one bit of a word: its position among the cases.
public protocol BitFlag: CaseIterable, Sendable where AllCases == [Self] {
    /// 0 for the first case, 1 for the next…; a switch, since filters ask for it per person.
    var position: UInt32 { get }
}

/// A set of a few cases in one word, so a filter that runs for every person tests it without hashing or allocating.
public struct FlagSet<Flag: BitFlag>: Hashable, Sendable, ExpressibleByArrayLiteral {
    public private(set) var bits: UInt32

    public init(bits: UInt32) {
        self.bits = bits
    }

    public init(arrayLiteral elements: Flag...) {
        bits = elements.reduce(0) { $0 | 1 << $1.position }
    }

    public var isEmpty: Bool { bits == 0 }

    public func contains(_ flag: Flag) -> Bool { bits & 1 << flag.position != 0 }

    public mutating func insert(_ flag: Flag) { bits |= 1 << flag.position }

    public func union(_ other: FlagSet) -> FlagSet { FlagSet(bits: bits | other.bits) }

    /// The members, in the order of `allCases`.
    public var members: [Flag] { Flag.allCases.filter(contains) }
}
