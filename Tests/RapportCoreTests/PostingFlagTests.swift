import Foundation
import RapportCore
import Testing

@Suite("Posting flags")
struct PostingFlagTests {
    static func job(_ title: String = "Senior Backend Engineer", _ description: String = "", pay: PayRange? = nil) -> JobDetails {
        JobDetails(title: title, description: description, clientID: ClientID(1), location: Location(city: "London", country: "GB"),
                   region: .uk, remotePolicy: .remote, employmentType: .contract, pay: pay,
                   requiredSkills: [JobSkill(skillID: SkillID(1))], seniority: .senior)
    }

    static let described: [(String, String, PostingFlags)] = [
        ("Senior Backend Engineer", "Build our payments platform in Go, full-time, remote within the UK.", []),
        ("Part-time Bookkeeper (Xero)", "", [.partTime]),
        ("Backend Engineer", "About 20 hours per week, flexible.", [.partTime]),
        ("Backend Engineer", "Full-time or part-time considered.", []),
        ("Backend Engineer", "40 hours per week.", []),
        ("Fractional CTO", "", [.partTime]),
        ("Content Engineer", "Paid per article published.", [.piecework]),
        ("Support Engineer", "Commission-only, paid per ticket resolved.", [.piecework]),
        ("Co-founder / CTO", "This is an equity-only role until we raise.", [.unpaid]),
        ("Frontend Developer", "Sweat equity for the right person; no salary yet.", [.unpaid]),
        ("Security Engineer", "Run our bug bounty programme; generous paid and unpaid leave; volunteer days.", []),
        ("URGENT HIRING!!", "", [.incomplete]),
        ("", "A long enough description of a role that has no title at all, which nobody can pitch.", [.incomplete]),
    ]

    @Test("words in the title and description flag part-time, piecework and unpaid roles, and no real title", arguments: described)
    func words(_ title: String, _ description: String, _ flags: PostingFlags) {
        #expect(PostingFlag.detect(Self.job(title, description), onlyGenericSkills: false) == flags)
    }

    @Test("no pay at all is unpaid; a short description over generic skills only is incomplete, over a real skill not")
    func payAndSkills() {
        let nothing = PayRange(minimum: Money(major: 0, .gbp, per: .year), maximum: Money(major: 0, .gbp, per: .year))
        #expect(PostingFlag.detect(Self.job(pay: nothing), onlyGenericSkills: false) == [.unpaid])
        #expect(PostingFlag.detect(Self.job("Engineer", "Git, Slack."), onlyGenericSkills: true) == [.incomplete])
        #expect(PostingFlag.detect(Self.job("Engineer", "Git, Slack."), onlyGenericSkills: false) == [])
    }

    @Test("flags refuse only those who said they want otherwise")
    func whoIsRefused() {
        let rules = EligibilityRules()
        let today = LocalDate(year: 2026, month: 12, day: 7)!
        var person = CandidateProfile(name: "Ana Lima", email: "ana@example.test", location: Location(city: "London", country: "GB"),
                                      timeZone: "Europe/London", region: .uk,
                                      consents: [ConsentRecord(purpose: .dataProcessing, recordedAt: .distantPast, method: "form",
                                                               legalBasis: .legitimateInterests)])
        func codes(_ job: JobDetails) -> [String] {
            rules.reasons(person, for: job, clientIndustry: nil, today: today, flags: PostingFlag.detect(job, onlyGenericSkills: false))
                .map(\.code)
        }
        let partTime = Self.job("Part-time Platform Engineer")
        let unpaid = Self.job("Founding Engineer", "Equity only.")
        let gigs = Self.job("Writer", "Paid per article.")
        #expect(codes(partTime) == [] && codes(unpaid) == [] && codes(gigs) == [], "someone who said nothing hears of all of them")
        person.goals.workingHours = .partTime
        #expect(codes(partTime) == [])
        #expect(codes(Self.job()) == ["working_hours"], "a part-timer is not offered full-time work")
        person.goals.workingHours = nil
        person.goals.employmentTypes = [.permanent]
        #expect(codes(gigs) == ["employment_type", "piecework"])
        person.goals.employmentTypes = []
        person.goals.minimumPay = Money(major: 60_000, .gbp, per: .year)
        #expect(codes(unpaid) == ["unpaid"])
        #expect(IneligibilityReason.unpaid.forCandidate == "It is unpaid or pays in equity only, and you told us what you need to be paid.")
    }
}
