import Foundation
import RapportCore
import RapportOutreach
import RapportSQLite
import Testing

@Suite("Discovery conversations and keeping in touch")
struct DiscoveryTests {
    @Test("a discovery call is logged, updates what we know, sets the cadence, and counts as coming before the first pitch")
    func discovery() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        let record = DiscoveryRecord(
            candidateID: candidate.id, channel: .meeting, occurredAt: firm.clock.now.addingTimeInterval(-3600),
            notes: "Wants to lead a platform team within two years; tired of on-call.",
            verifiedSkills: [CandidateSkill(skillID: firm.kubernetes.id, level: 4, years: 8, lastUsed: 2026)],
            interests: Interests(domains: ["climate tech"]), cadenceDays: 30)
        // MUT
        let (logged, updated, touch) = try await firm.service.recordDiscovery(record, by: firm.recruiter)
        // validate
        #expect(logged.kind == .discovery && logged.status == .logged && logged.channel == .meeting)
        #expect(updated.profile.skills.first { $0.skillID == firm.kubernetes.id }?.level == 4)
        #expect(updated.profile.skills.count == 2)
        #expect(updated.profile.interests.domains == ["climate tech"])
        #expect(touch?.nextTouchAt == record.occurredAt.addingTimeInterval(30 * 86_400))
        _ = try await firm.pitch(candidate, [firm.job])
        let relationship = try await firm.service.relationship(of: candidate.id)
        #expect(relationship.discoveryBeforeFirstPitch == true)
        #expect(try await firm.service.timeline(for: candidate.id).first?.kind == .contact)
    }

    @Test("a pitch without discovery is recorded as such")
    func pitchFirst() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        #expect(try await firm.service.relationship(of: candidate.id).discoveryBeforeFirstPitch == nil)
        _ = try await firm.pitch(candidate, [firm.job])
        #expect(try await firm.service.relationship(of: candidate.id).discoveryBeforeFirstPitch == false)
    }

    @Test("bad discovery input changes nothing")
    func badInput() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        let bad = DiscoveryRecord(candidateID: candidate.id, channel: .email, occurredAt: firm.clock.now, notes: "",
                                  verifiedSkills: [CandidateSkill(skillID: firm.java.id, level: 9, years: 1)], cadenceDays: 3)
        await #expect(throws: RapportError.self) { _ = try await firm.service.recordDiscovery(bad, by: firm.recruiter) }
        var skillOnly = DiscoveryRecord(candidateID: candidate.id, channel: .phone, occurredAt: firm.clock.now, notes: "Talked.")
        skillOnly.verifiedSkills = [CandidateSkill(skillID: firm.java.id, level: 9, years: 1)]
        await #expect(throws: RapportError.self) { _ = try await firm.service.recordDiscovery(skillOnly, by: firm.recruiter) }
        #expect(try await firm.store.outreach(candidate: candidate.id, limit: 10).isEmpty)
        #expect(try await firm.store.candidate(candidate.id).version == candidate.version)
    }

    @Test("every human contact moves the next touch on by the cadence; due touches list the owner's people")
    func touches() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        let other = try await firm.candidate("Someone Else", owner: firm.colleague.id)
        let touch = try await firm.store.setTouchCadence(candidate.id, days: 14, at: firm.clock.now)
        _ = try await firm.store.setTouchCadence(other.id, days: 7, at: firm.clock.now)
        #expect(touch.nextTouchAt == firm.clock.now.addingTimeInterval(14 * 86_400))
        firm.clock.advance(by: 15 * 86_400)
        #expect(try await firm.store.dueTouches(owner: firm.recruiter.id, before: firm.clock.now, limit: 10).map(\.candidateID) == [candidate.id])
        let call = OutreachRequest(candidateID: candidate.id, kind: .checkIn, channel: .phone, note: "Caught up.", occurredAt: firm.clock.now)
        _ = try await firm.service.send(call, by: firm.recruiter)
        let moved = try #require(try await firm.store.touchSchedule(candidate.id))
        #expect(moved.nextTouchAt == firm.clock.now.addingTimeInterval(14 * 86_400))
        #expect(try await firm.store.dueTouches(owner: firm.recruiter.id, before: firm.clock.now, limit: 10).isEmpty)
        // An automated survey is not a touch.
        _ = try await firm.service.sendSurvey(to: other.id, trigger: .discovery, by: firm.colleague)
        #expect(try await firm.store.dueTouches(owner: nil, before: firm.clock.now, limit: 10).map(\.candidateID) == [other.id])
        await #expect(throws: RapportError.invalid(field: "cadenceDays", "must be from 7 to 365 days")) {
            _ = try await firm.store.setTouchCadence(candidate.id, days: 3, at: firm.clock.now)
        }
    }
}
