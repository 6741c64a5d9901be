/// One weighted term of a query: a term (skill id) and how much it counts.
public struct QueryTerm: Sendable, Hashable {
    public var term: UInt32
    public var weight: UInt16

    public init(term: UInt32, weight: UInt16) {
        self.term = term
        self.weight = weight
    }
}

/// A document (slot) and its score in a top-k answer.
public struct ScoredSlot: Sendable, Hashable {
    public var slot: UInt32
    public var score: UInt32

    public init(slot: UInt32, score: UInt32) {
        self.slot = slot
        self.score = score
    }
}

/// An in-memory inverted index with exact top-k: for each term, the documents that have it and their strength on it.
///
/// One structure serves both directions of matching: slots are candidates and a query is a job's skills (forward), or
/// slots are open jobs and a query is a candidate's skills (reverse). A document's score for a query is
/// Σ weight × value over the query's terms; `topK` returns exactly what ranking every live document by that score
/// (ties to the lower slot) would return, without touching documents that share no term with the query.
///
/// Layout: the slot space is cut into segments of 2^16 slots. A term's postings are one array of packed `UInt32`
/// (offset in its segment in the low 16 bits, value above), ordered by slot, and a short directory of where each
/// segment's run starts. A query accumulates one segment at a time into a 2^16-entry scratch accumulator that stays
/// in the L2 cache, then picks the top k from it block by block, skipping every block whose maximum cannot beat the
/// current k-th score. Removing a document only clears its bit in the live bitmap; its postings stay (and are
/// counted in `postingCount`) until `compacted()`.
public struct PostingIndex: Sendable {
    /// log2 of the slots in a segment: 2^16 `UInt16` scores are 128 KB, well inside a 512 KB L2 cache. Measured on
    /// the benchmark, 2^16 beat 2^13–2^15 (fewer switches between posting lists); 16 is also the most the packed
    /// posting's offset field holds.
    @usableFromInline static let segmentShift: UInt32 = 16
    @usableFromInline static let segmentMask: UInt32 = (1 << segmentShift) - 1
    @usableFromInline static let segmentSize = 1 << Int(segmentShift)

    @usableFromInline var terms: [TermPostings]
    /// One bit per slot below `slotLimit`: set while the document is live.
    @usableFromInline var live: [UInt64] = []
    /// One past the highest slot appended so far.
    public private(set) var slotLimit: Int = 0
    public private(set) var liveCount: Int = 0
    /// Documents appended so far, live or removed.
    public private(set) var documentCount: Int = 0
    /// Postings stored, including those of removed documents until `compacted()`.
    public private(set) var postingCount: Int = 0

    public init(termCount: Int) {
        terms = Array(repeating: TermPostings(), count: max(0, termCount))
    }

    /// The number of terms the index has room for; appending a higher term grows it.
    public var termCount: Int { terms.count }

    /// Documents removed since the last `compacted()`; their postings still take memory and scan time.
    public var removedCount: Int { documentCount - liveCount }

    /// Adds a document. Slots must be strictly increasing across calls; `value` 1...255 is the document's strength
    /// on the term, and a term appears at most once per document.
    public mutating func append(slot: UInt32, postings: [(term: UInt32, value: UInt8)]) {
        precondition(Int(slot) >= slotLimit, "PostingIndex.append: slot \(slot) is not above the last slot appended")
        let word = Int(slot >> 6)
        if live.count <= word {
            live.append(contentsOf: repeatElement(0, count: word + 1 - live.count))
        }
        live[word] |= 1 << UInt64(slot & 63)
        slotLimit = Int(slot) + 1
        liveCount += 1
        documentCount += 1
        let segment = slot >> Self.segmentShift
        let offset = slot & Self.segmentMask
        for posting in postings {
            precondition(posting.value > 0, "PostingIndex.append: a posting's value must be 1...255")
            let term = Int(posting.term)
            if term >= terms.count {
                terms.append(contentsOf: repeatElement(TermPostings(), count: term + 1 - terms.count))
            }
            terms[term].add(segment: segment, offset: offset, value: posting.value)
        }
        postingCount += postings.count
    }

    /// Removes a document: it never appears in results again. Unknown or already removed slots are ignored.
    public mutating func remove(slot: UInt32) {
        let word = Int(slot >> 6)
        guard word < live.count else { return }
        let bit: UInt64 = 1 << UInt64(slot & 63)
        if live[word] & bit != 0 {
            live[word] &= ~bit
            liveCount -= 1
        }
    }

    /// Whether the slot was appended and not removed.
    @inlinable
    public func contains(slot: UInt32) -> Bool {
        let word = Int(slot >> 6)
        return word < live.count && live[word] & (1 << UInt64(slot & 63)) != 0
    }

    /// The document's value on one term, or 0 when it lacks the term, was removed or was never appended.
    public func value(slot: UInt32, term: UInt32) -> UInt8 {
        guard contains(slot: slot), Int(term) < terms.count else { return 0 }
        return terms[Int(term)].value(segment: slot >> Self.segmentShift, offset: slot & Self.segmentMask)
    }

    /// The document's score for the query computed directly (for tests and explanations); 0 for a removed slot.
    public func score(slot: UInt32, _ query: [QueryTerm]) -> UInt32 {
        var total: UInt64 = 0
        for term in query {
            total += UInt64(term.weight) * UInt64(value(slot: slot, term: term.term))
        }
        precondition(total <= UInt64(UInt32.max), "PostingIndex.score: the score does not fit in UInt32")
        return UInt32(total)
    }

