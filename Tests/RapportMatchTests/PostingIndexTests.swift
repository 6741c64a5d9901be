import RapportMatch
import Testing

/// A plain model of the index: every document's postings, ranked by brute force over everyone.
private struct Reference {
    var order: [UInt32] = []
    var documents: [[(term: UInt32, value: UInt8)]] = []
    var isRemoved: [Bool] = []
    var position: [UInt32: Int] = [:]

    var removed: [UInt32] { order.indices.filter { isRemoved[$0] }.map { order[$0] } }

    mutating func append(slot: UInt32, postings: [(term: UInt32, value: UInt8)]) {
        position[slot] = order.count
        order.append(slot)
        documents.append(postings)
        isRemoved.append(false)
    }

    mutating func remove(slot: UInt32) {
        if let index = position[slot] { isRemoved[index] = true }
    }

    func postings(_ slot: UInt32) -> [(term: UInt32, value: UInt8)]? {
        position[slot].map { documents[$0] }
    }

    func score(_ slot: UInt32, _ query: [QueryTerm]) -> UInt32 {
        guard let index = position[slot] else { return 0 }
        return score(at: index, query)
    }

    private func score(at index: Int, _ query: [QueryTerm]) -> UInt32 {
        guard !isRemoved[index] else { return 0 }
        var total: UInt64 = 0
        for term in query {
            for posting in documents[index] where posting.term == term.term {
                total += UInt64(term.weight) * UInt64(posting.value)
            }
        }
        return UInt32(total)
    }

    func topK(_ query: [QueryTerm], k: Int, accept: (UInt32) -> Bool) -> [ScoredSlot] {
        let all = order.indices.compactMap { index -> ScoredSlot? in
            let score = score(at: index, query)
            return score > 0 && accept(order[index]) ? ScoredSlot(slot: order[index], score: score) : nil
        }
        return Array(all.sorted(by: ranksAbove).prefix(k))
    }
}

/// Random documents and queries shaped to hit the index's corners: several segments, ties, heavy and light weights.
private struct Workload {
    var random: BenchRandom
    let termCount: Int
    let maxValue: Int

    init(seed: UInt64) {
        random = BenchRandom(seed: seed)
        termCount = random.int(1...40)
        // Few distinct values make many exact ties.
        maxValue = random.below(3) == 0 ? 3 : 255
    }

    mutating func document() -> [(term: UInt32, value: UInt8)] {
        var terms: [UInt32] = []
        let count = random.int(0...min(8, termCount))
        while terms.count < count {
            // Skewed towards low terms so some lists are long and others short.
            let term = UInt32(min(random.below(termCount), random.below(termCount)))
            if !terms.contains(term) { terms.append(term) }
        }
        return terms.map { ($0, UInt8(random.int(1...maxValue))) }
    }

    mutating func query() -> [QueryTerm] {
        let heavy = random.below(4) == 0
        return (0..<random.int(0...10)).map { _ in
            // Some terms lie beyond the index's terms, some weights are 0.
            let term = UInt32(random.below(termCount + 3))
            let weight = heavy ? UInt16(random.int(0...65_535)) : UInt16(random.int(0...4))
            return QueryTerm(term: term, weight: weight)
        }
    }

    /// A filter that refuses a fixed pseudo-random share of slots.
    mutating func filter() -> (UInt32) -> Bool {
        let salt = random.next()
        let refusedPercent = UInt64(random.int(0...90))
        return { slot in (UInt64(slot) &* 0x9E37_79B9_7F4A_7C15 ^ salt) % 100 >= refusedPercent }
    }
}

/// Rank order: higher score first, then lower slot.
private func ranksAbove(_ left: ScoredSlot, _ right: ScoredSlot) -> Bool {
    left.score != right.score ? left.score > right.score : left.slot < right.slot
}

@Suite("Posting index")
struct PostingIndexTests {
    /// Builds an index and its reference with `count` documents whose slots jump by up to `gap` (so they spread
    /// over several 65,536-slot segments).
    private func build(_ workload: inout Workload, count: Int, gap: Int) -> (PostingIndex, Reference) {
        var index = PostingIndex(termCount: workload.random.below(workload.termCount + 1))
        var reference = Reference()
        var slot = UInt32(workload.random.below(gap + 1))
        for _ in 0..<count {
            let postings = workload.document()
            index.append(slot: slot, postings: postings)
            reference.append(slot: slot, postings: postings)
            slot += UInt32(workload.random.int(1...gap))
        }
        return (index, reference)
    }

