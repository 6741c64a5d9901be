import RapportCore
import Testing

@Suite("Feedback signals")
struct FeedbackSignalTests {
    static let declined = JobDetails(
        title: "Senior Java Developer", clientID: ClientID(3), location: Location(city: "Leeds", country: "GB"), region: .uk,
        remotePolicy: .hybrid, employmentType: .contract,
        pay: PayRange(minimum: Money(major: 500, .gbp, per: .day), maximum: Money(major: 550, .gbp, per: .day)),
        requiredSkills: [JobSkill(skillID: SkillID(1)), JobSkill(skillID: SkillID(2)), JobSkill(skillID: SkillID(3))], seniority: .senior)
    static let on = LocalDate(year: 2026, month: 11, day: 2)!

    static func signal(_ reason: FeedbackSignal.Reason) -> FeedbackSignal {
        FeedbackSignal(reason: reason, job: JobID(9), details: declined, on: on)
    }

    @Test("each reason finds roles alike in its own way, and only those")
    func resembles() {
        let rates = ExchangeRates.standard
        var other = Self.declined
        other.clientID = ClientID(4)
        other.seniority = .lead
        other.location = Location(city: "York", country: "GB")
        other.requiredSkills = [JobSkill(skillID: SkillID(7))]
        other.pay = PayRange(minimum: Money(major: 800, .gbp, per: .day), maximum: Money(major: 900, .gbp, per: .day))
        for reason in FeedbackSignal.Reason.allCases {
            #expect(Self.signal(reason).resembles(Self.declined, rates: rates), "\(reason): the role itself")
            #expect(!Self.signal(reason).resembles(other, rates: rates), "\(reason): a role unlike it")
        }
        var alike = other
        alike.pay = PayRange(minimum: Money(major: 90_000, .gbp, per: .year), maximum: Money(major: 110_000, .gbp, per: .year))
        #expect(Self.signal(.pay).resembles(alike, rates: rates), "GBP 110,000 a year is at most GBP 550 a day")
        alike.requiredSkills = [JobSkill(skillID: SkillID(1)), JobSkill(skillID: SkillID(2)), JobSkill(skillID: SkillID(8))]
        #expect(Self.signal(.stack).resembles(alike, rates: rates), "two of four skills together")
        alike.location = Location(city: "leeds", country: "GB")
        #expect(Self.signal(.location).resembles(alike, rates: rates))
        alike.remotePolicy = .remote
        #expect(!Self.signal(.location).resembles(alike, rates: rates), "a remote role is in no city")
    }

    @Test("each echo lowers the fit by 0.85, never below 0.6; only the latest twenty count")
    func factor() {
        let rates = ExchangeRates.standard
        #expect(FeedbackSignal.echoes([], of: Self.declined, rates: rates).factor == 1)
        #expect(FeedbackSignal.echoes([Self.signal(.pay)], of: Self.declined, rates: rates).factor == 0.85)
        let all = FeedbackSignal.Reason.allCases.map(Self.signal)
        #expect(FeedbackSignal.echoes(all, of: Self.declined, rates: rates).factor == 0.6)
        let old = Array(repeating: Self.signal(.company), count: 1)
        let unlike = Array(repeating: FeedbackSignal(reason: .company, jobID: JobID(1), title: "x", clientID: ClientID(99), skills: [],
                                                     seniority: .junior, city: nil, payMaximum: nil, on: Self.on), count: 20)
        #expect(FeedbackSignal.echoes(old + unlike, of: Self.declined, rates: rates).echoes.isEmpty)
    }

    @Test("a decline's reason becomes a signal when it says something about other roles")
    func fromDeclines() {
        #expect(FeedbackSignal.Reason(.pay) == .pay)
        #expect(FeedbackSignal.Reason(.skills) == .stack)
        #expect(FeedbackSignal.Reason(.remote) == .location)
        #expect(FeedbackSignal.Reason(.company) == .company)
        #expect(FeedbackSignal.Reason(.happyWhereIAm) == nil)
        #expect(Self.signal(.pay).forCandidate == "You told us the pay of Senior Java Developer was too low, and this role pays no more.")
        #expect(Self.signal(.company).forRecruiter == "Turned down Senior Java Developer on 2026-11-02 for the company; this role is alike.")
    }
}
