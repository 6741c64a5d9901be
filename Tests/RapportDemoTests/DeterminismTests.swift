import Foundation
import RapportCore
import RapportDemo
import Testing

@Suite("Demo data is deterministic")
struct DeterminismTests {
    static let today = LocalDate(year: 2026, month: 3, day: 2)!

    @Test("the same seed and day give the same firm")
    func sameSeedSameFirm() {
        // setup
        let first = DemoGenerator(seed: 42, candidateCount: 10, today: Self.today)
        let second = DemoGenerator(seed: 42, candidateCount: 10, today: Self.today)

        // MUT
        let a = first.firm()
        let b = second.firm()

        // validate
        #expect(a.practices == b.practices)
        #expect(a.users == b.users)
        #expect(a.skills == b.skills)
        #expect(a.clients == b.clients)
        #expect(a.jobs == b.jobs)
    }

    @Test("the same seed and day give the same candidates, whatever else was generated first")
    func sameSeedSameCandidates() {
        let first = DemoGenerator(seed: 42, candidateCount: 2_000, today: Self.today)
        let second = DemoGenerator(seed: 42, candidateCount: 1_000_000, today: Self.today)
        let forwards = (0..<200).map(first.candidate(at:))
        let backwards = (0..<200).reversed().map(second.candidate(at:)).reversed()
        #expect(forwards == Array(backwards))
    }

    @Test("a different seed gives a different firm and different candidates")
    func differentSeedDiffers() {
        let first = DemoGenerator(seed: 1, candidateCount: 10, today: Self.today)
        let second = DemoGenerator(seed: 2, candidateCount: 10, today: Self.today)
        #expect(first.firm().jobs != second.firm().jobs)
        #expect(first.firm().users != second.firm().users)
        let differing = (0..<50).filter { first.candidate(at: $0) != second.candidate(at: $0) }
        #expect(differing.count == 50)
    }

    @Test("a candidate's id is its index plus one")
    func idsFollowIndexes() {
        let generator = DemoGenerator(seed: 7, candidateCount: 100, today: Self.today)
        for index in [0, 1, 99, 12_345] {
            #expect(generator.candidate(at: index).id == CandidateID(Int64(index + 1)))
        }
        #expect(generator.candidateCount == 100)
    }
}