    /// The number of postings the term has (removed documents' included until `compacted()`).
    public func postingCount(term: UInt32) -> Int {
        guard Int(term) < terms.count else { return 0 }
        return terms[Int(term)].postings.count
    }

    /// Bytes held by the index: postings, segment directories, per-term headers and the live bitmap, by capacity.
    public var memoryBytes: Int {
        let arrayHeader = 32
        var bytes = MemoryLayout<PostingIndex>.size + arrayHeader * 2
        bytes += terms.capacity * MemoryLayout<TermPostings>.stride + live.capacity * MemoryLayout<UInt64>.stride
        for list in terms {
            if list.postings.capacity > 0 {
                bytes += arrayHeader + list.postings.capacity * MemoryLayout<UInt32>.stride
            }
            if list.runs.capacity > 0 {
                bytes += arrayHeader + list.runs.capacity * MemoryLayout<UInt64>.stride
            }
        }
        return bytes
    }

    /// The same index without the postings of removed documents and without spare array capacity. Slots keep their
    /// numbers, so the caller's slot tables stay valid.
    public func compacted() -> PostingIndex {
        var copy = PostingIndex(termCount: 0)
        copy.terms = terms.map { $0.keeping(live: live) }
        copy.live = Array(unsafeUninitializedCapacity: live.count) { buffer, count in
            for (index, word) in live.enumerated() {
                (buffer.baseAddress! + index).initialize(to: word)
            }
            count = live.count
        }
        copy.slotLimit = slotLimit
        copy.liveCount = liveCount
        copy.documentCount = liveCount
        copy.postingCount = copy.terms.reduce(0) { $0 + $1.postings.count }
        return copy
    }
}

/// The postings of one term, ordered by slot.
@usableFromInline
struct TermPostings: Sendable {
    /// Per posting: the slot's offset in its segment (low 16 bits) and the value (bits 16–23).
    @usableFromInline var postings: [UInt32] = []
    /// Per segment the term occurs in, ascending: segment number (high 32 bits) and the index of its first posting.
    @usableFromInline var runs: [UInt64] = []
    /// The highest value stored, which bounds a query's score so the accumulator can be as narrow as possible.
    @usableFromInline var maxValue: UInt8 = 0

    @usableFromInline init() {}

    mutating func add(segment: UInt32, offset: UInt32, value: UInt8) {
        if let last = runs.last, UInt32(truncatingIfNeeded: last >> 32) == segment {
            precondition(postings[postings.count - 1] & 0xFFFF != offset, "PostingIndex.append: a term appears twice in one document")
        } else {
            runs.append(UInt64(segment) << 32 | UInt64(postings.count))
        }
        postings.append(offset | UInt32(value) << 16)
        maxValue = Swift.max(maxValue, value)
    }

    /// The range of `postings` holding segment `segment`, found by binary search (empty when the term is absent).
    func range(segment: UInt32) -> Range<Int> {
        var low = 0
        var high = runs.count
        while low < high {
            let middle = (low + high) / 2
            if UInt32(truncatingIfNeeded: runs[middle] >> 32) < segment { low = middle + 1 } else { high = middle }
        }
        guard low < runs.count, UInt32(truncatingIfNeeded: runs[low] >> 32) == segment else { return 0..<0 }
        return runStart(low)..<runEnd(low)
    }

    @inline(__always)
    func runStart(_ run: Int) -> Int { Int(truncatingIfNeeded: runs[run] & 0xFFFF_FFFF) }

    @inline(__always)
    func runEnd(_ run: Int) -> Int { run + 1 < runs.count ? runStart(run + 1) : postings.count }

    func value(segment: UInt32, offset: UInt32) -> UInt8 {
        var range = range(segment: segment)
        while !range.isEmpty {
            let middle = range.lowerBound + range.count / 2
            let found = postings[middle] & 0xFFFF
            if found == offset { return UInt8(truncatingIfNeeded: postings[middle] >> 16) }
            if found < offset { range = (middle + 1)..<range.upperBound } else { range = range.lowerBound..<middle }
        }
        return 0
    }

    /// This term's postings of live slots only, in arrays of exactly the needed capacity.
    func keeping(live: [UInt64]) -> TermPostings {
        func isLive(_ segment: UInt32, _ posting: UInt32) -> Bool {
            let slot = Int(segment) << Int(PostingIndex.segmentShift) | Int(posting & 0xFFFF)
            return live[slot >> 6] & (1 << UInt64(slot & 63)) != 0
        }
        var keptPostings = 0
        var keptRuns = 0
        for run in runs.indices {
            let segment = UInt32(truncatingIfNeeded: runs[run] >> 32)
            var any = false
            for index in runStart(run)..<runEnd(run) where isLive(segment, postings[index]) {
                keptPostings += 1
                any = true
            }
            if any { keptRuns += 1 }
        }
        var result = TermPostings()
        guard keptPostings > 0 else { return result }
        result.postings.reserveCapacity(keptPostings)
        result.runs.reserveCapacity(keptRuns)
        for run in runs.indices {
            let segment = UInt32(truncatingIfNeeded: runs[run] >> 32)
            for index in runStart(run)..<runEnd(run) where isLive(segment, postings[index]) {
                let posting = postings[index]
                result.add(segment: segment, offset: posting & 0xFFFF, value: UInt8(truncatingIfNeeded: posting >> 16))
            }
        }
        return result
    }
}
