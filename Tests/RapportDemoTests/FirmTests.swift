import Foundation
import RapportCore
import RapportDemo
import Testing

@Suite("The demo firm")
struct FirmTests {
    static let today = LocalDate(year: 2026, month: 3, day: 2)!
    let firm = DemoGenerator(seed: 2026, candidateCount: 0, today: FirmTests.today).firm()

    @Test("meets the sizes the demo promises, with the admin first")
    func sizes() {
        #expect(firm.practices.count >= 6)
        #expect(firm.users.count >= 20)
        #expect(firm.skills.count >= 120)
        #expect(firm.clients.count >= 40)
        #expect(firm.jobs.count >= 150)
        #expect(firm.users[0].details.email == "admin@rapport.test")
        #expect(firm.users[0].details.role == .admin)
    }

    @Test("ids run from 1 in order and every versioned record is at version 1")
    func identifiers() {
        #expect(firm.practices.map(\.id.rawValue) == Array(1...Int64(firm.practices.count)))
        #expect(firm.users.map(\.id.rawValue) == Array(1...Int64(firm.users.count)))
        #expect(firm.skills.map(\.id.rawValue) == Array(1...Int64(firm.skills.count)))
        #expect(firm.clients.map(\.id.rawValue) == Array(1...Int64(firm.clients.count)))
        #expect(firm.jobs.map(\.id.rawValue) == Array(1...Int64(firm.jobs.count)))
        #expect(firm.practices.allSatisfy { $0.version == 1 })
        #expect(firm.users.allSatisfy { $0.version == 1 })
        #expect(firm.clients.allSatisfy { $0.version == 1 })
        #expect(firm.jobs.allSatisfy { $0.version == 1 && $0.createdAt <= $0.updatedAt })
    }

    @Test("every practice has a lead who is a member of it")
    func leads() throws {
        for practice in firm.practices {
            let leadID = try #require(practice.details.leadID, "\(practice.details.name) has no lead")
            let lead = try #require(firm.users.first { $0.id == leadID })
            #expect(lead.details.role == .practiceLead)
            #expect(lead.details.practiceIDs.contains(practice.id))
            #expect(!practice.details.description.isEmpty)
        }
    }

    @Test("staff e-mails are unique and on rapport.test; recruiters sit in one or two practices")
    func staff() {
        let emails = firm.users.map { EmailAddress.normalized($0.details.email) }
        #expect(Set(emails).count == emails.count)
        #expect(emails.allSatisfy { $0.hasSuffix("@rapport.test") })
        for user in firm.users where user.details.role == .recruiter {
            #expect((1...2).contains(user.details.practiceIDs.count))
        }
        #expect(Set(firm.users.map(\.details.region)) == Set(Region.allCases))
    }

