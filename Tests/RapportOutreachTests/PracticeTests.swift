import Foundation
import RapportCore
import RapportOutreach
import RapportSQLite
import Testing

@Suite("Practices: routing new people and jobs, handovers, two practices pitching one person")
struct PracticeTests {
    /// A second practice, with its own lead, recruiter, skill and job, beside the fixture's Cloud & DevOps.
    struct SecondPractice {
        let practice: Practice
        let lead: User
        let recruiter: User
        let job: Job

        init(_ firm: OutreachFixture) async throws {
            lead = try await firm.store.createUser(UserDetails(email: "jo@rapport.test", name: "Jo Java", role: .recruiter, region: .uk))
            practice = try await firm.store.createPractice(PracticeDetails(name: "Java & JVM", leadID: lead.id))
            _ = try await firm.store.updateUser(lead.id, expectedVersion: 1, UserDetails(
                email: lead.details.email, name: lead.details.name, role: .practiceLead, region: .uk, practiceIDs: [practice.id]))
            recruiter = try await firm.store.createUser(UserDetails(email: "kit@rapport.test", name: "Kit Kotlin", role: .recruiter, region: .uk,
                                                                    practiceIDs: [practice.id]))
            let kotlin = try await firm.store.createSkill(SkillDraft(name: "Kotlin", category: "language", practiceID: practice.id))
            var details = OutreachFixture.platformJob(client: firm.client.id, practice: practice.id, title: "Kotlin Developer",
                                                      skills: [kotlin.id])
            details.practiceID = nil
            job = try await firm.records.createJob(details)
        }
    }

    @Test("a new person goes to the practice their skills weigh towards, owned by its least-loaded member; a job to its skills' practice")
    func routing() async throws {
        let firm = try await OutreachFixture()
        let second = try await SecondPractice(firm)
        #expect(second.job.details.practiceID == second.practice.id)
        _ = try await firm.candidate()  // owned by Rob: Lena and Cara look after nobody yet
        var profile = try await firm.candidate("Ana Lopez").profile
        profile.email = "ana.routed@example.com"
        profile.homePracticeID = nil
        profile.ownerID = nil
        let routed = try await firm.records.createCandidate(profile)
        #expect(routed.profile.homePracticeID == firm.practice.id)
        #expect(routed.profile.ownerID == firm.lead.id)
        profile.email = "ana.third@example.com"
        let next = try await firm.records.createCandidate(profile)
        #expect(next.profile.ownerID == firm.colleague.id)
        // Named on the way in, they stay as given.
        profile.email = "ana.given@example.com"
        profile.homePracticeID = second.practice.id
        profile.ownerID = second.recruiter.id
        let given = try await firm.records.createCandidate(profile)
        #expect(given.profile.homePracticeID == second.practice.id && given.profile.ownerID == second.recruiter.id)
    }

    @Test("handing a person to another practice changes practice and owner and keeps the note on the timeline")
    func handover() async throws {
        let firm = try await OutreachFixture()
        let second = try await SecondPractice(firm)
        let candidate = try await firm.candidate()
        await #expect(throws: RapportError.invalid(field: "note", "must not be empty")) {
            _ = try await firm.service.handOver(candidate.id, to: second.practice.id, owner: nil, note: " ", by: firm.lead)
        }
        await #expect(throws: RapportError.invalid(field: "ownerID", "must be an active member of Java & JVM")) {
            _ = try await firm.service.handOver(candidate.id, to: second.practice.id, owner: firm.colleague.id, note: "Moving to Kotlin", by: firm.lead)
        }
        let moved = try await firm.service.handOver(candidate.id, to: second.practice.id, owner: nil, note: "Wants to move to Kotlin work",
                                                    by: firm.lead)
        #expect(moved.profile.homePracticeID == second.practice.id)
        #expect(moved.profile.ownerID == second.lead.id)
        let handovers = try await firm.store.handovers(candidate: candidate.id)
        #expect(handovers.count == 1 && handovers[0].fromPracticeID == firm.practice.id && handovers[0].fromOwnerID == firm.recruiter.id)
        let timeline = try await firm.service.timeline(for: candidate.id)
        #expect(timeline.contains { $0.kind == .handover && $0.summary == "Handed from Cloud & DevOps to Java & JVM: Wants to move to Kotlin work" })
        await #expect(throws: RapportError.invalid(field: "practiceID", "Mere Tane is already in Java & JVM")) {
            _ = try await firm.service.handOver(candidate.id, to: second.practice.id, owner: nil, note: "again", by: firm.lead)
        }
    }

    @Test("two practices pitching one person within 14 days is recorded and e-mailed to both leads; one practice twice is not")
    func overlap() async throws {
        let firm = try await OutreachFixture()
        let second = try await SecondPractice(firm)
        let candidate = try await firm.candidate()
        _ = try await firm.pitch(candidate, [firm.job])
        firm.clock.advance(by: 86_400)
        _ = try await firm.pitch(candidate, [firm.secondJob], by: firm.colleague)
        #expect(try await firm.store.overlaps(practice: nil, since: .distantPast, limit: 10).isEmpty)
        firm.clock.advance(by: 86_400)
        let (kotlinPitch, _) = try await firm.pitch(candidate, [second.job], by: second.recruiter,
                                                    override: "Asked about Kotlin roles on our call last week")
        let overlaps = try await firm.store.overlaps(practice: second.practice.id, since: .distantPast, limit: 10)
        #expect(overlaps.count == 1)
        #expect(overlaps.first?.earlierPracticeID == firm.practice.id && overlaps.first?.earlierRecruiterID == firm.colleague.id)
        #expect(overlaps.first?.laterPracticeID == second.practice.id && overlaps.first?.laterOutreachID == kotlinPitch.id)
        // Both leads hear of it.
        let delivery = try firm.delivery()
        _ = try await delivery.deliverDue()
        var recipients: [String] = []
        for file in try firm.deliveredFiles() {
            let text = try String(contentsOf: firm.folder.appendingPathComponent(file), encoding: .utf8)
            if text.contains("Subject: Two practices are pitching Mere Tane") {
                recipients += ["lena@rapport.test", "jo@rapport.test"].filter { text.contains("To: ") && text.contains($0) }
                #expect(text.contains("/candidates/\(candidate.id)#timeline") && !text.contains("/api/"), "staff links go to pages")
            }
        }
        #expect(recipients.sorted() == ["jo@rapport.test", "lena@rapport.test"])
        // Fifteen days on, another practice's pitch is not an overlap.
        #expect(PitchOverlap.find(candidate: candidate.id, newPitch: (nil, second.recruiter.id, firm.clock.now.addingTimeInterval(15 * 86_400),
                                                                      [second.practice.id]),
                                  earlier: [(firm.recruiter.id, firm.clock.now, [firm.practice.id])]) == nil)
    }
}
