extension PostingIndex {
    /// Exact top-k by score = Σ over query terms of weight × value, ties broken by lower slot first; only live slots
    /// with score > 0. `accept` is the eligibility filter: it is called only for a slot that would otherwise enter the
    /// current top k, at most once per slot per query, and a slot it rejects never appears. Results in rank order.
    ///
    /// Precondition: Σ weight × 255 over the query fits in `UInt32` (any query of up to 257 terms does).
    public func topK(_ query: [QueryTerm], k: Int, scratch: inout TopKScratch, accept: (UInt32) -> Bool) -> [ScoredSlot] {
        scratch.stats = TopKStats()
        guard k > 0, liveCount > 0 else { return [] }
        var cursors = scratch.cursors
        scratch.cursors = []
        cursors.removeAll(keepingCapacity: true)
        // The highest score any slot can reach picks the narrowest accumulator that cannot overflow: 16-bit scores
        // halve the bytes the selection scans and zeroes.
        var bound: UInt64 = 0
        for term in query where term.weight > 0 && Int(term.term) < terms.count {
            let list = Int(term.term)
            guard let first = terms[list].runs.first else { continue }
            bound += UInt64(term.weight) * UInt64(terms[list].maxValue)
            cursors.append(TermCursor(term: list, weight: UInt32(term.weight), run: 0, nextSegment: UInt32(truncatingIfNeeded: first >> 32)))
        }
        precondition(bound <= UInt64(UInt32.max), "PostingIndex.topK: the query's highest possible score does not fit in UInt32")
        var heap = scratch.heap
        scratch.heap = []
        heap.removeAll(keepingCapacity: true)
        var stats = TopKStats()
        if !cursors.isEmpty {
            let capacity = Swift.min(k, liveCount)
            if bound <= UInt64(UInt16.max) {
                var scores = Self.takeScores(&scratch.scores16)
                scores.withUnsafeMutableBufferPointer { buffer in
                    select(&cursors, scores: buffer.baseAddress!, heap: &heap, capacity: capacity, stats: &stats, accept: accept)
                }
                scratch.scores16 = scores
            } else {
                var scores = Self.takeScores(&scratch.scores32)
                scores.withUnsafeMutableBufferPointer { buffer in
                    select(&cursors, scores: buffer.baseAddress!, heap: &heap, capacity: capacity, stats: &stats, accept: accept)
                }
                scratch.scores32 = scores
            }
        }
        heap.sort(by: >)
        let result = heap.map { key in
            ScoredSlot(slot: ~UInt32(truncatingIfNeeded: key), score: UInt32(truncatingIfNeeded: key >> 32))
        }
        scratch.heap = heap
        scratch.cursors = cursors
        scratch.stats = stats
        return result
    }

    /// Moves the accumulator out of the scratch (so it is uniquely referenced and never copied), sized and zeroed.
    private static func takeScores<Score: FixedWidthInteger>(_ stored: inout [Score]) -> [Score] {
        var scores = stored
        stored = []
        if scores.count < segmentSize {
            scores = Array(repeating: 0, count: segmentSize)
        }
        return scores
    }

    /// Walks the segments in slot order: accumulates every query term's run in the segment, then offers the slots
    /// that beat the current k-th score, in ascending slot order. Because slots arrive in ascending order, a slot
    /// that only ties the k-th score has a higher slot than everything kept and loses the tie, so "beats" is a
    /// strict `>` and a block whose maximum is at most the cut-off is skipped without looking at its slots.
    /// Leaves `scores` all zero again.
    private func select<Score: FixedWidthInteger & UnsignedInteger>(
        _ cursors: inout [TermCursor], scores: UnsafeMutablePointer<Score>, heap: inout [UInt64], capacity: Int,
        stats: inout TopKStats, accept: (UInt32) -> Bool
    ) {
        let segmentCount = UInt32((slotLimit + Self.segmentSize - 1) >> Int(Self.segmentShift))
        var cutoff: Score = 0
        for segment in 0..<segmentCount {
            var low = Int.max
            var high = -1
            for index in cursors.indices where cursors[index].nextSegment == segment {
                let list = cursors[index].term
                let run = cursors[index].run
                let start = terms[list].runStart(run)
                let end = terms[list].runEnd(run)
                let weight = Score(truncatingIfNeeded: cursors[index].weight)
                terms[list].postings.withUnsafeBufferPointer { postings in
                    let base = postings.baseAddress!
                    low = Swift.min(low, Int(base[start] & 0xFFFF))
                    high = Swift.max(high, Int(base[end - 1] & 0xFFFF))
                    Self.accumulate(base + start, count: end - start, weight: weight, into: scores)
                }
                stats.postingsTouched += end - start
                let next = run + 1
                cursors[index].run = next
                cursors[index].nextSegment = next < terms[list].runs.count
                    ? UInt32(truncatingIfNeeded: terms[list].runs[next] >> 32) : .max
            }
            guard high >= 0 else { continue }
            stats.segmentsVisited += 1
            let slotBase = segment << Self.segmentShift
            var block = low >> 6
            while block <= high >> 6 {
                let scoresInBlock = scores + (block << 6)
                if Self.blockMaximum(scoresInBlock) > cutoff {
                    stats.blocksScanned += 1
                    for offset in 0..<64 where scoresInBlock[offset] > cutoff {
                        let slot = slotBase | UInt32(block << 6 + offset)
                        guard contains(slot: slot) else { continue }
                        stats.offered += 1
                        guard accept(slot) else {
                            stats.rejected += 1
                            continue
                        }
                        let key = UInt64(scoresInBlock[offset]) << 32 | UInt64(~slot)
                        if heap.count < capacity {
                            Self.push(key, into: &heap)
                        } else {
                            Self.replaceMinimum(with: key, in: &heap)
                        }
                        if heap.count == capacity {
                            cutoff = Score(truncatingIfNeeded: heap[0] >> 32)
                        }
                    }
                } else {
                    stats.blocksSkipped += 1
                }
                scoresInBlock.update(repeating: 0, count: 64)
                block += 1
            }
        }
    }

    @inline(__always)
    private static func accumulate<Score: FixedWidthInteger & UnsignedInteger>(
        _ postings: UnsafePointer<UInt32>, count: Int, weight: Score, into scores: UnsafeMutablePointer<Score>
    ) {
        for index in 0..<count {
            let posting = postings[index]
            scores[Int(posting & 0xFFFF)] &+= Score(truncatingIfNeeded: posting >> 16) &* weight
        }
    }

    @inline(__always)
    private static func blockMaximum<Score: FixedWidthInteger & UnsignedInteger>(_ scores: UnsafeMutablePointer<Score>) -> Score {
        var maximum: Score = 0
        for offset in 0..<64 {
            maximum = Swift.max(maximum, scores[offset])
        }
        return maximum
    }

    /// Min-heap on keys (score in the high 32 bits, inverted slot in the low 32, so a greater key ranks higher):
    /// the root is the current k-th best.
    private static func push(_ key: UInt64, into heap: inout [UInt64]) {
        heap.append(key)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[parent] > key else { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = key
    }

    private static func replaceMinimum(with key: UInt64, in heap: inout [UInt64]) {
        let count = heap.count
        var parent = 0
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            if child + 1 < count, heap[child + 1] < heap[child] { child += 1 }
            guard heap[child] < key else { break }
            heap[parent] = heap[child]
            parent = child
        }
        heap[parent] = key
    }
}
