import Foundation
import RapportCore
import Testing

@Suite("Store contract: merging two records of one person")
struct MergeContractTests {
    /// Two records of Ana: the one kept, and one from an old system with a reply, a submission, a file and an import.
    private struct TwoRecords {
        let fixture: Fixture
        let kept: Candidate
        let absorbed: Candidate
        let referred: Candidate

        init(_ kind: StoreKind) async throws {
            fixture = try await Fixture(kind)
            let store = fixture.store
            var keptProfile = fixture.profile("Ana Lima", email: "ana@example.com", skills: [fixture.kubernetes])
            keptProfile.phone = "+44 7700 900123"
            kept = try await store.createCandidate(keptProfile, at: now)
            var old = fixture.profile("ANA LIMA", email: "ana.lima@old-ats.example", skills: [fixture.terraform])
            old.phone = "07700 900123"
            absorbed = try await store.createCandidate(old, at: now)
            var friend = fixture.profile("Ben Ode", email: "ben@example.com")
            friend.phone = "+44 7700 900999"
            friend.source = CandidateSource(kind: .referral, referrerID: absorbed.id)
            referred = try await store.createCandidate(friend, at: now)
            _ = try await store.createReply(ReplyDraft(
                candidateID: absorbed.id, outreachID: nil, channel: .email, receivedAt: now, subject: "Re: hello", text: "Yes, call me",
                messageID: "<reply-1@old>", classification: ReplyClassification(intent: .unclear, confidence: 0, evidence: [], suggestedChanges: []),
                loggedBy: nil, obligation: ObligationDraft(ownerID: fixture.recruiter.id, dueAt: now.addingTimeInterval(86_400))), at: now)
            let job = try await store.createJob(fixture.job(), at: now)
            _ = try await store.createSubmission(candidate: absorbed.id, job: job.id, by: fixture.recruiter.id, note: "strong", at: now)
            _ = try await store.saveAttachment(Data("CV".utf8), fileName: "ana.txt", kind: .text, candidate: absorbed.id, by: nil, at: now)
            _ = try await store.applyCandidateChanges([.update(absorbed.id, expectedVersion: 1, old)],
                                                      provenance: ImportProvenance(format: "csv", fileName: "old.csv", runBy: nil, records: [7]), at: now)
        }

        func merge(_ choices: [CandidateMerge.Field: CandidateMerge.Side] = [:]) async throws -> Candidate {
            let merge = CandidateMerge(kept: try await fixture.store.candidate(kept.id), absorbed: try await fixture.store.candidate(absorbed.id),
                                       choices: choices)
            return try await fixture.store.mergeCandidates(merge, profile: merge.profile, by: fixture.recruiter.id, at: now)
        }
    }

