import Foundation
import RapportFormats
import Testing

/// Files under Fixtures/jsonresume: the JSON Resume schema's own test fixtures (jsonresume/resume-schema v1.2.1 and
/// the jsonresume.org monorepo, MIT), its example résumés, and fresh-standard/fresh-test-resumes (MIT).
enum ResumeFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/jsonresume")

    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(path))
    }

    /// Every named fixture of the schema's tests: file, name, the document, and whether the schema accepts it.
    static func schemaCases(_ folder: String) throws -> [(name: String, document: Data, valid: Bool)] {
        let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(".json") && $0 != "dates.json" && !$0.hasPrefix("sample.") && $0 != "job-schema.json" }.sorted()
        var cases: [(String, Data, Bool)] = []
        for file in files {
            let fixtures = try JSONSerialization.jsonObject(with: data("\(folder)/\(file)")) as! [String: Any]
            for (name, document) in fixtures.sorted(by: { $0.key < $1.key }) {
                let valid = name.lowercased().range(of: "invalid") == nil
                cases.append(("\(file) \(name)", try JSONSerialization.data(withJSONObject: document), valid))
            }
        }
        return cases
    }
}

@Suite("JSON Resume: reading as the schema's own tests say")
struct JSONResumeTests {
    @Test("every fixture the schema accepts reads without an issue; every one it refuses is reported", arguments: ["resume-schema", "monorepo-schema"])
    func schemaFixtures(folder: String) throws {
        let cases = try ResumeFixtures.schemaCases(folder)
        #expect(cases.count > 150)
        for fixture in cases {
            let (_, issues) = try JSONResume.read(fixture.document)
            if fixture.valid {
                #expect(issues.isEmpty, "\(fixture.name): \(issues)")
            } else {
                #expect(!issues.isEmpty, "\(fixture.name) should be reported")
            }
        }
    }

