import Foundation
import RapportFormats
import Testing

@Suite("JSON Resume job postings: reading")
struct JSONResumeJobTests {
    @Test("the schema's sample job reads whole, without an issue, salary and skills included")
    func sample() throws {
        let (job, issues) = try JSONResumeJob.read(ResumeFixtures.data("resume-schema/sample.job.json"))
        #expect(issues.isEmpty, "\(issues)")
        #expect(job.title == "Web Developer" && job.company == "Microsoft" && job.type == "Full-time")
        #expect(job.location?.city == "Berlin" && job.location?.countryCode == "DE")
        #expect(job.remote == .hybrid && job.experience == "Mid-level" && job.date?.description == "2024-07")
        #expect(job.salary == .stated(SalaryText.Stated(minimum: 100_000, maximum: 100_000, currency: nil, dollar: false, period: nil)))
        #expect(job.skills.map(\.name) == ["Web Development", "Database Management"])
        #expect(job.skills[0].keywords.contains("Node.js"))
        #expect(job.responsibilities.count == 4 && job.qualifications.count == 3)
    }

    @Test("postings as people write them: remote in other words, undisclosed pay, wrong types reported at their pointer")
    func messy() throws {
        let (job, issues) = try JSONResumeJob.read(Data(#"""
            {"title": "Platform Engineer", "company": "Acme", "remote": "Fully remote", "salary": "Competitive",
             "skills": ["Kubernetes", {"name": "Go"}], "responsibilities": "Run the platform", "qualifications": [3],
             "location": "Remote"}
            """#.utf8))
        #expect(job.remote == .full)
        #expect(job.salary == .notDisclosed)
        #expect(job.skills.map(\.name) == ["Kubernetes", "Go"])
        #expect(job.responsibilities == ["Run the platform"] && job.qualifications.isEmpty)
        #expect(issues.map(\.field) == ["/location", "/responsibilities", "/qualifications/0", "/skills/0"])
        let unknown = try JSONResumeJob.read(Data(#"{"title": "X", "remote": "sometimes"}"#.utf8))
        #expect(unknown.job.remote == nil && unknown.issues.map(\.field) == ["/remote"])
        #expect(throws: FormatError.self) { _ = try JSONResumeJob.read(Data("[]".utf8)) }
    }
}
