import Foundation
import RapportCore
import Testing

@Suite("Merging two records of one person")
struct CandidateMergeTests {
    private static let recorded = Date(timeIntervalSince1970: 1_790_000_000)

    private static func candidate(_ id: Int64, _ name: String, email: String, configure: (inout CandidateProfile) -> Void = { _ in }) -> Candidate {
        var profile = CandidateProfile(name: name, email: email, location: Location(city: "Leeds", country: "GB"), timeZone: "Europe/London",
                                       region: .uk)
        configure(&profile)
        return Candidate(id: CandidateID(id), version: 1, createdAt: recorded, updatedAt: recorded, profile: profile)
    }

    @Test("the kept record's fields stand unless the recruiter picks the other's; lists are united, each item once")
    func fields() {
        let kept = Self.candidate(1, "Ana Lima", email: "ana@example.com") {
            $0.links = ["https://github.com/ana"]
            $0.skills = [CandidateSkill(skillID: SkillID(1), level: 3, years: 2, lastUsed: 2024)]
            $0.work = [WorkExperience(employer: "Fjord", title: "Engineer")]
            $0.goals.targetRoles = ["Platform Engineer"]
        }
        let absorbed = Self.candidate(2, "ANA LIMA", email: "ana@old.example") {
            $0.phone = "07700 900123"
            $0.headline = "Platform engineer"
            $0.location = Location(city: "Auckland", country: "NZ")
            $0.timeZone = "Pacific/Auckland"
            $0.region = .nz
            $0.links = ["https://github.com/ana", "https://ana.dev"]
            $0.skills = [CandidateSkill(skillID: SkillID(1), level: 4, years: 1, lastUsed: 2026, wantsToGrow: true),
                         CandidateSkill(skillID: SkillID(2), level: 2, years: 1)]
            $0.work = [WorkExperience(employer: "Fjord", title: "Engineer"), WorkExperience(employer: "Kiwi Bank", title: "Developer")]
            $0.goals.targetRoles = ["Anything"]
        }
        let plain = CandidateMerge(kept: kept, absorbed: absorbed).profile
        #expect(plain.name == "Ana Lima" && plain.email == "ana@example.com" && plain.location.city == "Leeds")
        #expect(plain.phone == "07700 900123", "a phone only the other record has is kept")
        #expect(plain.headline == "Platform engineer", "an empty text takes the other record's")
        #expect(plain.links == ["https://github.com/ana", "https://ana.dev"])
        #expect(plain.skills == [CandidateSkill(skillID: SkillID(1), level: 4, years: 2, lastUsed: 2026, wantsToGrow: true),
                                 CandidateSkill(skillID: SkillID(2), level: 2, years: 1)])
        #expect(plain.work.map(\.employer) == ["Fjord", "Kiwi Bank"])
        #expect(plain.goals.targetRoles == ["Platform Engineer"], "goals are the kept record's")
        let picked = CandidateMerge(kept: kept, absorbed: absorbed, choices: [.name: .absorbed, .email: .absorbed, .location: .absorbed])
        #expect(picked.profile.name == "ANA LIMA" && picked.profile.email == "ana@old.example")
        #expect(picked.profile.location.city == "Auckland" && picked.profile.timeZone == "Pacific/Auckland" && picked.profile.region == .nz)
        #expect(picked.aliasEmail == "ana@example.com")
        #expect(CandidateMerge(kept: kept, absorbed: absorbed).aliasEmail == "ana@old.example")
    }

    @Test("the stricter contact wish wins, and every consent and withdrawal of either is kept, oldest first")
    func contact() {
        let consent = ConsentRecord(purpose: .directMarketing, recordedAt: Self.recorded, method: "web form", legalBasis: .consent)
        var withdrawn = consent
        withdrawn.recordedAt = Self.recorded.addingTimeInterval(60)
        withdrawn.withdrawnAt = Self.recorded.addingTimeInterval(60)
        let kept = Self.candidate(1, "Ana Lima", email: "ana@example.com") {
            $0.contactPreferences.maxJobPitchesPer30Days = 4
            $0.consents = [withdrawn]
        }
        let absorbed = Self.candidate(2, "Ana Lima", email: "ana@old.example") {
            $0.contactPreferences.doNotContact = true
            $0.contactPreferences.maxJobPitchesPer30Days = 1
            $0.consents = [consent]
        }
        let merged = CandidateMerge(kept: kept, absorbed: absorbed).profile
        #expect(merged.contactPreferences.doNotContact)
        #expect(merged.contactPreferences.maxJobPitchesPer30Days == 1)
        #expect(merged.consents == [consent, withdrawn])
    }

    @Test("a record referred by the one it absorbs takes the other's source; a record is never merged with itself")
    func referral() throws {
        let absorbed = Self.candidate(2, "Ana Lima", email: "ana@old.example") { $0.source = CandidateSource(kind: .inbound) }
        let kept = Self.candidate(1, "Ana Lima", email: "ana@example.com") { $0.source = CandidateSource(kind: .referral, referrerID: CandidateID(2)) }
        #expect(CandidateMerge(kept: kept, absorbed: absorbed).profile.source == CandidateSource(kind: .inbound))
        #expect(throws: RapportError.invalid(field: "absorbed", "is the record kept; choose another person")) {
            try CandidateMerge(kept: kept, absorbed: kept).validate()
        }
    }
}
