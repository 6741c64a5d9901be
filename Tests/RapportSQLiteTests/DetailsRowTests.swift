import Foundation
import GRDB
import RapportCore
@testable import RapportSQLite
import Testing

@Suite("A candidate's details as storage keeps them")
struct DetailsRowTests {
    /// A store holding the client and skill the person's details name.
    private static func store() async throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory()
        let client = try await store.createClient(ClientDetails(name: "Kauri Bank", industry: "Banking", region: .nz))
        let skill = try await store.createSkill(SkillDraft(name: "Rust", category: "language"))
        #expect(client.id == ClientID(1) && skill.id == SkillID(1))
        return store
    }

    private static func person() -> CandidateProfile {
        var profile = CandidateProfile(name: "Aroha Ngata", email: "aroha@example.com", location: Location(city: "Wellington", country: "NZ"),
                                       timeZone: "Pacific/Auckland", region: .nz)
        profile.workAuthorisations = [WorkAuthorisation(region: .uk, status: .requiresSponsorship, expires: LocalDate("2027-03-01"))]
        profile.goals = CareerGoals(targetRoles: ["Staff Engineer"], seniority: .principal, employmentTypes: [.permanent, .contract],
                                    minimumPay: Money(minorUnits: 18_000_000, currency: .nzd, unit: .year), industriesAvoided: ["Gambling"],
                                    clientsAvoided: [ClientID(1)], earliestStart: LocalDate("2027-01-11"))
        profile.interests = Interests(skillsToLearn: [SkillID(1)], domains: ["Climate"])
        profile.contactPreferences = ContactPreferences(channels: [.email, .phone], maxJobPitchesPer30Days: 2,
                                                        quietHours: QuietHours(start: "19:00", end: "09:00"), doNotContact: false)
        profile.consents = [ConsentRecord(purpose: .directMarketing, recordedAt: Date(timeIntervalSince1970: 1_790_000_000.125), method: "call",
                                          legalBasis: .consent, withdrawnAt: Date(timeIntervalSince1970: 1_795_000_000))]
        return profile
    }

    @Test("what is written reads back the same, through storage's own shape rather than Core's Codable")
    func roundTrip() async throws {
        let store = try await Self.store()
        let stored = try await store.createCandidate(Self.person(), at: Date())
        let read = try await store.candidate(stored.id).profile
        let expected = Self.person()
        #expect(read.workAuthorisations == expected.workAuthorisations)
        #expect(read.goals == expected.goals)
        #expect(read.interests == expected.interests)
        #expect(read.contactPreferences == expected.contactPreferences)
        #expect(read.consents == expected.consents)
    }

    @Test("a value this version does not know fails the read, naming the field, rather than being guessed")
    func unknownValue() async throws {
        let store = try await Self.store()
        let stored = try await store.createCandidate(Self.person(), at: Date())
        try await store.write { db in
            try db.execute(sql: "UPDATE candidate SET details = json_set(details, '$.goals.seniority', 'emperor') WHERE id = ?",
                           arguments: [stored.id.rawValue])
        }
        do {
            _ = try await store.candidate(stored.id)
            Issue.record("an unknown seniority was read")
        } catch let error as UnreadableDetails {
            #expect(error.field == "goals.seniority")
            #expect(error.value == "emperor")
        }
    }
}