    private func expectAgreement(
        _ index: PostingIndex, _ reference: Reference, _ workload: inout Workload, scratch: inout TopKScratch, queries: Int
    ) {
        for _ in 0..<queries {
            let query = workload.query()
            let k = workload.random.below(4) == 0 ? workload.random.int(1...(reference.order.count + 10)) : workload.random.int(1...60)
            let filter = workload.random.below(2) == 0 ? workload.filter() : { _ in true }
            var offered: [UInt32] = []
            let result = index.topK(query, k: k, scratch: &scratch) { slot in
                offered.append(slot)
                return filter(slot)
            }
            #expect(result == reference.topK(query, k: k, accept: filter))
            #expect(Set(offered).count == offered.count, "accept is asked about a slot at most once")
            #expect(offered.allSatisfy { reference.score($0, query) > 0 }, "accept is asked only about live slots that score")
            #expect(offered.count == scratch.stats.offered)
            // Each slot offered would have entered the top k of the slots accepted before it.
            var kept: [ScoredSlot] = []
            for slot in offered {
                let candidate = ScoredSlot(slot: slot, score: reference.score(slot, query))
                if kept.count >= k {
                    #expect(ranksAbove(candidate, kept[k - 1]), "accept is asked only about slots that would enter the top k")
                }
                if filter(slot) {
                    kept.insert(candidate, at: kept.firstIndex { ranksAbove(candidate, $0) } ?? kept.count)
                    if kept.count > k { kept.removeLast() }
                }
            }
        }
    }

    @Test("top-k equals a brute-force ranking on random data")
    func randomData() {
        var scratch = TopKScratch(capacity: 50)
        for seed in 1...20 as ClosedRange<UInt64> {
            var workload = Workload(seed: seed)
            let (index, reference) = build(&workload, count: workload.random.int(1...1_000), gap: [1, 3, 250][Int(seed % 3)])
            expectAgreement(index, reference, &workload, scratch: &scratch, queries: 15)
        }
    }

    @Test("removed slots never appear, and top-k still equals the brute-force ranking")
    func removals() {
        var scratch = TopKScratch()
        for seed in 100...108 as ClosedRange<UInt64> {
            var workload = Workload(seed: seed)
            var (index, reference) = build(&workload, count: 800, gap: 200)
            for _ in 0..<300 {
                let slot = reference.order[workload.random.below(reference.order.count)]
                index.remove(slot: slot)
                reference.remove(slot: slot)
            }
            index.remove(slot: 4_000_000)
            #expect(index.liveCount == reference.order.count - reference.removed.count)
            #expect(index.removedCount == reference.removed.count)
            expectAgreement(index, reference, &workload, scratch: &scratch, queries: 15)
            for slot in reference.removed.prefix(20) {
                #expect(!index.contains(slot: slot))
                #expect(index.score(slot: slot, [QueryTerm(term: 0, weight: 1)]) == 0)
            }
        }
    }

    @Test("appends and removes interleaved with queries keep every answer exact")
    func incremental() {
        var scratch = TopKScratch()
        for seed in 200...203 as ClosedRange<UInt64> {
            var workload = Workload(seed: seed)
            var index = PostingIndex(termCount: 0)
            var reference = Reference()
            var slot: UInt32 = 0
            for _ in 0..<8 {
                for _ in 0..<workload.random.int(1...150) {
                    let postings = workload.document()
                    index.append(slot: slot, postings: postings)
                    reference.append(slot: slot, postings: postings)
                    slot += UInt32(workload.random.int(1...800))
                }
                for _ in 0..<workload.random.int(0...30) {
                    let victim = reference.order[workload.random.below(reference.order.count)]
                    index.remove(slot: victim)
                    reference.remove(slot: victim)
                }
                expectAgreement(index, reference, &workload, scratch: &scratch, queries: 5)
            }
        }
    }

    @Test("score(slot:) equals the brute-force score of every slot")
    func scoreOfOneSlot() {
        var workload = Workload(seed: 7)
        var (index, reference) = build(&workload, count: 800, gap: 300)
        for slot in reference.order.prefix(100) {
            index.remove(slot: slot)
            reference.remove(slot: slot)
        }
        for _ in 0..<20 {
            let query = workload.query()
            for slot in reference.order {
                #expect(index.score(slot: slot, query) == reference.score(slot, query))
            }
        }
        #expect(index.score(slot: 9_999_999, [QueryTerm(term: 0, weight: 3)]) == 0)
    }

    @Test("ties are broken by the lower slot, across segments")
    func ties() {
        var index = PostingIndex(termCount: 2)
        let slots: [UInt32] = [5, 70, 65_535, 65_536, 140_000, 300_000, 300_001]
        for slot in slots {
            index.append(slot: slot, postings: [(term: 1, value: 9)])
        }
        var scratch = TopKScratch()
        let query = [QueryTerm(term: 1, weight: 2)]
        #expect(index.topK(query, k: 3, scratch: &scratch) { _ in true }.map(\.slot) == [5, 70, 65_535])
        #expect(index.topK(query, k: 3, scratch: &scratch) { $0 != 70 }.map(\.slot) == [5, 65_535, 65_536])
        index.remove(slot: 5)
        #expect(index.topK(query, k: 10, scratch: &scratch) { _ in true }.map(\.slot) == Array(slots.dropFirst()))
    }