    @Test("every record validates and every id it refers to exists")
    func validAndResolved() throws {
        let existing = FirmIndex(firm)
        for practice in firm.practices {
            try practice.details.validate()
            try EntityReference.check(practice.details.references, existing: existing.lookup)
        }
        for user in firm.users {
            try user.details.validate()
            try EntityReference.check(user.details.references, existing: existing.lookup)
        }
        for client in firm.clients { try client.details.validate() }
        for job in firm.jobs {
            try job.details.validate(today: Self.today)
            try EntityReference.check(job.details.references, existing: existing.lookup)
        }
        for skill in firm.skills {
            #expect(!skill.category.isEmpty)
            if let practiceID = skill.practiceID { #expect(existing.practices.contains(practiceID.rawValue)) }
        }
    }

    @Test("the taxonomy knows the aliases people write")
    func aliases() {
        let byAlias = Dictionary(
            firm.skills.flatMap { skill in skill.aliases.map { ($0.lowercased(), skill.name) } },
            uniquingKeysWith: { first, _ in first }
        )
        #expect(byAlias["k8s"] == "Kubernetes")
        #expect(byAlias["golang"] == "Go")
        #expect(byAlias["js"] == "JavaScript")
        #expect(byAlias["reactjs"] == "React")
        #expect(byAlias["react.js"] == "React")
        #expect(byAlias["c-sharp"] == "C#")
        #expect(byAlias["postgres"] == "PostgreSQL")
        let allAliases = firm.skills.flatMap { $0.aliases.map { $0.lowercased() } }
        #expect(Set(allAliases).count == allAliases.count, "an alias must name one skill only")
        let names = firm.skills.map { $0.name.lowercased() }
        #expect(Set(names).count == names.count, "skill names must be unique")
        let clash = Set(names).intersection(byAlias.keys)
        #expect(clash.isEmpty, "aliases that are also skill names: \(clash.sorted())")
    }

    @Test("jobs are paid in their region's currency, with a unit that fits the employment type")
    func jobPay() throws {
        for job in firm.jobs {
            let details = job.details
            let pay = try #require(details.pay, "\(details.title): every demo job states its pay")
            let clientRegion = firm.clients[Int(details.clientID.rawValue) - 1].details.region
            #expect(details.region == clientRegion)
            #expect(pay.minimum.currency == details.region.currency)
            #expect(pay.maximum.currency == details.region.currency)
            #expect(pay.minimum.unit == pay.maximum.unit)
            #expect(pay.minimum.minorUnits <= pay.maximum.minorUnits)
            #expect((details.employmentType == .permanent) == (pay.minimum.unit == .year))
            #expect((details.employmentType == .permanent) == (details.durationWeeks == nil))
            #expect((3...10).contains(details.requiredSkills.count))
            #expect((1...3).contains(details.openings))
            #expect((1...2).contains(details.ownerIDs.count))
        }
    }

    @Test("UK contract day rates and US salaries fall in the bands recruiters would expect")
    func payBands() {
        let paid: [(job: JobDetails, pay: PayRange)] = firm.jobs.compactMap { job in job.details.pay.map { (job.details, $0) } }
        let ukSeniorDay = paid.filter { $0.job.region == .uk && $0.pay.minimum.unit == .day && $0.job.seniority == .senior }
        #expect(!ukSeniorDay.isEmpty)
        for (job, pay) in ukSeniorDay {
            #expect((350_00...1_000_00).contains(pay.minimum.minorUnits), "\(job.title): \(pay)")
        }
        for (job, pay) in paid where job.region == .us && pay.minimum.unit == .year {
            #expect((60_000_00...350_000_00).contains(pay.minimum.minorUnits), "\(job.title): \(pay)")
        }
        for (job, pay) in paid where job.region == .hk && pay.minimum.unit == .year {
            #expect((250_000_00...2_000_000_00).contains(pay.minimum.minorUnits), "\(job.title): \(pay)")
        }
    }

    @Test("job owners work in the job's practice, and its skills mostly belong there")
    func jobPractice() {
        let practiceOfSkill = Dictionary(uniqueKeysWithValues: firm.skills.map { ($0.id, $0.practiceID) })
        for job in firm.jobs {
            let practiceID = job.details.practiceID
            for owner in job.details.ownerIDs {
                #expect(firm.users[Int(owner.rawValue) - 1].details.practiceIDs.contains { $0 == practiceID })
            }
            let inPractice = job.details.requiredSkills.filter { practiceOfSkill[$0.skillID] == practiceID || practiceOfSkill[$0.skillID] == .some(nil) }
            #expect(inPractice.count * 2 >= job.details.requiredSkills.count, "\(job.details.title)")
        }
    }

    @Test("all four regions have clients and jobs, and the statuses are mostly open")
    func spread() {
        #expect(Set(firm.clients.map(\.details.region)) == Set(Region.allCases))
        #expect(Set(firm.jobs.map(\.details.region)) == Set(Region.allCases))
        let open = firm.jobs.filter { $0.details.status == .open }.count
        #expect(open * 2 > firm.jobs.count)
        #expect(Set(firm.jobs.map(\.details.status)) == Set(JobStatus.allCases))
        #expect(Set(firm.jobs.map(\.details.employmentType)) == Set(EmploymentType.allCases))
    }
}

/// The ids a loaded firm would have, answering `EntityReference.check` the way a store does.
struct FirmIndex {
    var practices: Set<Int64>
    var users: Set<Int64>
    var skills: Set<Int64>
    var clients: Set<Int64>
    var jobs: Set<Int64>
    var candidates: Set<Int64> = []

    init(_ firm: DemoFirm) {
        practices = Set(firm.practices.map(\.id.rawValue))
        users = Set(firm.users.map(\.id.rawValue))
        skills = Set(firm.skills.map(\.id.rawValue))
        clients = Set(firm.clients.map(\.id.rawValue))
        jobs = Set(firm.jobs.map(\.id.rawValue))
    }

    func lookup(_ kind: EntityKind, _ ids: Set<Int64>) -> Set<Int64> {
        switch kind {
        case .practice: ids.intersection(practices)
        case .user: ids.intersection(users)
        case .skill: ids.intersection(skills)
        case .client: ids.intersection(clients)
        case .job: ids.intersection(jobs)
        case .candidate: ids.intersection(candidates)
        }
    }
}
