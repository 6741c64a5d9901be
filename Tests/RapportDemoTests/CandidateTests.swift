import Foundation
import RapportCore
import RapportDemo
import Testing

@Suite("Demo candidates")
struct CandidateTests {
    static let today = LocalDate(year: 2026, month: 3, day: 2)!
    static let generator = DemoGenerator(seed: 99, candidateCount: 2_000, today: today)
    static let candidates = (0..<2_000).map(generator.candidate(at:))

    @Test("the first 2,000 validate and every id they refer to exists")
    func validAndResolved() throws {
        var existing = FirmIndex(Self.generator.firm())
        for candidate in Self.candidates {
            existing.candidates.insert(candidate.id.rawValue)
            try candidate.profile.validate(today: Self.today)
            try EntityReference.check(candidate.profile.references, existing: existing.lookup)
            if let referrer = candidate.profile.source.referrerID {
                #expect(referrer < candidate.id)
            }
            #expect(candidate.version == 1)
            #expect(candidate.createdAt <= candidate.updatedAt)
        }
        #expect(Self.candidates.contains { $0.profile.source.kind == .referral })
    }

    @Test("owners are recruiters in the candidate's home practice")
    func owners() throws {
        let users = Self.generator.firm().users
        for candidate in Self.candidates {
            let ownerID = try #require(candidate.profile.ownerID)
            let practiceID = try #require(candidate.profile.homePracticeID)
            let owner = users[Int(ownerID.rawValue) - 1].details
            #expect(owner.role != .admin)
            #expect(owner.practiceIDs.contains(practiceID))
        }
    }

    @Test("all four regions appear, each with its country, zone and currency")
    func regions() {
        let countries: [Region: String] = [.us: "US", .uk: "GB", .nz: "NZ", .hk: "HK"]
        #expect(Set(Self.candidates.map(\.profile.region)) == Set(Region.allCases))
        for candidate in Self.candidates {
            let profile = candidate.profile
            #expect(profile.location.country == countries[profile.region])
            if let pay = profile.goals.minimumPay {
                #expect(pay.currency == profile.region.currency)
                let preferred = profile.goals.employmentTypes.first
                #expect((preferred == .permanent) == (pay.unit == .year))
            }
            if profile.region == .nz || profile.region == .hk {
                #expect(["Pacific/Auckland", "Asia/Hong_Kong"].contains(profile.timeZone))
            }
        }
    }

    @Test("e-mail addresses are unique across 20,000 candidates")
    func uniqueEmails() {
        var seen = Set<String>()
        for index in 0..<20_000 {
            let email = EmailAddress.normalized(Self.generator.candidate(at: index).profile.email)
            #expect(seen.insert(email).inserted, "duplicate \(email)")
        }
    }

    @Test("a candidate's skills come mostly from their home practice and the general skills")
    func coherentSkills() {
        let practiceOfSkill = Dictionary(uniqueKeysWithValues: Self.generator.firm().skills.map { ($0.id, $0.practiceID) })
        for candidate in Self.candidates {
            let profile = candidate.profile
            #expect((5...24).contains(profile.skills.count))
            let home = profile.skills.filter {
                let practice = practiceOfSkill[$0.skillID] ?? nil
                return practice == nil || practice == profile.homePracticeID
            }
            #expect(home.count * 2 > profile.skills.count, "\(profile.headline): \(home.count) of \(profile.skills.count)")
        }
    }

    @Test("skill years never exceed a career and last-used years are not in the future")
    func skillHistory() {
        for candidate in Self.candidates {
            let longest = candidate.profile.skills.map(\.years).max() ?? 0
            for skill in candidate.profile.skills {
                #expect(skill.years <= longest)
                #expect((skill.lastUsed ?? 0) <= Self.today.year)
                #expect((1...5).contains(skill.level))
            }
        }
    }

    @Test("availability, contact preferences and consents are varied the way real people are")
    func variety() {
        let profiles = Self.candidates.map(\.profile)
        #expect(Set(profiles.map(\.availability.status)) == Set(Availability.Status.allCases))
        for profile in profiles {
            switch profile.availability.status {
            case .active, .passive: #expect(profile.availability.until == nil)
            case .notLooking, .onAssignment:
                let until = profile.availability.until ?? Self.today
                #expect(until > Self.today && until <= Self.today.adding(days: 9 * 31))
            }
            #expect(profile.consents.contains { $0.purpose == .dataProcessing })
            #expect(Set(profile.goals.industriesWanted).isDisjoint(with: profile.goals.industriesAvoided))
        }
        let doNotContact = profiles.filter(\.contactPreferences.doNotContact).count
        #expect((5...100).contains(doNotContact))
        let usual = profiles.filter { $0.contactPreferences.maxJobPitchesPer30Days == 4 }.count
        #expect(usual * 2 > profiles.count)
        let hongKong = profiles.filter { $0.region == .hk }
        let marketing = hongKong.filter { $0.consents.contains { $0.purpose == .directMarketing && $0.legalBasis == .consent } }
        #expect(marketing.count * 2 > hongKong.count)
    }

    @Test("Hong Kong names include Cantonese order and English first names; New Zealand names include Māori ones")
    func names() {
        let hongKong = Set(Self.candidates.filter { $0.profile.region == .hk }.map(\.profile.name))
        let surnames = ["Chan", "Wong", "Lee", "Cheung", "Lau", "Ho", "Ng", "Leung"]
        #expect(hongKong.contains { name in surnames.contains { name.hasPrefix($0 + " ") } })
        #expect(hongKong.contains { name in surnames.contains { name.hasSuffix(" " + $0) } })
        let newZealand = Self.candidates.filter { $0.profile.region == .nz }.map(\.profile.name)
        #expect(newZealand.contains { $0.contains("ā") || $0.contains("Aroha") || $0.contains("Wiremu") || $0.contains("Ngata") })
    }
}