    @Test("an empty query, a zero weight, an unknown term or k of 0 give nothing; k beyond the matches gives all")
    func edges() {
        var index = PostingIndex(termCount: 4)
        index.append(slot: 0, postings: [(term: 0, value: 1), (term: 2, value: 255)])
        index.append(slot: 1, postings: [])
        index.append(slot: 2, postings: [(term: 2, value: 3)])
        var scratch = TopKScratch()
        #expect(index.topK([], k: 5, scratch: &scratch) { _ in true }.isEmpty)
        #expect(index.topK([QueryTerm(term: 2, weight: 0)], k: 5, scratch: &scratch) { _ in true }.isEmpty)
        #expect(index.topK([QueryTerm(term: 3, weight: 9)], k: 5, scratch: &scratch) { _ in true }.isEmpty)
        #expect(index.topK([QueryTerm(term: 77, weight: 9)], k: 5, scratch: &scratch) { _ in true }.isEmpty)
        #expect(index.topK([QueryTerm(term: 2, weight: 1)], k: 0, scratch: &scratch) { _ in true }.isEmpty)
        let all = index.topK([QueryTerm(term: 2, weight: 1), QueryTerm(term: 0, weight: 1)], k: 1_000, scratch: &scratch) { _ in true }
        #expect(all == [ScoredSlot(slot: 0, score: 256), ScoredSlot(slot: 2, score: 3)])
        #expect(PostingIndex(termCount: 0).topK([QueryTerm(term: 0, weight: 1)], k: 5, scratch: &scratch) { _ in true }.isEmpty)
    }

    @Test("the largest scores do not overflow: 40 terms × 65,535 × 255")
    func largestScores() {
        var index = PostingIndex(termCount: 40)
        let full = (0..<40).map { (term: UInt32($0), value: UInt8(255)) }
        index.append(slot: 3, postings: full)
        index.append(slot: 9, postings: Array(full.prefix(39)))
        let query = (0..<40).map { QueryTerm(term: UInt32($0), weight: .max) }
        var scratch = TopKScratch()
        let result = index.topK(query, k: 2, scratch: &scratch) { _ in true }
        #expect(result == [ScoredSlot(slot: 3, score: 40 * 65_535 * 255), ScoredSlot(slot: 9, score: 39 * 65_535 * 255)])
        #expect(index.score(slot: 3, query) == 40 * 65_535 * 255)
    }

    @Test("terms beyond termCount grow the index; the counters follow appends and removes")
    func growthAndCounters() {
        var index = PostingIndex(termCount: 2)
        index.append(slot: 10, postings: [(term: 1, value: 4), (term: 500, value: 2)])
        index.append(slot: 70_000, postings: [(term: 500, value: 7)])
        #expect(index.termCount == 501)
        #expect(index.postingCount == 3)
        #expect(index.postingCount(term: 500) == 2)
        #expect(index.liveCount == 2)
        #expect(index.value(slot: 70_000, term: 500) == 7)
        #expect(index.value(slot: 10, term: 0) == 0)
        var scratch = TopKScratch()
        #expect(index.topK([QueryTerm(term: 500, weight: 1)], k: 5, scratch: &scratch) { _ in true }.map(\.slot) == [70_000, 10])
        #expect(scratch.stats.postingsTouched == 2)
        index.remove(slot: 10)
        index.remove(slot: 10)
        #expect(index.liveCount == 1)
        #expect(index.removedCount == 1)
        #expect(index.memoryBytes > 0)
    }

    @Test("compacted() drops removed documents' postings and answers exactly as before")
    func compaction() {
        var scratch = TopKScratch()
        var workload = Workload(seed: 31)
        var (index, reference) = build(&workload, count: 1_500, gap: 150)
        for slot in reference.order where workload.random.below(3) == 0 {
            index.remove(slot: slot)
            reference.remove(slot: slot)
        }
        let compact = index.compacted()
        let livePostings = reference.order.indices.filter { !reference.isRemoved[$0] }.reduce(0) { $0 + reference.documents[$1].count }
        #expect(compact.postingCount == livePostings)
        #expect(compact.liveCount == index.liveCount)
        #expect(compact.memoryBytes < index.memoryBytes)
        expectAgreement(compact, reference, &workload, scratch: &scratch, queries: 30)
        var grown = compact
        let last = reference.order.last! + 1
        grown.append(slot: last, postings: [(term: 0, value: 200)])
        reference.append(slot: last, postings: [(term: 0, value: 200)])
        expectAgreement(grown, reference, &workload, scratch: &scratch, queries: 10)
    }

    @Test("stats count the postings a query reads")
    func stats() {
        var workload = Workload(seed: 5)
        let (index, _) = build(&workload, count: 2_000, gap: 100)
        var scratch = TopKScratch()
        let query = (0..<UInt32(index.termCount)).prefix(5).map { QueryTerm(term: $0, weight: 2) }
        _ = index.topK(query, k: 10, scratch: &scratch) { _ in true }
        #expect(scratch.stats.postingsTouched == query.reduce(0) { $0 + index.postingCount(term: $1.term) })
        #expect(scratch.stats.offered >= min(10, index.liveCount) || scratch.stats.postingsTouched == 0)
    }
}
