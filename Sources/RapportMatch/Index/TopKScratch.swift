/// Reusable buffers for `PostingIndex.topK`, one per thread; the accumulator is one segment long whatever the index size.
///
/// Copies are independent (the buffers are arrays), so handing a copy to another thread is safe, only wasteful.
public struct TopKScratch: Sendable {
    @usableFromInline var scores16: [UInt16] = []
    @usableFromInline var scores32: [UInt32] = []
    @usableFromInline var heap: [UInt64] = []
    @usableFromInline var cursors: [TermCursor] = []
    /// What the last `topK` call did: postings touched, blocks scanned, slots offered to `accept`.
    public internal(set) var stats = TopKStats()

    /// `capacity` is the largest k expected; the buffers grow as needed, so it is only a hint.
    public init(capacity: Int = 0) {
        heap.reserveCapacity(Swift.min(Swift.max(capacity, 0), 1 << 12))
    }

    /// Bytes the scratch holds now.
    public var memoryBytes: Int {
        scores16.capacity * 2 + scores32.capacity * 4 + heap.capacity * 8 + cursors.capacity * MemoryLayout<TermCursor>.stride
    }
}

/// Counters from one `topK` call, for benchmarks and for judging how selective a query was.
public struct TopKStats: Sendable, Hashable {
    /// Postings read while accumulating (removed documents' included): the work a plain accumulator would do too.
    public var postingsTouched = 0
    /// Segments (2^16 slots each) in which at least one query term had postings.
    public var segmentsVisited = 0
    /// Blocks of 64 slots whose best score could enter the top k, so each slot in them was looked at.
    public var blocksScanned = 0
    /// Blocks of 64 slots with postings that were skipped because none of them could enter the top k.
    public var blocksSkipped = 0
    /// Live slots handed to `accept`.
    public var offered = 0
    /// Of those, the ones `accept` refused.
    public var rejected = 0

    public init() {}
}

/// Where one query term stands in its posting list while a query walks the segments.
@usableFromInline
struct TermCursor: Sendable {
    var term: Int
    var weight: UInt32
    var run: Int
    var nextSegment: UInt32
}