    @Test("dates in the schema's three forms read, a wrong day does not", arguments: ["resume-schema", "monorepo-schema"])
    func dates(folder: String) throws {
        let fixtures = try JSONSerialization.jsonObject(with: ResumeFixtures.data("\(folder)/dates.json")) as! [String: String]
        for (name, text) in fixtures {
            let document = Data(#"{"work": [{"name": "Acme", "startDate": "\#(text)"}]}"#.utf8)
            let (resume, issues) = try JSONResume.read(document)
            if name == "invalid" {
                #expect(issues.map(\.field) == ["/work/0/startDate"], "\(text)")
                #expect(resume.work.first?.start == nil)
            } else {
                #expect(issues.isEmpty, "\(name): \(text)")
                #expect(resume.work.first?.start?.year == 2013)
            }
        }
    }

    @Test("the sample and example résumés read whole, without an issue")
    func samples() throws {
        for path in ["resume-schema/sample.resume.json", "monorepo-schema/examples/new-grad.resume.json",
                     "monorepo-schema/examples/career-changer.resume.json", "monorepo-schema/examples/senior-engineer.resume.json"] {
            let (resume, issues) = try JSONResume.read(ResumeFixtures.data(path))
            #expect(issues.isEmpty, "\(path): \(issues)")
            #expect(resume.basics.name != nil && resume.basics.email != nil, "\(path)")
            #expect(!resume.work.isEmpty && !resume.skills.isEmpty, "\(path)")
        }
        let (sample, _) = try JSONResume.read(ResumeFixtures.data("resume-schema/sample.resume.json"))
        #expect(sample.basics.name == "Richard Hendriks")
        #expect(sample.basics.location?.countryCode == "US")
        #expect(sample.work.first?.name == "Pied Piper" && sample.work.first?.start?.description == "2013-12")
    }

    @Test("messy real-world files: v0 names, 'Present', plain-string skills, wrong types and extra fields are salvaged and said")
    func messy() throws {
        let document = Data(#"""
            {"basics": {"name": "  Ana Lima ", "email": "ana@example.com", "phone": 6421555123, "website": "analima.dev",
                        "location": {"city": "Auckland", "countryCode": "NZ"}, "profiles": [{"url": "github.com/analima"}, "linkedin"],
                        "favouriteColour": "teal"},
             "work": [{"company": "Xero", "position": "Engineer", "startDate": "March 2021", "endDate": "Present",
                       "highlights": "Led payments"},
                      {"name": "Trade Me", "startDate": 2016, "endDate": "2021-13"}],
             "skills": ["Swift", {"name": "Go", "keywords": ["gRPC", null]}],
             "awards": [{"title": "Hackathon"}],
             "education": {"institution": "VUW"}}
            """#.utf8)
        let (resume, issues) = try JSONResume.read(document)
        #expect(resume.basics.name == "Ana Lima")
        #expect(resume.basics.phone == "6421555123")
        #expect(resume.basics.url == "https://analima.dev")
        #expect(resume.basics.profiles.map(\.url) == ["https://github.com/analima"])
        #expect(resume.work.map(\.name) == ["Xero", "Trade Me"])
        #expect(resume.work[0].start?.description == "2021-03" && resume.work[0].ongoing && resume.work[0].end == nil)
        #expect(resume.work[0].highlights == ["Led payments"])
        #expect(resume.work[1].start?.description == "2016" && resume.work[1].end == nil && !resume.work[1].ongoing)
        #expect(resume.skills.map(\.name) == ["Swift", "Go"])
        #expect(resume.skills[1].keywords == ["gRPC"])
        #expect(resume.education.isEmpty)
        #expect(resume.leftOut == ["awards": 1])
        #expect(issues.map(\.field) == [
            "/basics/phone", "/basics/website", "/basics/profiles/0/url", "/basics/profiles/1", "/work/0/startDate", "/work/0/highlights",
            "/work/1/startDate", "/work/1/endDate", "/education", "/skills/0", "/skills/1/keywords/1",
        ])
        #expect(issues.allSatisfy { $0.severity == .warning })
    }

    @Test("the fresh test résumés: empty, incomplete and garbage each get a clear answer; broken JSON fails whole")
    func freshResumes() throws {
        let (empty, emptyIssues) = try JSONResume.read(ResumeFixtures.data("fresh-test-resumes/jrs/empty.json"))
        #expect(empty.basics.name == nil && empty.basics.email == nil && empty.work.isEmpty == false)
        #expect(emptyIssues.isEmpty, "\(emptyIssues)")
        let (incomplete, _) = try JSONResume.read(ResumeFixtures.data("fresh-test-resumes/jrs/jane-incomplete.json"))
        #expect(incomplete.basics.name == "Jane Q. Fullstacker" && incomplete.basics.email == nil)
        for file in ["jane-fullstacker.json", "john-doe.json", "richard-hendriks.json"] {
            let (resume, _) = try JSONResume.read(ResumeFixtures.data("fresh-test-resumes/jrs/" + file))
            #expect(resume.basics.name != nil, "\(file)")
        }
        #expect(throws: FormatError.self) { _ = try JSONResume.read(ResumeFixtures.data("fresh-test-resumes/fresh/johnny-trouble.broken.json")) }
        let broken = #expect(throws: FormatError.self) { _ = try JSONResume.read(Data("{\"basics\": ".utf8)) }
        #expect(broken?.message.hasPrefix("is not valid JSON") == true)
        let list = #expect(throws: FormatError.self) { _ = try JSONResume.read(Data("[1, 2]".utf8)) }
        #expect(list?.message == "must be a JSON object with a \"basics\" section, not a list")
    }

    @Test("invalid UTF-8 and JSON nested too deep are refused with a reason, without a crash")
    func hostileInput() {
        let latin1 = #expect(throws: FormatError.self) { _ = try JSONResume.read(Data([0x7B, 0x22, 0xE9, 0x22, 0x3A, 0x31, 0x7D])) }
        #expect(latin1?.message.contains("UTF-8") == true)
        let deep = Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        #expect(throws: FormatError.self) { _ = try JSONResume.read(deep) }
        let nested = Data(("{\"basics\": " + String(repeating: "{\"a\": ", count: 100) + "1" + String(repeating: "}", count: 101)).utf8)
        let tooDeep = #expect(throws: FormatError.self) { _ = try JSONResume.read(nested) }
        #expect(tooDeep?.message.contains("64 levels") == true)
    }
}