    @Test("everything held about the absorbed record moves to the kept one, which takes both sets of skills", arguments: StoreKind.allCases)
    func movesEverything(kind: StoreKind) async throws {
        let two = try await TwoRecords(kind)
        let store = two.fixture.store
        let merged = try await two.merge()
        #expect(merged.id == two.kept.id && merged.version == 2)
        #expect(Set(merged.profile.skills.map(\.skillID)) == [two.fixture.kubernetes.id, two.fixture.terraform.id])
        #expect(try await store.candidate(two.kept.id) == merged)
        #expect(try await store.replies(candidate: two.kept.id).map(\.text) == ["Yes, call me"])
        #expect(try await store.obligations(candidate: two.kept.id).count == 1)
        #expect(try await store.submissions(candidate: two.kept.id).count == 1)
        #expect(try await store.attachments(candidate: two.kept.id).map(\.fileName) == ["ana.txt"])
        #expect(try await store.importHistory(candidate: two.kept.id).map(\.fileName) == ["old.csv"])
        let friend = try await store.candidate(two.referred.id)
        #expect(friend.profile.source.referrerID == two.kept.id && friend.version == 2)
        // The absorbed record is gone, and leaves an alias: its id and its address lead to the person kept.
        await #expect(throws: RapportError.notFound(entity: "candidate", id: "\(two.absorbed.id)")) { try await store.candidate(two.absorbed.id) }
        #expect(try await store.mergedCandidate(two.absorbed.id) == two.kept.id)
        #expect(try await store.mergedCandidate(two.kept.id) == nil)
        #expect(try await store.candidate(email: "ANA.LIMA@old-ats.example")?.id == two.kept.id)
        #expect(try await store.heldPeople(emails: ["ANA.LIMA@old-ats.example"], externalIDs: []).candidate(email: "ana.lima@old-ats.example")?.id
                == two.kept.id)
        // Nobody new may take the old address, and the next person never gets the old id.
        await #expect(throws: RapportError.self) {
            try await store.createCandidate(two.fixture.profile("Someone", email: "ana.lima@old-ats.example"), at: now)
        }
        var cara = two.fixture.profile("Cara Diaz", email: "cara@example.com")
        cara.phone = nil
        let next = try await store.createCandidate(cara, at: now)
        #expect(next.id.rawValue > two.referred.id.rawValue && next.id != two.absorbed.id)
        // Only the one left has the shared phone now.
        #expect(try await store.likelyDuplicates(keys: IdentityKeys.keys(for: merged.profile), excluding: merged.id).isEmpty)
    }

    @Test("the address picked from the absorbed record becomes the person's, and the other stays as the alias", arguments: StoreKind.allCases)
    func keepsTheirAddress(kind: StoreKind) async throws {
        let two = try await TwoRecords(kind)
        let merged = try await two.merge([.email: .absorbed, .name: .absorbed])
        #expect(merged.profile.email == "ana.lima@old-ats.example" && merged.profile.name == "ANA LIMA")
        #expect(try await two.fixture.store.candidate(email: "ana@example.com")?.id == two.kept.id)
    }

    @Test("when the newest record is merged away, the next person still gets an id of their own", arguments: StoreKind.allCases)
    func newestAbsorbed(kind: StoreKind) async throws {
        let fixture = try await Fixture(kind)
        let store = fixture.store
        let kept = try await store.createCandidate(fixture.profile("Ana Lima", email: "ana@example.com"), at: now)
        let newest = try await store.createCandidate(fixture.profile("Ana Lima", email: "ana@old.example"), at: now)
        let merge = CandidateMerge(kept: kept, absorbed: newest)
        _ = try await store.mergeCandidates(merge, profile: merge.profile, by: nil, at: now)
        let next = try await store.createCandidate(fixture.profile("Cara Diaz", email: "cara@example.com"), at: now)
        #expect(next.id.rawValue == newest.id.rawValue + 1)
        #expect(try await store.mergedCandidate(newest.id) == kept.id)
        // Erasing the person erases the merged-away address too: it comes back do-not-contact.
        try await store.eraseCandidate(kept.id, at: now)
        #expect(try await store.mergedCandidate(newest.id) == nil)
        var again = fixture.profile("Ana Lima", email: "ana@old.example")
        again.phone = nil
        let back = try await store.createCandidate(again, at: now)
        #expect(back.profile.contactPreferences.doNotContact)
    }

    @Test("merged again, a person's aliases follow them: the oldest link still leads to where they are now", arguments: StoreKind.allCases)
    func chained(kind: StoreKind) async throws {
        let fixture = try await Fixture(kind)
        let store = fixture.store
        let first = try await store.createCandidate(fixture.profile("Ana Lima", email: "ana@one.example"), at: now)
        let second = try await store.createCandidate(fixture.profile("Ana Lima", email: "ana@two.example"), at: now)
        let third = try await store.createCandidate(fixture.profile("Ana Lima", email: "ana@three.example"), at: now)
        let once = CandidateMerge(kept: second, absorbed: first)
        let middle = try await store.mergeCandidates(once, profile: once.profile, by: nil, at: now)
        let twice = CandidateMerge(kept: third, absorbed: middle)
        _ = try await store.mergeCandidates(twice, profile: twice.profile, by: nil, at: now)
        #expect(try await store.mergedCandidate(first.id) == third.id)
        #expect(try await store.candidate(email: "ana@one.example")?.id == third.id)
    }

    @Test("a merge of records changed since they were compared is refused, and changes nothing", arguments: StoreKind.allCases)
    func stale(kind: StoreKind) async throws {
        let two = try await TwoRecords(kind)
        let store = two.fixture.store
        let merge = CandidateMerge(kept: two.kept, absorbed: try await store.candidate(two.absorbed.id))
        _ = try await store.updateCandidate(two.kept.id, expectedVersion: 1, two.kept.profile, at: now)
        await #expect(throws: RapportError.staleVersion(entity: "candidate", id: "\(two.kept.id)", expected: 1, actual: 2)) {
            try await store.mergeCandidates(merge, profile: merge.profile, by: nil, at: now)
        }
        #expect(try await store.replies(candidate: two.absorbed.id).count == 1)
        #expect(try await store.mergedCandidate(two.absorbed.id) == nil)
    }

    @Test("two live submissions to the same job are refused as in use", arguments: StoreKind.allCases)
    func sameJob(kind: StoreKind) async throws {
        let two = try await TwoRecords(kind)
        let store = two.fixture.store
        let job = try #require(try await store.submissions(candidate: two.absorbed.id).first?.jobID)
        _ = try await store.createSubmission(candidate: two.kept.id, job: job, by: two.fixture.recruiter.id, note: "", at: now)
        let error = await #expect(throws: RapportError.self) { try await two.merge() }
        guard case .inUse(_, let message) = error else { Issue.record("expected inUse, got \(String(describing: error))"); return }
        #expect(message.contains("Platform Engineer"))
        #expect(try await store.candidate(two.absorbed.id).id == two.absorbed.id)
    }
}
